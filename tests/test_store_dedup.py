"""Cross-article dedup: one global event per (date, source, target, base code), GDELT counts."""

from __future__ import annotations

from collections import defaultdict

from warta.doc import Document, Event, Metadata
from warta.pipeline import Pipeline
from warta.store import Store
from warta.store.dedup import dedup_key
from warta.store.ingest import ingest
from warta.store.synthetic import make_articles


def _report(doc_id, outlet, code, source, target, day="2019-09-14", symmetric=False, sentence=0, text=None):
    event = Event(id="e1", code=code, sentence=sentence, source=source, target=target, symmetric=symmetric,
                  date=day, base_code=code[:3], root_code=code[:2], is_root=sentence == 0)
    text = text or f"Laporan {doc_id}: kilang minyak diserang pesawat nirawak pada Sabtu."
    return Document(id=doc_id, text=text, published=day, metadata=Metadata(outlet=outlet), events=[event])


def test_store_dedup_counts_mentions_sources_articles(store_target):
    docs = [
        _report("a1", "Harian Satu", "1951", "YEMREB", "SAUBUS"),
        _report("a2", "Harian Satu", "195", "YEMREB", "SAUBUS"),  # same outlet, base code 195 again
        _report("a3", "Kabar Dua", "1952", "YEMREB", "SAUBUS", sentence=4),
        _report("a4", "Kabar Dua", "190", "YEMREB", "SAUBUS"),  # another base code: another event
        _report("a5", "Kabar Dua", "195", "YEMREB", "SAUBUS", day="2019-09-15"),  # another day
    ]
    # One article reporting the attack twice: two mentions, one article.
    twice = _report("a6", "Pos Tiga", "195", "YEMREB", "SAUBUS")
    twice.events.append(Event(id="e2", code="195", sentence=3, source="YEMREB", target="SAUBUS",
                              date="2019-09-14", base_code="195", root_code="19"))
    with Store(store_target) as store:
        ingest([*docs, twice], store, Pipeline([]), version="t", batch_size=2)
        with store.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT date, base_code, num_mentions, num_sources, num_articles, is_root, code "
                "FROM global_events ORDER BY date, base_code").fetchall()
            mention_sentences = sorted(r[0] for r in conn.exec_driver_sql(
                "SELECT m.sentence FROM event_mentions m JOIN global_events g ON g.id = m.global_event_id "
                "WHERE g.date = '2019-09-14' AND g.base_code = '195'"))
    assert [tuple(r[:5]) for r in rows] == [
        ("2019-09-14", "190", 1, 1, 1),
        ("2019-09-14", "195", 5, 3, 4),
        ("2019-09-15", "195", 1, 1, 1),
    ]
    # IsRootEvent and EventCode come from the first report.
    assert bool(rows[1][5]) is True and rows[1][6] == "1951"
    assert mention_sentences == [1, 1, 1, 4, 5]


def test_store_dedup_symmetric_events_ignore_actor_order():
    a = {"date": "2019-09-09", "source": "IDNGOV", "target": "JPNGOV", "base_code": "036", "symmetric": True}
    b = dict(a, source="JPNGOV", target="IDNGOV")
    assert dedup_key(a, None, 1)[0] == dedup_key(b, None, 2)[0]
    directed = dict(a, symmetric=False)
    assert dedup_key(directed, None, 1)[0] != dedup_key(dict(b, symmetric=False), None, 2)[0]


def test_store_dedup_undated_events_stay_apart_and_published_date_is_the_fallback():
    row = {"date": None, "source": "IDNGOV", "target": "", "base_code": "010"}
    assert dedup_key(row, None, 1)[0] != dedup_key(row, None, 2)[0]
    assert dedup_key(row, "2019-09-10T08:00:00", 1) == dedup_key(row, "2019-09-10", 2)


def test_store_dedup_synthetic_wire_stories_match_a_recount(store_target):
    arts = make_articles(80, seed=3)
    with Store(store_target) as store:
        ingest([a.to_document() for a in arts], store, Pipeline([]), version="t", batch_size=9)
        with store.read() as conn:
            stored = {(r[0], r[1], r[2], r[3]): (r[4], r[5], r[6]) for r in conn.exec_driver_sql(
                "SELECT date, source, target, base_code, num_mentions, num_sources, num_articles FROM global_events")}
    # Recount from the generator's own record of what each article reports.
    groups = defaultdict(list)
    for a in arts:
        src, tgt = a.story.source, a.story.target
        if a.story.symmetric and tgt < src:
            src, tgt = tgt, src
        groups[(a.published, src, tgt, a.story.code[:3])].append(a)
    expected = {k: (len(v), len({a.outlet for a in v}), len(v)) for k, v in groups.items()}
    assert stored == expected
    assert any(n_sources > 1 for _, n_sources, _ in stored.values())
