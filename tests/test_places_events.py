"""Event places from "di ..." phrases, the most specific name, geocoded with the gazetteer."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import yaml

from warta.doc import Event, Explanation
from warta.errors import ResourceError
from warta.resources import PACKAGE_DATA, Resources
from warta.stages import places
from warta.stages.places import compile_place_rules


class _Gazetteer:
    def lookup(self, name):
        table = {"Vilnius": SimpleNamespace(country="LTU", lat=54.69, lon=25.28, feature="city", type="GPE")}
        return table.get(name)


@pytest.fixture(scope="module")
def res():
    loaders = {"place_rules": lambda r: places.load_place_rules(r.path("places.yaml")),
               "gazetteer": lambda r: _Gazetteer()}
    return Resources(loaders=loaders)


def _run(hand_doc, res, text, names, trigger):
    doc = hand_doc([text], names)
    start = doc.text.index(trigger)
    doc.events = [Event("v1", "042", 0, explanation=Explanation(0, start, start + len(trigger), "test"))]
    return places.run(doc, res).events[0]


def test_places_most_specific_name_after_description(hand_doc, res):
    event = _run(hand_doc, res, "Yoon Suk Yeol tiba di ibu kota Lithuania, Vilnius, pada Senin.",
                 [("Lithuania", "GPE", "Lithuania"), ("Vilnius", "GPE", "Vilnius")], "tiba")
    assert event.place.name == "Vilnius"
    assert (event.place.country, event.place.latitude, event.place.feature) == ("LTU", 54.69, "city")


def test_places_name_right_after_di_wins(hand_doc, res):
    event = _run(hand_doc, res, "Kedua delegasi berunding di Doha, Qatar, selama dua hari.",
                 [("Doha", "GPE", "Doha"), ("Qatar", "GPE", "Qatar")], "berunding")
    assert event.place.name == "Doha" and event.place.latitude is None


def test_places_ke_counts_only_after_travel_word(hand_doc, res):
    visit = _run(hand_doc, res, "Perdana Menteri itu berkunjung ke Moskow pekan ini.",
                 [("Moskow", "GPE", "Moskow")], "berkunjung")
    send = _run(hand_doc, res, "Korsel mengirimkan artileri ke Amerika Serikat.",
                [("Amerika Serikat", "GPE", "Amerika Serikat")], "mengirimkan")
    assert visit.place.name == "Moskow" and send.place is None


def test_places_modifier_name_is_not_the_place(hand_doc, res):
    event = _run(hand_doc, res, "Drone menyerang fasilitas di ladang minyak Iran.",
                 [("Iran", "GPE", "Iran")], "menyerang")
    assert event.place is None


def test_places_not_across_bahwa(hand_doc, res):
    event = _run(hand_doc, res, "Menteri itu mengatakan bahwa ketegangan di Timur Tengah meningkat.",
                 [("Timur Tengah", "LOC", "Timur Tengah")], "mengatakan")
    assert event.place is None


def test_places_rules_validate():
    data = yaml.safe_load((PACKAGE_DATA / "places.yaml").read_text(encoding="utf-8"))
    assert "di" in compile_place_rules(data).at
    with pytest.raises(ResourceError, match="travel"):
        compile_place_rules({**data, "travel": []})
