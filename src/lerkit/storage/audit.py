"""The append-only audit log: who changed what, and when.

Details name ids and fields, never a person's answers, so the log can be kept after a
person's record is deleted.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, col, select

from lerkit.storage.tables import AuditEvent


def record(
    *,
    session: Session,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    person_id: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event in the caller's transaction."""
    event = AuditEvent(
        actor=actor,
        action=action,
        entity=entity,
        entity_id=entity_id,
        person_id=person_id,
        detail=detail or {},
    )
    session.add(event)
    return event


def list_events(
    *, session: Session, person_id: str | None = None, limit: int = 1000
) -> list[AuditEvent]:
    """The newest events first, optionally for one person."""
    query = select(AuditEvent).order_by(col(AuditEvent.id).desc()).limit(limit)
    if person_id is not None:
        query = query.where(AuditEvent.person_id == person_id)
    return list(session.exec(query).all())
