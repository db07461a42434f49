"""The caseload as a virtual list: only the rows on screen are drawn, and people are
read a page at a time as the list scrolls, so 10,000 people open as fast as 100.

The list knows how many people there are and keeps the pages read so far. A row that
is not read yet asks for its page (:class:`PeopleList.PageWanted`); the screen reads it
in a worker and hands it back with :meth:`PeopleList.add_page`. The highlighted row
starts with ``>``, so it reads the same without colour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from lerkit.core.i18n import N_, _
from lerkit.services.people import PersonSummary

PAGE = 100
CURSOR, NO_CURSOR = "> ", "  "
# (heading, width) of every column after the name; the name takes what is left
COUNTS = ((N_("Id"), 12), (N_("Experiences"), 11), (N_("Skills"), 6), (N_("Evidence"), 8),
          (N_("Endorsed"), 8))
MIN_NAME = 12
READING = N_("(reading...)")


def columns() -> list[tuple[str, int]]:
    """The headings after the name in the language spoken, each as wide as it needs."""
    return [(_(title), max(width, cell_len(_(title)))) for title, width in COUNTS]


def row_text(person: PersonSummary | None, name_width: int) -> str:
    """One row (the name cut or padded to ``name_width``), without the cursor mark."""
    if person is None:
        return _(READING)
    c = person.counts
    cells = (person.id, str(c.experiences), str(c.accepted_skills), str(c.evidence),
             str(c.endorsements))
    parts = [set_cell_size(person.name, name_width)]
    parts += [set_cell_size(value, width) for value, (_title, width) in zip(cells, columns(),
                                                                           strict=True)]
    return " ".join(parts)


def header_text(name_width: int) -> str:
    """The column headings, aligned with :func:`row_text`."""
    return " ".join([set_cell_size(_("Name"), name_width),
                     *(set_cell_size(title, width) for title, width in columns())])


class PeopleList(ScrollView, can_focus=True):
    """Up, Down, Page Up, Page Down, Home and End move; the screen opens the person."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"people-list--header", "people-list--cursor"}
    DEFAULT_CSS = """
    PeopleList {
        height: 1fr;
        overflow-x: hidden;
    }
    PeopleList > .people-list--header {
        text-style: bold;
    }
    PeopleList > .people-list--cursor {
        background: $block-cursor-blurred-background;
    }
    PeopleList:focus > .people-list--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: bold;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", N_("Up"), id="people-up", show=False,
                tooltip=N_("Move the highlight up a row")),
        Binding("down", "move(1)", N_("Down"), id="people-down", show=False,
                tooltip=N_("Move the highlight down a row")),
        Binding("pageup", "page(-1)", N_("Page up"), id="people-page-up", show=False,
                tooltip=N_("Move the highlight a screenful up")),
        Binding("pagedown", "page(1)", N_("Page down"), id="people-page-down", show=False,
                tooltip=N_("Move the highlight a screenful down")),
        Binding("home", "ends(0)", N_("First"), id="people-first", show=False,
                tooltip=N_("Move the highlight to the first person")),
        Binding("end", "ends(1)", N_("Last"), id="people-last", show=False,
                tooltip=N_("Move the highlight to the last person")),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    @dataclass
    class PageWanted(Message):
        """Rows from ``offset`` on are about to be shown and are not read yet."""

        search: str
        offset: int

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.search = ""
        self.total = 0
        self.pages: dict[int, list[PersonSummary]] = {}
        self.asked: set[int] = set()

    # --- what the list holds --------------------------------------------------------------

    def show(self, search: str, total: int, offset: int, page: list[PersonSummary],
             cursor: int = 0) -> None:
        """Start again: ``total`` people match ``search``; ``page`` starts at ``offset``."""
        self.search, self.total = search, total
        self.pages, self.asked = {}, set()
        self.add_page(search, offset, page)
        self.virtual_size = Size(1, total + 1)  # the headings take a line
        self.cursor = max(0, min(cursor, total - 1))
        self.refresh()

    def add_page(self, search: str, offset: int, page: list[PersonSummary]) -> None:
        """A page read for ``search`` (ignored if the search has changed since)."""
        if search != self.search:
            return
        self.pages[offset - offset % PAGE] = page
        self.refresh()

    def person_at(self, index: int) -> PersonSummary | None:
        """The person on row ``index`` if that page is read."""
        page = self.pages.get(index - index % PAGE)
        if page is None or index % PAGE >= len(page):
            return None
        return page[index % PAGE]

    def current(self) -> PersonSummary | None:
        """The person on the highlighted row (None when the list is empty or still
        reading that row)."""
        return self.person_at(self.cursor) if self.total else None

    # --- drawing ----------------------------------------------------------------------------

    def name_width(self) -> int:
        """What the name column gets of the width (the other columns are fixed)."""
        rest = len(CURSOR) + sum(width + 1 for _title, width in columns())
        return max(MIN_NAME, self.scrollable_content_region.width - rest)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        name_width = self.name_width()
        if y == 0:
            style = self.get_component_rich_style("people-list--header")
            return Strip([Segment(NO_CURSOR + header_text(name_width), style)]
                         ).adjust_cell_length(width, style)
        index = round(self.scroll_offset.y) + y - 1
        if index >= self.total:
            return Strip.blank(width, self.rich_style)
        person = self.person_at(index)
        if person is None:
            self._want(index)
        mark = index == self.cursor
        style = (self.get_component_rich_style("people-list--cursor") if mark
                 else self.rich_style)
        text = (CURSOR if mark else NO_CURSOR) + row_text(person, name_width)
        return Strip([Segment(text, style)]).adjust_cell_length(width, style)

    def _want(self, index: int) -> None:
        offset = index - index % PAGE
        if offset not in self.asked:
            self.asked.add(offset)
            self.post_message(self.PageWanted(self.search, offset))

    # --- moving -----------------------------------------------------------------------------

    def visible_rows(self) -> int:
        """How many rows fit under the headings."""
        return max(1, self.scrollable_content_region.height - 1)

    def watch_cursor(self, cursor: int) -> None:
        top = round(self.scroll_offset.y)
        if cursor < top:
            self.scroll_to(y=cursor, animate=False, immediate=True)
        elif cursor >= top + self.visible_rows():
            self.scroll_to(y=cursor - self.visible_rows() + 1, animate=False, immediate=True)
        self.refresh()

    def _go(self, index: int) -> None:
        if self.total:
            self.cursor = max(0, min(index, self.total - 1))

    def action_move(self, step: int) -> None:
        """Move the highlight up or down a row."""
        self._go(self.cursor + step)

    def action_page(self, step: int) -> None:
        """Move the highlight a screenful up or down."""
        self._go(self.cursor + step * self.visible_rows())

    def action_ends(self, last: int) -> None:
        """Move the highlight to the first or the last person."""
        self._go(self.total - 1 if last else 0)

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            self._go(round(self.scroll_offset.y) + event.y - 1)
