"""A yes/no question in a modal dialog."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from lerkit.core.i18n import N_, _


class ConfirmModal(ModalScreen[bool]):
    """Ask a question; dismiss with True (yes) or False (no)."""

    CSS_PATH = "confirm.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer_no", N_("Cancel"), id="confirm-cancel",
                tooltip=N_("Close without doing anything")),
        Binding("ctrl+y", "answer_yes", N_("Yes"), id="confirm-yes", tooltip=N_("Confirm")),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.question, id="question", markup=False)
            with Horizontal(id="buttons"):
                yield Button(_("No, keep"), id="no", variant="primary")
                yield Button(_("Yes, delete"), id="yes", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer_no(self) -> None:
        """Close without doing anything."""
        self.dismiss(False)

    def action_answer_yes(self) -> None:
        """Confirm."""
        self.dismiss(True)
