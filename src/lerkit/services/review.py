"""A person's whole record, grouped for review: experiences with their claims and evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

from lerkit.core.records import ClaimRecord, ClaimStatus, EvidenceRecord, ExperienceRecord
from lerkit.services import audit_log
from lerkit.services.context import Lerkit
from lerkit.services.people import person_in
from lerkit.services.skill_names import SkillNames
from lerkit.storage import endorsements as endorsement_repo
from lerkit.storage import people as people_repo
from lerkit.storage.records import claim_records, experience_notes, experience_record


@dataclass
class ExperienceView:
    """One experience and what hangs from it."""

    experience: ExperienceRecord
    claims: list[ClaimRecord] = field(default_factory=list)
    notes: list[EvidenceRecord] = field(default_factory=list)

    @property
    def accepted(self) -> list[ClaimRecord]:
        """Claims the person accepted."""
        return [c for c in self.claims if c.status == ClaimStatus.ACCEPTED]


@dataclass
class RecordView:
    """Everything shown on the review screen."""

    person_id: str
    name: str
    experiences: list[ExperienceView]
    loose_claims: list[ClaimRecord]
    # claim id -> who endorsed it, in words ("Jordan Coach, commanding officer")
    endorsed_by: dict[str, list[str]] = field(default_factory=dict)

    @property
    def exportable(self) -> list[ClaimRecord]:
        """What an export would contain: every accepted claim."""
        found = [c for e in self.experiences for c in e.accepted]
        return found + [c for c in self.loose_claims if c.status == ClaimStatus.ACCEPTED]


def record_view(ler: Lerkit, person_id: str, shown: bool = False) -> RecordView:
    """Read a person's experiences, claims (all statuses) and evidence; ``shown`` names
    the skills as a screen shows them (:mod:`~lerkit.services.skill_names`), else by the
    names the claims keep."""
    with ler.transaction() as session:  # the read is logged in the same unit of work
        person = person_in(session, person_id)
        audit_log.record_read(session, ler, person_id, "review")
        experiences = [experience_record(e) for e in people_repo.experiences_of(
            session=session, person_id=person_id)]
        claims = claim_records(session=session, person_id=person_id, status=None)
        notes = experience_notes(session=session, person_id=person_id)
        received = endorsement_repo.endorsements_of(session=session, person_id=person_id)
    endorsed_by: dict[str, list[str]] = {}
    for row in received:
        who = ", ".join(part for part in (row.endorser_name or row.endorser_did,
                                          row.relationship) if part)
        endorsed_by.setdefault(str(row.claim_id), []).append(who)
    if shown:
        claims = SkillNames(ler).claims(claims)
    views = {e.id: ExperienceView(e) for e in experiences}
    for experience_id, note in notes:
        if experience_id in views:
            views[experience_id].notes.append(note)
    loose = []
    for claim in claims:
        exp = claim.experience
        if exp is not None and exp.id in views:
            views[exp.id].claims.append(claim)
        else:
            loose.append(claim)
    return RecordView(person_id, person.name, list(views.values()), loose, endorsed_by)
