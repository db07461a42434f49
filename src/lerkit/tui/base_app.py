"""What every lerkit Textual application shares: themes, help and contrast keys."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, TypeVar

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen

from lerkit.core.i18n import N_, _, set_language
from lerkit.tui.commands import screen_keys
from lerkit.tui.dialogs.help import HelpModal
from lerkit.tui.dialogs.language import LanguageModal
from lerkit.tui.language import (
    LANGUAGE_KEY,
    PALETTE_PLACEHOLDER,
    SYSTEM_COMMANDS,
    speak_bindings,
)
from lerkit.tui.themes import THEMES

HIGH_CONTRAST = "lerkit-high-contrast"
ReturnType = TypeVar("ReturnType")

COMMON_BINDINGS: list[BindingType] = [
    Binding("f1", "show_help", N_("Help"), id="help",
            tooltip=N_("What this screen is for and what each key does")),
    Binding("ctrl+q", "quit", N_("Quit"), id="quit", priority=True,
            tooltip=N_("Close lerkit (an answer not saved yet is asked about first)")),
    Binding("ctrl+t", "toggle_contrast", N_("Contrast"), id="toggle-contrast", show=False,
            tooltip=N_("Switch between the normal and the high-contrast colours")),
    Binding(LANGUAGE_KEY, "choose_language", N_("Language"), id="choose-language",
            show=False, tooltip=N_("Show the screens in English or in Spanish")),
]


class LerkitBaseApp(App[ReturnType]):
    """An app with lerkit's themes (high contrast on request), F1 help and Ctrl+T."""

    CSS_PATH = "app.tcss"
    BINDINGS: ClassVar[list[BindingType]] = COMMON_BINDINGS

    def __init__(self, *, high_contrast: bool = False) -> None:
        super().__init__()
        self.speak()
        for theme in THEMES:
            self.register_theme(theme)
        if high_contrast:
            self.theme = HIGH_CONTRAST

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own commands, less Quit and Keys: lerkit's palette offers those
        with their keys (Ctrl+Q, F1), from the bindings above."""
        for command in super().get_system_commands(screen):
            if command.title in ("Quit", "Keys"):
                continue
            title, help_text = SYSTEM_COMMANDS.get(command.title, (command.title, command.help))
            yield command._replace(title=_(title), help=_(help_text))

    def speak(self) -> None:
        """The app's own words (title, keys) in the current language."""
        speak_bindings(self)
        self.title = _(self.TITLE or "")
        self.sub_title = _(self.SUB_TITLE or "")

    def action_command_palette(self) -> None:
        """Find any command by name (Ctrl+P)."""
        is_open = any(isinstance(s, CommandPalette) for s in self.screen_stack)
        if self.use_command_palette and not is_open:
            self.push_screen(CommandPalette(placeholder=_(PALETTE_PLACEHOLDER),
                                            id="--command-palette"))

    def action_show_help(self) -> None:
        """Show what the screen in front is for and what each of its keys does."""
        screen = self.screen
        if not isinstance(screen, HelpModal):
            self.push_screen(HelpModal(_(screen.HELP or ""), screen_keys(screen)))

    def action_choose_language(self) -> None:
        """Show the screens in English or in Spanish."""
        if isinstance(self.screen, ModalScreen):
            return  # a dialog in front answers first (its words are already shown)

        def chosen(language: str | None) -> None:
            if language is not None:
                set_language(language)
                self.speak()
                self.call_later(self.language_changed)

        self.push_screen(LanguageModal(), chosen)

    async def language_changed(self) -> None:
        """Show the screens again in the language just chosen (each app says how)."""
        self.screen.refresh_bindings()

    def action_toggle_contrast(self) -> None:
        """Switch between the default theme and the high-contrast theme."""
        self.theme = "textual-dark" if self.theme == HIGH_CONTRAST else HIGH_CONTRAST
