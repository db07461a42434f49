"""Every text the terminal interface shows is marked for translation.

An AST check over ``lerkit/tui``: a string literal (or an f-string with words in it)
handed straight to something that shows it — a Static, Label or Button, an input's
placeholder, a notification and its title, a binding's description or tooltip, a
screen's title, sub-title, border title or help, a status line — must be wrapped in
``_()``, ``N_()`` or ``ngettext()``. Symbols and key names are allowed as they are.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import REPO_ROOT

TUI = REPO_ROOT / "src" / "lerkit" / "tui"
MARKERS = {"_", "N_", "ngettext"}
WIDGETS = {"Static", "Label", "Button"}  # their first argument is the text shown
SHOWING_CALLS = {"notify", "update", "_say", "_result", "_show", "PromptModal",
                 "ConfirmModal", "Row", "Option", "Progressed",
                 "Checked"}  # first argument shown
SHOWN_KEYWORDS = {"placeholder", "title", "tooltip", "description", "hint", "prompt"}
SHOWN_ATTRIBUTES = {"title", "sub_title", "border_title", "border_subtitle", "placeholder",
                    "HELP", "TITLE", "SUB_TITLE", "BORDER_TITLE", "BORDER_SUBTITLE"}
ALLOWED = {"lerkit", "sha256"}  # the program's name; an algorithm's name
WORDS = re.compile(r"[A-Za-z]{2,}")


def _shows_words(text: str) -> bool:
    return bool(WORDS.search(text)) and text.strip() not in ALLOWED


def unmarked(node: ast.AST | None) -> Iterator[ast.AST]:
    """Literal text with words in ``node`` that no marker wraps."""
    if node is None:
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if _shows_words(node.value):
            yield node
    elif isinstance(node, ast.JoinedStr):
        parts = "".join(v.value for v in node.values
                        if isinstance(v, ast.Constant) and isinstance(v.value, str))
        if _shows_words(parts):
            yield node
    elif isinstance(node, ast.BinOp):
        yield from unmarked(node.left)
        yield from unmarked(node.right)
    elif isinstance(node, ast.IfExp):
        yield from unmarked(node.body)
        yield from unmarked(node.orelse)


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def shown_texts(tree: ast.AST) -> Iterator[ast.AST]:
    """Each expression in ``tree`` whose value is text put on the screen."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in MARKERS:
                continue
            if name in WIDGETS | SHOWING_CALLS and node.args:
                yield node.args[0]
            if name == "Binding" and len(node.args) >= 3:
                yield node.args[2]
            for keyword in node.keywords:
                if keyword.arg in SHOWN_KEYWORDS:
                    yield keyword.value
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                attr = target.attr if isinstance(target, ast.Attribute) else (
                    target.id if isinstance(target, ast.Name) else "")
                if attr in SHOWN_ATTRIBUTES:
                    yield node.value  # type: ignore[misc]


def problems(source: str, where: str) -> list[str]:
    """``where:line: text`` for each unmarked text in ``source``."""
    found = []
    for shown in shown_texts(ast.parse(source)):
        for bare in unmarked(shown):
            found.append(f"{where}:{getattr(bare, 'lineno', 0)}: {ast.unparse(bare)[:70]}")
    return found


def test_every_shown_text_in_the_tui_is_marked() -> None:
    found = []
    for path in sorted(TUI.rglob("*.py")):
        found += problems(path.read_text(encoding="utf-8"), str(path.relative_to(TUI)))
    assert not found, "texts shown without _() or N_():\n" + "\n".join(found)


def test_the_check_finds_bare_text() -> None:
    source = (
        'Static("Hello there")\n'
        'self.notify(f"Saved {n} files", title="Done")\n'
        'Binding("f1", "help", "Help")\n'
        'self.sub_title = "Record: " + name\n'
        'Static(_("Hello there"))\n'
        'Binding("f1", "help", N_("Help"), tooltip=N_("What each key does"))\n'
        'Static("▶ →")\n'
        'Static(f"{a} · {b}")\n'
    )
    lines = sorted(p.split(":")[1] for p in problems(source, "x.py"))
    assert lines == ["1", "2", "2", "3", "4"]


def test_wrapped_text_is_left_alone(tmp_path: Path) -> None:
    source = 'yield Label(_("Name:"), classes="field-label")\nyield Label(name)\n'
    assert problems(source, "x.py") == []
