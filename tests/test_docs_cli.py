"""Every command and option of the CLI is documented in docs/cli.md; the README starts with the two
commands and .ci/run calls exactly the README's test command."""

from __future__ import annotations

import re

import click

from warta.cli import main


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## +", text, flags=re.M)
    return {p.splitlines()[0].strip(): p for p in parts[1:]}


def _commands(group: click.Group, prefix: str = "warta"):
    yield prefix, group
    for name, cmd in group.commands.items():
        if isinstance(cmd, click.Group):
            yield from _commands(cmd, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}", cmd


def test_docs_every_command_and_option_documented(repo_dir):
    sections = _sections((repo_dir / "docs" / "cli.md").read_text(encoding="utf-8"))
    missing = []
    for name, cmd in _commands(main):
        if name not in sections:
            missing.append(f"section ## {name}")
            continue
        for param in cmd.params:
            if isinstance(param, click.Option):
                for opt in param.opts + param.secondary_opts:
                    if opt.startswith("--") and f"`{opt}`" not in sections[name]:
                        missing.append(f"{name} {opt}")
    assert not missing, "undocumented: " + ", ".join(missing)


def test_docs_readme_starts_with_the_two_commands(repo_dir):
    readme = (repo_dir / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:bash|sh)?\n(.*?)```", readme, flags=re.S)
    assert len(blocks) >= 2
    assert "warta demo" in blocks[0] and "pip install" in blocks[0]
    test_command = blocks[1].strip()
    ci = (repo_dir / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci
