"""Stored signing keys: the active one per person and the retired ones."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _
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


def add_first_key(*, session: Session, person_id: str, did: str, public_key_multibase: str,
                  sealed: bytes) -> SigningKey:
    """Store a person's first key (the caller commits); BadInputError if they have one.

    The database keeps one active key per person (a unique partial index), so of two
    writers racing to give a person a first key, one wins and the other is refused.
    """
    refused = BadInputError(_("person {person} already has a key (use: ler keys rotate)")
                            .format(person=person_id))
    if active_key(session=session, person_id=person_id) is not None:
        raise refused
    key = SigningKey(person_id=person_id, did=did, public_key_multibase=public_key_multibase,
                     sealed_secret=sealed, active=True)
    session.add(key)
    try:
        session.flush()
    except IntegrityError:
        session.rollback()
        raise refused from None
    return key
