"""Event dates: the date in the event's sentence, else the speaker's credit date, else null."""

from __future__ import annotations

from warta.doc import Event, Explanation, Quote
from warta.stages import time as time_stage


def _event(doc, trigger, sentence, source=None, source_entity=None, in_quote=None):
    start = doc.text.index(trigger)
    return Event(f"v{len(doc.events)}", "040", sentence, source=source, source_entity=source_entity,
                 in_quote=in_quote, explanation=Explanation(sentence, start, start + len(trigger), "test"))


def test_time_event_takes_date_of_its_sentence(hand_doc, resources):
    paras = ["Presiden Korsel Yoon Suk Yeol tiba di Vilnius pada Senin untuk menghadiri KTT NATO.",
             "Korsel dan NATO akan memperluas kerja sama."]
    doc = hand_doc(paras, [], published="2023-07-11")
    doc.events = [_event(doc, "tiba", 0), _event(doc, "memperluas", 1)]
    time_stage.run(doc, resources)
    assert [e.date for e in doc.events] == ["2023-07-10", None]
    assert doc.span(*doc.events[0].explanation.date_span) == "Senin"


def test_time_event_vague_date_stays_null(hand_doc, resources):
    doc = hand_doc(["Islamabad pada awal September menolak permintaan India."], [], published="2019-09-19")
    doc.events = [_event(doc, "menolak", 0, source="PAK")]
    time_stage.run(doc, resources)
    assert doc.events[0].date is None


def test_time_event_nearest_date_in_clause(hand_doc, resources):
    text = "Taliban meningkatkan serangan menjelang pemilu, yang dijadwalkan pada 28 September mendatang."
    doc = hand_doc([text], [], published="2019-09-19")
    doc.events = [_event(doc, "meningkatkan serangan", 0)]
    time_stage.run(doc, resources)
    assert doc.events[0].date is None  # the date belongs to the relative clause


def test_time_event_speaker_credit_date_propagates(hand_doc, resources):
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
    time_stage.run(doc, resources)
    # the lead sums up China's stance of that day; Geng's later act too; Pelosi's meeting is undated
    assert [e.date for e in doc.events] == ["2019-09-19", "2019-09-19", None]


def test_time_event_scene_date_of_lead(hand_doc, resources):
    paras = ["Pada aksi demo Minggu (15/9), para demonstran melemparkan bom bensin.",
             "Polisi merespon dengan menembakkan gas air mata."]
    doc = hand_doc(paras, [], published="2019-09-16")
    doc.events = [_event(doc, "melemparkan", 0), _event(doc, "menembakkan", 1)]
    time_stage.run(doc, resources)
    assert [e.date for e in doc.events] == ["2019-09-15", "2019-09-15"]


def test_time_statement_date_in_attribution_dates_the_speaker(hand_doc, resources):
    paras = ["Mantan pimpinan KPK meminta DPR tidak terburu-buru merevisi undang-undang itu.",
             '"Kami berharap pembahasan itu jangan terburu-buru," kata Ruki di Gedung KPK, Senin (16/9/2019).',
             "Ruki juga mendesak pemerintah menunda pembahasan.",
             "Wiranto, sementara itu, mengatakan demonstrasi berlangsung pada Jumat (13/9/2019)."]
    names = [("Ruki", "PER", "Ruki"), ("KPK", "ORG", "KPK"), ("Wiranto", "PER", "Wiranto")]
    doc = hand_doc(paras, names, published="2019-09-17")
    ruki = next(e for e in doc.entities if e.name == "Ruki")
    ruki.actor = "IDNELI"
    cue = doc.text.index("kata Ruki")
    quote = doc.text.index("Kami berharap")
    wiranto = next(e for e in doc.entities if e.name == "Wiranto")
    said = doc.text.index("mengatakan demonstrasi")
    content = said + len("mengatakan ")
    doc.quotes = [
        Quote("q1", quote, quote + len("Kami berharap pembahasan itu jangan terburu-buru"), True,
              speaker=ruki.id, cue_start=cue, cue_end=cue + 4, sentence=1),
        # The date after an indirect quote's cue is part of what was said, not the statement's day.
        Quote("q2", content, len(doc.text) - 1, False, speaker=wiranto.id, cue_start=said,
              cue_end=said + len("mengatakan"), sentence=3),
    ]
    doc.events = [_event(doc, "meminta", 0, source="IDNELI"),
                  _event(doc, "mendesak", 2, source="IDNELI", source_entity=ruki.id)]
    time_stage.run(doc, resources)
    assert [e.date for e in doc.events] == ["2019-09-16", "2019-09-16"]
    exprs = time_stage._mark_statement_dates(doc, time_stage.resolve_dates(doc, resources))
    assert [(e.iso, e.credit) for e in exprs] == [("2019-09-16", True), ("2019-09-13", False)]


def test_time_law_number_year_is_not_a_date(hand_doc, resources):
    text = ("KPK meminta DPR tidak merevisi Undang-Undang Nomor 30 Tahun 2002 secara tergesa-gesa, "
            "kata Agus pada Senin (16/9).")
    doc = hand_doc([text], [], published="2019-09-17")
    assert [e.iso for e in time_stage.resolve_dates(doc, resources)] == ["2019-09-16"]
    doc.events = [_event(doc, "meminta", 0, source="IDNJUD")]
    time_stage.run(doc, resources)
    assert doc.events[0].date == "2019-09-16"


def test_time_purpose_clause_date_belongs_to_the_planned_act(hand_doc, resources):
    text = "Trump telah mengundang para pemimpin Taliban untuk bertemu di Camp David pada Minggu (8/9)."
    doc = hand_doc([text], [], published="2019-09-10")
    doc.events = [_event(doc, "mengundang", 0, source="USAGOV"), _event(doc, "bertemu", 0, source="USAGOV")]
    time_stage.run(doc, resources)
    # the invitation's own day is not given; the meeting was planned for Sunday
    assert [e.date for e in doc.events] == [None, "2019-09-08"]
