"""Eval gate: the shipped NER model may not fall below pinned F1 floors on the test files.

Floors are the scores measured when the model was trained (warta/lang/id/ner/manifest.json)
minus a small margin; retraining to a worse model fails here.
"""

from __future__ import annotations

import pytest

from warta.ner import read_conll, score_spans

# mention-level exact-span micro F1 over PER/ORG/LOC
FLOORS = {
    "indonlu-nerp/test_preprocess.txt": 0.825,  # measured 0.834 (CRF + CNN)
    "indonlu-nergrit/test_preprocess.txt": 0.78,  # measured 0.790 (target 0.78)
    "idner-news-2k/test.txt": 0.905,  # measured 0.912
}


@pytest.mark.parametrize("rel", sorted(FLOORS))
def test_ner_eval_gate_f1_floor(shared_dir, resources, rel):
    path = shared_dir / "data" / rel
    if not path.exists():
        pytest.skip(f"{rel} is not present")
    model = resources.get("ner_model")
    sentences = read_conll(path)
    gold = [[label for _, label in s] for s in sentences]
    predicted = [model.tag([w for w, _ in s]) for s in sentences]
    f1 = score_spans(gold, predicted).as_dict()["micro"]["f1"]
    assert f1 >= FLOORS[rel], f"{rel}: NER F1 {f1:.4f} fell below the floor {FLOORS[rel]}"
