"""The CRF named-entity tagger: corpus reading, label mapping, span scoring and the model wrapper.

The model tags tokens with BIO labels over PER, ORG and LOC (every named place); the
entities stage decides GPE vs LOC afterwards from the gazetteer and the word lists, because
none of the training corpora separates places with a government from other places.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ResourceError
from .ner_features import NerLexicon, is_cased, load_lexicon, own_features, sentence_features

MODEL_TYPES = ("PER", "ORG", "LOC")

# Corpus label -> model label; labels not listed (events, food, time, quantity) become O.
LABEL_MAP = {
    "PPL": "PER", "PER": "PER", "PERSON": "PER",
    "IND": "ORG", "ORG": "ORG", "ORGANISATION": "ORG", "ORGANIZATION": "ORG",
    "PLC": "LOC", "PLACE": "LOC", "LOC": "LOC", "LOCATION": "LOC",
}  # fmt: skip

Sentence = list[tuple[str, str]]  # (token, BIO label)
# Tokens after which a capital letter says nothing about the word (a sentence or quote opens).
_OPENERS = frozenset({".", "!", "?", '"', "“", "‘", "'", "(", ":", "-", "–", "—"})


def read_conll(path: str | Path, label_column: int = -1) -> list[Sentence]:
    """Read a CoNLL file (tab or space separated, blank line between sentences), mapping labels."""
    sentences: list[Sentence] = []
    current: Sentence = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if not parts:
                if current:
                    sentences.append(current)
                    current = []
                continue
            current.append((parts[0], map_label(parts[label_column])))
    if current:
        sentences.append(current)
    return sentences


def map_label(label: str) -> str:
    if label == "O" or "-" not in label:
        return "O"
    prefix, kind = label.split("-", 1)
    mapped = LABEL_MAP.get(kind.upper())
    return f"{prefix}-{mapped}" if mapped and prefix in ("B", "I") else "O"


def bio_spans(labels: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) token spans, conlleval style: an I- after O or another type opens a span."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, label in enumerate([*labels, "O"]):
        prefix, _, typ = label.partition("-")
        if kind and (prefix != "I" or typ != kind):
            spans.append((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, typ
    return spans


@dataclass
class Scores:
    tp: dict[str, int]
    fp: dict[str, int]
    fn: dict[str, int]

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}

    def as_dict(self) -> dict[str, dict[str, float]]:
        out = {t: {**self._prf(self.tp[t], self.fp[t], self.fn[t]), "gold": self.tp[t] + self.fn[t]} for t in self.tp}
        tp, fp, fn = sum(self.tp.values()), sum(self.fp.values()), sum(self.fn.values())
        out["micro"] = {**self._prf(tp, fp, fn), "gold": tp + fn}
        return out


def score_spans(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Scores:
    """Mention-level exact-span precision/recall/F1 per type and micro-averaged."""
    tp = dict.fromkeys(MODEL_TYPES, 0)
    fp = dict.fromkeys(MODEL_TYPES, 0)
    fn = dict.fromkeys(MODEL_TYPES, 0)
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = set(bio_spans(g)), set(bio_spans(p))
        for span in gs & ps:
            tp[span[2]] += 1
        for span in ps - gs:
            fp[span[2]] += 1
        for span in gs - ps:
            fn[span[2]] += 1
    return Scores(tp, fp, fn)


def file_sha256(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _lower_openers(words: Sequence[str], casing: dict[str, str]) -> Sequence[str]:
    """Lower-case a word capitalised only because it opens the sentence or a quote when news
    rarely capitalises it elsewhere (casing bucket 0 or 1: "Jika", "Namun"), so it cannot start a name."""
    out: list[str] | None = None
    for i, word in enumerate(words):
        if (word[:1].isupper() and word[1:].islower() and (i == 0 or words[i - 1] in _OPENERS)
                and casing.get(word.lower()) in ("0", "1")):
            out = out or list(words)
            out[i] = word.lower()
    return out or words


class NerModel:
    """The CRF (its weights run in numpy, or crfsuite for an older model folder), the optional
    neural tagger whose log-probabilities are added to the CRF's label scores, and the word
    lists the features were trained with."""

    def __init__(self, tagger: object, lexicon: NerLexicon, manifest: dict, crf: object | None = None,
                 neural: object | None = None):
        self._tagger = tagger
        self.lexicon = lexicon
        self.manifest = manifest
        self.crf = crf
        self.neural = neural
        # the network's weight in the sum of log scores, chosen on the dev splits (MODEL_CARD.md)
        self._neural_weight = float(manifest.get("neural", {}).get("weight", 0.0))
        self._order = None
        if crf is not None and neural is not None:
            from .ner_neural import LABELS

            self._order = [LABELS.index(label) for label in crf.labels]  # type: ignore[attr-defined]

    @classmethod
    def load(cls, folder: str | Path, verify: bool = False) -> NerModel:
        folder = Path(folder)
        model_path = folder / "model.crfsuite"
        manifest_path = folder / "manifest.json"
        if not manifest_path.exists() or not model_path.exists():
            raise ResourceError(f"NER model not found in {folder} (run scripts/train_ner.py)")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        clusters, casing, names, embed = (manifest.get(k) for k in ("clusters_file", "casing_file", "names_file",
                                                                    "embed_file"))
        lexicon = load_lexicon(
            (folder / name for name in manifest.get("lexicon_files", ["lexicon.tsv"])),
            folder / clusters if clusters else None,
            folder / casing if casing else None,
            folder / names if names else None,
            folder / embed if embed else None,
        )
        _checked(folder, {"file": model_path.name, "sha256": manifest.get("model_sha256")}, verify, "NER model")
        crf = tagger = None
        if manifest.get("crf_weights"):
            from .ner_crf import LinearChainCRF

            crf = LinearChainCRF.load(_checked(folder, manifest["crf_weights"], verify, "CRF weights"))
        else:
            import pycrfsuite

            tagger = pycrfsuite.Tagger()
            try:
                tagger.open(str(model_path))
            except Exception as err:
                raise ResourceError(f"cannot open NER model {model_path}: {err}") from err
        neural = None
        if manifest.get("neural") and crf is not None:
            from .ner_neural import NeuralTagger

            titles = frozenset(p[0] for p, cats in lexicon.phrases.items() if len(p) == 1 and "title" in cats)
            neural = NeuralTagger.load(_checked(folder, manifest["neural"], verify, "neural NER weights",
                                                "scripts/train_ner_neural.py"), lexicon.casing, titles)
        return cls(tagger, lexicon, manifest, crf, neural)

    def tag(self, words: Sequence[str], cased: bool | None = None) -> list[str]:
        return self.tag_many([(words, cased)])[0]

    def tag_many(self, sentences: Sequence[tuple[Sequence[str], bool | None]]) -> list[list[str]]:
        """Labels for many (words, cased) sentences: an article's sentences go through the CRF
        and the network together, which saves numpy's per-call cost."""
        prepared = []
        for words, cased in sentences:
            if cased is None:
                cased = is_cased(words)
            if cased and self.lexicon.casing:
                words = _lower_openers(words, self.lexicon.casing)
            prepared.append((words, cased))
        if self.crf is None:
            features = [sentence_features(words, self.lexicon, cased) if words else [] for words, cased in prepared]
            return [list(self._tagger.tag(f)) if f else [] for f in features]  # type: ignore[attr-defined]
        # a cased sentence's words bring their own features as one cached row each (a quarter of
        # all the look-ups); a case-less one copies them under "lc|", so it takes the plain path
        crf, lexicon = self.crf, self.lexicon
        features = [sentence_features(words, lexicon, cased, own=not cased) if words else []
                    for words, cased in prepared]
        scores = crf.scores_many(features)  # type: ignore[attr-defined]
        for k, (words, cased) in enumerate(prepared):
            if cased and words:
                own = [crf.summed(word.lower(), lambda w: own_features(w, lexicon)) for word in words]  # type: ignore[attr-defined]
                scores[k] = scores[k] + np.array(own)
        if self.neural is not None:
            full = [k for k, (words, _) in enumerate(prepared) if words]
            logps = self.neural.log_probabilities_many([prepared[k] for k in full])  # type: ignore[attr-defined]
            for k, logp in zip(full, logps):
                scores[k] = scores[k] + self._neural_weight * logp[:, self._order]
        return self.crf.decode_many(scores)  # type: ignore[attr-defined]

    def spans(self, words: Sequence[str], cased: bool | None = None) -> list[tuple[int, int, str]]:
        return bio_spans(self.tag(words, cased))


def _checked(folder: Path, entry: dict, verify: bool, what: str, script: str = "scripts/train_ner.py") -> Path:
    """The file a manifest entry names; with verify, its sha256 must match the entry's."""
    path = folder / entry["file"]
    if not path.exists():
        raise ResourceError(f"{what} not found: {path} (run {script})")
    if verify and file_sha256(path) != entry.get("sha256"):
        raise ResourceError(f"{what} {path} do not match their manifest sha256")
    return path
