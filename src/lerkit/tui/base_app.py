"""What every lerkit Textual application shares: themes, help and contrast keys."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from lerkit.tui.commands import screen_keys
from lerkit.tui.dialogs.help import HelpModal
from lerkit.tui.themes import THEMES

HIGH_CONTRAST = "lerkit-high-contrast"
ReturnType = TypeVar("ReturnType")

COMMON_BINDINGS: list[BindingType] = [
    Binding("f1", "show_help", "Help", id="help",
            tooltip="What this screen is for and what each key does"),
    Binding("ctrl+q", "quit", "Quit", id="quit", priority=True,
            tooltip="Close lerkit (every step is already saved)"),
    Binding("ctrl+t", "toggle_contrast", "Contrast", id="toggle-contrast", show=False,
            tooltip="Switch between the normal and the high-contrast colours"),
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

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, less Quit and Keys: lerkit's palette offers those
        with their keys (Ctrl+Q, F1), from the bindings above."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Keys"):
                yield command

    def action_show_help(self) -> None:
        """Show what the screen in front is for and what each of its keys does."""
        screen = self.screen
        if not isinstance(screen, HelpModal):
            self.push_screen(HelpModal(screen.HELP or "", screen_keys(screen)))

    def action_toggle_contrast(self) -> None:
        """Switch between the default theme and the high-contrast theme."""
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST else HIGH_CONTRAST
