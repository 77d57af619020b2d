"""A small convolutional tagger run in numpy, whose label log-probabilities join the CRF's scores.

The network (trained with torch by scripts/train_ner_neural.py; torch is not needed here) reads
each token's word vector, a character CNN over the word, its shape and its news casing bucket,
then three residual convolutions over the sentence, and gives a probability per BIO label.
NerModel adds a weighted log of these to the CRF's per-token label scores and decodes with the
CRF's transitions: the two taggers err differently (the network sees characters of unknown
names, the CRF sees word lists and long-range cues), and the sum beats each on every dev split.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .errors import ResourceError

LABELS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC")
MAX_CHARS = 16  # a longer word keeps its first and last 8 characters
CACHE_WORDS = 100_000  # distinct words whose input rows are kept
UNKNOWN = 1  # index of the unknown word / character (0 is padding)
_LOG_FLOOR = float(np.log(1e-6))  # one confident network cannot veto the CRF outright


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


def _conv(h: np.ndarray, weight: np.ndarray, bias: np.ndarray, dilation: int) -> np.ndarray:
    """Same-length 1-D convolution of kernel 3 over the rows of h; weight is (3 * in, out)."""
    n, width = h.shape
    hp = np.zeros((n + 2 * dilation, width), h.dtype)
    hp[dilation:dilation + n] = h
    return np.concatenate([hp[:n], hp[dilation:dilation + n], hp[2 * dilation:]], 1) @ weight + bias


class NeuralTagger:
    """The exported weights (.npz) plus the word and character indexes."""

    def __init__(self, arrays: dict[str, np.ndarray], casing: dict[str, str], titles: frozenset[str]):
        self._a = arrays
        self._titles = titles
        self._words = {w: i for i, w in enumerate(arrays["vocab"].tolist())}
        self._chars = {c: i for i, c in enumerate(arrays["chars"].tolist())}
        self._casing = casing
        self._dilations = [int(d) for d in arrays["dilations"]]
        # the input layer split by input: shape embeddings folded into a 12-row table, and the
        # rest applied once per distinct word (cached), as news repeats its words
        inp = arrays["inp_w"]
        n_word, n_char = arrays["word_emb"].shape[1], arrays["char_conv_b"].shape[0]
        n_shape = arrays["shape_emb"].shape[1]
        self._shape_rows = arrays["shape_emb"] @ inp[n_word + n_char: n_word + n_char + n_shape]
        self._word_rows = arrays["word_emb"] @ inp[:n_word] + arrays["inp_b"]  # bias folded in here
        self._char_in = inp[n_word: n_word + n_char]
        n_bucket = arrays["bucket_emb"].shape[1]
        start = n_word + n_char + n_shape
        self._bucket_rows = arrays["bucket_emb"] @ inp[start: start + n_bucket]
        self._title_rows = arrays["title_emb"] @ inp[start + n_bucket:]  # 2 * after-a-title + is-a-title
        w = arrays["char_conv_w"]
        self._char_taps = [arrays["char_emb"] @ w[k] for k in range(3)]
        self._cache: dict[str, np.ndarray] = {}
        self._convs = [(arrays[f"conv{k}_w"].reshape(-1, arrays[f"conv{k}_w"].shape[2]), arrays[f"conv{k}_b"], d)
                       for k, d in enumerate(self._dilations)]

    @classmethod
    def load(cls, path: str | Path, casing: dict[str, str], titles: frozenset[str] = frozenset()) -> NeuralTagger:
        """titles: the lower-cased one-word titles of the word lists (the network sees whether a
        word is a title and whether it follows one: "Kolonel Turki al-Maliki" is a person)."""
        try:
            with np.load(path, allow_pickle=False) as raw:
                arrays = {k: (raw[k].astype(np.float32) if raw[k].dtype == np.float16 else raw[k]) for k in raw.files}
        except (OSError, ValueError) as err:
            raise ResourceError(f"cannot read neural NER weights {path}: {err}") from err
        return cls(arrays, casing, titles)

    def _rows(self, words: Sequence[str]) -> np.ndarray:
        """Input-layer pre-activations of words (word vector, character CNN and casing bucket)."""
        n = len(words)
        word_ids = [self._words.get(w.lower(), UNKNOWN) for w in words]
        chars = np.zeros((n, MAX_CHARS + 2), dtype=np.int64)  # one padding slot each side
        for i, word in enumerate(words):
            text = word if len(word) <= MAX_CHARS else word[: MAX_CHARS // 2] + word[-(MAX_CHARS // 2):]
            chars[i, 1 : len(text) + 1] = [self._chars.get(c, UNKNOWN) for c in text]
        buckets = [int(self._casing.get(w.lower(), 6)) for w in words]
        taps = self._char_taps  # kernel 3 over the characters as three table look-ups
        conv = taps[0][chars[:, :-2]] + taps[1][chars[:, 1:-1]] + taps[2][chars[:, 2:]] + self._a["char_conv_b"]
        char_vec = np.maximum(conv, 0).max(1)
        return self._word_rows[word_ids] + char_vec @ self._char_in + self._bucket_rows[buckets]

    def logits(self, words: Sequence[str], cased: bool) -> np.ndarray:
        """(tokens, labels) unnormalised label scores for one sentence."""
        a, cache = self._a, self._cache
        missing = list({w for w in words if w not in cache})
        if missing:
            if len(cache) > CACHE_WORDS:
                cache.clear()
            shapes = np.array([word_shape(w) * 2 for w in missing])
            rows = self._rows(missing)
            # per word: its row in a lower-cased sentence and in a cased one
            cache.update(zip(missing, np.stack([rows + self._shape_rows[shapes], rows + self._shape_rows[shapes + 1]], 1)))
        c = int(cased)
        titled = [w.lower() in self._titles for w in words]
        flags = [2 * titled[i - 1] + titled[i] if i else int(titled[0]) for i in range(len(words))]
        h = np.maximum(np.array([cache[w][c] for w in words]) + self._title_rows[flags], 0)
        for weight, bias, dilation in self._convs:
            h += np.maximum(_conv(h, weight, bias, dilation), 0)
        return h @ a["out_w"] + a["out_b"]

    def probabilities(self, words: Sequence[str], cased: bool) -> np.ndarray:
        """(tokens, labels) label probabilities for one sentence."""
        logits = self.logits(words, cased)
        e = np.exp(logits - logits.max(1, keepdims=True))
        return e / e.sum(1, keepdims=True)

    def log_probabilities(self, words: Sequence[str], cased: bool) -> np.ndarray:
        """(tokens, labels) log label probabilities, floored at log(1e-6) as in the dev tuning."""
        logits = self.logits(words, cased)
        shifted = logits - logits.max(1, keepdims=True)
        return np.maximum(shifted - np.log(np.exp(shifted).sum(1, keepdims=True)), _LOG_FLOOR)
