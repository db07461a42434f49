"""The audit log: reads of a person's record are logged as changes are, and ``ler audit``.

On a center's PostgreSQL server the database itself stamps each event with the
connection's role and the time, and shows a coach only the events of their caseload (and
their own); on SQLite the actor is ``LER_ACTOR`` or the computer's user.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from lerkit.services.context import Lerkit
from lerkit.storage import audit

READ = "read"
MAX_EVENTS = 100_000


def record_read(session: Session, ler: Lerkit, person_id: str, via: str) -> None:
    """Log that ``via`` (show, interview, review) read the person's record, in the
    caller's transaction."""
    audit.record(session=session, actor=ler.actor, action=READ, entity="person",
                 entity_id=person_id, person_id=person_id, detail={"via": via})


@dataclass(frozen=True)
class Event:
    """One audit event, as ``ler audit`` shows it."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: str
    person_id: str | None
    detail: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return dict(self.__dict__)

    def line(self) -> str:
        """One line of text: when, who, what."""
        whose = f"  person {self.person_id}" if self.person_id else ""
        return f"{self.at}  {self.actor}  {self.action} {self.entity} {self.entity_id}{whose}"


def events(ler: Lerkit, person_id: str | None = None, limit: int = 1000) -> list[Event]:
    """The newest events first (those the connection's role may see), optionally of one
    person."""
    limit = max(1, min(limit, MAX_EVENTS))
    with ler.db.session() as session:
        found = audit.list_events(session=session, person_id=person_id, limit=limit)
        return [Event(int(e.id or 0), _when(e.at), e.actor, e.action, e.entity, e.entity_id,
                      e.person_id, dict(e.detail)) for e in found]


def _when(moment: datetime) -> str:
    """A stored time (UTC; SQLite keeps no zone) as ISO 8601 with Z."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=None).isoformat(timespec="seconds") + "Z"
