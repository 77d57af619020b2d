"""Ingest twice = ingest once, for generated batches of articles (hypothesis, SQLite).

Batches mix article texts, exact repeats inside the batch, re-spaced copies, shared URLs, and
inputs the reader refused (Failures). One database ingests the batch once; another ingests it
twice, with a different batch size the second time. Every table must end up identical (apart
from the time a row was added), and the database must pass its integrity check.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warta.doc import Document, Metadata
from warta.pipeline import Failure
from warta.store import Store
from warta.store.ingest import ingest

pytestmark = pytest.mark.timeout(300)

SENTENCES = (
    "Presiden Joko Widodo bertemu Perdana Menteri Malaysia di Jakarta pada Senin.",
    "\"Kami sepakat memperkuat kerja sama,\" kata Presiden kepada wartawan.",
    "Menteri Luar Negeri Retno Marsudi mengecam serangan di Gaza, Palestina.",
    "Polisi menangkap dua terduga teroris di Bekasi, Jawa Barat, kemarin.",
    "TNI akan mengirim bantuan ke wilayah yang terdampak banjir pekan depan.",
    "Pemerintah Indonesia menolak tuduhan itu, ujarnya.",
)
TIME_COLUMNS = {"added", "applied"}

ARTICLE = st.builds(
    lambda parts, url, day: ("\n\n".join(parts), url, day),
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4),
    st.one_of(st.none(), st.sampled_from(["https://contoh.id/1", "https://contoh.id/2"])),
    st.sampled_from(["2024-03-04", "2024-03-05", None]),
)
ITEM = st.one_of(ARTICLE, ARTICLE, ARTICLE, st.sampled_from(["gagal-1", "gagal-2"]))
# At least one article, anywhere in the batch, so that the comparison is never vacuous.
SPECS = st.builds(lambda first, rest: [first, *rest], ARTICLE, st.lists(ITEM, max_size=5)).flatmap(st.permutations)


def _items(spec):
    """Fresh Documents (ingest must not depend on objects surviving between runs) and Failures."""
    out = []
    for number, item in enumerate(spec):
        if isinstance(item, str):
            out.append(Failure(item, f"masukan/{item}.txt", "binary data, not a text article", "input"))
            continue
        text, url, day = item
        out.append(Document(id=f"d{number}", text=text, published=day, metadata=Metadata(url=url)))
    return out


def _dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        dump = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in TIME_COLUMNS]
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            dump[table] = sorted(rows, key=repr)
        return dump
    finally:
        conn.close()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(spec=SPECS, first_batch=st.integers(1, 4), second_batch=st.integers(1, 4))
def test_properties_ingest_twice_equals_once(pipeline, spec, first_batch, second_batch):
    with tempfile.TemporaryDirectory() as tmp:
        once, twice = Path(tmp) / "sekali.db", Path(tmp) / "dua-kali.db"
        with Store(str(once)) as store:
            ingest(_items(spec), store, pipeline, batch_size=first_batch, version="v1")
        with Store(str(twice)) as store:
            ingest(_items(spec), store, pipeline, batch_size=first_batch, version="v1")
            again = ingest(_items(spec), store, pipeline, batch_size=second_batch, version="v1")
        assert again.new == 0 and again.reprocessed == 0
        assert _dump(twice) == _dump(once)
        assert _dump(once)["articles"]
