"""Home: the caseload, a searchable list of people with their counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static
from textual.worker import get_current_worker

from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _, ngettext
from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.services.people import PersonSummary
from lerkit.tui.dialogs.confirm import ConfirmModal
from lerkit.tui.dialogs.prompt import PromptModal
from lerkit.tui.language import speak_bindings
from lerkit.tui.messages import ServiceFailed
from lerkit.tui.navigation import ExportWanted, InterviewWanted, RecordWanted
from lerkit.tui.widgets.people_list import PAGE, PeopleList


class HomeScreen(Screen[None]):
    """The list of people (a coach's caseload, or one worker's own profile)."""

    CSS_PATH = "home.tcss"
    HELP = N_(
        "## Caseload\n\nEach row is one person with how many experiences, accepted "
        "skills, evidence items and endorsements their record holds.\n\n"
        "Type in the search box to filter by name; **Enter** moves to the list, or opens "
        "the record when only one person matches. Press "
        "**Enter** on a row to review that person's record, **Ctrl+O** to go on with "
        "(or start) their interview, **Ctrl+N** to add someone (the list then shows "
        "them, highlighted). **F8** shows the screens in English or in Spanish."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows the main keys (it must fit 80 columns); F1 and Ctrl+P list all.
        Binding("enter", "open_person", N_("Open"), id="open-person",
                tooltip=N_("Open the highlighted person's record")),
        Binding("ctrl+o", "start_interview", N_("Interview"), id="start-interview",
                tooltip=N_("Go on with (or start) the highlighted person's interview")),
        Binding("ctrl+n", "new_person", N_("New person"), id="new-person",
                tooltip=N_("Ask for a name and add the person")),
        Binding("ctrl+d", "delete_person", N_("Delete"), id="delete-person", show=False,
                tooltip=N_("Delete the highlighted person after confirmation")),
        Binding("ctrl+f", "focus_search", N_("Search"), id="focus-search", show=False,
                tooltip=N_("Move the cursor to the search box")),
        Binding("ctrl+r", "reload", N_("Reload"), id="reload", show=False,
                tooltip=N_("Read the caseload again")),
    ]

    @dataclass
    class Loaded(Message):
        """How many people match ``search``, the page with the highlighted row, and which
        row that is."""

        search: str
        total: int
        offset: int
        page: list[PersonSummary]
        cursor: int

    @dataclass
    class PageLoaded(Message):
        """A further page of the list, read as it scrolled into view."""

        search: str
        offset: int
        page: list[PersonSummary]

    def __init__(self, ler: Lerkit) -> None:
        super().__init__()
        speak_bindings(self)
        self.ler = ler
        self.asked_search = ""
        self.finding = False  # a person was just added: the list is looking for them

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=_("Search people by name"), id="search")
        yield PeopleList(id="caseload")
        yield Static(_("Reading the list of people..."), id="status", classes="hint",
                     markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.action_reload()

    def on_screen_resume(self) -> None:
        if not self.finding:  # a person just added is being looked for: that read stands
            self.action_reload()

    def action_reload(self) -> None:
        """Read the caseload again."""
        listed = self.query_one("#caseload", PeopleList)
        person = listed.current()
        self.reload(near=listed.cursor, keep=person.id if person else None)

    def reload(self, *, near: int = 0, keep: str | None = None, find: bool = False) -> None:
        """Read the list for the search typed; highlight ``keep`` (looked for everywhere
        with ``find``, else near row ``near``)."""
        self.asked_search = self.query_one("#search", Input).value
        self.finding = find
        self.load_caseload(self.asked_search, near, keep, find)

    @work(thread=True, exclusive=True, exit_on_error=False, group="caseload")
    def load_caseload(self, search: str, near: int, keep: str | None, find: bool) -> None:
        """Count the people and read the page with the highlighted row (a worker)."""
        try:
            total = people.count_people(self.ler, search or None)
            cursor = max(0, min(near, total - 1))
            if find and keep is not None:
                found = people.position_of(self.ler, keep, search or None)
                cursor = cursor if found is None else found
            offset = cursor - cursor % PAGE
            page = people.list_people(self.ler, search or None, limit=PAGE, offset=offset)
        except LerError as exc:
            self.post_message(ServiceFailed(exc.message))
            return
        ids = [p.id for p in page]
        if keep in ids:
            cursor = offset + ids.index(keep)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(search, total, offset, page, cursor))

    def on_home_screen_loaded(self, message: Loaded) -> None:
        if message.search != self.query_one("#search", Input).value:
            return  # typed on since: a newer read is on its way
        self.finding = False
        self.query_one("#caseload", PeopleList).show(
            message.search, message.total, message.offset, message.page, message.cursor)
        count = message.total
        if message.search:
            found = ngettext("{n} person matching “{search}”.",
                             "{n} people matching “{search}”.", count)
        else:
            found = ngettext("{n} person.", "{n} people.", count)
        text = (found.format(n=count, search=message.search) + " "
                + _("Enter opens a record; Ctrl+O goes on with the interview."))
        if not count:
            text = (_("Nobody matches that name. Ctrl+N adds someone.") if message.search
                    else _("No people yet. Press Ctrl+N to add someone."))
        self.query_one("#status", Static).update(text)

    @on(PeopleList.PageWanted)
    def page_wanted(self, message: PeopleList.PageWanted) -> None:
        self.load_page(message.search, message.offset)

    @work(thread=True, exit_on_error=False, group="caseload-page")
    def load_page(self, search: str, offset: int) -> None:
        """Read one more page of the list (a worker)."""
        try:
            page = people.list_people(self.ler, search or None, limit=PAGE, offset=offset)
        except LerError as exc:
            self.post_message(ServiceFailed(exc.message))
            return
        self.post_message(self.PageLoaded(search, offset, page))

    def on_home_screen_page_loaded(self, message: PageLoaded) -> None:
        self.query_one("#caseload", PeopleList).add_page(message.search, message.offset,
                                                         message.page)

    def on_service_failed(self, message: ServiceFailed) -> None:
        self.finding = False
        self.query_one("#status", Static).update(_("Error: {text}").format(text=message.text))
        self.notify(message.text, title=_("Error"), severity="error")

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        if event.value != self.asked_search:
            self.reload()

    def action_focus_search(self) -> None:
        """Move the cursor to the search box."""
        self.query_one("#search", Input).focus()

    @on(Input.Submitted, "#search")
    def search_done(self, event: Input.Submitted) -> None:
        """Enter in the search box: to the list, or straight to the record when the
        list (searched or not) shows one person, as the line under it says."""
        found = self.query_one("#caseload", PeopleList)
        found.focus()
        if found.search.strip() == event.value.strip() and found.total == 1:
            self.action_open_person()

    def action_open_person(self) -> None:
        """Review the highlighted person's record."""
        person = self._chosen()
        if person is not None:
            self.post_message(RecordWanted(person.id))

    def action_start_interview(self) -> None:
        """Go on with (or start) the highlighted person's interview."""
        person = self._chosen()
        if person is not None:
            self.post_message(InterviewWanted(person.id))

    def action_export(self) -> None:
        """Export the highlighted person's signed record."""
        person = self._chosen()
        if person is not None:
            self.post_message(ExportWanted(person.id))

    def _chosen(self) -> PersonSummary | None:
        person = self.selected()
        if person is None:
            listed = self.query_one("#caseload", PeopleList)
            busy = self.finding or bool(listed.total and listed.current() is None)
            self.notify(_("Still reading the list; try again in a moment.") if busy else
                        _("Nobody is selected. Press Ctrl+N to add someone."),
                        severity="warning")
        return person

    def selected(self) -> PersonSummary | None:
        """The person on the highlighted row (None while a person just added is looked
        for: the highlight is about to move to them)."""
        if self.finding:
            return None
        return self.query_one("#caseload", PeopleList).current()

    def action_new_person(self) -> None:
        """Ask for a name and add the person."""

        def created(name: str | None) -> None:
            if name:
                try:
                    person = people.add_person(self.ler, name)
                except LerError as exc:
                    self.notify(exc.message, title=_("Not added"), severity="error")
                    return
                self.notify(_("Added {name} ({id}).").format(name=person.name, id=person.id))
                self.query_one("#search", Input).value = ""  # so that the list shows them
                self.reload(keep=person.id, find=True)

        self.app.push_screen(PromptModal(_("Name of the new person")), created)

    def action_delete_person(self) -> None:
        """Delete the highlighted person after confirmation."""
        person = self.selected()
        if person is None:
            self.notify(_("Nobody is selected."), severity="warning")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                try:
                    people.delete_person(self.ler, person.id)
                except LerError as exc:
                    self.notify(exc.message, title=_("Not deleted"), severity="error")
                    return
                self.notify(_("Deleted {name}.").format(name=person.name))
                self.reload(near=self.query_one("#caseload", PeopleList).cursor)

        self.app.push_screen(
            ConfirmModal(_("Delete {name} ({id}) and all their records?").format(
                name=person.name, id=person.id)), confirmed
        )
