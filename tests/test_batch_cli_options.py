"""The --engine/--scheduler/--workers options of warta ingest fail with one-line errors."""

from __future__ import annotations

from click.testing import CliRunner

from warta.cli import main


def test_batch_cli_workers_need_the_dask_engine(tmp_path):
    article = tmp_path / "berita.txt"
    article.write_text("JAKARTA - Presiden meresmikan jembatan baru di Jakarta pada Senin.", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(article), "--db", str(tmp_path / "w.db"), "--no-progress",
                                       "--workers", "2"])
    assert result.exit_code != 0
    assert "need --engine dask" in result.output and "Traceback" not in result.output


def test_batch_cli_scheduler_and_workers_exclude_each_other(tmp_path):
    article = tmp_path / "berita.txt"
    article.write_text("JAKARTA - Presiden meresmikan jembatan baru di Jakarta pada Senin.", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(article), "--db", str(tmp_path / "w.db"), "--no-progress",
                                       "--engine", "dask", "--workers", "2", "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code != 0
    assert "either --scheduler or --workers" in result.output and "Traceback" not in result.output
