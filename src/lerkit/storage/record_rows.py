"""A person's record as rows: experiences, their evidence, and their claims.

Repository functions (the interview's write path, the review screen's and the CLI's
edits). Each works in the caller's session, writes a row only when something in it
changed, and logs every write to the audit log. A claim row is the only home of a
decision (accepted, with a proficiency, or rejected): suggestions are written as
``suggested`` claims and never overwrite a decision.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.i18n import _
from lerkit.storage import audit
from lerkit.storage.tables import Claim, Evidence, Experience, new_id, utcnow

SUGGESTED, ACCEPTED = "suggested", "accepted"


@dataclass(frozen=True)
class Suggested:
    """A suggestion as it is stored: a claim waiting for the person's decision."""

    taxonomy: str
    competency_id: str
    label: str
    score: float | None
    why: str


@dataclass(frozen=True)
class Decision:
    """A decided claim of an experience (status ``accepted`` or ``rejected``)."""

    experience_id: str
    taxonomy: str
    competency_id: str
    label: str
    status: str
    proficiency: str | None


def _log(session: Session, actor: str, action: str, entity: str, entity_id: str,
         person_id: str, fields: Sequence[str] = ()) -> None:
    audit.record(session=session, actor=actor, action=action, entity=entity,
                 entity_id=entity_id, person_id=person_id,
                 detail={"fields": list(fields)} if fields else None)


def _update(row: Any, values: Mapping[str, Any]) -> list[str]:
    changed = [k for k, v in values.items() if getattr(row, k) != v]
    for key in changed:
        setattr(row, key, values[key])
    return changed


def add_experience(*, session: Session, actor: str, person_id: str,
                   values: Mapping[str, Any]) -> str:
    """A new experience; returns its id."""
    experience_id = new_id()
    put_experience(session=session, actor=actor, person_id=person_id,
                   experience_id=experience_id, values=values)
    return experience_id


def has_experience(*, session: Session, experience_id: str) -> bool:
    """Whether the experience is stored."""
    return session.get(Experience, experience_id) is not None


def put_experience(*, session: Session, actor: str, person_id: str, experience_id: str,
                   values: Mapping[str, Any]) -> bool:
    """Insert the experience or update what changed (``values`` may name only some
    columns of a stored experience); True if a row was written."""
    row = session.get(Experience, experience_id)
    if row is None:
        session.add(Experience(id=experience_id, person_id=person_id, **values))
        session.flush()
        _log(session, actor, "create", "experience", experience_id, person_id, list(values))
        return True
    if row.person_id != person_id:
        raise BadInputError(_("experience {id} belongs to someone else").format(id=experience_id))
    changed = _update(row, values)
    if changed:
        row.updated_at = utcnow()
        session.add(row)
        _log(session, actor, "update", "experience", experience_id, person_id, changed)
    return bool(changed)


def put_evidence(*, session: Session, actor: str, person_id: str, experience_id: str,
                 evidence_id: str, kind: str, values: Mapping[str, Any],
                 file_facts: Callable[[], Mapping[str, Any]] | None = None) -> bool:
    """Insert a piece of evidence or update what changed; a file (``file_facts`` reads
    it) is read and hashed once, when first stored. True if a row was written."""
    row = session.get(Evidence, evidence_id)
    wanted = dict(values)
    if file_facts is not None and not (row is not None and row.kind == kind and row.sha256):
        wanted.update(file_facts())
    if row is None:
        session.add(Evidence(id=evidence_id, person_id=person_id,
                             experience_id=experience_id, kind=kind, **wanted))
        session.flush()
        _log(session, actor, "create", "evidence", evidence_id, person_id, ["kind"])
        return True
    changed = _update(row, {**wanted, "kind": kind})
    if changed:
        session.add(row)
        _log(session, actor, "update", "evidence", evidence_id, person_id, changed)
    return bool(changed)


def delete_evidence(*, session: Session, actor: str, person_id: str,
                    ids: Collection[str]) -> int:
    """Delete evidence rows by id; returns how many there were."""
    gone = 0
    for evidence_id in ids:
        row = session.get(Evidence, evidence_id)
        if row is not None and row.person_id == person_id:
            session.delete(row)
            _log(session, actor, "delete", "evidence", evidence_id, person_id)
            gone += 1
    return gone


def _claims(session: Session, experience_id: str) -> dict[tuple[str, str], Claim]:
    rows = session.exec(select(Claim).where(Claim.experience_id == experience_id))
    return {(r.taxonomy, r.competency_id): r for r in rows}


