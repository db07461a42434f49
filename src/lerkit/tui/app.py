"""The Textual application: wiring only (screens, themes, bindings, commands)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from lerkit.core.i18n import N_
from lerkit.services.context import Lerkit
from lerkit.tui.base_app import COMMON_BINDINGS, LerkitBaseApp
from lerkit.tui.commands import LerkitCommands
from lerkit.tui.dialogs.verify import VerifyModal
from lerkit.tui.navigation import (
    BundleSaved,
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
from lerkit.tui.widgets.answer_box import Draft


class LerkitApp(LerkitBaseApp[None]):
    """lerkit's terminal interface; the one place that opens screens.

    Screens ask for the next screen with the messages of :mod:`lerkit.tui.navigation`;
    what a screen needs (the services, the person, the taxonomy) is passed to it here.
    """

    TITLE = "lerkit"
    SUB_TITLE = N_("Learning and Employment Records")
    COMMANDS = App.COMMANDS | {LerkitCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        *COMMON_BINDINGS,
        Binding("f6", "verify_bundle", N_("Verify"), id="verify-bundle", show=False,
                tooltip=N_("Check a signed record file")),
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
        self.last_bundle: Path | None = None
        """The signed record saved last in this session (what Verify offers)."""

    def on_mount(self) -> None:
        self.open_screens()

    async def action_quit(self) -> None:
        """Close lerkit; a screen with an answer not saved yet asks first."""
        ask = getattr(self.screen, "ask_before_leaving", None)
        if ask is None or not ask():
            self.exit()

    def open_screens(self) -> None:
        """The first screens: the caseload, and the person's interview or record."""
        self.push_screen(HomeScreen(self.ler))
        if self.person_id is None:
            return
        if self.start_interview:
            self.push_screen(self._interview(self.person_id, modules=self.modules,
                                             new=self.new_interview))
        else:
            self.push_screen(ReviewScreen(self.ler, self.person_id))

    def _interview(self, person_id: str, *, modules: list[str] | None = None,
                   new: bool = False, draft: Draft | None = None) -> InterviewScreen:
        return InterviewScreen(self.ler, person_id, modules=modules, new=new,
                               taxonomy=self.taxonomy, draft=draft)

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

    # --- a change of language: the same screens again, made anew ---------------------------

    def fresh(self, screen: Screen[Any]) -> Screen[Any] | None:
        """A new screen showing what ``screen`` shows, for a change of language (None:
        not one of lerkit's screens). An interview resumes where it stopped: every step
        is saved, and the answer being typed is kept."""
        if isinstance(screen, HomeScreen):
            return HomeScreen(self.ler)
        if isinstance(screen, InterviewScreen):
            return self._interview(screen.person_id, draft=screen.unsaved())
        if isinstance(screen, ReviewScreen):
            return ReviewScreen(self.ler, screen.person_id)
        if isinstance(screen, ExportScreen):
            return ExportScreen(self.ler, screen.person_id, folder=self.export_folder())
        if isinstance(screen, OccupationsScreen):
            return OccupationsScreen(self.ler, screen.person_id)
        return None

    async def language_changed(self) -> None:
        """Every screen of the stack made anew, in the language just chosen."""
        made = [new for new in map(self.fresh, self.screen_stack) if new is not None]
        if not made:
            return
        while len(self.screen_stack) > 1:
            await self.pop_screen()
        for screen in made:
            await self.push_screen(screen)

    def export_folder(self) -> Path | None:
        """The folder the export screen offers (None: the person's Documents or home
        folder); an app with a folder of its own (the kiosk) says it here."""
        return None

    def on_bundle_saved(self, message: BundleSaved) -> None:
        self.last_bundle = message.path

    def action_verify_bundle(self) -> None:
        """Check a signed record file (the one saved last, unless another is typed)."""
        if not isinstance(self.screen, VerifyModal):
            self.push_screen(VerifyModal(str(self.last_bundle or "")))


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
