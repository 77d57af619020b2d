"""Token and sentence F1 of the warta ``tokens`` stage on the UD Indonesian treebanks.

    python bench/ud_tokens.py [--join space|newline] [--show-errors N]

Scoring follows the CoNLL 2018 shared task: tokens and sentences are compared as character
spans over the raw text, and a system span counts only when it matches a gold span exactly.
The raw text is rebuilt from the ``# text =`` lines; the treebanks have no document markers, so
each file's sentences are joined with one space (``--join newline`` puts each on its own line,
which the splitter treats as a soft boundary) and fed to the stage as one body paragraph.

Multi-word tokens: UD splits enclitics and some contractions into syntactic words
("ujarnya" -> "ujar" + "nya", written as a range line ``4-5 ujarnya``). warta keeps such a
word whole and marks the clitic on it, so warta tokens are compared against the gold SURFACE
tokens (the range forms and the words outside any range). We also report how many gold
multi-word tokens warta matches as one token and, of those ending in an enclitic, how many carry
that clitic in Token.clitic.

Writes bench/results/ud_tokens.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
UD = REPO.parent / "shared" / "data"
TREEBANKS = {
    "GSD test": UD / "ud-indonesian-gsd" / "current" / "id_gsd-ud-test.conllu",
    "PUD": UD / "ud-indonesian-pud" / "id_pud-ud-test.conllu",
    "CSUI test": UD / "ud-indonesian-csui" / "id_csui-ud-test.conllu",
}
CLITICS = ("nya", "lah", "kah", "pun", "ku", "mu")


@dataclass
class GoldSentence:
    text: str
    tokens: list[str] = field(default_factory=list)  # surface forms
    mwt: list[tuple[int, str]] = field(default_factory=list)  # (surface token index, form)


def read_conllu(content: str) -> list[GoldSentence]:
    """Sentences with their ``# text`` and surface tokens (multi-word ranges count once)."""
    sentences: list[GoldSentence] = []
    current: GoldSentence | None = None
    skip_until = 0
    for line in content.splitlines():
        if line.startswith("# text ="):
            current = GoldSentence(line[len("# text =") :].strip())
            sentences.append(current)
            skip_until = 0
            continue
        if not line or line.startswith("#") or current is None:
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        ident, form = cols[0], cols[1]
        if "." in ident:
            continue  # empty nodes carry no text
        if "-" in ident:
            skip_until = int(ident.split("-")[1])
            current.mwt.append((len(current.tokens), form))
            current.tokens.append(form)
            continue
        if int(ident) <= skip_until:
            continue
        current.tokens.append(form)
    return sentences


_ENDS = (".", "!", "?", "...", "…")
_CLOSERS = ('"', "”", "’", "'", ")", "»")


def inner_sentence_ends(sent: GoldSentence) -> int:
    """How many unsplit sentence ends this treebank "sentence" holds, judged by its own tokens.

    A standalone ". ! ? ..." token that is not the last, not after a single capital letter
    (which may be an initial, "J. Pardede"), followed (past closing quotes/brackets) by a capitalised
    token. GSD has a few dozen such items ("... bulan Juli. Sampul resmi album ...").
    """
    forms = sent.tokens
    ends = 0
    for k in range(1, len(forms) - 1):
        prev = forms[k - 1]
        if forms[k] not in _ENDS or (len(prev) == 1 and prev.isupper()):
            continue
        j = k + 1
        while j < len(forms) and forms[j] in _CLOSERS:
            j += 1
        if j < len(forms) and forms[j][:1].isupper():
            ends += 1
    return ends


def holds_several_sentences(sent: GoldSentence) -> bool:
    return inner_sentence_ends(sent) > 0


def splitter_ceiling(sentences: list[GoldSentence]) -> float:
    """Sentence F1 of a splitter that is right on every one-sentence item and splits each
    several-sentence item at its real sentence ends: those items can only cost it."""
    pieces = [inner_sentence_ends(s) + 1 for s in sentences]
    merged = sum(1 for n in pieces if n > 1)
    correct = len(sentences) - merged
    return f1(set(range(len(sentences))), set(range(correct)) | {-k - 1 for k in range(sum(n for n in pieces if n > 1))})["f1"]


def gold_spans(sentences: list[GoldSentence], join: str) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]],
                                                                  list[tuple[int, int, str]], int]:
    """Raw text, gold token spans, gold sentence spans, MWT spans, and unaligned-token count."""
    parts: list[str] = []
    tokens: list[tuple[int, int]] = []
    sents: list[tuple[int, int]] = []
    mwts: list[tuple[int, int, str]] = []
    unaligned = 0
    offset = 0
    for sent in sentences:
        if parts:
            parts.append(join)
            offset += len(join)
        base = offset
        parts.append(sent.text)
        offset += len(sent.text)
        sents.append((base, base + len(sent.text)))
        cursor = 0
        mwt_at = dict(sent.mwt)
        for index, form in enumerate(sent.tokens):
            found = sent.text.find(form, cursor)
            # A form that the text spells differently (rare normalisations) is left unaligned.
            if found < 0 or sent.text[cursor:found].strip():
                unaligned += 1
                continue
            span = (base + found, base + found + len(form))
            tokens.append(span)
            if index in mwt_at:
                mwts.append((span[0], span[1], form))
            cursor = found + len(form)
    return "".join(parts), tokens, sents, mwts, unaligned


def f1(gold: set, system: set) -> dict[str, float]:
    correct = len(gold & system)
    p = correct / len(system) if system else 0.0
    r = correct / len(gold) if gold else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
            "gold": len(gold), "system": len(system), "correct": correct}


