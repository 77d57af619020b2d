"""Token features for the CRF named-entity tagger, and the word lists they read.

The same function builds features at training time (scripts/train_ner.py) and at inference
time (warta.ner), so the two can never drift. Case features are emitted only for sentences
that contain an upper-case letter: the NERP corpus is lower-cased throughout, and a model
that learned "title case means name" from the cased corpora must still tag lower-cased text
from its word, affix, context and word-list features alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ResourceError

LEXICON_CATEGORIES = (
    "title", "orghead", "gpehead", "lochead", "city", "region", "org", "time", "country", "common",
)
# Categories whose phrases name a place with a government / without one.
GPE_CATEGORIES = frozenset({"city", "country"})
LOC_CATEGORIES = frozenset({"region"})
MAX_PHRASE_TOKENS = 5
NAME_CATEGORIES = ("per", "org", "loc")
CASING_BUCKETS = frozenset("012345")
_WORD_CACHE_SIZE = 200_000
# With the casing table (feature set 2), a sentence without case repeats these features under an
# "lc|" prefix: NERP, the one lower-cased corpus, gets weights of its own for its conventions
# while the shared weights keep those of the cased corpora.
_LC_COPIED = ("w=", "w-1=", "w+1=", "s3=", "p3=", "w-1|w=", "w|w+1=", "L=", "L-1=", "L+1=",
              "k=", "k-1=", "k+1=", "D=", "c1=", "c2=", "c-1=", "c+1=", "e0=", "e1=")


@dataclass(frozen=True)
class NerLexicon:
    """Lower-cased phrases (as token tuples) -> the categories they belong to."""

    phrases: dict[tuple[str, ...], frozenset[str]]
    longest: int
    # lower-cased word -> its distributional cluster ids, coarse to fine
    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # lower-cased word -> how often news capitalises it mid-sentence, bucket "0" (never) .. "4"
    # (always), "5" (all capitals); read for every sentence, so lower-cased text still knows
    # which words are usually names
    casing: dict[str, str] = field(default_factory=dict)
    # encyclopaedic name list (person/org/loc phrases), a second phrase table
    names: NerLexicon | None = None
    # lower-cased word -> its classes over skip-gram word vectors, coarse to fine
    embed: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # derived once for speed: the first words of phrases, each word's cluster feature strings
    # first word of a phrase -> the longest phrase it opens (most open only short ones)
    first_words: dict[str, int] = field(default_factory=dict, init=False)
    cluster_features: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False)
    embed_features: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False)
    # word -> its context-free features, filled as words are seen: most tokens of a news text
    # are frequent words, and rebuilding their strings was a third of the tagging time
    word_cache: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        longest: dict[str, int] = {}
        for key in self.phrases:
            longest[key[0]] = max(longest.get(key[0], 0), len(key))
        object.__setattr__(self, "first_words", longest)
        object.__setattr__(self, "cluster_features", {
            w: tuple(f"c{k}={c}" for k, c in enumerate(ids)) for w, ids in self.clusters.items()
        })
        object.__setattr__(self, "embed_features", {
            w: tuple(f"e{k}={c}" for k, c in enumerate(ids)) for w, ids in self.embed.items()
        })

    def word_features(self, word: str) -> tuple[str, ...]:
        """The features of a lower-cased word that do not depend on its neighbours."""
        cached = self.word_cache.get(word)
        if cached is not None:
            return cached
        f = ["w=" + word, "s2=" + word[-2:], "s3=" + word[-3:], "p3=" + word[:3], "len=" + _length_bucket(len(word))]
        if len(word) > 4:
            f.append("s4=" + word[-4:])
            f.append("p2=" + word[:2])
        if not word.isalpha():
            if any(ch.isdigit() for ch in word):
                f.append("dig")
            if "-" in word:
                f.append("hyph")
            if not any(ch.isalnum() for ch in word):
                f.append("punct=" + word)
        if self.clusters:
            f.extend(self.cluster_features.get(word) or self._missing("c", self.clusters))
        if self.embed:
            f.extend(self.embed_features.get(word) or self._missing("e", self.embed))
        features = tuple(f)
        if len(self.word_cache) >= _WORD_CACHE_SIZE:  # bounded: an archive run sees millions of rare words
            self.word_cache.clear()
        self.word_cache[word] = features
        return features

    @staticmethod
    def _missing(prefix: str, table: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
        width = len(next(iter(table.values())))
        return tuple(f"{prefix}{k}=-" for k in range(width))

    def categories(self, text: str) -> frozenset[str]:
        return self.phrases.get(tuple(text.lower().split()), frozenset())

    def tag(self, lowered: Sequence[str]) -> list[tuple[str, ...]]:
        """Per token, the lexicon features of the longest phrase covering it ("city:B", ...)."""
        out: list[tuple[str, ...]] = [()] * len(lowered)
        i, n = 0, len(lowered)
        phrases, first = self.phrases, self.first_words
        while i < n:
            reach = first.get(lowered[i])
            if reach is None:
                i += 1
                continue
            for size in range(min(reach, n - i), 0, -1):
                cats = phrases.get(tuple(lowered[i : i + size]))
                if cats:
                    for k in range(i, i + size):
                        pos = "B" if k == i else "I"
                        out[k] = tuple(f"{c}:{pos}" for c in sorted(cats))
                    i += size
                    break
            else:
                i += 1
        return out


def load_clusters(path: Path) -> dict[str, tuple[str, ...]]:
    """Read ``word<TAB>coarse<TAB>...<TAB>fine`` rows (built by scripts/train_ner.py --clusters)."""
    table: dict[str, tuple[str, ...]] = {}
    width = 0
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw or raw.startswith("#"):
            continue
        parts = raw.split("\t")
        width = width or len(parts)
        if len(parts) != width or len(parts) < 2 or not all(p.isdigit() for p in parts[1:]):
            raise ResourceError(f"{Path(path).name}:{lineno}: expected word<TAB>cluster ids, got {raw!r}")
        table[parts[0]] = tuple(parts[1:])
    return table


def load_casing(path: Path) -> dict[str, str]:
    """Read ``word<TAB>bucket`` rows (bucket 0-5, built by scripts/train_ner.py --clusters)."""
    table: dict[str, str] = {}
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not raw or raw.startswith("#"):
            continue
        word, _, bucket = raw.partition("\t")
        if not word or bucket not in CASING_BUCKETS:
            raise ResourceError(f"{Path(path).name}:{lineno}: expected word<TAB>bucket 0-5, got {raw!r}")
        table[word] = bucket
    return table


def load_names(path: Path) -> NerLexicon:
    """Read the ``per|org|loc<TAB>phrase`` name list (tens of thousands of rows: a lean loop)."""
    single = {c: frozenset((c,)) for c in NAME_CATEGORIES}
    table: dict[tuple[str, ...], frozenset[str]] = {}
    name = Path(path).name
    for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").split("\n"), 1):
        if not raw or raw[0] == "#":
            continue
        category, _, phrase = raw.partition("\t")
        key = tuple(phrase.split(" "))
        if category not in single:
            raise ResourceError(f"{name}:{lineno}: unknown category {category!r}")
        if not phrase or phrase != phrase.lower() or "" in key or len(key) > MAX_PHRASE_TOKENS:
            raise ResourceError(f"{name}:{lineno}: phrase must be lower case, single-spaced, at most "
                                f"{MAX_PHRASE_TOKENS} words, got {phrase!r}")
        seen = table.get(key)
        if seen is None:
            table[key] = single[category]
        elif category in seen:
            raise ResourceError(f"{name}:{lineno}: duplicate entry {category} {phrase!r}")
        else:
            table[key] = seen | single[category]
    return NerLexicon(table, max((len(k) for k in table), default=1))


def load_lexicon(paths: Iterable[Path], clusters: Path | None = None, casing: Path | None = None,
                 names: Path | None = None, embed: Path | None = None) -> NerLexicon:
    """Read ``category<TAB>phrase`` rows; a malformed row is an error naming file and line."""
    base = _read_phrases(paths, LEXICON_CATEGORIES)
    return NerLexicon(base.phrases, base.longest, load_clusters(clusters) if clusters else {},
                      load_casing(casing) if casing else {}, load_names(names) if names else None,
                      load_clusters(embed) if embed else {})


def _read_phrases(paths: Iterable[Path], categories: tuple[str, ...]) -> NerLexicon:
    table: dict[tuple[str, ...], set[str]] = {}
    for path in paths:
        seen: set[tuple[str, str]] = set()
        for lineno, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            where = f"{Path(path).name}:{lineno}"
            if len(parts) != 2:
                raise ResourceError(f"{where}: expected 'category<TAB>phrase', got {raw!r}")
            category, phrase = parts[0].strip(), " ".join(parts[1].split())
            if category not in categories:
                raise ResourceError(f"{where}: unknown category {category!r}")
            if not phrase or phrase != phrase.lower():
                raise ResourceError(f"{where}: phrase must be non-empty lower case, got {parts[1]!r}")
            key = tuple(phrase.split())
            if len(key) > MAX_PHRASE_TOKENS:
                raise ResourceError(f"{where}: phrase longer than {MAX_PHRASE_TOKENS} words")
            if (category, phrase) in seen:
                raise ResourceError(f"{where}: duplicate entry {category} {phrase!r}")
            seen.add((category, phrase))
            table.setdefault(key, set()).add(category)
    frozen = {k: frozenset(v) for k, v in table.items()}
    return NerLexicon(frozen, max((len(k) for k in frozen), default=1))


def _shape(word: str) -> str:
    """Collapsed character classes: "Jakarta" -> "Xx", "KPK" -> "X", "2/12" -> "d/d"."""
    if word.isalpha():  # fast paths for the common shapes
        if word.islower():
            return "x"
        if word.isupper():
            return "X"
        if word[0].isupper() and (len(word) == 1 or word[1:].islower()):
            return "Xx"
    elif word.isdigit():
        return "d"
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.isalpha():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out[:6])


def _length_bucket(n: int) -> str:
    return "1" if n == 1 else "2" if n == 2 else "3" if n <= 4 else "5" if n <= 8 else "9"


def _title_runs(words: Sequence[str]) -> list[str]:
    """Position in a run of capitalised words and the run length: "B3", "I3", "E3", "S1", "-"."""
    out = ["-"] * len(words)
    for i, j in _capital_runs(words):
        size = str(min(j - i, 4))
        for k in range(i, j):
            out[k] = ("S" if j - i == 1 else "B" if k == i else "E" if k == j - 1 else "I") + size
    return out


def _capital_runs(words: Sequence[str]) -> list[tuple[int, int]]:
    """(start, end) of each run of consecutive capitalised words."""
    runs: list[tuple[int, int]] = []
    i, n = 0, len(words)
    while i < n:
        if not words[i][:1].isupper():
            i += 1
            continue
        j = i
        while j < n and words[j][:1].isupper():
            j += 1
        runs.append((i, j))
        i = j
    return runs


_LIST_SEPARATORS = frozenset({",", "dan", "atau", "serta", "maupun", "/"})


def _run_context(low: Sequence[str], words: Sequence[str], lex: Sequence[tuple[str, ...]],
                 names: Sequence[tuple[str, ...]], cl: Sequence[tuple[str, ...]] | None,
                 el: Sequence[str] | None) -> list[tuple[str, ...]]:
    """For a word inside a run of capitalised words: the words just before and after the run and
    the run's first and last words ("band | Luna Sea | dalam"), so every word of a long name sees
    the cue words around and at the ends of the whole name; and for a run in a coordinated list
    ("Koutu , Hillcrest , Matipo Heights dan Rotokawa") what the word lists and word classes say
    about the other items, since the items of one list are nearly always of one kind."""
    out: list[tuple[str, ...]] = [()] * len(words)
    runs = _capital_runs(words)
    n = len(words)
    groups: list[list[int]] = []
    for r, (i, j) in enumerate(runs):
        if r and runs[r - 1][1] + 1 == i and low[i - 1] in _LIST_SEPARATORS:
            groups[-1].append(r)
        else:
            groups.append([r])
    for group in groups:
        evidence: list[set[str]] = []
        for r in group:
            i, j = runs[r]
            ev = {"sL=" + c.split(":")[0] for c in lex[i]} | {"sD=" + c.split(":")[0] for c in names[i]}
            if cl is not None and cl[j - 1][1] != "-":
                ev.add("sc=" + cl[j - 1][1])
            if el is not None and el[j] != "-":
                ev.add("se=" + el[j])
            evidence.append(ev)
        for k, r in enumerate(group):
            i, j = runs[r]
            ctx = ["rb=" + (low[i - 1] if i > 0 else "<s>"), "ra=" + (low[j] if j < n else "</s>"),
                   "rf=" + low[i], "rl=" + low[j - 1]]
            if len(group) > 1:
                ctx.append("lst")
                sib: set[str] = set()
                for m, ev in enumerate(evidence):
                    if m != k:
                        sib |= ev
                ctx.extend(sorted(sib))
            for t in range(i, j):
                out[t] = tuple(ctx)
    return out


def is_cased(words: Sequence[str]) -> bool:
    return any(w != w.lower() for w in words)


def own_features(word: str, lexicon: NerLexicon) -> tuple[str, ...]:
    """The bias and the features of a lower-cased word that do not depend on its neighbours."""
    return ("b", *lexicon.word_features(word))


def sentence_features(words: Sequence[str], lexicon: NerLexicon, cased: bool | None = None,
                      own: bool = True) -> list[list[str]]:
    """One feature list per token. ``cased`` defaults to "the sentence has an upper-case letter".
    ``own=False`` (cased sentences only) leaves out the bias and each word's own features, which
    the CRF then adds as one summed row per word (``own_features``)."""
    if cased is None:
        cased = is_cased(words)
    n = len(words)
    low = [w.lower() for w in words]
    lex = lexicon.tag(low)
    lex1 = [x[0].split(":")[0] if x else "-" for x in lex]
    shp = ["<s>", "<s>", *(_shape(w) for w in words), "</s>", "</s>"] if cased else None
    cl = cp = None
    if lexicon.clusters:
        no_cluster = ("-",) * len(next(iter(lexicon.clusters.values())))
        cl = [lexicon.clusters.get(w, no_cluster) for w in low]
        cp = ["<s>", "<s>", *(c[-2] for c in cl), "</s>", "</s>"]
    pad_low = ["<s>", "<s>", *low, "</s>", "</s>"]
    el = None
    if lexicon.embed:
        el = ["<s>", *(lexicon.embed.get(w, ("-",))[0] for w in low), "</s>"]
    caps = None
    if lexicon.casing:  # "u": unseen word, "n": not a word
        caps = ["<s>", *(lexicon.casing.get(w, "u" if w.isalpha() else "n") for w in low), "</s>"]
    names = names1 = runs = None
    if lexicon.names is not None:
        names = lexicon.names.tag(low)
        names1 = ["<s>", *(x[0].split(":")[0] if x else "-" for x in names), "</s>"]
        runs = _title_runs(words) if cased else None
    run_ctx = _run_context(low, words, lex, names, cl, el) if cased and names is not None else None
    feats: list[list[str]] = []
    for i in range(n):
        w = low[i]
        j = i + 2  # index into pad_low
        f = [
            *(own_features(w, lexicon) if own else ()),
            "w-1=" + pad_low[j - 1],
            "w+1=" + pad_low[j + 1],
            "w-2=" + pad_low[j - 2],
            "w+2=" + pad_low[j + 2],
            "w-1|w=" + pad_low[j - 1] + "|" + w,
            "w|w+1=" + w + "|" + pad_low[j + 1],
            "L-1=" + (lex1[i - 1] if i > 0 else "<s>"),
            "L+1=" + (lex1[i + 1] if i + 1 < n else "</s>"),
        ]
        for item in lex[i]:
            f.append("L=" + item)
        if cp is not None:  # cp and shp are padded like pad_low: index j is token i
            c = cp[j]
            f.extend(("c-1=" + cp[j - 1], "c+1=" + cp[j + 1], "c-2=" + cp[j - 2], "c+2=" + cp[j + 2],
                      "c-1|c=" + cp[j - 1] + "|" + c))
            if shp is not None:
                f.append("sh|c=" + shp[j] + "|" + c)
        if el is not None:
            f.extend(("e-1=" + el[i], "e+1=" + el[i + 2]))
        if shp is not None:
            sh, prev, nxt = shp[j], shp[j - 1], shp[j + 1]
            f.extend(("sh=" + sh, "sh-1=" + prev, "sh+1=" + nxt, "sh-1|sh=" + prev + "|" + sh,
                      "sh|sh+1=" + sh + "|" + nxt, "w-1|sh=" + pad_low[j - 1] + "|" + sh))
            if i == 0:
                f.append("first|sh=" + sh)
        if caps is not None:
            k, kp, kn = caps[i + 1], caps[i], caps[i + 2]
            f.extend(("k=" + k, "k-1=" + kp, "k+1=" + kn, "k-1|k=" + kp + "|" + k, "k|k+1=" + k + "|" + kn,
                      "w-1|k=" + pad_low[j - 1] + "|" + k))
            if i == 0:
                f.append("first")
            if cp is not None and i + 1 < n:
                f.append("c|c+1=" + cp[j] + "|" + cp[j + 1])
        if names is not None:
            f.extend(("D-1=" + names1[i], "D+1=" + names1[i + 2]))
            for item in names[i]:
                f.append("D=" + item)
                if runs is not None:
                    f.append("D|run=" + item + "|" + runs[i][:1])
            if runs is not None:
                f.append("run=" + runs[i])
        if run_ctx is not None:
            f.extend(run_ctx[i])
        if caps is not None and not cased:
            f.extend(["lc|" + x for x in f if x.startswith(_LC_COPIED)])
        feats.append(f)
    return feats
