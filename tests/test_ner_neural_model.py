"""The CNN tagger whose log-probabilities join the CRF scores: weights on disk, numpy inference, the mix."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from warta.errors import ResourceError
from warta.ner import NerModel, file_sha256
from warta.ner_neural import LABELS, NeuralTagger, word_shape

NER_DIR = Path(__file__).resolve().parents[1] / "warta" / "lang" / "id" / "ner"
SENTENCE = ["Gubernur", "Jawa", "Barat", "Ridwan", "Kamil", "meninjau", "pabrik", "PT", "Pindad", "di",
            "Bandung", ",", "Selasa", "(", "4/3", ")", "."]


def _manifest() -> dict:
    return json.loads((NER_DIR / "manifest.json").read_text(encoding="utf-8"))


def _tagger() -> NeuralTagger:
    return NeuralTagger.load(NER_DIR / _manifest()["neural"]["file"], {"gubernur": "2", "pabrik": "0"},
                             frozenset({"gubernur", "presiden"}))


def _valid(labels: list[str]) -> bool:
    prev = "O"
    for label in labels:
        if label.startswith("I-") and prev[2:] != label[2:]:
            return False
        prev = label
    return True


def test_ner_neural_weights_match_manifest():
    entry = _manifest()["neural"]
    assert file_sha256(NER_DIR / entry["file"]) == entry["sha256"]
    assert 0.0 < entry["weight"] <= 3.0


def test_ner_neural_probabilities_are_label_distributions():
    probs = _tagger().probabilities(SENTENCE, cased=True)
    assert probs.shape == (len(SENTENCE), len(LABELS))
    assert np.allclose(probs.sum(1), 1.0, atol=1e-5)
    best = [LABELS[i] for i in probs.argmax(1)]
    assert best[3] == "B-PER" and best[4] == "I-PER"  # a person's name after a title
    assert best[5] == "O" and best[6] == "O"


def test_ner_neural_word_cache_does_not_change_results():
    warm = _tagger()
    warm.probabilities(["Presiden", "Prabowo", "Subianto", "tiba", "di", "Jakarta", "."], cased=True)
    first = warm.probabilities(SENTENCE, cased=True)
    again = warm.probabilities(SENTENCE, cased=True)
    cold = _tagger().probabilities(SENTENCE, cased=True)
    assert np.allclose(first, cold, atol=1e-6) and np.allclose(first, again, atol=1e-6)


def test_ner_neural_title_flag_changes_the_input():
    words = ["Kolonel", "Turki", "al-Maliki", "membantah", "laporan", "itu", "pada", "Senin", "pagi", "."]
    titles = frozenset({"kolonel"})
    path = NER_DIR / _manifest()["neural"]["file"]
    with_titles = NeuralTagger.load(path, {}, titles).probabilities(words, cased=True)
    without = NeuralTagger.load(path, {}, frozenset()).probabilities(words, cased=True)
    assert not np.allclose(with_titles[:2], without[:2])
    # three convolutions of dilation 1, 2, 1 carry the flag 4 tokens on, no further
    assert np.allclose(with_titles[6:], without[6:], atol=1e-6)


def test_ner_neural_case_flag_changes_the_input():
    tagger = _tagger()
    words = [w.lower() for w in SENTENCE]
    assert not np.allclose(tagger.probabilities(words, cased=False), tagger.probabilities(words, cased=True))


def test_ner_neural_word_shape_classes():
    assert [word_shape(w) for w in ["2024", "1.500", ",", "menteri", "PDIP", "Jakarta", "iPhone"]] == [0, 0, 1, 2, 3, 4, 5]


def test_ner_neural_log_probabilities_match_probabilities():
    tagger = _tagger()
    probs = tagger.probabilities(SENTENCE, cased=True)
    logp = tagger.log_probabilities(SENTENCE, cased=True)
    assert np.allclose(np.exp(logp), np.maximum(probs, 1e-6), atol=1e-6)


def test_ner_neural_mix_is_used_by_the_model(resources):
    model = resources.get("ner_model")
    assert model.neural is not None and model.crf is not None
    labels = model.tag(SENTENCE)
    assert _valid(labels)
    assert (3, 5, "PER") in model.spans(SENTENCE)
    assert (10, 11, "LOC") in model.spans(SENTENCE)


def test_ner_neural_verify_rejects_changed_weights(tmp_path):
    for path in NER_DIR.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    manifest = _manifest()
    manifest["neural"]["sha256"] = "0" * 64
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ResourceError, match="neural"):
        NerModel.load(tmp_path, verify=True)
    (tmp_path / manifest["neural"]["file"]).unlink()
    with pytest.raises(ResourceError, match="not found"):
        NerModel.load(tmp_path)


def test_ner_neural_mix_changes_some_labels(resources):
    """On real text the sum differs from the CRF alone (else the network would be dead weight)."""
    model = resources.get("ner_model")
    crf_only = NerModel(None, model.lexicon, {k: v for k, v in model.manifest.items() if k != "neural"}, model.crf)
    texts = [
        "Vokalis band Naif , David Bayu , tampil bersama Luna Sea di Tokyo .",
        "Penyerang Arema , Cristian Gonzales , mencetak dua gol ke gawang Persipura .",
        "Kolonel Turki al-Maliki mengatakan serangan itu datang dari utara .",
    ]
    assert any(model.tag(t.split()) != crf_only.tag(t.split()) for t in texts)


def test_ner_neural_many_sentences_equal_one_by_one():
    """One stacked pass over an article's sentences gives each sentence what it gets alone."""
    tagger = _tagger()
    sentences = [
        (SENTENCE, True),
        (["Polisi", "menangkap", "dua", "tersangka", "di", "Medan", "."], True),
        ([], True),
        (["Ia", "tiba", "."], True),  # shorter than the convolutions reach
        (["menteri", "keuangan", "sri", "mulyani", "menemui", "wartawan", "di", "jakarta", "."], False),
        (["Presiden", "Joko", "Widodo", "meresmikan", "Bendungan", "Sadawarna", "di", "Subang", "."], True),
    ]
    many = tagger.log_probabilities_many(sentences)
    assert len(many) == len(sentences)
    for (words, cased), logp in zip(sentences, many):
        assert logp.shape == (len(words), len(LABELS))
        if words:
            assert np.allclose(logp, tagger.log_probabilities(words, cased), atol=1e-5)
    assert not np.allclose(many[1][:3], many[5][:3])  # the sentences are not read as one another
