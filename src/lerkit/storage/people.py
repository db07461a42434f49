"""Reading and writing people, with counts for the caseload view."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from lerkit.storage.tables import Claim, Endorsement, Evidence, Experience, Person


@dataclass(frozen=True)
class PersonCounts:
    """What a person's record holds, for lists and summaries."""

    experiences: int = 0
    accepted_skills: int = 0
    evidence: int = 0
    endorsements: int = 0


def add_person(*, session: Session, name: str, email: str | None = None) -> Person:
    """Insert a person (the caller commits)."""
    person = Person(name=name, email=email)
    session.add(person)
    session.flush()
    return person


def get_person(*, session: Session, person_id: str) -> Person | None:
    """A person by id, or None."""
    return session.get(Person, person_id)


def list_people(*, session: Session, search: str | None = None) -> list[Person]:
    """People ordered by name; ``search`` filters by a case-insensitive name fragment."""
    query = select(Person).order_by(func.lower(Person.name), Person.id)
    if search:
        query = query.where(func.lower(Person.name).contains(search.lower()))
    return list(session.exec(query).all())


def delete_person(*, session: Session, person: Person) -> None:
    """Delete a person and, by cascade, everything that is theirs."""
    session.delete(person)


def _count_by_person(session: Session, column: object, *where: object) -> dict[str, int]:
    query = select(column, func.count()).group_by(column)  # type: ignore[call-overload]
    for clause in where:
        query = query.where(clause)
    return dict(session.exec(query).all())


def counts(*, session: Session) -> dict[str, PersonCounts]:
    """Counts of experiences, accepted skills, evidence and endorsements per person."""
    exp = _count_by_person(session, col(Experience.person_id))
    acc = _count_by_person(session, col(Claim.person_id), col(Claim.status) == "accepted")
    evi = _count_by_person(session, col(Evidence.person_id))
    end = _count_by_person(session, col(Endorsement.person_id))
    ids = set(exp) | set(acc) | set(evi) | set(end)
    return {
        pid: PersonCounts(exp.get(pid, 0), acc.get(pid, 0), evi.get(pid, 0), end.get(pid, 0))
        for pid in ids
    }
