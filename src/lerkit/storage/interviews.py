"""Stored interviews: the session row with the engine's state, and the answer log.

Repository functions; each works in the caller's session (one unit of work per use case).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from lerkit.storage.tables import InterviewAnswer, InterviewSession, utcnow


def add_session(*, session: Session, person_id: str, state: dict[str, Any],
                finished: bool = False) -> str:
    """A new interview session; returns its id."""
    row = InterviewSession(person_id=person_id, state=state,
                           status="finished" if finished else "open")
    session.add(row)
    session.flush()
    return row.id


def open_session(*, session: Session, person_id: str) -> tuple[str, dict[str, Any]] | None:
    """The id and state of the person's most recent open interview, if any."""
    row = session.exec(
        select(InterviewSession).where(InterviewSession.person_id == person_id,
                                       InterviewSession.status == "open")
        .order_by(col(InterviewSession.updated_at).desc())
    ).first()
    return None if row is None else (row.id, dict(row.state))


def has_finished(*, session: Session, person_id: str) -> bool:
    """Whether the person has finished an interview before."""
    return session.exec(
        select(InterviewSession.id).where(InterviewSession.person_id == person_id,
                                          InterviewSession.status == "finished")
    ).first() is not None


def save_state(*, session: Session, session_id: str, state: dict[str, Any],
               finished: bool) -> bool:
    """Store the engine's state; False if the session no longer exists."""
    row = session.get(InterviewSession, session_id)
    if row is None:
        return False
    row.state = state
    row.status = "finished" if finished else "open"
    row.updated_at = utcnow()
    session.add(row)
    return True


def log_answer(*, session: Session, session_id: str, module: str, question: str,
               answer: str, skipped: bool) -> None:
    """Append an answer (or a skip) to the session's log, numbered in order."""
    last = session.exec(select(func.max(InterviewAnswer.seq)).where(
        InterviewAnswer.session_id == session_id)).one()
    session.add(InterviewAnswer(session_id=session_id, seq=(last or 0) + 1, module=module,
                                question=question, answer=answer, skipped=skipped))
