"""Which parts of life the interview asks about: before a first interview, and for someone
who finished one before and comes back to add more.

Each part is shown by its title with a short example (its summary) under it. Nothing
here asks about who the person is; only about what they have done.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from lerkit.core.i18n import N_, _
from lerkit.services.interview import Part
from lerkit.tui.widgets.choice_list import ChoiceList

FIRST_QUESTION = N_("Which of these have been part of your life? Tick every one that fits; "
                    "the interview asks only about those.")
HINT = N_("Space (or the number) ticks a part · Ctrl+S starts (nothing ticked: every "
          "part) · Escape goes back")


def returning_question(name: str) -> str:
    """The question for someone who finished an interview before."""
    return _("{name} finished an interview before. What is new to add?").format(name=name)


class PartsModal(ModalScreen[list[str] | None]):
    """Ticked parts make the new interview, in the order of the prompt bank; Ctrl+S
    starts it, Escape leaves."""

    CSS_PATH = "parts.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", N_("Start"), id="parts-start",
                tooltip=N_("Start a new interview over the ticked parts (all of them if none "
                           "is ticked)")),
        Binding("escape", "cancel", N_("Back"), id="parts-cancel", tooltip=N_("Start nothing")),
    ]

    def __init__(self, name: str, parts: list[Part], *, first: bool = False) -> None:
        super().__init__()
        self.person_name = name
        self.parts = parts
        self.first = first

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_(FIRST_QUESTION) if self.first
                        else returning_question(self.person_name),
                        id="parts-question", markup=False)
            yield ChoiceList(multiple=True, id="parts")
            yield Static(_(HINT), id="parts-hint", classes="hint", markup=False)

    def on_mount(self) -> None:
        chooser = self.query_one("#parts", ChoiceList)
        chooser.set_choices((p.id, p.title) for p in self.parts)
        for part in self.parts:
            chooser.set_detail(part.id, part.summary)
        chooser.highlighted = 0
        chooser.focus()

    def action_start(self) -> None:
        """Start a new interview over the ticked parts (all of them if none is ticked)."""
        picked = set(self.query_one("#parts", ChoiceList).picked)
        chosen = [p.id for p in self.parts if p.id in picked]
        self.dismiss(chosen or [p.id for p in self.parts])

    def action_cancel(self) -> None:
        """Start nothing."""
        self.dismiss(None)
