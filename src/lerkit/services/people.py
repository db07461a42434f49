"""People: add, list, show and delete, each change written to the audit log."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlmodel import Session

from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.i18n import _
from lerkit.services.context import Lerkit
from lerkit.storage import audit
from lerkit.storage import people as repo
from lerkit.storage.people import Person, PersonCounts

MAX_NAME = 200


@dataclass(frozen=True)
class PersonSummary:
    """A person as lists show them."""

    id: str
    name: str
    counts: PersonCounts = field(default_factory=PersonCounts)

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        return {
            "id": self.id,
            "name": self.name,
            "experiences": self.counts.experiences,
            "accepted_skills": self.counts.accepted_skills,
            "evidence": self.counts.evidence,
            "endorsements": self.counts.endorsements,
        }


def clean_name(name: str) -> str:
    """A person's name, trimmed; refuses empty, overlong or control-character names."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise BadInputError(_("a name cannot be empty"))
    if len(cleaned) > MAX_NAME:
        raise BadInputError(_("a name can be at most {n} characters").format(n=MAX_NAME))
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in cleaned):
        raise BadInputError(_("a name cannot contain control characters"))
    return cleaned


def add_person(ler: Lerkit, name: str) -> PersonSummary:
    """Create a person and return them."""
    clean = clean_name(name)
    with ler.transaction() as session:
        person = repo.add_person(session=session, name=clean)
        audit.record(
            session=session, actor=ler.actor, action="create", entity="person",
            entity_id=person.id, person_id=person.id, detail={"fields": ["name"]},
        )
        return PersonSummary(person.id, person.name)


def list_people(ler: Lerkit, search: str | None = None, *, limit: int | None = None,
                offset: int = 0) -> list[PersonSummary]:
    """The caseload with their counts, ordered by name (one page with ``limit``; the
    counts are read for that page only)."""
    with ler.db.session() as session:
        people = repo.list_people(session=session, search=search, limit=limit, offset=offset)
        counts = repo.counts(session=session,
                             people=None if limit is None else [p.id for p in people])
    return [PersonSummary(p.id, p.name, counts.get(p.id, PersonCounts())) for p in people]


def position_of(ler: Lerkit, person_id: str, search: str | None = None) -> int | None:
    """Where a person is in :func:`list_people`'s order (of a search, if given), so a
    list read a page at a time can show them; None if they are not listed."""
    with ler.db.session() as session:
        ids = [p.id for p in repo.list_people(session=session, search=search)]
    return ids.index(person_id) if person_id in ids else None


def count_people(ler: Lerkit, search: str | None = None) -> int:
    """How many people the caseload (or a search of it) holds."""
    with ler.db.session() as session:
        return repo.count_people(session=session, search=search)


def require_person(ler: Lerkit, person_id: str) -> Person:
    """The person with this id, or a NotFoundError naming it."""
    with ler.db.session() as session:
        return person_in(session, person_id)


def person_in(session: Session, person_id: str) -> Person:
    """The person with this id, read in the caller's session; NotFoundError if none."""
    person = repo.get_person(session=session, person_id=person_id)
    if person is None:
        raise NotFoundError(_("no person with id {id!r}").format(id=person_id))
    return person


@dataclass(frozen=True)
class PersonDetail:
    """A person with their stories and claims, for ``show``."""

    summary: PersonSummary
    created_at: str
    experiences: list[dict[str, object]]
    claims: list[dict[str, object]]

    def to_dict(self) -> dict[str, object]:
        """Plain data for JSON output."""
        data = self.summary.to_dict()
        data.update(
            created_at=self.created_at, experiences=self.experiences, claims=self.claims
        )
        return data


def _utc_stamp(moment: datetime) -> str:
    """``2026-12-07T11:26:49Z``, whether the backend gave the time with its zone or not."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment.replace(microsecond=0).isoformat() + "Z"


def show_person(ler: Lerkit, person_id: str) -> PersonDetail:
    """Everything lerkit holds about one person, as plain data (one session)."""
    with ler.transaction() as session:  # the read is logged in the same unit of work
        person = person_in(session, person_id)
        exps = repo.experiences_of(session=session, person_id=person_id)
        claims = repo.claims_of(session=session, person_id=person_id)
        counts = repo.counts_of(session=session, person_id=person_id)
        audit.record(session=session, actor=ler.actor, action="read", entity="person",
                     entity_id=person_id, person_id=person_id, detail={"via": "show"})
        return PersonDetail(
            summary=PersonSummary(person.id, person.name, counts),
            created_at=_utc_stamp(person.created_at),
            experiences=[
                e.model_dump(include={"id", "life_area", "title", "organization", "place",
                                      "started", "ended", "ongoing"})
                for e in exps
            ],
            claims=[
                c.model_dump(include={"id", "experience_id", "taxonomy", "competency_id",
                                      "label", "proficiency", "status"})
                for c in claims
            ],
        )


def delete_person(ler: Lerkit, person_id: str) -> PersonSummary:
    """Delete a person and everything that is theirs; the audit log keeps the fact."""
    with ler.transaction() as session:
        person = repo.get_person(session=session, person_id=person_id)
        if person is None:
            raise NotFoundError(_("no person with id {id!r}").format(id=person_id))
        summary = PersonSummary(person.id, person.name)
        repo.delete_person(session=session, person=person)
        audit.record(
            session=session, actor=ler.actor, action="delete", entity="person",
            entity_id=person_id, person_id=person_id,
        )
    return summary
