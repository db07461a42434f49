"""Leaving the interview with an answer typed but not saved: save it, drop it, or stay."""

from __future__ import annotations

from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from lerkit.core.i18n import N_, _

Leave = Literal["save", "drop"]


class LeaveModal(ModalScreen[Leave | None]):
    """Dismissed with "save" (save the answer, then leave), "drop" (leave without it) or
    None (stay at the question)."""

    CSS_PATH = "leave.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "stay", N_("Stay"), id="leave-stay",
                tooltip=N_("Go back to the question")),
        Binding("ctrl+s", "save", N_("Save and leave"), id="leave-save",
                tooltip=N_("Save the answer, then leave the interview")),
    ]

    def __init__(self, changed: bool = False) -> None:
        super().__init__()
        self.changed = changed
        """Whether the question has a saved answer that the box changes."""

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            question = (_("You changed your saved answer to this question. Save the change "
                          "before you leave?") if self.changed else
                        _("Your answer to this question is not saved yet. Save it before "
                          "you leave?"))
            yield Label(question + " " + _("Skills you accepted or turned down stay as they "
                                           "are."), id="question", markup=False)
            yield Label(_("Ctrl+S saves it and leaves · Escape stays · Tab moves between "
                          "the buttons"), id="keys", markup=False)
            with Horizontal(id="buttons"):
                yield Button(_("Save and leave"), id="save", variant="primary")
                yield Button(_("Leave it as it was") if self.changed else
                             _("Leave without it"), id="drop", variant="error")
                yield Button(_("Stay"), id="stay")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        choice = event.button.id
        self.dismiss("save" if choice == "save" else "drop" if choice == "drop" else None)

    def action_stay(self) -> None:
        """Back to the question, the answer still in the box."""
        self.dismiss(None)

    def action_save(self) -> None:
        """Save the answer, then leave."""
        self.dismiss("save")
