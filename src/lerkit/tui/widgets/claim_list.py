"""A person's experiences (as headings) and their skills, each with its status in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from lerkit.core.i18n import N_, _
from lerkit.core.records import ClaimRecord, ClaimStatus, EvidenceKind, EvidenceRecord
from lerkit.services.review import RecordView
from lerkit.tui.widgets.marked_list import MarkedList, Row
from lerkit.tui.wording import claim_line, experience_line

_ORDER = {ClaimStatus.ACCEPTED: 0, ClaimStatus.SUGGESTED: 1, ClaimStatus.REJECTED: 2}
EXPERIENCE, EVIDENCE = "experience:", "evidence:"
EVIDENCE_KIND_WORDS = {EvidenceKind.NOTE: N_("note"), EvidenceKind.URL: N_("link"),
                       EvidenceKind.FILE: N_("file")}


def evidence_line(ev: EvidenceRecord) -> str:
    """"evidence: Care logs (note, since 2017)"."""
    name = ev.name or ev.file_name or ev.url or ev.narrative[:50] or _("(no name)")
    bits = [_(EVIDENCE_KIND_WORDS.get(ev.kind, str(ev.kind))),
            *([ev.dated] if ev.dated else [])]
    return _("evidence: {name} ({details})").format(name=name, details=", ".join(bits))


def row_kind(row_id: str | None) -> tuple[str, str]:
    """("experience" | "evidence" | "claim", the id) of a row's id."""
    for prefix in (EXPERIENCE, EVIDENCE):
        if row_id is not None and row_id.startswith(prefix):
            return prefix[:-1], row_id[len(prefix):]
    return "claim", row_id or ""


def record_rows(record: RecordView, only_accepted: bool = False) -> list[Row]:
    """Experiences (oldest first) with their evidence, then their skills, accepted first,
    each with the evidence of its own. Experiences and evidence can be chosen too (to
    correct dates, or edit and delete evidence)."""
    rows: list[Row] = []

    def evidence(items: list[EvidenceRecord], indent: str) -> list[Row]:
        return [Row(indent + evidence_line(e), id=EVIDENCE + e.id) for e in items]

    def claims(found: list[ClaimRecord], shared: set[str]) -> list[Row]:
        kept = [c for c in found if not only_accepted or c.status == ClaimStatus.ACCEPTED]
        kept.sort(key=lambda c: (_ORDER[c.status], c.label.lower(), c.id))
        out: list[Row] = []
        for c in kept:
            out.append(Row(_indent(claim_line(c, record.endorsed_by.get(c.id, ()))), id=c.id))
            out += evidence([e for e in c.evidence if e.id not in shared], "      ")
        return out

    views = sorted(record.experiences,
                   key=lambda v: (v.experience.started or "~", v.experience.title))
    for view in views:
        if rows:
            rows.append(Row("", heading=True))
        rows.append(Row(experience_line(view.experience),  # its notes are the rows below
                        id=EXPERIENCE + view.experience.id))
        rows += evidence(view.notes, "  ")
        shared = {e.id for e in view.notes}
        rows += claims(view.claims, shared) or [Row("  " + _("(no skills here yet)"), heading=True)]
    if record.loose_claims:
        if rows:
            rows.append(Row("", heading=True))
        rows.append(Row(_("Other skills"), heading=True))
        rows += claims(record.loose_claims, set())
    return rows


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


class ClaimList(MarkedList):
    """On a skill Enter accepts, Delete turns down, P sets how well; on an experience or
    a piece of evidence Enter edits and Delete deletes (the screen decides)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer: the list's own border says them (KEYS).
        Binding("enter,a", "act('accept')", N_("Accept"), id="claim-accept", show=False,
                tooltip=N_("Accept the highlighted skill, or edit the experience or evidence")),
        Binding("delete,r", "act('reject')", N_("Turn down"), id="claim-reject", show=False,
                tooltip=N_("Turn down the highlighted skill, or delete the evidence")),
        Binding("p", "act('proficiency')", N_("How well"), id="claim-proficiency",
                show=False, tooltip=N_("Set how well you can do it (and accept it)")),
    ]
    KEYS = N_("Enter accept or edit · Del turn down or delete · P how well")

    @dataclass
    class Acted(Message):
        """Accept, turn down or rate the claim with this id (or, for an experience or a
        piece of evidence, edit or delete it: see :func:`row_kind`)."""

        claim_id: str
        action: str

    def on_mount(self) -> None:
        self.border_subtitle = _(self.KEYS)

    def action_act(self, action: str) -> None:
        """Post the request for the claim under the cursor."""
        row = self.current_row()
        if row is not None and row.id is not None and not row.heading:
            self.post_message(self.Acted(row.id, action))
