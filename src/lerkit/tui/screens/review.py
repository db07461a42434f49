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
from lerkit.core.i18n import N_, _, ngettext
from lerkit.core.records import (
    ClaimRecord,
    ClaimStatus,
    EvidenceKind,
    EvidenceRecord,
    ExperienceRecord,
)
from lerkit.services import claims, evidence, keys
from lerkit.services.context import Lerkit
from lerkit.services.review import RecordView, record_view
from lerkit.tui.dialogs.confirm import ConfirmModal
from lerkit.tui.dialogs.dates import DatesChange, DatesModal
from lerkit.tui.dialogs.evidence import KIND_WORDS, EvidenceInput, EvidenceModal
from lerkit.tui.dialogs.evidence_edit import EvidenceChange, EvidenceEditModal
from lerkit.tui.language import speak_bindings
from lerkit.tui.messages import RecordChanged, RecordLoaded, ServiceFailed
from lerkit.tui.navigation import ExportWanted, InterviewWanted, OccupationsWanted
from lerkit.tui.widgets.claim_list import ClaimList, record_rows, row_kind
from lerkit.tui.wording import area_words, in_sentence, level_words, next_proficiency


def export_summary(record: RecordView, did: str | None) -> str:
    """What an export would contain, in two lines."""
    picked = record.exportable
    stories = {c.experience.id for c in picked if c.experience is not None}
    evidence = {e.id for c in picked for e in c.evidence}
    if picked:
        skills = ngettext("{n} accepted skill", "{n} accepted skills", len(picked))
        stories_words = ngettext("{n} experience", "{n} experiences", len(stories))
        items = ngettext("{n} evidence item", "{n} evidence items", len(evidence))
        first = _("An export would hold {skills} from {experiences}, with {evidence}.").format(
            skills=skills.format(n=len(picked)), experiences=stories_words.format(n=len(stories)),
            evidence=items.format(n=len(evidence)))
    else:
        first = _("Nothing to export yet: accept a skill first (Enter on a skill).")
    key = (_("Signing key: {did}").format(did=did) if did
           else _("No signing key yet; Ctrl+E makes one."))
    return f"{first}\n{key}"


