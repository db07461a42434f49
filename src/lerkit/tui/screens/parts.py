"""Which parts of the interview to go through again, for someone who finished one before."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from lerkit.services.interview import Part
from lerkit.tui.widgets.choice_list import ChoiceList


class PartsModal(ModalScreen[list[str] | None]):
    """Ticked parts make the new interview; Ctrl+S starts it, Escape leaves."""

    CSS_PATH = "parts.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "start", "Start", id="parts-start"),
        Binding("escape", "cancel", "Back", id="parts-cancel"),
    ]

    def __init__(self, name: str, parts: list[Part]) -> None:
        super().__init__()
        self.person_name = name
        self.parts = parts

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(f"{self.person_name} finished an interview before. What is new to add?",
                        markup=False)
            yield ChoiceList(multiple=True, id="parts")
            yield Static("Space ticks a part · Ctrl+S starts (nothing ticked: every part) · "
                         "Escape goes back", id="parts-hint", classes="hint", markup=False)

    def on_mount(self) -> None:
        chooser = self.query_one("#parts", ChoiceList)
        chooser.set_choices((p.id, f"{p.title}: {p.summary}") for p in self.parts)
        chooser.focus()

    def action_start(self) -> None:
        """Start a new interview over the ticked parts (all of them if none is ticked)."""
        picked = self.query_one("#parts", ChoiceList).picked
        self.dismiss(list(picked) or [p.id for p in self.parts])

    def action_cancel(self) -> None:
        """Start nothing."""
        self.dismiss(None)
