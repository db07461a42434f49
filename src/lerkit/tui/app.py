"""The Textual application: wiring only (screens, themes, bindings, commands)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from lerkit.services.context import Lerkit
from lerkit.tui.base_app import COMMON_BINDINGS, LerkitBaseApp
from lerkit.tui.commands import LerkitCommands
from lerkit.tui.screens.home import HomeScreen
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.screens.review import ReviewScreen
from lerkit.tui.screens.verify import VerifyModal


class LerkitApp(LerkitBaseApp[None]):
    """lerkit's terminal interface."""

    TITLE = "lerkit"
    SUB_TITLE = "Learning and Employment Records"
    COMMANDS = App.COMMANDS | {LerkitCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *COMMON_BINDINGS,
        Binding("f6", "verify_bundle", "Verify", id="verify-bundle"),
    ]

    def __init__(self, ler: Lerkit, *, high_contrast: bool = False,
                 person_id: str | None = None, start_interview: bool = False,
                 modules: list[str] | None = None, new: bool = False,
                 taxonomy: str | None = None) -> None:
        super().__init__(high_contrast=high_contrast)
        self.ler = ler
        self.person_id = person_id
        self.start_interview = start_interview
        self.modules = modules
        self.new_interview = new
        self.taxonomy = taxonomy

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.ler))
        if self.person_id is None:
            return
        if self.start_interview:
            self.push_screen(InterviewScreen(self.ler, self.person_id, modules=self.modules,
                                             new=self.new_interview))
        else:
            self.push_screen(ReviewScreen(self.ler, self.person_id))

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
