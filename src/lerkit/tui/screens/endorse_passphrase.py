"""Ask for the endorser's passphrase (hidden) before signing."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class PassphraseModal(ModalScreen[str | None]):
    """Dismiss with the passphrase typed (Enter) or None (Escape)."""

    DEFAULT_CSS = """
    PassphraseModal {
        align: center middle;
    }
    PassphraseModal #dialog {
        width: 64;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="passphrase-cancel"),
    ]

    def __init__(self, prompt: str) -> None:
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.prompt)
            yield Input(id="passphrase", password=True, placeholder="Passphrase")
            yield Label("Enter signs, Escape goes back without signing.", classes="hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value or None)

    def action_cancel(self) -> None:
        """Close without signing."""
        self.dismiss(None)
