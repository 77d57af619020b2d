"""Migrations 3-4: read indexes, the outlet copied onto events, place names (old databases upgrade),
planner statistics."""

from __future__ import annotations

from sqlalchemy import inspect, select

from warta import queries
from warta.pipeline import Pipeline
from warta.queries import EventFilters
from warta.store import Store, schema
from warta.store.ingest import ingest
from warta.store.synthetic import make_articles


def _index_names(store):
    return {i["name"] for i in inspect(store.engine).get_indexes("events")}


def test_store_read_indexes_old_database_gets_outlet_copy_and_indexes(store_target):
    # A version-2 database written before events had an outlet column...
    store = Store(store_target, migrate=False)
    schema.migrate(store.engine, store.backend, target=2)
    arts = make_articles(30, seed=3)
    ingest([a.to_document() for a in arts], store, Pipeline([]), version="t")
    with store.write() as conn:
        for index in schema.READ_INDEXES + schema.PLACE_INDEXES:
            if index.table is schema.events:
                conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index.name}")
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN outlet")
        conn.exec_driver_sql("DROP TABLE place_names")
    store.close()
    # ...is upgraded when opened: each event carries its article's outlet, and the indexes exist.
    with Store(store_target) as store:
        assert store.version == schema.LATEST
        assert {"ix_events_outlet_date", "ix_events_source_date", "ix_events_date_counts",
                "ix_events_place_name_date"} <= _index_names(store)
        with store.read() as conn:
            pairs = conn.execute(select(schema.events.c.outlet, schema.articles.c.outlet)
                                 .join(schema.articles, schema.articles.c.id == schema.events.c.article_id)).all()
            outlet = arts[0].outlet
            listed = queries.list_events(conn, EventFilters(outlet=outlet), size=500)["events"]
            place = arts[0].place[0]
            at_place = queries.list_events(conn, EventFilters(place=place[1:-1].lower()), size=500)["events"]
    assert pairs and all(mine == theirs and mine for mine, theirs in pairs)
    assert listed and {e["outlet"] for e in listed} == {outlet}
    assert len(listed) == sum(1 for a in arts if a.outlet == outlet)
    # The place filter finds the places stored before the upgrade (through the place_names table).
    assert at_place and {e["place_name"] for e in at_place} == {place}
    assert len(at_place) == sum(1 for a in arts if a.place[0] == place)


def test_store_read_indexes_ingest_refreshes_statistics_once_events_grow(tmp_path):
    target = str(tmp_path / "s.db")
    with Store(target) as store:
        ingest([a.to_document() for a in make_articles(20, seed=4)], store, Pipeline([]), version="t")
        with store.read() as conn:
            stat = conn.exec_driver_sql(
                "SELECT stat FROM sqlite_stat1 WHERE tbl = 'events' AND idx = 'ix_events_date'").scalar()
        assert stat and int(stat.split()[0]) == 20
        # A small change leaves the statistics alone (a full ANALYZE is not free on big stores).
        assert store.refresh_statistics() is False
