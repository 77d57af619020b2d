"""The shipped NER model: manifest integrity, loading, word-list validation, span scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from warta.errors import ResourceError
from warta.ner import NerModel, bio_spans, file_sha256, map_label, score_spans
from warta.ner_features import NAME_CATEGORIES, load_casing, load_lexicon, load_names, sentence_features

NER_DIR = Path(__file__).resolve().parents[1] / "warta" / "lang" / "id" / "ner"


def _manifest() -> dict:
    return json.loads((NER_DIR / "manifest.json").read_text(encoding="utf-8"))


def test_ner_manifest_sha256_matches_files():
    manifest = _manifest()
    assert file_sha256(NER_DIR / manifest["model_file"]) == manifest["model_sha256"]
    for name, digest in manifest["lexicon_sha256"].items():
        assert file_sha256(NER_DIR / name) == digest, f"{name} changed since training: retrain"
    if manifest.get("clusters_file"):
        assert file_sha256(NER_DIR / manifest["clusters_file"]) == manifest["clusters_sha256"]
    for name, digest in manifest.get("tables_sha256", {}).items():
        assert file_sha256(NER_DIR / name) == digest, f"{name} changed since training: retrain"


def test_ner_model_size_is_reasonable():
    assert (NER_DIR / "model.crfsuite").stat().st_size < 20_000_000


def test_ner_model_loads_and_tags(resources):
    model = resources.get("ner_model")
    assert isinstance(model, NerModel)
    words = ["Menteri", "Luar", "Negeri", "Retno", "Marsudi", "tiba", "di", "Bandung", "pada", "Senin", "."]
    labels = model.tag(words)
    assert len(labels) == len(words)
    assert set(labels) <= {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"}
    assert (3, 5, "PER") in model.spans(words)


def test_ner_model_verify_rejects_a_changed_file(tmp_path):
    for name in NER_DIR.iterdir():
        (tmp_path / name.name).write_bytes(name.read_bytes())
    manifest = _manifest()
    manifest["model_sha256"] = "0" * 64
    (tmp_path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ResourceError, match="sha256"):
        NerModel.load(tmp_path, verify=True)


def test_ner_model_missing_folder_is_a_resource_error(tmp_path):
    with pytest.raises(ResourceError, match="not found"):
        NerModel.load(tmp_path)


def test_ner_lexicon_every_entry_loads():
    lexicon = load_lexicon([NER_DIR / "lexicon.tsv", NER_DIR / "countries.tsv"])
    assert "title" in lexicon.categories("Presiden")
    assert "country" in lexicon.categories("Korea Selatan")
    assert "time" in lexicon.categories("Senin")
    rows = [line for line in (NER_DIR / "lexicon.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    for row in rows:
        category, phrase = row.split("\t")
        assert category in lexicon.categories(phrase)


def test_ner_tables_every_entry_loads():
    casing = load_casing(NER_DIR / "casing.tsv")
    assert casing["jakarta"] == "4" and casing["yang"] == "0"  # a name vs a function word
    names = load_names(NER_DIR / "names.tsv")
    rows = [line.split("\t") for line in (NER_DIR / "names.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len(rows) > 10_000
    for category, phrase in rows:
        assert category in NAME_CATEGORIES and category in names.categories(phrase)


@pytest.mark.parametrize("path, row, message", [
    ("casing.tsv", "jakarta\t9", "bucket"),
    ("names.tsv", "city\tbandung", "unknown category"),
    ("names.tsv", "per\tJoko Widodo", "lower case"),
])
def test_ner_tables_reject_bad_rows(tmp_path, path, row, message):
    (tmp_path / path).write_text(row + "\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=message):
        (load_casing if path == "casing.tsv" else load_names)(tmp_path / path)


def test_ner_features_casing_and_names_reach_lowercase_text():
    lexicon = load_lexicon([NER_DIR / "lexicon.tsv"], casing=NER_DIR / "casing.tsv", names=NER_DIR / "names.tsv")
    lower = sentence_features(["warga", "jakarta", "bertemu", "soekarno"], lexicon)
    assert "k=4" in lower[1] and "k=0" not in lower[1]
    assert "D=per:B" in lower[3]
    assert not any(f.startswith("run=") for f in lower[3])  # title-case runs only in cased text
    cased = sentence_features(["Warga", "bertemu", "Bung", "Karno", "."], lexicon)
    assert "run=B2" in cased[2] and "run=E2" in cased[3]


@pytest.mark.parametrize("row, message", [
    ("title\tPresiden", "lower case"),
    ("bogus\tkota", "unknown category"),
    ("title presiden", "category<TAB>phrase"),
    ("title\tpresiden\ntitle\tpresiden", "duplicate"),
])
def test_ner_lexicon_rejects_bad_rows(tmp_path, row, message):
    path = tmp_path / "lexicon.tsv"
    path.write_text(row + "\n", encoding="utf-8")
    with pytest.raises(ResourceError, match=message):
        load_lexicon([path])


def test_ner_features_case_blind_for_lowercase_text():
    lexicon = load_lexicon([NER_DIR / "lexicon.tsv"])
    cased = sentence_features(["Presiden", "Joko", "Widodo"], lexicon)
    lower = sentence_features(["presiden", "joko", "widodo"], lexicon)
    assert any(f.startswith("sh=") for f in cased[1])
    assert not any(f.startswith("sh=") for f in lower[1])
    assert "L=title:B" in lower[0]


def test_ner_label_map_drops_events_and_food():
    assert map_label("B-PPL") == "B-PER"
    assert map_label("I-IND") == "I-ORG"
    assert map_label("B-PLACE") == "B-LOC"
    assert map_label("B-EVT") == "O"
    assert map_label("I-FNB") == "O"
    assert map_label("B-TIME") == "O"


def test_ner_bio_spans_conlleval_style():
    labels = ["B-PER", "I-PER", "O", "I-ORG", "I-ORG", "B-LOC", "I-PER"]
    assert bio_spans(labels) == [(0, 2, "PER"), (3, 5, "ORG"), (5, 6, "LOC"), (6, 7, "PER")]


def test_ner_score_spans_exact_match_only():
    gold = [["B-PER", "I-PER", "O", "B-LOC"]]
    pred = [["B-PER", "O", "O", "B-LOC"]]
    scores = score_spans(gold, pred).as_dict()
    assert scores["LOC"]["f1"] == 1.0
    assert scores["PER"]["f1"] == 0.0
    assert scores["micro"]["p"] == 0.5 and scores["micro"]["r"] == 0.5
