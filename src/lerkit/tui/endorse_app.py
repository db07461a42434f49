"""The endorser's review as its own small Textual application (``ler endorse BUNDLE``)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from lerkit.services.context import Lerkit
from lerkit.services.endorsing import BundleReview, EndorseResult
from lerkit.tui.screens.endorse import EndorseScreen
from lerkit.tui.themes import THEMES


class EndorseApp(App[EndorseResult | None]):
    """Review one bundle and sign endorsements; exits with what was written (or None)."""

    TITLE = "lerkit: endorse"
    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "show_help_panel", "Help", id="help"),
        Binding("ctrl+t", "toggle_contrast", "Contrast", id="toggle-contrast"),
    ]

    def __init__(self, ler: Lerkit, review: BundleReview, out: Path, *,
                 high_contrast: bool = False) -> None:
        super().__init__()
        self.ler = ler
        self.review = review
        self.out = out
        for theme in THEMES:
            self.register_theme(theme)
        if high_contrast:
            self.theme = "lerkit-high-contrast"

    def on_mount(self) -> None:
        self.push_screen(EndorseScreen(self.ler, self.review, self.out))

    def action_show_help_panel(self) -> None:
        """Show or hide the key and help panel."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            super().action_show_help_panel()

    def action_toggle_contrast(self) -> None:
        """Switch between the default theme and the high-contrast theme."""
        self.theme = (
            "textual-dark" if self.theme == "lerkit-high-contrast" else "lerkit-high-contrast"
        )


def make_endorse_app(ler: Lerkit, review: BundleReview, out: Path, *,
                     high_contrast: bool = False) -> EndorseApp:
    """The factory used by ``ler endorse`` and by the tests."""
    return EndorseApp(ler, review, out, high_contrast=high_contrast)
