"""A list whose rows say their state in words and show the cursor as a ``>`` marker.

Textual's lists show the highlighted row and a ticked box by colour only. Here every
row's state is part of its text and the highlighted row also starts with ``>``, so the
list reads the same in monochrome, in high contrast and to a person who cannot tell
colours apart.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from textual import events
from textual.widgets import OptionList
from textual.widgets.option_list import Option

CURSOR = "> "
NO_CURSOR = "  "
SCROLLBAR = 2


@dataclass(frozen=True)
class Row:
    """One row: its text (may span lines), an id, and whether the cursor skips it."""

    text: str
    id: str | None = None
    heading: bool = False


class MarkedList(OptionList):
    """An OptionList of plain-text rows with a visible text cursor."""

    DEFAULT_CSS = """
    MarkedList {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.rows: list[Row] = []
        self._marked: int | None = None

    def set_rows(self, rows: list[Row], keep: str | None = None, *, reset: bool = False) -> None:
        """Show ``rows``; keep the cursor on the row with id ``keep`` (or the same place).

        With ``reset`` the cursor goes to the first row that is not a heading.
        """
        old = None if reset else self.highlighted
        ids = [r.id for r in rows]
        target: int | None = None
        if keep is not None and keep in ids:
            target = ids.index(keep)
        elif old is not None and rows:
            target = min(old, len(rows) - 1)
        elif rows:
            target = 0
        while target is not None and target < len(rows) and rows[target].heading:
            target += 1
        if target is not None and target >= len(rows):
            target = None
        self.rows = list(rows)
        self._marked = target
        self.set_options(Option(self._prompt(r, n == target), id=r.id, disabled=r.heading)
                         for n, r in enumerate(self.rows))
        self.highlighted = target

    def current_row(self) -> Row | None:
        """The row under the cursor."""
        index = self.highlighted
        if index is None or index >= len(self.rows):
            return None
        return self.rows[index]

    def _prompt(self, row: Row, cursor: bool) -> str:
        lead = CURSOR if cursor else NO_CURSOR
        lines = self._wrap(row.text).split("\n")
        return "\n".join([lead + lines[0], *(NO_CURSOR + line for line in lines[1:])])

    def _wrap(self, text: str) -> str:
        """Wrap long lines ourselves, so wrapped parts stay indented under their line."""
        width = self.content_size.width - SCROLLBAR - len(CURSOR)
        if width < 20:
            return text
        out: list[str] = []
        for line in text.split("\n"):
            indent = " " * (len(line) - len(line.lstrip(" ")))
            out += textwrap.wrap(line, width, subsequent_indent=indent + "  ",
                                 drop_whitespace=True) or [line]
        return "\n".join(out)

    def on_resize(self, event: events.Resize) -> None:
        if self.rows:
            row = self.current_row()
            self.set_rows(self.rows, keep=row.id if row else None)

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self._show_cursor()

    def _show_cursor(self) -> None:
        now = self.highlighted
        if now == self._marked or not self.rows:
            return
        for index, cursor in ((self._marked, False), (now, True)):
            if index is not None and index < len(self.rows) and index < self.option_count:
                self.replace_option_prompt_at_index(index, self._prompt(self.rows[index], cursor))
        self._marked = now
