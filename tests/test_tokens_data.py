"""The token data files (abbreviations, lemma and clitic exceptions) load, and bad lines are refused."""

from __future__ import annotations

import pytest

from warta.errors import ResourceError
from warta.lemma import CLITICS, Lemmatizer, parse_clitic_exceptions, parse_lemma_exceptions
from warta.resources import PACKAGE_DATA, Resources
from warta.stages.tokenizer import ABBREVIATION_CLASSES, parse_abbreviations
from warta.stages.tokens import load_abbreviations


def test_tokens_abbreviations_file_loads_every_entry():
    path = PACKAGE_DATA / "abbreviations.txt"
    entries = [line for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    abbreviations = load_abbreviations(path)
    assert len(abbreviations) + len(abbreviations.labels) == len(entries)
    for line in entries:
        abbr, kind = line.split("\t")
        if kind == "label":
            assert abbr in abbreviations.labels
        else:
            assert abbreviations.kind(abbr) == kind and kind in ABBREVIATION_CLASSES
    for needed in ("Dr.", "Jl.", "No.", "Prof.", "H.", "dll.", "dsb.", "a.n.", "S.H.", "M.Si."):
        assert needed in abbreviations


def test_tokens_lemma_and_clitic_files_load_every_entry():
    lemmatizer = Resources().get("lemmatizer")
    lemma_lines = [line for line in (PACKAGE_DATA / "lemma_exceptions.txt").read_text(encoding="utf-8").splitlines()
                   if line.strip() and not line.startswith("#")]
    assert len(lemmatizer.exceptions) == len(lemma_lines)
    for word, lemma in lemmatizer.exceptions.items():
        assert lemmatizer.lemma(word) == lemma
    for word, clitic in lemmatizer.clitic_exceptions.items():
        assert lemmatizer.clitic(word) == clitic
        assert clitic is None or clitic in CLITICS


@pytest.mark.parametrize("line", ["Dr", "Dr.\tboss", "Dr. X.\ttitle", "Grup\tlabel", "a\tb\tc"])
def test_tokens_abbreviation_validator_rejects(line):
    with pytest.raises(ValueError, match=r"abbreviations.txt:2"):
        parse_abbreviations(["# header", line])


@pytest.mark.parametrize("line", ["Menurut", "kata\tKata", "dua kata", "a\tb\tc"])
def test_tokens_lemma_validator_rejects(line):
    with pytest.raises(ValueError, match=r"lemma_exceptions.txt:1"):
        parse_lemma_exceptions([line])


@pytest.mark.parametrize("line", ["Adalah", "apakah\tnya", "buku\txyz", "nya\tnya"])
def test_tokens_clitic_validator_rejects(line):
    with pytest.raises(ValueError, match=r"clitic_exceptions.txt:1"):
        parse_clitic_exceptions([line])


def test_tokens_bad_data_file_is_a_resource_error(tmp_path):
    (tmp_path / "abbreviations.txt").write_text("Dr.\tboss\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="unknown class"):
        Resources(tmp_path).get("abbreviations")
    (tmp_path / "lemma_exceptions.txt").write_text("Terhadap\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="lowercase"):
        Lemmatizer.load(Resources(tmp_path))


def test_tokens_lemmatizer_caches_results():
    lemmatizer = Resources().get("lemmatizer")
    assert lemmatizer.lemma("mengatakannya") == "kata"
    assert lemmatizer._lemmas["mengatakannya"] == "kata"
    assert lemmatizer.clitic("mengatakannya") == "nya"
