"""CAMEO tables: every code loads, QuadClass/Goldstein/PLOVER facts, event enrichment, rebuild."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest

from warta.cameo import CameoTables, CodeInfo, enrich_event
from warta.doc import Event
from warta.errors import ResourceError


@pytest.fixture(scope="module")
def cameo(resources) -> CameoTables:
    return resources.get("cameo")


def _gdelt_table(shared_dir, name: str) -> dict[str, str]:
    path = shared_dir / "data" / "cameo" / name
    if not path.exists():
        pytest.skip(f"{name} not present")
    with path.open(encoding="utf-8") as handle:
        next(handle)
        return dict(line.rstrip("\n").split("\t", 1) for line in handle if line.strip())


def test_cameo_every_code_loads(cameo, repo_dir):
    with (repo_dir / "warta" / "lang" / "id" / "cameo" / "eventcodes.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == len(cameo) > 300
    for row in rows:
        info = cameo.describe(row["code"])
        assert isinstance(info, CodeInfo)
        assert info.root == row["code"][:2] and info.name


def test_cameo_codes_match_gdelt_lookup(cameo, shared_dir):
    names = _gdelt_table(shared_dir, "gdelt_CAMEO.eventcodes.txt")
    assert set(names) == set(cameo.codes)


def test_cameo_quad_classes(cameo):
    expected = {
        "010": 1,
        "036": 1,
        "042": 1,
        "057": 1,
        "061": 2,
        "073": 2,
        "0874": 2,
        "090": 3,
        "111": 3,
        "1032": 3,
        "138": 3,
        "141": 4,
        "163": 4,
        "173": 4,
        "190": 4,
        "2042": 4,
    }
    assert {code: cameo.describe(code).quad_class for code in expected} == expected


def test_cameo_goldstein_matches_gdelt(cameo, shared_dir):
    gdelt = _gdelt_table(shared_dir, "gdelt_CAMEO.goldsteinscale.txt")
    for code in ("042", "1032", "111", "190"):
        assert cameo.describe(code).goldstein == pytest.approx(float(gdelt[code]))
    # and the values themselves, so a shifted column cannot pass
    assert cameo.describe("042").goldstein == pytest.approx(1.9)
    assert cameo.describe("190").goldstein == pytest.approx(-10.0)


def test_cameo_plover_mapping(cameo):
    assert (cameo.describe("030").plover_type, cameo.describe("030").plover_mode) == ("AGREE", None)
    assert (cameo.describe("042").plover_type, cameo.describe("042").plover_mode) == ("CONSULT", "visit")
    assert (cameo.describe("111").plover_type, cameo.describe("111").plover_mode) == ("ACCUSE", "disapprove")
    assert cameo.describe("163").plover_type == "COERCE"  # listed under root 16 but coded COERCE
    assert cameo.describe("010").plover_type is None  # statements have no PLOVER event


def test_cameo_base_and_root(cameo):
    info = cameo.describe("1032")
    assert (info.base, info.root) == ("103", "10")
    assert cameo.is_valid("0874") and not cameo.is_valid("999") and not cameo.is_valid(None)
    with pytest.raises(KeyError):
        cameo.describe("999")


def test_cameo_enrich_event_fills_fields(cameo):
    event = enrich_event(Event(id="e1", code="1121", sentence=0), cameo)
    assert (event.root_code, event.base_code, event.quad_class) == ("11", "112", 3)
    assert event.goldstein == cameo.describe("1121").goldstein
    assert (event.plover_type, event.plover_mode) == ("ACCUSE", "allege")


def test_cameo_enrich_event_unknown_code(cameo):
    event = enrich_event(Event(id="e1", code="0999", sentence=0), cameo)
    assert (event.root_code, event.base_code) == ("09", "099")
    assert event.quad_class is None and event.goldstein is None


def test_cameo_actor_codes(cameo):
    for code in ("IDN", "KORGOV", "KORMIL", "PSECVL", "IGOWSTNAT", "IGOUNOIAE", "EUR", "AFGREB", "USAGOVMIL"):
        assert cameo.is_valid_actor(code), code
    for code in ("XYZ", "KORXXX", "KORGO", "", None):
        assert not cameo.is_valid_actor(code), code
    assert cameo.actor_name("KORGOV") == "South Korea"


def test_cameo_bad_table_is_a_resource_error(tmp_path):
    path = tmp_path / "eventcodes.tsv"
    path.write_text(
        "code\tname\troot\tbase\tquad_class\tgoldstein\n042\tMake a visit\t04\t042\tone\t1.9\n",
        encoding="utf-8",
    )
    with pytest.raises(ResourceError, match="line 2"):
        CameoTables.load(path)


def test_cameo_build_script_reproduces_tables(repo_dir, shared_dir, tmp_path):
    data = shared_dir / "data" / "cameo"
    if not (data / "CAMEO2PLOVER-2021.txt").exists():
        pytest.skip("CAMEO source data not present")
    subprocess.run(
        [
            sys.executable,
            str(repo_dir / "scripts" / "build_cameo_tables.py"),
            "--data",
            str(data),
            "--out",
            str(tmp_path),
        ],
        check=True,
        capture_output=True,
    )
    committed = repo_dir / "warta" / "lang" / "id" / "cameo"
    for name in ("eventcodes.tsv", "actors.tsv"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (committed / name).read_text(encoding="utf-8")
