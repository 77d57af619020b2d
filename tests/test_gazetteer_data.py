"""Every gazetteer and titles row loads and passes the validator; the validator catches errors."""

from __future__ import annotations

import shutil
import subprocess
import sys

from warta.lang.gazetteer import load_gazetteer, valid_code
from warta.lang.gazetteer_check import check_all, check_gazetteer
from warta.resources import PACKAGE_DATA


def test_gazetteer_data_passes_the_validator():
    assert check_all(PACKAGE_DATA) == []


def test_gazetteer_data_every_file_loads(resources):
    gazetteer = resources.get("gazetteer")
    sources = {entry.source for entry in gazetteer.entries.values()}
    assert {"countries.tsv", "cities.tsv", "organizations.yaml", "regions.yaml", "people.tsv"} <= sources
    assert sum(e.feature == "country" for e in gazetteer.entries.values()) > 240
    titles = resources.get("titles")
    assert titles.get("Menhan").role == "MIL" and titles.get("Kapolri").role == "COP"


def test_gazetteer_data_validator_reports_bad_rows(tmp_path):
    folder = tmp_path / "gazetteer"
    shutil.copytree(PACKAGE_DATA / "gazetteer", folder)
    with (folder / "regions.yaml").open("a", encoding="utf-8") as handle:
        handle.write("- {name: Negeri Khayalan, aliases: [], actor: XYZGOV}\n")
        handle.write("- {name: Korsel Palsu, aliases: [Korsel], actor: IRN}\n")
    problems = check_gazetteer(load_gazetteer(folder))
    assert any("XYZGOV" in p for p in problems)
    assert any("'Korsel'" in p and "conflicting" in p for p in problems)


def test_gazetteer_data_code_syntax():
    countries = {"KOR", "USA"}
    assert valid_code("KORGOV", countries) and valid_code("IGOWSTNAT", countries) and valid_code("EUR", countries)
    assert not valid_code("KORXYZ", countries) and not valid_code("kor", countries)


def test_gazetteer_data_check_cli(repo_dir):
    result = subprocess.run([sys.executable, str(repo_dir / "scripts" / "check_lexicons.py")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout
