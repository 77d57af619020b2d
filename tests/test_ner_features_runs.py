"""NER features over runs of capitalised words: run context, coordinated lists, word-vector classes."""

from __future__ import annotations

from pathlib import Path

import pytest

from warta.errors import ResourceError
from warta.ner_features import load_clusters, load_lexicon, sentence_features

NER_DIR = Path(__file__).resolve().parents[1] / "warta" / "lang" / "id" / "ner"


def _lexicon():
    return load_lexicon([NER_DIR / "lexicon.tsv", NER_DIR / "countries.tsv"], NER_DIR / "clusters.tsv",
                        NER_DIR / "casing.tsv", NER_DIR / "names.tsv", NER_DIR / "embed_clusters.tsv")


def test_ner_features_run_context_reaches_every_word_of_a_name():
    words = ["Ia", "bermain", "bersama", "band", "Dewa", "Sakti", "Nusantara", "di", "Bandung", "."]
    feats = sentence_features(words, _lexicon())
    for i in (4, 5, 6):  # each word of the band's name sees the cue word before the whole run
        assert {"rb=band", "ra=di", "rf=dewa", "rl=nusantara"} <= set(feats[i])
    assert not any(f.startswith("rb=") for f in feats[3])  # "band" is outside any run


def test_ner_features_list_items_see_their_siblings():
    words = ["Kecamatan", "itu", "meliputi", "Sukamaju", ",", "Cibeber", "dan", "Jakarta", "."]
    feats = sentence_features(words, _lexicon())
    assert "lst" in feats[3] and "lst" in feats[5]
    # Jakarta is a city in the word lists: its siblings hear it, it does not hear itself
    assert "sL=city" in feats[3] and "sL=city" in feats[5]
    assert "sL=city" not in feats[7]
    lone = sentence_features(["Warga", "Sukamaju", "tiba", "."], _lexicon())
    assert "lst" not in lone[1]


def test_ner_features_runs_only_in_cased_text():
    feats = sentence_features(["warga", "sukamaju", ",", "jakarta", "dan", "bandung"], _lexicon())
    assert not any(f.startswith(("rb=", "lst", "sL=")) for token in feats for f in token)


def test_ner_embed_classes_every_row_loads_and_feeds_features():
    table = load_clusters(NER_DIR / "embed_clusters.tsv")
    assert len(table) > 20_000 and all(len(ids) == 2 for ids in table.values())
    feats = sentence_features(["pemerintah", "jakarta"], _lexicon())
    assert any(f.startswith("e0=") and f != "e0=-" for f in feats[1])


def test_ner_embed_classes_reject_bad_rows(tmp_path):
    (tmp_path / "embed_clusters.tsv").write_text("jakarta\t12\tx\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="cluster ids"):
        load_clusters(tmp_path / "embed_clusters.tsv")
