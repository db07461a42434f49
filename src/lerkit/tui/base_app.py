"""What every lerkit Textual application shares: themes, help and contrast keys."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import App
from textual.binding import Binding, BindingType

from lerkit.tui.themes import THEMES

HIGH_CONTRAST = "lerkit-high-contrast"
ReturnType = TypeVar("ReturnType")

COMMON_BINDINGS: list[BindingType] = [
    Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
    Binding("f1", "show_help_panel", "Help", id="help"),
    Binding("ctrl+t", "toggle_contrast", "Contrast", id="toggle-contrast"),
]


class LerkitBaseApp(App[ReturnType]):
    """An app with lerkit's themes (high contrast on request), F1 help and Ctrl+T."""

    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = COMMON_BINDINGS

    def __init__(self, *, high_contrast: bool = False) -> None:
        super().__init__()
        for theme in THEMES:
            self.register_theme(theme)
        if high_contrast:
            self.theme = HIGH_CONTRAST

    def action_show_help_panel(self) -> None:
        """Show or hide the key and help panel."""
        if self.screen.query("HelpPanel"):
            self.action_hide_help_panel()
        else:
            super().action_show_help_panel()

    def action_toggle_contrast(self) -> None:
        """Switch between the default theme and the high-contrast theme."""
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST else HIGH_CONTRAST
