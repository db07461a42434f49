"""Ask for one line in a modal dialog: a name, or a passphrase (hidden)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from lerkit.core.i18n import N_, _


class PromptModal(ModalScreen[str | None]):
    """Dismiss with the line typed (Enter) or None (Escape).

    With ``secret`` the line is hidden and kept exactly as typed (a passphrase);
    otherwise surrounding spaces are dropped.
    """

    CSS_PATH = "prompt.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="prompt-cancel",
                tooltip=N_("Close without a value")),
    ]

    def __init__(self, prompt: str, *, secret: bool = False,
                 hint: str | None = None) -> None:
        super().__init__()
        self.prompt = prompt
        self.secret = secret
        self.hint = hint if hint is not None else _("Enter to save, Escape to cancel.")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.prompt, markup=False)
            yield Input(id="answer", password=self.secret,
                        placeholder=_("Passphrase") if self.secret else "")
            yield Label(self.hint, classes="hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss((event.value if self.secret else event.value.strip()) or None)

    def action_cancel(self) -> None:
        """Close without a value."""
        self.dismiss(None)