def put_suggestions(*, session: Session, actor: str, person_id: str, experience_id: str,
                    wanted: Sequence[Suggested]) -> int:
    """Make the experience's suggested claims exactly ``wanted``: add the new ones,
    refresh changed scores and reasons (unlogged: the matcher's, not a person's, change),
    drop the ones no longer suggested. Decided claims are left as they are. Returns the
    number of rows written."""
    rows = _claims(session, experience_id)
    written = 0
    for s in wanted:
        row = rows.pop((s.taxonomy, s.competency_id), None)
        values: dict[str, Any] = {"label": s.label[:300], "score": s.score, "why": s.why}
        if row is None:
            row = Claim(person_id=person_id, experience_id=experience_id,
                        taxonomy=s.taxonomy, competency_id=s.competency_id,
                        status=SUGGESTED, label=s.label[:300], score=s.score, why=s.why)
            session.add(row)
            session.flush()
            _log(session, actor, "create", "claim", row.id, person_id, ["status"])
            written += 1
        elif row.status == SUGGESTED and _update(row, values):
            session.add(row)  # a better reason for the same suggestion: not a decision,
            written += 1  # so neither logged nor dated
    for row in rows.values():
        if row.status == SUGGESTED:
            session.delete(row)
            _log(session, actor, "delete", "claim", row.id, person_id)
            written += 1
    return written


NOT_SET = ""  # a proficiency that clears the stored one (None leaves it)


def decide(*, session: Session, actor: str, person_id: str, experience_id: str,
           taxonomy: str, competency_id: str, label: str, status: str,
           proficiency: str | None) -> bool:
    """Record the person's decision on one claim (made if it was not suggested); a
    proficiency of None leaves the stored one, ``NOT_SET`` clears it. True if the row was
    written."""
    row = session.exec(select(Claim).where(
        Claim.experience_id == experience_id, Claim.taxonomy == taxonomy,
        Claim.competency_id == competency_id)).first()
    if row is None:
        row = Claim(person_id=person_id, experience_id=experience_id, taxonomy=taxonomy,
                    competency_id=competency_id, label=label[:300], status=status,
                    proficiency=proficiency or None)
        session.add(row)
        session.flush()
        _log(session, actor, "create", "claim", row.id, person_id, ["status"])
        return True
    values: dict[str, Any] = {"status": status}
    if proficiency is not None:
        values["proficiency"] = proficiency or None
    changed = _update(row, values)
    if changed:
        row.updated_at = utcnow()
        session.add(row)
        _log(session, actor, "update", "claim", row.id, person_id, changed)
    return bool(changed)


def reject_suggested(*, session: Session, actor: str, person_id: str,
                     experience_id: str, competency_ids: Collection[str]) -> int:
    """Mark these stored suggestions of an experience turned down (a turn-down made while
    the suggestion was live, before its answer was stored); returns how many."""
    if not competency_ids:
        return 0
    found = session.exec(select(Claim).where(
        Claim.experience_id == experience_id, Claim.status == SUGGESTED,
        col(Claim.competency_id).in_(list(competency_ids)))).all()
    for row in found:
        row.status, row.updated_at = "rejected", utcnow()
        session.add(row)
        _log(session, actor, "update", "claim", row.id, person_id, ["status"])
    return len(found)


def decisions(*, session: Session, experience_ids: Collection[str]) -> list[Decision]:
    """The decided claims of these experiences, in the order they were decided."""
    if not experience_ids:
        return []
    rows = session.exec(select(Claim).where(
        col(Claim.experience_id).in_(list(experience_ids)), Claim.status != SUGGESTED)
        .order_by(col(Claim.updated_at), col(Claim.id)))
    return [Decision(r.experience_id or "", r.taxonomy, r.competency_id, r.label, r.status,
                     r.proficiency) for r in rows]


def drop_experience(*, session: Session, actor: str, person_id: str,
                    experience_id: str) -> bool:
    """Delete an experience the interview no longer produces, with its suggestions and
    evidence, unless the person accepted a skill from it. True if it was deleted."""
    row = session.get(Experience, experience_id)
    if row is None or row.person_id != person_id:
        return False
    claims = _claims(session, experience_id).values()
    if any(c.status == ACCEPTED for c in claims):
        return False
    evidence = session.exec(select(Evidence).where(Evidence.experience_id == experience_id))
    for child in [*evidence, *claims]:  # evidence first: some belongs to a claim
        session.delete(child)
        _log(session, actor, "delete", "claim" if isinstance(child, Claim) else "evidence",
             child.id, person_id)
    session.delete(row)
    _log(session, actor, "delete", "experience", experience_id, person_id)
    return True