class ReviewScreen(Screen[None]):
    """All of one person's experiences and skills."""

    CSS_PATH = "review.tcss"
    HELP = N_(
        "## Review\n\nEvery experience with its evidence and skills. ACCEPTED skills go "
        "into an export; suggested ones wait for you; turned-down ones stay out. An "
        "endorsed skill says who endorsed it.\n\n"
        "On a skill: **Enter** accepts, **Delete** turns down, **P** sets how well, **F3** "
        "adds evidence. On an experience **Enter** corrects its dates; on evidence "
        "**Enter** edits, **Delete** deletes. **F8** shows the screens in English or in "
        "Spanish."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows the main keys (it must fit 80 columns); F1 and Ctrl+P list all.
        Binding("ctrl+e", "export", N_("Export"), id="export",
                tooltip=N_("Choose skills and details, then write a signed record")),
        Binding("ctrl+o", "start_interview", N_("Interview"), id="resume-interview",
                tooltip=N_("Go on with (or start) this person's interview")),
        Binding("f3", "add_evidence", N_("Evidence"), id="add-claim-evidence", show=False,
                tooltip=N_("Add a note, a link or a file to the highlighted skill")),
        Binding("f2", "edit", N_("Edit"), id="edit-record-row", show=False,
                tooltip=N_("Correct an experience's dates, or edit a piece of evidence")),
        Binding("ctrl+f", "toggle_filter", N_("Only accepted"), id="filter-accepted",
                show=False, tooltip=N_("Show only accepted skills, or everything")),
        Binding("ctrl+j", "occupations", N_("Where it leads"), id="where-it-leads", show=False,
                tooltip=N_("Occupations these skills fit, and what one of them still needs")),
        Binding("escape", "close", N_("Back"), id="close-review",
                tooltip=N_("Back to the list of people")),
    ]

    def __init__(self, ler: Lerkit, person_id: str) -> None:
        super().__init__()
        speak_bindings(self)
        self.ler = ler
        self.person_id = person_id
        self.record: RecordView | None = None
        self.did: str | None = None
        self.only_accepted = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(_("Reading the record..."), id="summary", markup=False)
        yield ClaimList(id="claims")
        yield Static("", id="status", classes="hint", markup=False)
        yield Footer(compact=True)

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
            record = record_view(self.ler, self.person_id, shown=True)
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
        self.sub_title = _("Record: {name}").format(name=message.record.name)
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
                _("No experiences yet. Press Ctrl+O to start the interview."))

    def on_service_failed(self, message: ServiceFailed) -> None:
        self.query_one("#status", Static).update(_("Error: {text}").format(text=message.text))
        self.notify(message.text, title=_("Error"), severity="error")

    # --- changes -------------------------------------------------------------------------

    def claim(self, claim_id: str | None) -> ClaimRecord | None:
        """A claim of the record by id."""
        return next((c for c in self.all_claims() if c.id == claim_id), None)

    @work(thread=True, exit_on_error=False, group="record-change")
    def change(self, apply: Callable[[], object], said: str) -> None:
        """Run one change through the services, then read the record again."""
        try:
            apply()
        except LerError as exc:
            self.post_message(ServiceFailed(exc.message))
            return
        self.post_message(RecordChanged(said))

    def on_record_changed(self, message: RecordChanged) -> None:
        self.query_one("#status", Static).update(message.said)
        self.reload()

    def experience(self, experience_id: str) -> ExperienceRecord | None:
        """An experience of the record by id."""
        views = self.record.experiences if self.record is not None else []
        return next((v.experience for v in views if v.experience.id == experience_id), None)

    def evidence_item(self, evidence_id: str) -> tuple[EvidenceRecord, str] | None:
        """A piece of evidence by id, with what it backs in words (a skill's name or an
        experience's title)."""
        for view in self.record.experiences if self.record is not None else []:
            title = view.experience.title or area_words(view.experience.life_area).capitalize()
            for note in view.notes:
                if note.id == evidence_id:
                    return note, f"“{title}”"
        for claim in self.all_claims():
            for ev in claim.evidence:
                if ev.id == evidence_id:
                    return ev, f"“{claim.label}”"
        return None

    def all_claims(self) -> list[ClaimRecord]:
        """Every claim of the record."""
        if self.record is None:
            return []
        return [c for e in self.record.experiences for c in e.claims] + self.record.loose_claims

    def on_claim_list_acted(self, message: ClaimList.Acted) -> None:
        kind, row_id = row_kind(message.claim_id)
        if kind != "claim":
            if message.action == "accept":
                self._edit(kind, row_id)
            elif message.action == "reject" and kind == "evidence":
                self._delete_evidence(row_id)
            elif message.action == "reject":
                self.notify(_("An experience is not deleted here; its skills can be turned "
                              "down one by one."), severity="warning")
            else:
                self.notify(_("P sets how well, on a skill."), severity="warning")
            return
        claim = self.claim(message.claim_id)
        if claim is None:
            return
        if message.action == "accept":
            self.change(lambda: claims.set_claim(self.ler, claim.id,
                                                 status=ClaimStatus.ACCEPTED),
                        _("Accepted: {skill}.").format(skill=in_sentence(claim.label)))
        elif message.action == "reject":
            self.change(lambda: claims.set_claim(self.ler, claim.id,
                                                 status=ClaimStatus.REJECTED),
                        _("Turned down: {skill}.").format(skill=in_sentence(claim.label)))
        else:
            level = next_proficiency(claim.proficiency, claim.status == ClaimStatus.ACCEPTED)
            self.change(lambda: claims.set_claim(self.ler, claim.id, status=ClaimStatus.ACCEPTED,
                                                 proficiency=level,
                                                 clear_proficiency=level is None),
                        _("{skill}: {level}.").format(skill=in_sentence(claim.label),
                                                     level=level_words(level))
                        if level is not None else
                        _("{skill}: how well is not set.").format(skill=in_sentence(claim.label)))

    def action_add_evidence(self) -> None:
        """Add a note, a link or a file to the highlighted skill."""
        row = self.query_one("#claims", ClaimList).current_row()
        claim = self.claim(row.id if row else None)
        if claim is None:
            self.notify(_("Move to a skill first."), severity="warning")
            return

        def added(ev: EvidenceInput | None) -> None:
            if ev is None:
                return
            note = ev.value if ev.kind is EvidenceKind.NOTE else ""
            url = ev.value if ev.kind is EvidenceKind.URL else None
            file = Path(ev.value) if ev.kind is EvidenceKind.FILE else None
            self.change(lambda: claims.add_evidence(
                self.ler, kind=ev.kind, claim_id=claim.id, name=ev.name, narrative=note,
                url=url, file=file, dated=ev.dated),
                _("Evidence added to {skill}: {kind}.").format(
                    skill=in_sentence(claim.label), kind=_(KIND_WORDS[ev.kind])))

        self.app.push_screen(EvidenceModal(claim.label), added)

    def action_edit(self) -> None:
        """Correct the highlighted experience's dates, or edit the highlighted evidence."""
        row = self.query_one("#claims", ClaimList).current_row()
        kind, row_id = row_kind(row.id if row else None)
        if kind == "claim":
            self.notify(_("Move to an experience or a piece of evidence first."),
                        severity="warning")
            return
        self._edit(kind, row_id)

    def _edit(self, kind: str, row_id: str) -> None:
        if kind == "experience":
            exp = self.experience(row_id)
            if exp is not None:
                self.app.push_screen(DatesModal(exp), lambda change: self._dates(exp, change))
            return
        found = self.evidence_item(row_id)
        if found is not None:
            item, backs = found
            self.app.push_screen(EvidenceEditModal(item, backs),
                                 lambda change: self._edited(item, backs, change))

    def _dates(self, exp: ExperienceRecord, change: DatesChange | None) -> None:
        if change is None:
            return
        title = exp.title or area_words(exp.life_area).capitalize()
        self.change(lambda: evidence.edit_experience_dates(
            self.ler, exp.id, started=change.started, ended=change.ended,
            ongoing=change.ongoing), _("Dates saved: {title}.").format(title=title))

    def _edited(self, item: EvidenceRecord, backs: str, change: EvidenceChange | None) -> None:
        if change is None:
            return
        self.change(lambda: evidence.edit_evidence(
            self.ler, item.id, name=change.name, note=change.note, url=change.url,
            dated=change.dated), _("Evidence saved: {name} for {backs}.").format(
                name=change.name or _("evidence"), backs=backs))

    def _delete_evidence(self, evidence_id: str) -> None:
        found = self.evidence_item(evidence_id)
        if found is None:
            return
        item, backs = found
        name = item.name or item.file_name or item.url or _("this note")

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.change(lambda: evidence.delete_evidence(self.ler, item.id),
                            _("Evidence deleted: {name}.").format(name=name))

        self.app.push_screen(ConfirmModal(_("Delete the evidence “{name}” for {backs}?").format(
            name=name, backs=backs)), confirmed)

    def action_toggle_filter(self) -> None:
        """Show only accepted skills, or everything."""
        self.only_accepted = not self.only_accepted
        self._show()
        self.query_one("#status", Static).update(
            _("Showing accepted skills only.") if self.only_accepted
            else _("Showing every skill."))

    def action_start_interview(self) -> None:
        """Go on with (or start) this person's interview."""
        self.post_message(InterviewWanted(self.person_id))

    def action_occupations(self) -> None:
        """Occupations the accepted skills fit, with the gap to one and what to learn."""
        self.post_message(OccupationsWanted(self.person_id))

    def action_export(self) -> None:
        """Choose skills and details, then write a signed record."""
        self.post_message(ExportWanted(self.person_id))

    def action_close(self) -> None:
        """Back to the list of people."""
        self.app.pop_screen()
