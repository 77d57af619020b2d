"""The CRF's weights decoded in numpy: the same labels as crfsuite, and a true Viterbi."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from warta.errors import ResourceError
from warta.ner import NerModel, file_sha256
from warta.ner_crf import LinearChainCRF
from warta.ner_features import sentence_features

NER_DIR = Path(__file__).resolve().parents[1] / "warta" / "lang" / "id" / "ner"
SENTENCES = [
    "Presiden Korea Selatan Yoon Suk Yeol bertemu Sekjen NATO Jens Stoltenberg di Madrid , Rabu .",
    "Menteri Luar Negeri Retno Marsudi menerima kunjungan Dubes Jepang untuk Indonesia di Jakarta .",
    "polisi menangkap dua tersangka di kabupaten bogor , jawa barat , pada senin malam .",
    "PT Pertamina ( Persero ) menaikkan harga BBM nonsubsidi mulai 1 Maret .",
]


def test_ner_crf_weights_match_manifest():
    entry = json.loads((NER_DIR / "manifest.json").read_text(encoding="utf-8"))["crf_weights"]
    assert file_sha256(NER_DIR / entry["file"]) == entry["sha256"]


def test_ner_crf_numpy_labels_equal_crfsuite(resources):
    pycrfsuite = pytest.importorskip("pycrfsuite")
    model = resources.get("ner_model")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(NER_DIR / "model.crfsuite"))
    crf = LinearChainCRF.load(NER_DIR / "crf.npz")
    for text in SENTENCES:
        features = sentence_features(text.split(), model.lexicon)
        assert crf.tag(features) == list(tagger.tag(features))


def test_ner_crf_decode_is_the_best_sequence():
    rng = np.random.default_rng(3)
    labels = ["O", "B-PER", "I-PER"]
    transitions = rng.normal(size=(3, 3))
    crf = LinearChainCRF(labels, ["a"], np.zeros((1, 3), np.float32), transitions)
    for length in (1, 2, 3, 5):
        scores = rng.normal(size=(length, 3))
        best = max(itertools.product(range(3), repeat=length),
                   key=lambda seq: sum(scores[t, k] for t, k in enumerate(seq))
                   + sum(transitions[a, b] for a, b in itertools.pairwise(seq)))
        assert crf.decode(scores) == [labels[k] for k in best]


def test_ner_crf_unknown_attributes_add_nothing():
    crf = LinearChainCRF(["O", "B-LOC"], ["w=jakarta"], np.array([[0.0, 2.0]], np.float32), np.zeros((2, 2)))
    assert crf.tag([["w=jakarta", "never-seen"], ["w=di"]]) == ["B-LOC", "O"]
    assert crf.tag([]) == []


def test_ner_crf_save_load_round_trip(tmp_path):
    crf = LinearChainCRF(["O", "B-ORG"], ["x", "y"], np.array([[1, 0], [0, 1]], np.float32), np.zeros((2, 2)))
    crf.save(tmp_path / "w.npz")
    again = LinearChainCRF.load(tmp_path / "w.npz")
    assert again.labels == crf.labels and again.tag([["y"], ["x"]]) == crf.tag([["y"], ["x"]]) == ["B-ORG", "O"]


def test_ner_crf_bad_file_is_a_resource_error(tmp_path):
    (tmp_path / "w.npz").write_bytes(b"not a zip")
    with pytest.raises(ResourceError, match="CRF weights"):
        LinearChainCRF.load(tmp_path / "w.npz")
    for path in NER_DIR.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    manifest = json.loads((NER_DIR / "manifest.json").read_text(encoding="utf-8"))
    manifest["crf_weights"]["sha256"] = "0" * 64
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ResourceError, match="CRF weights"):
        NerModel.load(tmp_path, verify=True)


def test_ner_crf_many_sentences_equal_one_by_one():
    rng = np.random.default_rng(5)
    labels = ["O", "B-PER", "I-PER", "B-LOC"]
    attributes = [f"a{k}" for k in range(20)]
    crf = LinearChainCRF(labels, attributes, rng.normal(size=(20, 4)).astype(np.float32), rng.normal(size=(4, 4)))
    sentences = [[[f"a{k}" for k in rng.integers(0, 25, size=3)] for _ in range(n)] for n in (5, 1, 0, 12, 3)]
    one_by_one = [crf.tag(s) for s in sentences]
    scores = crf.scores_many(sentences)
    assert [len(s) for s in scores] == [5, 1, 0, 12, 3]
    assert crf.decode_many(scores) == one_by_one
    assert crf.decode_many([]) == []


def test_ner_crf_summed_rows_equal_their_attributes():
    crf = LinearChainCRF(["O", "B-PER"], ["a", "b", "c"], np.array([[1, 0], [0, 2], [3, 1]], np.float32),
                         np.zeros((2, 2)))
    row = crf.summed("kata", lambda word: ("a", "c", "unknown"))
    assert row.tolist() == [4.0, 1.0]

    def recomputed(word):
        raise AssertionError(f"{word}: the cached row should be used")

    assert crf.summed("kata", recomputed) is row  # cached under its key
    features = [["a", "c", "unknown"], ["b"]]
    assert np.allclose(crf.scores(features)[0], row)
