"""Review a person's record: every experience and skill, editable; what an export holds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from lerkit.core.errors import LerError, NotFoundError
from lerkit.core.records import ClaimRecord, ClaimStatus, EvidenceKind
from lerkit.services import claims, keys
from lerkit.services.context import Lerkit
from lerkit.services.review import RecordView, record_view
from lerkit.tui.messages import RecordLoaded, ServiceFailed
from lerkit.tui.screens.evidence import KIND_WORDS, EvidenceInput, EvidenceModal
from lerkit.tui.widgets.claim_list import ClaimList, record_rows
from lerkit.tui.wording import next_proficiency, plural


def export_summary(record: RecordView, did: str | None) -> str:
    """What an export would contain, in two lines."""
    picked = record.exportable
    stories = {c.experience.id for c in picked if c.experience is not None}
    evidence = {e.id for c in picked for e in c.evidence}
    if picked:
        first = (f"An export would hold {plural(len(picked), 'accepted skill')} from "
                 f"{plural(len(stories), 'experience')}, with "
                 f"{plural(len(evidence), 'evidence item')}.")
    else:
        first = "Nothing to export yet: accept a skill first (Enter on a skill)."
    key = f"Signing key: {did}" if did else "No signing key yet; Ctrl+E makes one."
    return f"{first}\n{key}"


class ReviewScreen(Screen[None]):
    """All of one person's experiences and skills."""

    CSS_PATH = "review.tcss"
    HELP = (
        "## Review\n\nEvery experience from the interview, with its skills. ACCEPTED skills "
        "go into an export; suggested ones wait for you; turned-down ones stay out. A skill "
        "someone endorsed says who (exports carry it while the skill stays unchanged).\n\n"
        "On a skill: **Enter** accepts, **Delete** turns down, **P** sets how well, **F3** "
        "adds evidence. **Ctrl+E** exports a signed record, **Ctrl+O** goes on with the "
        "interview, **F6** checks a record file."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "export", "Export", id="export"),
        Binding("ctrl+o", "start_interview", "Interview", id="resume-interview"),
        Binding("f3", "add_evidence", "Evidence", id="add-claim-evidence"),
        Binding("ctrl+f", "toggle_filter", "Only accepted", id="filter-accepted"),
        Binding("escape", "close", "Back", id="close-review"),
    ]

    def __init__(self, ler: Lerkit, person_id: str) -> None:
        super().__init__()
        self.ler = ler
        self.person_id = person_id
        self.record: RecordView | None = None
        self.did: str | None = None
        self.only_accepted = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Reading the record...", id="summary", markup=False)
        yield ClaimList(id="claims")
        yield Static("", id="status", classes="hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#claims", ClaimList).focus()
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Read the record again."""
        self.load_record()

    @work(thread=True, exclusive=True, exit_on_error=False, group="record")
    def load_record(self) -> None:
        """Read the record and the signing key in a worker thread."""
        try:
            record = record_view(self.ler, self.person_id)
            try:
                did: str | None = keys.show_key(self.ler, self.person_id).did
            except NotFoundError:
                did = None
        except LerError as exc:
            self.post_message(ServiceFailed(exc.message))
            return
        self.post_message(RecordLoaded(record, did))

    def on_record_loaded(self, message: RecordLoaded) -> None:
        self.record, self.did = message.record, message.did
        self.sub_title = f"Record: {message.record.name}"
        self._show()

    def _show(self) -> None:
        if self.record is None:
            return
        self.query_one("#summary", Static).update(export_summary(self.record, self.did))
        rows = record_rows(self.record, self.only_accepted)
        claim_list = self.query_one("#claims", ClaimList)
        row = claim_list.current_row()
        claim_list.set_rows(rows, keep=row.id if row else None)
        if not self.record.experiences and not self.record.loose_claims:
            self.query_one("#status", Static).update(
                "No experiences yet. Press Ctrl+O to start the interview.")

    def on_service_failed(self, message: ServiceFailed) -> None:
        self.query_one("#status", Static).update(f"Error: {message.text}")
        self.notify(message.text, title="Error", severity="error")

    # --- changes -------------------------------------------------------------------------

    def claim(self, claim_id: str | None) -> ClaimRecord | None:
        """A claim of the record by id."""
        if self.record is None or claim_id is None:
            return None
        found = [c for e in self.record.experiences for c in e.claims]
        found += self.record.loose_claims
        return next((c for c in found if c.id == claim_id), None)

    @work(thread=True, exit_on_error=False, group="record-change")
    def change(self, apply: Callable[[], object], said: str) -> None:
        """Run one change through the services, then read the record again."""
        try:
            apply()
        except LerError as exc:
            self.post_message(ServiceFailed(exc.message))
            return
        self.app.call_from_thread(self.query_one("#status", Static).update, said)
        self.app.call_from_thread(self.reload)

    def on_claim_list_acted(self, message: ClaimList.Acted) -> None:
        claim = self.claim(message.claim_id)
        if claim is None:
            return
        if message.action == "accept":
            self.change(lambda: claims.set_claim(self.ler, claim.id,
                                                 status=ClaimStatus.ACCEPTED),
                        f"Accepted: {claim.label}.")
        elif message.action == "reject":
            self.change(lambda: claims.set_claim(self.ler, claim.id,
                                                 status=ClaimStatus.REJECTED),
                        f"Turned down: {claim.label}.")
        else:
            current = claim.proficiency if claim.status == ClaimStatus.ACCEPTED else None
            level = next_proficiency(current)
            self.change(lambda: claims.set_claim(self.ler, claim.id, status=ClaimStatus.ACCEPTED,
                                                 proficiency=level),
                        f"{claim.label}: {level.plain}.")

    def action_add_evidence(self) -> None:
        """Add a note, a link or a file to the highlighted skill."""
        row = self.query_one("#claims", ClaimList).current_row()
        claim = self.claim(row.id if row else None)
        if claim is None:
            self.notify("Move to a skill first.", severity="warning")
            return

        def added(ev: EvidenceInput | None) -> None:
            if ev is None:
                return
            note = ev.value if ev.kind is EvidenceKind.NOTE else ""
            url = ev.value if ev.kind is EvidenceKind.URL else None
            file = Path(ev.value) if ev.kind is EvidenceKind.FILE else None
            self.change(lambda: claims.add_evidence(
                self.ler, kind=ev.kind, claim_id=claim.id, name=ev.name, narrative=note,
                url=url, file=file), f"Evidence added to {claim.label}: {KIND_WORDS[ev.kind]}.")

        self.app.push_screen(EvidenceModal(claim.label), added)

    def action_toggle_filter(self) -> None:
        """Show only accepted skills, or everything."""
        self.only_accepted = not self.only_accepted
        self._show()
        self.query_one("#status", Static).update(
            "Showing accepted skills only." if self.only_accepted else "Showing every skill.")

    def action_start_interview(self) -> None:
        """Go on with (or start) this person's interview."""
        from lerkit.tui.screens.interview import InterviewScreen

        self.app.push_screen(InterviewScreen(self.ler, self.person_id))

    def action_export(self) -> None:
        """Choose skills and details, then write a signed record."""
        from lerkit.tui.screens.export import ExportScreen

        self.app.push_screen(ExportScreen(self.ler, self.person_id))

    def action_close(self) -> None:
        """Back to the list of people."""
        self.app.pop_screen()
