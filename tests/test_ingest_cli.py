"""`warta ingest` on folders and JSONL dumps: summary, idempotence, per-line errors, clear failures."""

from __future__ import annotations

import json

from click.testing import CliRunner

from warta.cli import main
from warta.store import Store
from warta.store.synthetic import make_articles


def _write_sources(folder, n_files=6, n_lines=6):
    arts = make_articles(n_files + n_lines, seed=11)
    (folder / "teks").mkdir()
    for a in arts[:n_files]:
        (folder / "teks" / f"{a.id}.txt").write_text(a.title + "\n\n" + a.text, encoding="utf-8")
    lines = []
    for a in arts[n_files:]:
        record = a.to_json() | {"kategori": "nasional", "tidak_dipakai": [1, 2]}  # unknown fields: ignored
        lines.append(json.dumps(record, ensure_ascii=False))
    lines.insert(2, json.dumps({"judul": "tanpa isi", "publisher": "X"}))  # missing the text field
    (folder / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return arts


def test_ingest_cli_folder_and_jsonl_then_rerun_adds_nothing(tmp_path):
    arts = _write_sources(tmp_path)
    db = str(tmp_path / "berita.db")
    args = ["ingest", str(tmp_path / "teks"), str(tmp_path / "dump.jsonl"), "--db", db, "--no-progress",
            "--field", "text=content", "--field", "published=date", "--field", "outlet=publisher",
            "--batch-size", "4"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert "read 13, new 12, duplicate 0" in first.output
    assert "failed 1" in first.output and "line 3" in first.output
    second = CliRunner().invoke(main, args)
    assert second.exit_code == 0, second.output
    assert "new 0, duplicate 12" in second.output
    with Store(db) as store:
        counts = store.counts()
        assert counts["articles"] == 12 and counts["failures"] == 1
        with store.read() as conn:
            outlets = {r[0] for r in conn.exec_driver_sql("SELECT outlet FROM articles WHERE url IS NOT NULL")}
            published = {r[0] for r in conn.exec_driver_sql("SELECT published FROM articles WHERE url IS NOT NULL")}
    assert outlets == {a.outlet for a in arts[6:]}
    assert published == {a.published for a in arts[6:]}


def test_ingest_cli_locked_or_bad_target_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(make_articles(1)[0].text, encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "no" / "x.db")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "does not exist" in result.output
    result = CliRunner().invoke(main, ["ingest", str(tmp_path / "a.txt"), "--stages", "nope", "--db",
                                       str(tmp_path / "x.db")])
    assert result.exit_code != 0 and "unknown stage" in result.output and "Traceback" not in result.output
