"""The ``warta`` command line: a thin click group over library functions.

Every command and option here is documented in docs/cli.md; tests/test_docs.py checks that.
"""

from __future__ import annotations

import sys

import click

from . import __version__
from .errors import WartaError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="warta")
def main() -> None:
    """warta: Indonesian news to structured event data.

    \b
    Examples:
      warta extract artikel.txt
      warta extract https://example.org/berita.html --format table
      cat artikel.txt | warta extract -
      warta eval ../shared/gold/dev
    """


def fail(err: WartaError) -> None:
    """Print a one-line error and exit non-zero, without a traceback."""
    click.echo(f"warta: error: {err}", err=True)
    sys.exit(2 if err.kind == "input" else 1)


@main.command()
@click.argument("source")
@click.option("--format", "output_format", type=click.Choice(["json", "table"]), default="json",
              show_default=True, help="JSON Document, or a readable table.")
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl", "feed"]), default="auto",
              show_default=True, help="How to read SOURCE; auto guesses from the name and content.")
@click.option("--field", "fields", multiple=True, metavar="NAME=KEY",
              help="JSONL field mapping, e.g. --field text=content --field published=date.")
@click.option("--published", metavar="YYYY-MM-DD", help="Publication date, when the source does not give it.")
@click.option("--indent/--compact", default=True, show_default=True, help="Indent the JSON output.")
def extract(source: str, output_format: str, input_format: str, fields: tuple[str, ...],
            published: str | None, indent: bool) -> None:
    """Extract entities, quotes and events from one article.

    SOURCE is a file, a URL or - for standard input.

    \b
    Examples:
      warta extract ../shared/seed/000_6a9b5c857ed0914e.txt
      warta extract artikel.html --format table
    """
    from .pipeline import Pipeline
    from .read import parse_field_map, read_one
    from .render import render_table

    try:
        doc = read_one(source, input_format=input_format, field_map=parse_field_map(fields), published=published)
        doc = Pipeline().process(doc)
    except WartaError as err:
        fail(err)
        return
    if output_format == "table":
        click.echo(render_table(doc))
    else:
        click.echo(doc.to_json(indent=2 if indent else None))


@main.command()
@click.option("--format", "output_format", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="A readable summary per example, or JSON Documents.")
def demo(output_format: str) -> None:
    """Run the whole pipeline on the bundled example articles."""
    from .demo import run_demo

    click.echo(run_demo(output_format))


