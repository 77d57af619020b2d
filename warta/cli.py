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
@click.option("--input-format", type=click.Choice(["auto", "text", "html", "jsonl"]), default="auto",
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


if __name__ == "__main__":  # pragma: no cover
    main()
