"""The kiosk's idle warning: nobody has typed for a while."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from lerkit.core.i18n import _


class IdleModal(ModalScreen[None]):
    """Nobody has typed for a while: say that the session will soon be wiped."""

    CSS_PATH = "kiosk_idle.tcss"

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_("Are you still there?"))
            yield Label("", id="left")
            yield Label(_("Press any key to go on."))

    def show_left(self, seconds: float) -> None:
        """Update the countdown."""
        self.query_one("#left", Label).update(
            _("In {seconds} seconds everything from this session is wiped, without "
              "saving.").format(seconds=f"{max(seconds, 0):.0f}"))
