"""The Textual application: wiring only (screens, themes, bindings, commands)."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from lerkit.services.context import Lerkit
from lerkit.tui.base_app import COMMON_BINDINGS, LerkitBaseApp
from lerkit.tui.commands import LerkitCommands
from lerkit.tui.dialogs.verify import VerifyModal
from lerkit.tui.navigation import (
    ExportWanted,
    InterviewWanted,
    OccupationsWanted,
    RecordWanted,
)
from lerkit.tui.screens.export import ExportScreen
from lerkit.tui.screens.home import HomeScreen
from lerkit.tui.screens.interview import InterviewScreen
from lerkit.tui.screens.occupations import OccupationsScreen
from lerkit.tui.screens.review import ReviewScreen


class LerkitApp(LerkitBaseApp[None]):
    """lerkit's terminal interface; the one place that opens screens.

    Screens ask for the next screen with the messages of :mod:`lerkit.tui.navigation`;
    what a screen needs (the services, the person, the taxonomy) is passed to it here.
    """

    TITLE = "lerkit"
    SUB_TITLE = "Learning and Employment Records"
    COMMANDS = App.COMMANDS | {LerkitCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *COMMON_BINDINGS,
        Binding("f6", "verify_bundle", "Verify", id="verify-bundle", show=False),
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
            self.push_screen(self._interview(self.person_id, modules=self.modules,
                                             new=self.new_interview))
        else:
            self.push_screen(ReviewScreen(self.ler, self.person_id))

    def _interview(self, person_id: str, *, modules: list[str] | None = None,
                   new: bool = False) -> InterviewScreen:
        return InterviewScreen(self.ler, person_id, modules=modules, new=new,
                               taxonomy=self.taxonomy)

    # --- navigation asked for by the screens ------------------------------------------------

    def on_record_wanted(self, message: RecordWanted) -> None:
        if not message.instead:
            self.push_screen(ReviewScreen(self.ler, message.person_id))
            return
        stack = self.screen_stack
        below = stack[-2] if len(stack) >= 2 else None
        if isinstance(below, ReviewScreen) and below.person_id == message.person_id:
            self.pop_screen()
        else:
            self.switch_screen(ReviewScreen(self.ler, message.person_id))

    def on_interview_wanted(self, message: InterviewWanted) -> None:
        self.push_screen(self._interview(message.person_id))

    def on_export_wanted(self, message: ExportWanted) -> None:
        self.push_screen(ExportScreen(self.ler, message.person_id,
                                      folder=self.export_folder()))

    def on_occupations_wanted(self, message: OccupationsWanted) -> None:
        self.push_screen(OccupationsScreen(self.ler, message.person_id))

    def export_folder(self) -> Path | None:
        """The folder the export screen offers (None: the person's Documents or home
        folder); an app with a folder of its own (the kiosk) says it here."""
        return None

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