@main.command("eval")
@click.argument("gold", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
@click.option("--details", is_flag=True, help="Also list, per file, the gold items missed and the system items "
              "counted as false positives.")
@click.option("--only", type=click.Choice(["entities", "quotes", "events"]),
              help="Limit the table and --details to one part (--json always has every part).")
def eval_command(gold: tuple[str, ...], as_json: bool, details: bool, only: str | None) -> None:
    """Score the pipeline against gold files (folders of .json files or single files).

    \b
    Examples:
      warta eval ../shared/gold/dev
      warta eval ../shared/gold/dev --only events --details
      warta eval ../shared/gold/dev/seed-000_6a9b5c857ed0914e.json --json
    """
    import json

    from .evaluate import evaluate
    from .evaluate_report import render_details, render_table

    try:
        result = evaluate(gold)
    except WartaError as err:
        fail(err)
        return
    for warning in result.warnings:
        click.echo(f"warta eval: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(render_table(result, only))
    if details:
        click.echo("")
        click.echo(render_details(result, only))


@main.command()
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
@click.option("--db", default="warta.db", show_default=True, metavar="TARGET",
              help="SQLite file (created on first use) or postgresql://user:pass@host:port/db.")
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl", "feed"]), default="auto",
              show_default=True, help="How to read the sources; auto guesses per file.")
@click.option("--field", "fields", multiple=True, metavar="NAME=KEY",
              help="JSONL field mapping, e.g. --field text=content --field published=date.")
@click.option("--batch-size", default=50, show_default=True, type=click.IntRange(1),
              help="Articles per transaction.")
@click.option("--reprocess", is_flag=True,
              help="Re-run stored articles made by another pipeline version (or that failed).")
@click.option("--stages", metavar="NAMES", help="Comma-separated pipeline stages to run (default: all).")
@click.option("--lock-timeout", default=30.0, show_default=True, type=float, metavar="SECONDS",
              help="How long to wait for a database another process is writing.")
@click.option("--progress/--no-progress", default=True, show_default=True, help="Show a progress bar on stderr.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: this process; dask: extract on a Dask cluster (pip install 'warta[dask]').")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler to use (with --engine dask).")
@click.option("--workers", type=click.IntRange(1), metavar="N",
              help="Start a local Dask cluster of N worker processes (with --engine dask; default: CPU count).")
def ingest(sources: tuple[str, ...], db: str, input_format: str, fields: tuple[str, ...], batch_size: int,
           reprocess: bool, stages: str | None, lock_timeout: float, progress: bool, engine: str,
           scheduler: str | None, workers: int | None) -> None:
    """Read articles, run the pipeline and store the results in a database.

    SOURCE is a file, a folder (read recursively), a JSONL file, an RSS/Atom feed or a URL.
    Ingesting the same source twice adds nothing; an interrupted ingest finishes when rerun.

    \b
    Examples:
      warta ingest berita/ --db warta.db
      warta ingest dump.jsonl --field text=content --field published=date
      warta ingest berita/ --db postgresql://warta:rahasia@localhost:5432/warta
    """
    from .pipeline import Pipeline
    from .read import parse_field_map
    from .store import Store
    from .store.ingest import estimate_total, ingest_sources, progress_bar

    try:
        pipeline = Pipeline([s.strip() for s in stages.split(",") if s.strip()] if stages else None)
        store = Store(db, timeout=lock_timeout)
    except WartaError as err:
        fail(err)
        return
    run, extra = ingest_sources, {}
    if engine == "dask":
        try:
            from .batch import ingest_dask
        except ImportError:
            fail(WartaError("--engine dask needs Dask: pip install 'warta[dask]'"))
            return
        run, extra = ingest_dask, {"scheduler": scheduler, "workers": workers}
    elif scheduler or workers:
        fail(WartaError("--scheduler and --workers need --engine dask"))
        return
    try:
        with progress_bar(estimate_total(sources) if progress else None, enabled=progress) as advance:
            summary = run(list(sources), store, pipeline, input_format=input_format,
                          field_map=parse_field_map(fields), batch_size=batch_size,
                          reprocess=reprocess, progress=advance, **extra)
    except KeyboardInterrupt:
        click.echo("warta: interrupted; committed batches are kept, rerun the same command to finish", err=True)
        sys.exit(130)
    except WartaError as err:
        fail(err)
        return
    finally:
        store.close()
    for line in summary.lines():
        click.echo(line)


@main.command()
@click.option("--db", default="warta.db", show_default=True, metavar="TARGET", help="Database to export from.")
@click.option("--format", "fmt", type=click.Choice(["gdelt", "mentions", "gkg", "csv", "jsonl", "parquet"]),
              default="gdelt", show_default=True,
              help="GDELT 2.0 Events / Mentions TSV, a GKG-like TSV per article, or a table.")
@click.option("--table", type=click.Choice(["events", "entities", "quotes"]), default="events", show_default=True,
              help="Table for csv, jsonl and parquet.")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE", help="Output file; - is stdout.")
@click.option("--since", metavar="YYYY-MM-DD", help="Only events (or articles) on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Only events (or articles) on or before this day.")
@click.option("--actor", help="Actor code prefix (IDN, IDNGOV) or part of an actor name.")
@click.option("--code", help="CAMEO event code prefix (04, 036).")
@click.option("--header", is_flag=True, help="Write a header row in GDELT TSV (GDELT files have none).")
def export(db: str, fmt: str, table: str, output: str, since: str | None, until: str | None, actor: str | None,
           code: str | None, header: bool) -> None:
    """Export stored events, mentions, entities or quotes.

    \b
    Examples:
      warta export --db warta.db --format gdelt -o events.tsv
      warta export --format mentions --since 2019-09-01 --until 2019-09-30 -o mentions.tsv
      warta export --format parquet --table quotes -o quotes.parquet
      warta export --format csv --actor IDNGOV --code 04
    """
    from pathlib import Path

    from .store import Store
    from .store.export import Filters
    from .store.export import export as run_export

    if db != "-" and "://" not in db and not Path(db).exists():
        fail(WartaError(f"database {db} does not exist; create it with warta ingest"))
        return
    try:
        with Store(db) as store:
            count = run_export(store, fmt, output, table, Filters(since, until, actor, code), header)
    except WartaError as err:
        fail(err)
        return
    if output != "-":
        click.echo(f"wrote {count} records to {output}", err=True)


@main.command()
@click.option("--db", default="warta.db", show_default=True, metavar="TARGET",
              help="SQLite file or postgresql:// URL made by warta ingest.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on.")
@click.option("--ingest-token", envvar="WARTA_INGEST_TOKEN", metavar="TOKEN",
              help="Enable POST /ingest, which then requires 'Authorization: Bearer TOKEN' "
                   "(also read from WARTA_INGEST_TOKEN). Without it the server is read-only.")
@click.option("--max-body", default=2_000_000, show_default=True, type=click.IntRange(1024), metavar="BYTES",
              help="Largest request body accepted.")
def serve(db: str, host: str, port: int, ingest_token: str | None, max_body: int) -> None:
    """Serve the dashboard and the JSON API (OpenAPI docs at /docs) over a database.

    \b
    Examples:
      warta serve --db warta.db
      warta serve --db warta.db --port 8080
      WARTA_INGEST_TOKEN=rahasia warta serve --db warta.db --host 0.0.0.0
    """
    try:
        import uvicorn

        from .api import create_app
    except ImportError:
        fail(WartaError("warta serve needs the web extra: pip install 'warta[web]'"))
        return
    try:
        app = create_app(db, ingest_token=ingest_token or None, max_body=max_body)
    except WartaError as err:
        fail(err)
        return
    click.echo(f"warta: serving {db} on http://{host}:{port} (API docs at /docs"
               f"{'; POST /ingest enabled' if ingest_token else '; read-only'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


if __name__ == "__main__":  # pragma: no cover
    main()
