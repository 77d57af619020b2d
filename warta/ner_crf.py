"""The trained CRF's weights, decoded in numpy.

python-crfsuite trains the model; at run time warta reads the same weights from a compact
``.npz`` export (attribute names, a weight row per attribute, the label transitions) and
scores a sentence with one gather and one segment sum. That is about four times faster than
handing feature strings to crfsuite one by one, gives identical labels, and yields the
per-token label scores that the neural tagger's log-probabilities are added to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import accumulate, chain, repeat
from pathlib import Path

import numpy as np

from .errors import ResourceError

_SUMS_CACHED = 200_000  # words whose summed own-feature rows are kept


class LinearChainCRF:
    """State weights (attribute x label) and transitions (label x label) of a linear-chain CRF."""

    def __init__(self, labels: Sequence[str], attributes: Sequence[str], weights: np.ndarray,
                 transitions: np.ndarray):
        self.labels = tuple(labels)
        self._index = {a: i for i, a in enumerate(attributes)}
        self._unknown = len(attributes)  # a zero row: attributes the model never kept add nothing
        # float32 halves the memory the gather reads; sums of ~50 weights stay far from a tie
        self._weights = np.vstack([weights.astype(np.float32), np.zeros((1, len(self.labels)), np.float32)])
        self._transitions = transitions.astype(np.float64)
        self._sums: dict[str, np.ndarray] = {}  # summed() cache, bounded

    @classmethod
    def load(cls, path: str | Path) -> LinearChainCRF:
        try:
            with np.load(path, allow_pickle=False) as raw:
                return cls(raw["labels"].tolist(), raw["attributes"].tolist(), raw["weights"], raw["transitions"])
        except (OSError, ValueError, KeyError) as err:
            raise ResourceError(f"cannot read CRF weights {path}: {err}") from err

    @classmethod
    def from_crfsuite(cls, model_path: str | Path) -> LinearChainCRF:
        """Read a python-crfsuite model file (training time only: its dump is slow)."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(model_path))
        info = tagger.info()
        labels = sorted(info.labels, key=info.labels.get)
        column = {label: k for k, label in enumerate(labels)}
        attributes = sorted({a for a, _ in info.state_features})
        row = {a: i for i, a in enumerate(attributes)}
        weights = np.zeros((len(attributes), len(labels)), np.float32)
        for (attribute, label), value in info.state_features.items():
            weights[row[attribute], column[label]] = value
        transitions = np.zeros((len(labels), len(labels)), np.float32)
        for (source, target), value in info.transitions.items():
            transitions[column[source], column[target]] = value
        return cls(labels, attributes, weights, transitions)

    def save(self, path: str | Path) -> None:
        attributes = sorted(self._index, key=self._index.get)
        np.savez_compressed(path, labels=np.array(self.labels), attributes=np.array(attributes),
                            weights=self._weights[:-1].astype(np.float32), transitions=self._transitions.astype(np.float32))

    def scores(self, features: Sequence[Sequence[str]]) -> np.ndarray:
        """(tokens, labels) state scores: the summed weights of each token's attributes."""
        lengths = [len(token) for token in features]
        flat = list(chain.from_iterable(features))
        # map() over the dict's get runs the look-ups without a Python-level loop
        rows = list(map(self._index.get, flat, repeat(self._unknown, len(flat))))
        starts = [0, *accumulate(lengths)][:-1]
        return np.add.reduceat(self._weights[rows], starts, axis=0)

    def decode(self, scores: np.ndarray) -> list[str]:
        """The label sequence of highest total score (Viterbi over the transitions)."""
        return self.decode_many([scores])[0]

    def tag(self, features: Sequence[Sequence[str]]) -> list[str]:
        return self.decode(self.scores(features)) if features else []

    def summed(self, key: str, attributes_of: Callable[[str], Sequence[str]]) -> np.ndarray:
        """The summed weight rows of attributes that always come together (a word's own
        features), computed once per ``key``: ``attributes_of(key)`` is only called on a miss."""
        row = self._sums.get(key)
        if row is None:
            if len(self._sums) >= _SUMS_CACHED:
                self._sums.clear()
            get, unknown = self._index.get, self._unknown
            row = self._sums[key] = self._weights[[get(a, unknown) for a in attributes_of(key)]].sum(0)
        return row

    def scores_many(self, sentences: Sequence[Sequence[Sequence[str]]]) -> list[np.ndarray]:
        """scores() of many sentences with one gather and one segment sum for all of them."""
        lengths = [len(s) for s in sentences]
        flat = [token for sentence in sentences for token in sentence]
        if not flat:
            return [np.zeros((0, len(self.labels))) for _ in sentences]
        return np.split(self.scores(flat), np.cumsum(lengths)[:-1])

    def decode_many(self, scores: Sequence[np.ndarray]) -> list[list[str]]:
        """decode() of many sentences at once: one Viterbi step per position serves every
        sentence (numpy's per-call cost, not arithmetic, is what a 7-label lattice pays for)."""
        lengths = [len(s) for s in scores]
        longest = max(lengths, default=0)
        if longest == 0:
            return [[] for _ in scores]
        size = len(self.labels)
        lattice = np.zeros((len(scores), longest, size))
        for k, s in enumerate(scores):
            lattice[k, : len(s)] = s
        alive = np.arange(longest)[None, :] < np.array(lengths)[:, None]
        best = lattice[:, 0]
        back = np.zeros((len(scores), longest, size), np.intp)
        for t in range(1, longest):
            candidates = best[:, :, None] + self._transitions
            back[:, t] = candidates.argmax(1)
            best = np.where(alive[:, t, None], candidates.max(1) + lattice[:, t], best)
        ends = best.argmax(1).tolist()
        out = []
        for k, n in enumerate(lengths):
            if n == 0:
                out.append([])
                continue
            path, rows = [ends[k]], back[k, :n].tolist()  # only the sentence's own steps
            for t in range(n - 1, 0, -1):
                path.append(rows[t][path[-1]])
            out.append([self.labels[j] for j in reversed(path)])
        return out
