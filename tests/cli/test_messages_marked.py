"""Every message the ``ler`` command shows is marked for translation.

A string written straight into ``typer.echo``, a prompt, an error or a ``help=`` is read
from the code: if it says something in words, it must go through ``_()`` (or
``ngettext``), so that the Spanish catalog can translate it. Data, ids and symbols are
not words and pass.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO_ROOT

CLI = REPO_ROOT / "src" / "lerkit" / "cli"

# functions whose text arguments a person reads
SHOWN = {"echo", "secho", "say_error", "prompt", "confirm", "note", "say", "_say",
         "say_inline", "read", "_read", "_passphrase", "get_passphrase", "new_passphrase",
         "command_help", "Typer"}
ERRORS = {"LerError", "BadInputError", "NotFoundError", "StorageError", "FileFormatError",
          "PassphraseError", "CheckFailedError"}
# text that is not a message: names, symbols and machine-readable output
ALLOWED = {
    "onet",  # the one format `ler occupations import` takes
    "sha256:",  # the digest ler export prints for scripts
    "lerkit ",  # ler --version
    "ler: error: ",  # the prefix of every error line, the same in every language
    "DID: ",  # a W3C term, the same in Spanish
    "         id: ",  # the claim id line of ler verify's report
}
WORDS = re.compile(r"[A-Za-z]{2,}")


def _pieces(node: ast.expr) -> Iterator[str]:
    """The literal text in an argument: a string, an f-string's text, or a sum of them."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                yield part.value
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        yield from _pieces(node.left)
        yield from _pieces(node.right)
    elif isinstance(node, ast.IfExp):
        yield from _pieces(node.body)
        yield from _pieces(node.orelse)


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def unmarked(path: Path, root: Path = REPO_ROOT) -> list[str]:
    """``path:line: text`` for each word-bearing literal shown without ``_()``."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node)
        shown: list[ast.expr] = [k.value for k in node.keywords if k.arg == "help"]
        if name in SHOWN or name in ERRORS:
            shown += node.args
            shown += [k.value for k in node.keywords if k.arg in ("text", "message", "reason")]
        for argument in shown:
            for text in _pieces(argument):
                if WORDS.search(text) and text not in ALLOWED:
                    where = path.relative_to(root)
                    found.append(f"{where}:{argument.lineno}: {text!r}")
    return found


def test_every_message_of_the_command_line_is_marked_for_translation() -> None:
    found = [line for path in sorted(CLI.rglob("*.py")) for line in unmarked(path)]
    assert not found, ("shown without _() (wrap the text in _(...), with named "
                       "placeholders):\n" + "\n".join(found))


def test_the_check_sees_an_unmarked_message(tmp_path: Path) -> None:
    sample = tmp_path / "sample_cmd.py"
    sample.write_text(
        'import typer\nfrom lerkit.core.errors import BadInputError\n'
        'from lerkit.core.i18n import _\n'
        'typer.echo(f"Wrote {3} files")\n'
        'typer.echo(_("Wrote {n} files").format(n=3))\n'
        'typer.echo(f"{1:>2}. ")\n'
        'raise BadInputError("no such person")\n'
        'typer.Option("--top", help="How many.")\n', encoding="utf-8")
    found = unmarked(sample, tmp_path)
    assert [line.split(": ", 1)[1] for line in found] == [
        "'Wrote '", "' files'", "'no such person'", "'How many.'"]
