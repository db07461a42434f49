"""A person's experiences (as headings) and their skills, each with its status in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from lerkit.core.records import ClaimRecord, ClaimStatus
from lerkit.services.review import RecordView
from lerkit.tui.widgets.marked_list import MarkedList, Row
from lerkit.tui.wording import claim_line, experience_line

_ORDER = {ClaimStatus.ACCEPTED: 0, ClaimStatus.SUGGESTED: 1, ClaimStatus.REJECTED: 2}


def record_rows(record: RecordView, only_accepted: bool = False) -> list[Row]:
    """Headings for experiences (oldest first), then their skills, accepted first."""
    rows: list[Row] = []

    def claims(found: list[ClaimRecord]) -> list[Row]:
        kept = [c for c in found if not only_accepted or c.status == ClaimStatus.ACCEPTED]
        kept.sort(key=lambda c: (_ORDER[c.status], c.label.lower(), c.id))
        return [Row(_indent(claim_line(c, record.endorsed_by.get(c.id, ()))), id=c.id)
                for c in kept]

    views = sorted(record.experiences,
                   key=lambda v: (v.experience.started or "~", v.experience.title))
    for view in views:
        gap = "\n" if rows else ""
        rows.append(Row(gap + experience_line(view.experience, len(view.notes)), heading=True))
        rows += claims(view.claims) or [Row("  (no skills here yet)", heading=True)]
    if record.loose_claims:
        rows.append(Row("\nOther skills" if rows else "Other skills", heading=True))
        rows += claims(record.loose_claims)
    return rows


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


class ClaimList(MarkedList):
    """Enter accepts, Delete turns down, P sets how well, F3 adds evidence."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,a", "act('accept')", "Accept", id="claim-accept"),
        Binding("delete,r", "act('reject')", "Turn down", id="claim-reject"),
        Binding("p", "act('proficiency')", "How well", id="claim-proficiency"),
    ]

    @dataclass
    class Acted(Message):
        """Accept, turn down or rate the claim with this id."""

        claim_id: str
        action: str

    def action_act(self, action: str) -> None:
        """Post the request for the claim under the cursor."""
        row = self.current_row()
        if row is not None and row.id is not None and not row.heading:
            self.post_message(self.Acted(row.id, action))
