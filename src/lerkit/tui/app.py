"""The Textual application: wiring only (screens, themes, bindings, commands)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from lerkit.services.context import Lerkit
from lerkit.tui.commands import LerkitCommands
from lerkit.tui.screens.home import HomeScreen
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.screens.review import ReviewScreen
from lerkit.tui.screens.verify import VerifyModal
from lerkit.tui.themes import THEMES


class LerkitApp(App[None]):
    """lerkit's terminal interface."""

    TITLE = "lerkit"
    SUB_TITLE = "Learning and Employment Records"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {LerkitCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "show_help_panel", "Help", id="help"),
        Binding("f6", "verify_bundle", "Verify", id="verify-bundle"),
        Binding("ctrl+t", "toggle_contrast", "Contrast", id="toggle-contrast"),
    ]

    def __init__(self, ler: Lerkit, *, high_contrast: bool = False,
                 person_id: str | None = None, start_interview: bool = False,
                 modules: list[str] | None = None, new: bool = False,
                 taxonomy: str | None = None) -> None:
        super().__init__()
        self.ler = ler
        self.person_id = person_id
        self.start_interview = start_interview
        self.modules = modules
        self.new_interview = new
        self.taxonomy = taxonomy
        for theme in THEMES:
            self.register_theme(theme)
        if high_contrast:
            self.theme = "lerkit-high-contrast"

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.ler))
        if self.person_id is None:
            return
        if self.start_interview:
            self.push_screen(InterviewScreen(self.ler, self.person_id, modules=self.modules,
                                             new=self.new_interview))
        else:
            self.push_screen(ReviewScreen(self.ler, self.person_id))

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

    def action_verify_bundle(self) -> None:
        """Check a signed record file."""
        if not isinstance(self.screen, VerifyModal):
            self.push_screen(VerifyModal())


def make_app(ler: Lerkit, *, high_contrast: bool = False, person_id: str | None = None,
             start_interview: bool = False, modules: list[str] | None = None,
             new: bool = False, taxonomy: str | None = None) -> LerkitApp:
    """The one factory used by the ``ler`` command and by the tests.

    ``taxonomy`` names the stored taxonomy the interview suggests from (lerkit's own by
    default).
    """
    return LerkitApp(ler, high_contrast=high_contrast, person_id=person_id,
                     start_interview=start_interview, modules=modules, new=new,
                     taxonomy=taxonomy)
