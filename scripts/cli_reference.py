"""Write docs/cli.md, the command-line reference, from what ``ler … --help`` prints.

    python scripts/cli_reference.py           # rewrite docs/cli.md
    python scripts/cli_reference.py --check   # exit 1 if docs/cli.md is out of date

The help is rendered 80 columns wide, without colour, whatever the terminal, so the
file only changes when a command, an option or a help text does.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

REFERENCE = Path(__file__).resolve().parent.parent / "docs" / "cli.md"
WIDTH = "80"
HEADER = """# Command-line reference

Every `ler` command with its options, exactly as `ler … --help` prints them. The
database is chosen before the command name, for any command: `ler --db URL COMMAND …`
(or `LER_DB`). Exit codes are listed in the [README](../README.md#exit-codes).

This file is generated from the commands themselves by `python scripts/cli_reference.py`;
a test fails while it differs from what they print.
"""


def _english() -> None:
    """The reference is in English, whatever the language of the shell that runs this."""
    os.environ["LER_LANG"] = "en"
    from lerkit.core.i18n import set_language

    set_language("en")  # before the commands are imported: their help is read then


def _plain_terminal() -> None:
    """Help as on an 80-column terminal without colour (read when Typer is imported)."""
    for name in ("FORCE_COLOR", "PY_COLORS", "GITHUB_ACTIONS", "TERMINAL_WIDTH"):
        os.environ.pop(name, None)
    os.environ.update({"COLUMNS": WIDTH, "NO_COLOR": "1", "TERM": "dumb",
                       "_TYPER_FORCE_DISABLE_TERMINAL": "1"})


def _paths(group: Any, ctx: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command under ``group``, in the order its help lists them."""
    found = [prefix]
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None or command.hidden:
            continue
        if hasattr(command, "list_commands"):
            found += _paths(command, ctx, (*prefix, name))
        else:
            found.append((*prefix, name))
    return found


def render() -> str:
    """The whole reference, as Markdown."""
    _plain_terminal()
    _english()
    import typer.main
    from typer.testing import CliRunner

    from lerkit.cli.main import make_cli

    app = make_cli()
    root = typer.main.get_command(app)
    paths = _paths(root, root.make_context("ler", [], resilient_parsing=True))
    runner = CliRunner()
    parts = [HEADER]
    for path in paths:
        shown = runner.invoke(app, [*path, "--help"], prog_name="ler")
        if shown.exit_code != 0:
            raise SystemExit(f"ler {' '.join(path)} --help failed: {shown.output}")
        lines = [line.rstrip() for line in shown.stdout.splitlines()]
        text = "\n".join(lines).strip("\n")
        parts.append(f"## `{' '.join(('ler', *path))}`\n\n```text\n{text}\n```\n")
    return "\n".join(parts)


def main() -> int:
    """Rewrite the reference, or with --check say whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the file is out of date")
    args = parser.parse_args()
    text = render()
    current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.exists() else ""
    if args.check:
        if current != text:
            print(f"{REFERENCE.name} is out of date: run python scripts/cli_reference.py",
                  file=sys.stderr)
            return 1
        return 0
    if current != text:
        REFERENCE.write_text(text, encoding="utf-8")
        print(f"wrote {REFERENCE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