def run_stage(text: str, res=None):
    """Run the tokens stage over ``text`` as one body paragraph."""
    from warta.doc import Document, Paragraph
    from warta.resources import Resources
    from warta.stages import tokens as stage

    doc = Document(id="ud", text=text, paragraphs=[Paragraph(0, len(text), "body")])
    return stage.run(doc, res or Resources())


def score_conllu(content: str, join: str = " ", res=None) -> dict:
    """Token/sentence F1 of the tokens stage against one CoNLL-U string."""
    sentences = read_conllu(content)
    text, gold_tokens, gold_sents, mwts, unaligned = gold_spans(sentences, join)
    doc = run_stage(text, res)
    sys_tokens = {(t.start, t.end) for t in doc.tokens}
    sys_sents = {(s.start, s.end) for s in doc.sentences}
    # Diagnostic: leave out the treebank items that hold several sentences, and the system
    # sentences overlapping them; what remains measures the splitter where gold is one sentence.
    merged = [span for span, sent in zip(gold_sents, sentences) if holds_several_sentences(sent)]
    single_gold = set(gold_sents) - set(merged)
    single_sys = {(a, b) for a, b in sys_sents if not any(a < e and s < b for s, e in merged)}
    by_span = {(t.start, t.end): t for t in doc.tokens}
    mwt_matched = [by_span[(s, e)] for s, e, _ in mwts if (s, e) in by_span]
    clitic_gold = [(s, e, f) for s, e, f in mwts if f.lower().endswith(CLITICS)]
    clitic_marked = sum(
        1 for s, e, f in clitic_gold
        if (s, e) in by_span and by_span[(s, e)].clitic and f.lower().endswith(by_span[(s, e)].clitic)
    )
    return {
        "tokens": f1(set(gold_tokens), sys_tokens),
        "sentences": f1(set(gold_sents), sys_sents),
        "sentences_single_items": {**f1(single_gold, single_sys), "items_left_out": len(merged),
                                   "ceiling_f1": splitter_ceiling(sentences)},
        "multiword": {
            "gold": len(mwts),
            "matched_as_one_token": len(mwt_matched),
            "ending_in_clitic": len(clitic_gold),
            "clitic_marked": clitic_marked,
        },
        "unaligned_gold_tokens": unaligned,
        "chars": len(text),
        "_debug": (text, set(gold_tokens), sys_tokens, set(gold_sents), sys_sents),
    }


def _show_errors(result: dict, limit: int) -> None:
    text, gold_t, sys_t, gold_s, sys_s = result["_debug"]
    missed = sorted(gold_t - sys_t)[:limit]
    extra = sorted(sys_t - gold_t)
    print(f"  token errors (first {limit}): gold span missed -> system spans there")
    for s, e in missed:
        near = [text[a:b] for a, b in extra if a < e + 2 and b > s - 2]
        print(f"    {text[s:e]!r:30} sys: {near}  ctx: {text[max(0, s - 25):e + 25]!r}")
    print(f"  sentence errors (first {limit}):")
    for s, e in sorted(gold_s - sys_s)[:limit]:
        print(f"    gold: {text[s:e][:60]!r}...{text[max(s, e - 40):e]!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--join", choices=["space", "newline"], default="space",
                        help="how the treebank's sentences are joined into raw text")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N", help="print N errors per treebank")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "ud_tokens.json")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from warta.resources import Resources

    res = Resources()
    join = " " if args.join == "space" else "\n"
    results: dict[str, dict] = {}
    for name, path in TREEBANKS.items():
        if not path.exists():
            print(f"skip {name}: {path} not found", file=sys.stderr)
            continue
        started = time.perf_counter()
        result = score_conllu(path.read_text(encoding="utf-8"), join, res)
        result["seconds"] = round(time.perf_counter() - started, 3)
        result["file"] = str(path.relative_to(UD.parent.parent)) if UD.parent.parent in path.parents else str(path)
        if args.show_errors:
            print(f"== {name}")
            _show_errors(result, args.show_errors)
        result.pop("_debug")
        results[name] = result
    if not results:
        print("no UD treebank found under ../shared/data", file=sys.stderr)
        return 1
    header = (f"{'treebank':10} {'tok P':>7} {'tok R':>7} {'tok F1':>7} {'sent P':>7} {'sent R':>7} "
              f"{'sent F1':>7} {'ceiling':>7} {'F1 single':>9} (left out)  MWT one-token  clitic marked")
    print(header)
    for name, r in results.items():
        t, s, m, u = r["tokens"], r["sentences"], r["multiword"], r["sentences_single_items"]
        print(f"{name:10} {t['precision']:7.4f} {t['recall']:7.4f} {t['f1']:7.4f} {s['precision']:7.4f} "
              f"{s['recall']:7.4f} {s['f1']:7.4f} {u['ceiling_f1']:7.4f} {u['f1']:9.4f} ({u['items_left_out']:>3})       "
              f"{m['matched_as_one_token']:>4}/{m['gold']:<4}     {m['clitic_marked']:>4}/{m['ending_in_clitic']}")
    print("ceiling: best sentence F1 a splitter can get when it splits every real sentence end,")
    print("         since each treebank item holding several sentences costs 1 miss and 2+ extras")
    print("F1 single: sentence F1 leaving out the treebank items that hold several sentences")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    payload = {"join": args.join, "scoring": "CoNLL 2018 char-span exact match; surface tokens (MWT ranges)",
               "treebanks": results}
    args.out.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out.relative_to(REPO) if REPO in args.out.parents else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
