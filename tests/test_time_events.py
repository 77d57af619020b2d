"""Event dates: the date in the event's sentence, else the speaker's credit date, else null."""

from __future__ import annotations

import pytest

from warta.doc import Event, Explanation, Quote
from warta.stages import time as time_stage


@pytest.fixture(scope="module")
def res():
    from warta.resources import Resources

    return Resources()


def _event(doc, trigger, sentence, source=None, source_entity=None, in_quote=None):
    start = doc.text.index(trigger)
    return Event(f"v{len(doc.events)}", "040", sentence, source=source, source_entity=source_entity,
                 in_quote=in_quote, explanation=Explanation(sentence, start, start + len(trigger), "test"))


def test_time_event_takes_date_of_its_sentence(hand_doc, res):
    paras = ["Presiden Korsel Yoon Suk Yeol tiba di Vilnius pada Senin untuk menghadiri KTT NATO.",
             "Korsel dan NATO akan memperluas kerja sama."]
    doc = hand_doc(paras, [], published="2023-07-11")
    doc.events = [_event(doc, "tiba", 0), _event(doc, "memperluas", 1)]
    time_stage.run(doc, res)
    assert [e.date for e in doc.events] == ["2023-07-10", None]
    assert doc.span(*doc.events[0].explanation.date_span) == "Senin"


def test_time_event_vague_date_stays_null(hand_doc, res):
    doc = hand_doc(["Islamabad pada awal September menolak permintaan India."], [], published="2019-09-19")
    doc.events = [_event(doc, "menolak", 0, source="PAK")]
    time_stage.run(doc, res)
    assert doc.events[0].date is None


def test_time_event_nearest_date_in_clause(hand_doc, res):
    text = "Taliban meningkatkan serangan menjelang pemilu, yang dijadwalkan pada 28 September mendatang."
    doc = hand_doc([text], [], published="2019-09-19")
    doc.events = [_event(doc, "meningkatkan serangan", 0)]
    time_stage.run(doc, res)
    assert doc.events[0].date is None  # the date belongs to the relative clause


def test_time_event_speaker_credit_date_propagates(hand_doc, res):
    paras = ["China mendesak Amerika Serikat menghormati kedaulatannya.",
             '"Kami menentang langkah ini," kata Geng Shuang, seperti dilansir Xinhua pada Kamis (19/9).',
             "Geng kemudian menuduh politisi AS mencampuri urusan dalam negeri China.",
             "Sementara itu, Nancy Pelosi bertemu aktivis Hong Kong."]
    names = [("Geng Shuang", "PER", "Geng Shuang"), ("Geng", "PER", "Geng Shuang"), ("China", "GPE", "China"),
             ("Nancy Pelosi", "PER", "Nancy Pelosi")]
    doc = hand_doc(paras, names, published="2019-09-20")
    geng = next(e for e in doc.entities if e.name == "Geng Shuang")
    geng.actor = "CHNGOV"
    q = doc.text.index("Kami menentang")
    doc.quotes = [Quote("q1", q, q + len("Kami menentang langkah ini"), True, speaker=geng.id, sentence=1)]
    doc.events = [_event(doc, "mendesak", 0, source="CHN"), _event(doc, "menuduh", 2, source="CHNGOV",
                  source_entity=geng.id), _event(doc, "bertemu", 3, source="USALEG")]
    time_stage.run(doc, res)
    # the lead sums up China's stance of that day; Geng's later act too; Pelosi's meeting is undated
    assert [e.date for e in doc.events] == ["2019-09-19", "2019-09-19", None]


def test_time_event_scene_date_of_lead(hand_doc, res):
    paras = ["Pada aksi demo Minggu (15/9), para demonstran melemparkan bom bensin.",
             "Polisi merespon dengan menembakkan gas air mata."]
    doc = hand_doc(paras, [], published="2019-09-16")
    doc.events = [_event(doc, "melemparkan", 0), _event(doc, "menembakkan", 1)]
    time_stage.run(doc, res)
    assert [e.date for e in doc.events] == ["2019-09-15", "2019-09-15"]
