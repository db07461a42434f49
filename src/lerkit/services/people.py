"""People: add, list, show and delete, each change written to the audit log."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from sqlmodel import Session

from lerkit.core.errors import BadInputError, NotFoundError
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
        raise BadInputError("a name cannot be empty")
    if len(cleaned) > MAX_NAME:
        raise BadInputError(f"a name can be at most {MAX_NAME} characters")
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in cleaned):
        raise BadInputError("a name cannot contain control characters")
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


def list_people(ler: Lerkit, search: str | None = None) -> list[PersonSummary]:
    """Everyone in the caseload with their counts, ordered by name."""
    with ler.db.session() as session:
        people = repo.list_people(session=session, search=search)
        counts = repo.counts(session=session)
    return [PersonSummary(p.id, p.name, counts.get(p.id, PersonCounts())) for p in people]


def require_person(ler: Lerkit, person_id: str) -> Person:
    """The person with this id, or a NotFoundError naming it."""
    with ler.db.session() as session:
        return person_in(session, person_id)


def person_in(session: Session, person_id: str) -> Person:
    """The person with this id, read in the caller's session; NotFoundError if none."""
    person = repo.get_person(session=session, person_id=person_id)
    if person is None:
        raise NotFoundError(f"no person with id {person_id!r}")
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


def show_person(ler: Lerkit, person_id: str) -> PersonDetail:
    """Everything lerkit holds about one person, as plain data (one session)."""
    with ler.db.session() as session:
        person = person_in(session, person_id)
        exps = repo.experiences_of(session=session, person_id=person_id)
        claims = repo.claims_of(session=session, person_id=person_id)
        counts = repo.counts_of(session=session, person_id=person_id)
        return PersonDetail(
            summary=PersonSummary(person.id, person.name, counts),
            created_at=person.created_at.isoformat() + "Z",
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
            raise NotFoundError(f"no person with id {person_id!r}")
        summary = PersonSummary(person.id, person.name)
        repo.delete_person(session=session, person=person)
        audit.record(
            session=session, actor=ler.actor, action="delete", entity="person",
            entity_id=person_id, person_id=person_id,
        )
    return summary