def add_claim(*, session: Session, actor: str, person_id: str, experience_id: str | None,
              taxonomy: str, competency_id: str, label: str, status: str) -> str:
    """A claim picked by hand (for an experience, or loose); returns its id. A claim on
    the same skill and experience that exists already takes the new status instead."""
    query = select(Claim).where(Claim.person_id == person_id, Claim.taxonomy == taxonomy,
                                Claim.competency_id == competency_id)
    query = query.where(col(Claim.experience_id).is_(None) if experience_id is None
                        else Claim.experience_id == experience_id)
    row = session.exec(query).first()
    if row is not None:
        set_claim(session=session, actor=actor, claim_id=row.id, status=status,
                  proficiency=None)
        return row.id
    row = Claim(person_id=person_id, experience_id=experience_id, taxonomy=taxonomy,
                competency_id=competency_id, label=label[:300], status=status)
    session.add(row)
    session.flush()
    _log(session, actor, "create", "claim", row.id, person_id, ["status"])
    return row.id


def set_claim(*, session: Session, actor: str, claim_id: str, status: str | None,
              proficiency: str | None) -> bool:
    """Set a claim's status or proficiency (None leaves it; ``NOT_SET`` clears the
    proficiency); NotFoundError for an unknown id. True if the row was written."""
    row = session.get(Claim, claim_id)
    if row is None:
        raise NotFoundError(_("no claim with id {id!r}").format(id=claim_id))
    values: dict[str, Any] = {k: v for k, v in (("status", status),
                                                ("proficiency", proficiency)) if v is not None}
    if values.get("proficiency") == NOT_SET:
        values["proficiency"] = None
    changed = _update(row, values)
    if changed:
        row.updated_at = utcnow()
        session.add(row)
        _log(session, actor, "update", "claim", row.id, row.person_id, changed)
    return bool(changed)


def owner(*, session: Session, claim_id: str | None, experience_id: str | None
          ) -> tuple[str, str | None]:
    """The person and experience a claim (or an experience) belongs to."""
    if claim_id is not None:
        claim = session.get(Claim, claim_id)
        if claim is None:
            raise NotFoundError(_("no claim with id {id!r}").format(id=claim_id))
        return claim.person_id, claim.experience_id
    if experience_id is not None:
        exp = session.get(Experience, experience_id)
        if exp is None:
            raise NotFoundError(_("no experience with id {id!r}").format(id=experience_id))
        return exp.person_id, exp.id
    raise BadInputError(_("evidence belongs to a claim or an experience"))


def add_evidence(*, session: Session, actor: str, person_id: str, claim_id: str | None,
                 experience_id: str | None, kind: str, values: Mapping[str, Any]) -> str:
    """A new piece of evidence for a claim or an experience; returns its id."""
    row = Evidence(person_id=person_id, claim_id=claim_id, experience_id=experience_id,
                   kind=kind, **values)
    session.add(row)
    session.flush()
    _log(session, actor, "create", "evidence", row.id, person_id, ["kind"])
    return row.id


TEXT_FIELDS = {"experience": ("title", "organization", "place", "narrative"),
               "evidence": ("name", "narrative")}
SHORT_TEXT = 300  # the longest title, organization, place or evidence name


def change_text(*, session: Session, actor: str, person_id: str, entity: str,
                entity_id: str, field: str, change: Callable[[str], str],
                why: str = "") -> bool:
    """Rewrite one text field of a person's experience or evidence with ``change`` (old
    text -> new text), logged with the field and ``why``. True if it changed."""
    if field not in TEXT_FIELDS.get(entity, ()):
        raise BadInputError(_("{entity} {field!r} is not a text that can be reworded")
                            .format(entity=entity, field=field))
    row: Experience | Evidence | None = (session.get(Experience, entity_id)
                                         if entity == "experience"
                                         else session.get(Evidence, entity_id))
    if row is None or row.person_id != person_id:
        raise NotFoundError(_("no {entity} {id!r} in this person's record")
                            .format(entity=entity, id=entity_id))
    text = change(getattr(row, field))
    if field != "narrative" and len(text) > SHORT_TEXT:
        raise BadInputError(_("the new {field} is longer than {limit} characters")
                            .format(field=field, limit=SHORT_TEXT))
    if not _update(row, {field: text}):
        return False
    if isinstance(row, Experience):
        row.updated_at = utcnow()
    session.add(row)
    detail: dict[str, Any] = {"fields": [field]}
    if why:
        detail["why"] = why
    audit.record(session=session, actor=actor, action="update", entity=entity,
                 entity_id=entity_id, person_id=person_id, detail=detail)
    return True
