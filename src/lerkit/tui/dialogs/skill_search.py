"""Find a skill by name (autocomplete over the taxonomy) and accept it.

Where the screen speaks Spanish, the words typed are read as Spanish (unless clearly
English) and searched in the taxonomy's Spanish texts too, and each skill is shown by its
name in Spanish where the taxonomy has one; the skill accepted keeps its stored name.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Static
from textual.worker import get_current_worker

from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _, current_language, ngettext
from lerkit.core.matching.types import Match
from lerkit.services import matching
from lerkit.services.context import Lerkit
from lerkit.services.skill_names import SkillNames
from lerkit.tui.widgets.marked_list import MarkedList, Row
from lerkit.tui.wording import match_line

DEBOUNCE = 0.15


class SkillSearchModal(ModalScreen[Match | None]):
    """Type words; the list updates as you type; Enter accepts the highlighted skill."""

    CSS_PATH = "skill_search.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="search-cancel",
                tooltip=N_("Close without accepting anything")),
        Binding("down", "move(1)", N_("Next"), id="search-next", show=False,
                tooltip=N_("Move the cursor in the results while typing")),
        Binding("up", "move(-1)", N_("Previous"), id="search-previous", show=False,
                tooltip=N_("Move the cursor in the results while typing")),
    ]

    @dataclass
    class Found(Message):
        """Results for the words typed."""

        text: str
        matches: list[Match]
        shown: list[Match] = field(default_factory=list)  # named in the screen's language

    @dataclass
    class Failed(Message):
        """The search was refused (an unknown taxonomy, say)."""

        text: str

    def __init__(self, ler: Lerkit, taxonomy: str) -> None:
        super().__init__()
        self.ler = ler
        self.taxonomy = taxonomy
        self.matches: list[Match] = []
        self.names = SkillNames(ler)  # in the language the screen speaks
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_("Find a skill by name (in the {taxonomy} list)").format(
                taxonomy=self.taxonomy), markup=False)
            yield Input(placeholder=_("Type a few words, like: plan routes"), id="words")
            yield MarkedList(id="results")
            yield Static(_("Up and Down choose, Enter accepts, Escape cancels."),
                         id="search-status", classes="hint")

    @on(Input.Changed, "#words")
    def words_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        text = event.value
        self._timer = self.set_timer(DEBOUNCE, lambda: self.search(text))

    @work(thread=True, exclusive=True, exit_on_error=False, group="skill-search")
    def search(self, text: str) -> None:
        """Match the words in a worker thread."""
        language = current_language()
        try:
            found = matching.match(self.ler, text, self.taxonomy, top=10,
                                   language=language) if text.strip() else []
            shown = [replace(m, label=self.names.match(m)) for m in found]
        except LerError as exc:
            self.post_message(self.Failed(exc.message))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(text, found, shown))

    def on_skill_search_modal_found(self, message: Found) -> None:
        if message.text != self.query_one("#words", Input).value:
            return
        self.matches = message.matches
        rows = [Row(match_line(m), id=str(n))
                for n, m in enumerate(message.shown or self.matches)]
        self.query_one("#results", MarkedList).set_rows(rows)
        status = (ngettext("{n} skill found.", "{n} skills found.", len(rows)).format(n=len(rows))
                  if rows else _("Nothing found; try other words."))
        self.query_one("#search-status", Static).update(
            status + " " + _("Up and Down choose, Enter accepts, Escape cancels."))

    def on_skill_search_modal_failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error")

    def action_move(self, delta: int) -> None:
        """Move the cursor in the results while typing."""
        results = self.query_one("#results", MarkedList)
        if delta > 0:
            results.action_cursor_down()
        else:
            results.action_cursor_up()

    def _chosen(self) -> Match | None:
        row = self.query_one("#results", MarkedList).current_row()
        return self.matches[int(row.id)] if row is not None and row.id is not None else None

    @on(Input.Submitted, "#words")
    @on(OptionList.OptionSelected, "#results")
    def choose(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            self.notify(_("Nothing chosen yet: type some words first."), severity="warning")
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        """Close without accepting anything."""
        self.dismiss(None)
