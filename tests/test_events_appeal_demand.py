"""Appeals (02x) and demands (10x), coded by what is asked for."""

from __future__ import annotations

ACTORS = {"China": "CHN", "Jepang": "JPN", "Indonesia": "IDN", "Israel": "ISR", "Retno Marsudi": "IDNGOV#retno",
          "Pakistan": "PAK", "Kumar": "INDGOV#kumar"}


def test_events_demand_urge_with_purpose(event_doc):
    doc = event_doc("China mendesak Jepang untuk menghentikan pembuangan air limbah ke laut.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("1042", "CHN", "JPN")]


def test_events_appeal_without_named_target(event_doc):
    doc = event_doc("Indonesia menyerukan semua pihak menahan diri di Laut China Selatan.", ACTORS)
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("02", "IDN", None)]


def test_events_appeal_ask_title_subject(event_doc):
    doc = event_doc("Menteri Luar Negeri Indonesia Retno Marsudi meminta Israel untuk mencabut blokade.", ACTORS)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("0242", "IDNGOV", "ISR")]


def test_events_demand_must_in_quote_belongs_to_speaker(event_doc):
    text = '"Pakistan harus meninjau kembali keputusannya," kata Kumar.'
    doc = event_doc(text, ACTORS, quotes=[("Pakistan harus meninjau kembali keputusannya,", "Kumar", True)])
    assert [(e.code[:2], e.source, e.target) for e in doc.events] == [("10", "INDGOV", "PAK")]
    assert doc.events[0].in_quote == "q1"


def test_events_hope_addressed_to_someone_is_an_appeal(event_doc):
    actors = {"KPK": "IDNJUD", "Presiden Joko Widodo": "IDNGOV", "Rusia": "RUS"}
    doc = event_doc("Pimpinan KPK berharap kepada Presiden Joko Widodo untuk menolak revisi itu.", actors)
    assert [(e.code, e.source, e.target) for e in doc.events] == [("020", "IDNJUD", "IDNGOV")]
    # a hope addressed to nobody stays a statement
    doc = event_doc("Rusia berharap perundingan itu berhasil.", actors)
    assert [e.code[:2] for e in doc.events] != ["02"]
