"""A small convolutional tagger run in numpy, whose label log-probabilities join the CRF's scores.

The network (trained with torch by scripts/train_ner_neural.py; torch is not needed here) reads
each token's word vector, a character CNN over the word, its shape and its news casing bucket,
then three residual convolutions over the sentence, and gives a probability per BIO label.
NerModel adds a weighted log of these to the CRF's per-token label scores and decodes with the
CRF's transitions: the two taggers err differently (the network sees characters of unknown
names, the CRF sees word lists and long-range cues), and the sum beats each on every dev split.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .errors import ResourceError

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
MAX_CHARS = 16  # a longer word keeps its first and last 8 characters
CACHE_WORDS = 50_000  # cached input rows (a word has one per casing and after-a-title variant met)
UNKNOWN = 1  # index of the unknown word / character (0 is padding)
_LOG_FLOOR = float(np.log(1e-6))  # one confident network cannot veto the CRF outright
# OpenBLAS spreads a product of over ~10**6 multiply-adds across threads, which for products this
# small is several times slower (the threads spin against each other on a busy core): keep under it
_BLAS_WORK = 1_000_000

Cache = tuple[tuple[dict[str, int], ...], set[str], np.ndarray]


def word_shape(word: str) -> int:
    """0 number, 1 punctuation, 2 lower, 3 upper, 4 capitalised, 5 mixed."""
    if word.replace(".", "").replace(",", "").isdigit():
        return 0
    if not any(c.isalnum() for c in word):
        return 1
    if word.islower():
        return 2
    if word.isupper():
        return 3
    return 4 if word[0].isupper() else 5


def _mm(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """a @ b, in even row blocks that each stay on one thread."""
    blocks = -(-len(a) * a.shape[1] * b.shape[1] // _BLAS_WORK)
    if blocks <= 1:
        return a @ b
    size, out = -(-len(a) // blocks), np.empty((len(a), b.shape[1]), np.result_type(a, b))
    for i in range(0, len(a), size):  # straight into place: no concatenation copy
        np.matmul(a[i:i + size], b, out=out[i:i + size])
    return out


class NeuralTagger:
    """The exported weights (.npz) plus the word and character indexes."""

    def __init__(self, arrays: dict[str, np.ndarray], casing: dict[str, str], titles: frozenset[str]):
        a = arrays
        self._titles, self._casing = titles, casing
        vocab, chars = a["vocab"].tolist(), a["chars"].tolist()
        self._words, self._chars = dict(zip(vocab, range(len(vocab)))), dict(zip(chars, range(len(chars))))
        # the input layer split by input; word vectors stay float16 and only the rows of the words
        # met are multiplied in (then cached, as news repeats its words), which keeps loading quick
        inp = a["inp_w"]
        n_word, n_char = a["word_emb"].shape[1], a["char_conv_b"].shape[0]
        n_shape, n_bucket = a["shape_emb"].shape[1], a["bucket_emb"].shape[1]
        self._word_emb, self._word_in, self._inp_b = a["word_emb"], inp[:n_word], a["inp_b"]
        self._char_in = inp[n_word: n_word + n_char]
        self._char_taps = [a["char_emb"] @ w for w in a["char_conv_w"]]  # kernel 3 as three look-ups
        self._char_b = a["char_conv_b"]
        start = n_word + n_char
        self._shape_rows = a["shape_emb"] @ inp[start: start + n_shape]  # row 2 * shape + cased
        self._bucket_rows = a["bucket_emb"] @ inp[start + n_shape: start + n_shape + n_bucket]
        self._title_rows = a["title_emb"] @ inp[start + n_shape + n_bucket:]  # 2 * after-a-title + is-a-title
        # conv weights are (tap, in, out); each tap of the first convolution reads one word's
        # input, so its three products are cached with the word: taps side by side
        self._first = np.concatenate(list(a["conv0_w"]), 1)
        self._first_b, self._first_d = a["conv0_b"], int(a["dilations"][0])
        self._gap = int(a["dilations"].max())  # zero rows between stacked sentences
        self._convs = [([w.copy() for w in a[f"conv{k}_w"]], a[f"conv{k}_b"], int(d))
                       for k, d in enumerate(a["dilations"]) if k]
        self._out_t, self._out_b = a["out_w"].T.copy(), a["out_b"][:, None].copy()  # labels as rows
        self._lock = threading.Lock()
        self._cache = self._empty_cache(CACHE_WORDS)

    def _empty_cache(self, size: int) -> Cache:
        """word -> slot for each variant 2 * after-a-title + cased; the cached words that are
        titles; per slot the input h = relu(pre-activation), then h times each tap of the first
        convolution (bias in); slot 0 is a zero row, the gap between stacked sentences. np.empty
        leaves pages unallocated until written: memory grows with use."""
        table = np.empty((size, 4 * len(self._inp_b)), np.float32)
        table[0] = 0
        return ({}, {}, {}, {}), set(), table

    @classmethod
    def load(cls, path: str | Path, casing: dict[str, str], titles: frozenset[str] = frozenset()) -> NeuralTagger:
        """titles: the lower-cased one-word titles of the word lists (the network sees whether a
        word is a title and whether it follows one: "Kolonel Turki al-Maliki" is a person)."""
        try:
            with np.load(path, allow_pickle=False) as raw:
                arrays = {k: raw[k] for k in raw.files}
        except (OSError, ValueError) as err:
            raise ResourceError(f"cannot read neural NER weights {path}: {err}") from err
        return cls({k: v.astype(np.float32) if v.dtype == np.float16 and k != "word_emb" else v
                    for k, v in arrays.items()}, casing, titles)

    def _add(self, sentence: Sequence[str], cased: int) -> Cache:
        """Cache the rows the sentence lacks. Locked so threads never share slots; a full cache is
        replaced, not overwritten, so a sentence being read keeps valid rows."""
        with self._lock:
            slots, titles, table = self._cache
            after = [int(w.lower() in self._titles) for w in sentence[:-1]]
            needed = dict.fromkeys([(w, cased) for w in sentence] +
                                   [(w, 2 + cased) for w, t in zip(sentence[1:], after) if t])
            new = [(w, v) for w, v in needed if w not in slots[v]]
            used = 1 + sum(map(len, slots))
            if used + len(new) > len(table):
                self._cache = slots, titles, table = self._empty_cache(max(CACHE_WORDS, len(needed) + 1))
                new, used = list(needed), 1
            words = [w for w, _ in new]
            texts = [w if len(w) <= MAX_CHARS else w[: MAX_CHARS // 2] + w[-(MAX_CHARS // 2):] for w in words]
            chars = np.zeros((len(words), MAX_CHARS + 2), np.intp)  # one padding slot each side
            fits = np.arange(MAX_CHARS) < np.array([len(t) for t in texts])[:, None]
            chars[:, 1:-1][fits] = [self._chars.get(c, UNKNOWN) for t in texts for c in t]
            taps = self._char_taps
            conv = taps[0][chars[:, :-2]] + taps[1][chars[:, 1:-1]] + taps[2][chars[:, 2:]] + self._char_b
            lower = [w.lower() for w in words]
            titled = [int(w in self._titles) for w in lower]
            vectors = self._word_emb[[self._words.get(w, UNKNOWN) for w in lower]].astype(np.float32)
            char_vec = np.maximum(conv, 0).max(1)
            h = np.maximum(_mm(vectors, self._word_in) + self._inp_b + _mm(char_vec, self._char_in)
                           + self._bucket_rows[[int(self._casing.get(w, 6)) for w in lower]]
                           + self._shape_rows[[2 * word_shape(w) + cased for w in words]]
                           + self._title_rows[[2 * (v >> 1) + t for (_, v), t in zip(new, titled)]], 0)
            rows, width = table[used: used + len(new)], h.shape[1]
            rows[:, :width], rows[:, width:] = h, _mm(h, self._first)
            rows[:, 2 * width: 3 * width] += self._first_b  # the bias goes with the middle tap
            titles.update(w for w, t in zip(words, titled) if t)
            for slot, (w, v) in enumerate(new, used):  # last: other threads read rows once listed
                slots[v][w] = slot
            return slots, titles, table

    @staticmethod
    def _slots(cache: Cache, words: Sequence[str], cased: int) -> list[int]:
        """Cache slots of the sentence's words (KeyError when one is missing)."""
        slots, titles, _ = cache
        at = [slots[cased][w] for w in words]
        if not titles.isdisjoint(words[:-1]):  # a word after a title has its own row
            after = slots[2 + cased]
            for i in range(1, len(at)):
                if words[i - 1] in titles:
                    at[i] = after[words[i]]
        return at

    def _stacked(self, sentences: Sequence[tuple[Sequence[str], bool]]) -> tuple[np.ndarray, list[tuple[int, int]]]:
        """(labels, rows) label scores of the sentences one after another (reductions over 7 labels
        are quicker down the rows), and each sentence's rows. One pass for an article saves numpy's
        per-call cost; between sentences lie zero rows as wide as the largest dilation, re-zeroed
        before each convolution, so that each sentence reads the zero padding it reads alone."""
        rows, at, gaps, spans, chunks, table = 0, [], [], [], [], None
        for words, cased in sentences:
            if not words:
                spans.append((rows, rows))
                continue
            cache, c = self._cache, int(cased)
            try:
                slots = self._slots(cache, words, c)
            except KeyError:
                cache = self._add(words, c)
                slots = self._slots(cache, words, c)
            if cache[2] is not table:  # the cache was replaced: take the earlier rows from the old one
                if at:
                    chunks.append(table.take(at, 0))
                at, table = [], cache[2]
            if rows:
                gaps.extend(range(rows, rows + self._gap))
                at.extend([0] * self._gap)
                rows += self._gap
            spans.append((rows, rows + len(slots)))
            at.extend(slots)
            rows += len(slots)
        width = len(self._inp_b)
        chunks.append(table.take(at, 0) if table is not None else np.zeros((0, 4 * width), np.float32))
        r = chunks[0] if len(chunks) == 1 else np.concatenate(chunks)  # per word: h, h times each tap
        n, d, gaps = len(r), self._first_d, np.array(gaps, np.intp)
        h, y = r[:, :width], r[:, 2 * width: 3 * width]
        if n > d:  # the taps d words back and ahead (zero padding past the ends)
            y[d:] += r[:-d, width: 2 * width]
            y[:-d] += r[d:, 3 * width:]
        h += np.maximum(y, 0, out=y)
        for (back, mid, ahead), bias, d in self._convs:
            if len(gaps):
                h[gaps] = 0
            y = _mm(h, mid)
            y += bias
            if n > d:
                y[d:] += _mm(h[:-d], back)
                y[:-d] += _mm(h[d:], ahead)
            h += np.maximum(y, 0, out=y)
        z = self._out_t @ h.T
        z += self._out_b
        return z, spans

    def logits(self, words: Sequence[str], cased: bool) -> np.ndarray:
        """(tokens, labels) unnormalised label scores for one sentence."""
        return self._stacked([(words, cased)])[0].T.copy()

    def probabilities(self, words: Sequence[str], cased: bool) -> np.ndarray:
        """(tokens, labels) label probabilities for one sentence."""
        z = self._stacked([(words, cased)])[0]
        e = np.exp(z - z.max(0))
        return (e / e.sum(0)).T.copy()

    def log_probabilities(self, words: Sequence[str], cased: bool) -> np.ndarray:
        """(tokens, labels) log label probabilities, floored at log(1e-6) as in the dev tuning."""
        return self.log_probabilities_many([(words, cased)])[0]

    def log_probabilities_many(self, sentences: Sequence[tuple[Sequence[str], bool]]) -> list[np.ndarray]:
        """log_probabilities of each (words, cased) sentence, in one stacked pass; an empty
        sentence gives a (0, labels) array."""
        z, spans = self._stacked(sentences)
        z -= z.max(0)
        z -= np.log(np.exp(z).sum(0))
        out = np.maximum(z, _LOG_FLOOR, out=z).T.copy()
        return [out[a:b] for a, b in spans]
