"""F1: the help of the screen in front and what each of its keys does, in one dialog.

Made for 80x24: the text wraps at word boundaries, the dialog never runs past the
screen, and Up, Down, Page Up and Page Down scroll it when a screen says more.
"""

from __future__ import annotations

import re
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.markup import escape
from textual.screen import ModalScreen
from textual.widgets import Static

from lerkit.core.i18n import N_, _

WIDTH = 74  # inside the dialog at 80 columns


def help_markup(text: str) -> str:
    """A screen's ``HELP`` (a little Markdown: headings, bold, italics) as Textual markup."""
    lines = []
    for line in escape(text.strip()).splitlines():
        heading = re.match(r"#+\s+(.*)", line)
        lines.append(f"[b]{heading.group(1)}[/b]" if heading else line)
    out = "\n".join(lines)
    out = re.sub(r"\*\*(.+?)\*\*", r"[b]\1[/b]", out)
    return re.sub(r"\*(.+?)\*", r"[i]\1[/i]", out)


def keys_text(keys: list[tuple[str, str]], width: int = WIDTH) -> str:
    """The keys in two columns (down the first, then the second): key, then its words."""
    half = (len(keys) + 1) // 2
    columns = [keys[:half], keys[half:]]
    cell = width // 2
    widths = [max((len(k) for k, _ in col), default=0) for col in columns]
    rows = []
    for n in range(half):
        cells = [f"{col[n][0]:<{w}}  {col[n][1]}" for col, w in zip(columns, widths, strict=True)
                 if n < len(col)]
        rows.append("".join(c[:cell - 1].ljust(cell) for c in cells).rstrip())
    return "\n".join(rows)


class HelpModal(ModalScreen[None]):
    """Read-only help; Escape, Enter or F1 closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,f1", "close", N_("Close"), id="help-dialog-close",
                tooltip=N_("Back to the screen")),
    ]

    def __init__(self, text: str, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self.text = text
        self.keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            if self.text:
                yield Static(help_markup(self.text), id="help-text")
            yield Static(_("Keys here"), classes="heading")
            yield Static(keys_text(self.keys), id="keys", markup=False)
            yield Static(_("Escape, Enter or F1 closes this. Ctrl+P finds any command by name."),
                         id="close-hint", classes="hint")

    def on_mount(self) -> None:
        self.query_one("#dialog").focus()

    def action_close(self) -> None:
        """Back to the screen."""
        self.dismiss(None)
