"""Stored signing keys: the active one per person and the retired ones."""

from __future__ import annotations

from sqlmodel import Session, col, select

from lerkit.storage.tables import SigningKey, utcnow


def active_key(*, session: Session, person_id: str) -> SigningKey | None:
    """The key a person signs with now, or None."""
    return session.exec(
        select(SigningKey).where(SigningKey.person_id == person_id, col(SigningKey.active))
    ).first()


def all_keys(*, session: Session, person_id: str) -> list[SigningKey]:
    """Every key a person has had, oldest first."""
    return list(session.exec(
        select(SigningKey).where(SigningKey.person_id == person_id)
        .order_by(col(SigningKey.created_at), col(SigningKey.id))
    ).all())


def add_key(*, session: Session, person_id: str, did: str, public_key_multibase: str,
            sealed: bytes) -> SigningKey:
    """Store a new active key, retiring the previous one (the caller commits)."""
    for old in session.exec(
        select(SigningKey).where(SigningKey.person_id == person_id, col(SigningKey.active))
    ):
        old.active = False
        old.retired_at = utcnow()
        session.add(old)
    key = SigningKey(person_id=person_id, did=did, public_key_multibase=public_key_multibase,
                     sealed_secret=sealed, active=True)
    session.add(key)
    session.flush()
    return key
