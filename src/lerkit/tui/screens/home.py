"""Home: the caseload, a searchable list of people with their counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Static
from textual.worker import get_current_worker

from lerkit.core.errors import LerError
from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.services.people import PersonSummary
from lerkit.tui.messages import CaseloadLoaded, ServiceFailed
from lerkit.tui.screens.confirm import ConfirmModal
from lerkit.tui.screens.prompt import PromptModal

COLUMNS = ("Name", "Id", "Experiences", "Skills", "Evidence", "Endorsed")
MAX_NAME_WIDTH = 30


class HomeScreen(Screen[None]):
    """The list of people (a coach's caseload, or one worker's own profile)."""

    CSS_PATH = "home.tcss"
    HELP = (
        "## Caseload\n\nEach row is one person with how many experiences, accepted "
        "skills, evidence items and endorsements their record holds.\n\n"
        "Type in the search box to filter by name; **Enter** moves to the list. Press "
        "**Enter** on a row to review that person's record, **Ctrl+O** to go on with "
        "(or start) their interview."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_person", "Open record", id="open-person"),
        Binding("ctrl+o", "start_interview", "Interview", id="start-interview"),
        Binding("ctrl+n", "new_person", "New person", id="new-person"),
        Binding("ctrl+d", "delete_person", "Delete", id="delete-person"),
        Binding("ctrl+f", "focus_search", "Search", id="focus-search"),
        Binding("ctrl+r", "reload", "Reload", id="reload"),
    ]

    def __init__(self, ler: Lerkit) -> None:
        super().__init__()
        self.ler = ler
        self.people: list[PersonSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search people by name", id="search")
        yield DataTable(id="caseload", cursor_type="row", zebra_stripes=True)
        yield Static("", id="status", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self._set_columns([])
        self.action_reload()

    def on_screen_resume(self) -> None:
        self.action_reload()

    def action_reload(self) -> None:
        """Read the caseload again."""
        self.load_caseload(self.query_one("#search", Input).value)

    @work(thread=True, exclusive=True, exit_on_error=False, group="caseload")
    def load_caseload(self, search: str) -> None:
        """Read people in a worker thread and post them back."""
        try:
            found = people.list_people(self.ler, search or None)
        except LerError as exc:
            self.post_message(ServiceFailed(exc.message))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(CaseloadLoaded(found))

    def on_caseload_loaded(self, message: CaseloadLoaded) -> None:
        if message.people == self.people and self.people:
            return  # unchanged: keep the table (and its cursor) as it is
        before = self.selected()
        self.people = message.people
        rows = [(p.name, p.id, str(p.counts.experiences), str(p.counts.accepted_skills),
                 str(p.counts.evidence), str(p.counts.endorsements)) for p in self.people]
        table = self._set_columns(rows)
        for p, row in zip(self.people, rows, strict=True):
            table.add_row(*row, key=p.id)
        ids = [p.id for p in message.people]
        if before is not None and before.id in ids:
            table.move_cursor(row=ids.index(before.id))
        count = len(message.people)
        text = (f"{count} {'person' if count == 1 else 'people'}. Enter opens a record; "
                "Ctrl+O goes on with the interview.")
        if not count:
            text = "No people yet. Press Ctrl+N to add someone."
        self.query_one("#status", Static).update(text)

    def _set_columns(self, rows: Sequence[tuple[str, ...]]) -> DataTable[str]:
        """Empty the table and size its columns to ``rows`` (widths known before drawing)."""
        table: DataTable[str] = self.query_one("#caseload", DataTable)
        table.clear(columns=True)
        for n, header in enumerate(COLUMNS):
            width = max([len(header), *(len(r[n]) for r in rows)])
            table.add_column(header, width=min(width, MAX_NAME_WIDTH))
        return table

    def on_service_failed(self, message: ServiceFailed) -> None:
        self.query_one("#status", Static).update(f"Error: {message.text}")
        self.notify(message.text, title="Error", severity="error")

    @on(Input.Changed, "#search")
    def search_changed(self, event: Input.Changed) -> None:
        self.load_caseload(event.value)

    def action_focus_search(self) -> None:
        """Move the cursor to the search box."""
        self.query_one("#search", Input).focus()

    @on(Input.Submitted, "#search")
    def search_done(self) -> None:
        self.query_one("#caseload", DataTable).focus()

    @on(DataTable.RowSelected, "#caseload")
    def action_open_person(self) -> None:
        """Review the highlighted person's record."""
        from lerkit.tui.screens.review import ReviewScreen

        person = self._chosen()
        if person is not None:
            self.app.push_screen(ReviewScreen(self.ler, person.id))

    def action_start_interview(self) -> None:
        """Go on with (or start) the highlighted person's interview."""
        from lerkit.tui.screens.interview import InterviewScreen

        person = self._chosen()
        if person is not None:
            self.app.push_screen(InterviewScreen(self.ler, person.id))

    def action_export(self) -> None:
        """Export the highlighted person's signed record."""
        from lerkit.tui.screens.export import ExportScreen

        person = self._chosen()
        if person is not None:
            self.app.push_screen(ExportScreen(self.ler, person.id))

    def _chosen(self) -> PersonSummary | None:
        person = self.selected()
        if person is None:
            self.notify("Nobody is selected. Press Ctrl+N to add someone.", severity="warning")
        return person

    def selected(self) -> PersonSummary | None:
        """The person on the highlighted row."""
        table = self.query_one("#caseload", DataTable)
        if not self.people or table.cursor_row < 0 or table.cursor_row >= len(self.people):
            return None
        return self.people[table.cursor_row]

    def action_new_person(self) -> None:
        """Ask for a name and add the person."""

        def created(name: str | None) -> None:
            if name:
                try:
                    person = people.add_person(self.ler, name)
                except LerError as exc:
                    self.notify(exc.message, title="Not added", severity="error")
                    return
                self.notify(f"Added {person.name} ({person.id}).")
                self.action_reload()

        self.app.push_screen(PromptModal("Name of the new person"), created)

    def action_delete_person(self) -> None:
        """Delete the highlighted person after confirmation."""
        person = self.selected()
        if person is None:
            self.notify("Nobody is selected.", severity="warning")
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                people.delete_person(self.ler, person.id)
                self.notify(f"Deleted {person.name}.")
                self.action_reload()

        self.app.push_screen(
            ConfirmModal(f"Delete {person.name} ({person.id}) and all their records?"), confirmed
        )
