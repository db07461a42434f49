"""Reading and writing people, with counts for the caseload view."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from lerkit.storage.tables import Claim, Endorsement, Evidence, Experience
from lerkit.storage.tables import Person as Person  # the row type services read


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


def list_people(*, session: Session, search: str | None = None, limit: int | None = None,
                offset: int = 0) -> list[Person]:
    """People ordered by name; ``search`` filters by a case-insensitive name fragment;
    ``limit`` and ``offset`` give one page."""
    query = select(Person).order_by(func.lower(Person.name), Person.id)
    if search:
        query = query.where(func.lower(Person.name).contains(search.lower()))
    if limit is not None:
        query = query.offset(offset).limit(limit)
    return list(session.exec(query).all())


def count_people(*, session: Session, search: str | None = None) -> int:
    """How many people :func:`list_people` would list without a page."""
    query = select(func.count()).select_from(Person)
    if search:
        query = query.where(func.lower(Person.name).contains(search.lower()))
    return int(session.exec(query).one())


def delete_person(*, session: Session, person: Person) -> None:
    """Delete a person and, by cascade, everything that is theirs."""
    session.delete(person)


def _count_by_person(session: Session, column: object, *where: object) -> dict[str, int]:
    query = select(column, func.count()).group_by(column)  # type: ignore[call-overload]
    for clause in where:
        query = query.where(clause)
    return dict(session.exec(query).all())


def counts_of(*, session: Session, person_id: str) -> PersonCounts:
    """One person's counts (reads only that person's rows)."""
    found = counts(session=session, person_id=person_id)
    return found.get(person_id, PersonCounts())


def experiences_of(*, session: Session, person_id: str) -> list[Experience]:
    """A person's experiences, oldest first."""
    return list(session.exec(select(Experience).where(Experience.person_id == person_id)
                             .order_by(col(Experience.created_at), col(Experience.id))))


def claims_of(*, session: Session, person_id: str) -> list[Claim]:
    """A person's claims (every status), oldest first."""
    return list(session.exec(select(Claim).where(Claim.person_id == person_id)
                             .order_by(col(Claim.created_at), col(Claim.id))))


def _page_counts(session: Session, people: Collection[str]) -> dict[str, PersonCounts]:
    """The counts of a few people (a page), in one statement that reads each person's rows
    by their index: on a center's server each row is then checked against the caseload by
    a lookup, not by hashing the whole caseload (as a scan of many people would)."""
    def per_person(column: Any, *where: Any) -> Any:
        return select(func.count()).where(column == Person.id, *where).scalar_subquery()

    query = select(col(Person.id),  # type: ignore[call-overload]
                   per_person(col(Experience.person_id)),
                   per_person(col(Claim.person_id), col(Claim.status) == "accepted"),
                   per_person(col(Evidence.person_id)),
                   per_person(col(Endorsement.person_id))).where(col(Person.id).in_(list(people)))
    return {pid: PersonCounts(*numbers) for pid, *numbers in session.exec(query).all()
            if any(numbers)}


def counts(*, session: Session, person_id: str | None = None,
           people: Collection[str] | None = None) -> dict[str, PersonCounts]:
    """Counts of experiences, accepted skills, evidence and endorsements per person (of
    one person only, if ``person_id`` is given, or of ``people``)."""
    if people is not None and person_id is None:
        return _page_counts(session, people) if people else {}
    def only(column: Any) -> tuple[object, ...]:
        if person_id is not None:
            return (column == person_id,)
        return () if people is None else (column.in_(list(people)),)

    exp = _count_by_person(session, col(Experience.person_id),
                           *only(col(Experience.person_id)))
    acc = _count_by_person(session, col(Claim.person_id), col(Claim.status) == "accepted",
                           *only(col(Claim.person_id)))
    evi = _count_by_person(session, col(Evidence.person_id), *only(col(Evidence.person_id)))
    end = _count_by_person(session, col(Endorsement.person_id),
                           *only(col(Endorsement.person_id)))
    ids = set(exp) | set(acc) | set(evi) | set(end)
    return {
        pid: PersonCounts(exp.get(pid, 0), acc.get(pid, 0), evi.get(pid, 0), end.get(pid, 0))
        for pid in ids
    }
