"""Issued claim credentials, received endorsements and the endorser's own profile."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlmodel import Session, col, select, update

# the row types services read and make, through this repository
from lerkit.storage.tables import Endorsement as Endorsement
from lerkit.storage.tables import Endorser as Endorser
from lerkit.storage.tables import IssuedCredential as IssuedCredential


def issued_for_claims(*, session: Session, person_id: str,
                      claim_ids: Sequence[str]) -> list[IssuedCredential]:
    """Every stored version of these claims' credentials, newest first."""
    return list(session.exec(
        select(IssuedCredential).where(
            IssuedCredential.person_id == person_id,
            col(IssuedCredential.claim_id).in_(list(claim_ids)),
        ).order_by(col(IssuedCredential.issued_at).desc(), col(IssuedCredential.id))
    ).all())


def issued_by_credential_id(*, session: Session, credential_id: str,
                            person_id: str | None = None) -> list[IssuedCredential]:
    """Stored credentials with this id (every version), optionally of one person only."""
    query = select(IssuedCredential).where(IssuedCredential.credential_id == credential_id)
    if person_id is not None:
        query = query.where(IssuedCredential.person_id == person_id)
    return list(session.exec(query.order_by(col(IssuedCredential.issued_at).desc())).all())


def add_issued(*, session: Session, person_id: str, claim_id: str, credential_id: str,
               claim_digest: str, credential_digest: str, credential: dict[str, Any],
               rdf_nquads: str | None = None, rdf_digest: str | None = None
               ) -> IssuedCredential:
    """Record a newly signed claim credential and its dataset (the caller commits)."""
    row = IssuedCredential(person_id=person_id, claim_id=claim_id, credential_id=credential_id,
                           claim_digest=claim_digest, credential_digest=credential_digest,
                           credential=credential, rdf_nquads=rdf_nquads, rdf_digest=rdf_digest)
    session.add(row)
    return row


def keep_dataset(*, session: Session, issued_id: str, rdf_nquads: str, rdf_digest: str) -> None:
    """Store the RDF dataset of a stored credential and the digest binding it, in place
    of a missing or unfit one (the caller commits)."""
    session.execute(update(IssuedCredential).where(col(IssuedCredential.id) == issued_id)
                    .values(rdf_nquads=rdf_nquads, rdf_digest=rdf_digest))


def endorsements_of(*, session: Session, person_id: str,
                    claim_ids: Sequence[str] | None = None) -> list[Endorsement]:
    """A person's received endorsements (optionally for some claims), oldest first."""
    query = select(Endorsement).where(Endorsement.person_id == person_id)
    if claim_ids is not None:
        query = query.where(col(Endorsement.claim_id).in_(list(claim_ids)))
    return list(session.exec(
        query.order_by(col(Endorsement.received_at), col(Endorsement.id))
    ).all())


def endorsement_ids(*, session: Session, person_id: str) -> set[str]:
    """The credential ids of the endorsements a person already holds."""
    return set(session.exec(
        select(Endorsement.credential_id).where(Endorsement.person_id == person_id)
    ).all())


def add_endorsement(*, session: Session, row: Endorsement) -> Endorsement:
    """Store a received endorsement (the caller commits)."""
    session.add(row)
    return row


def the_endorser(*, session: Session) -> Endorser | None:
    """The endorser profile of this lerkit home (the first one made), or None."""
    return session.exec(select(Endorser).order_by(col(Endorser.created_at), col(Endorser.id))
                        ).first()


def add_endorser(*, session: Session, row: Endorser) -> Endorser:
    """Store the endorser's profile and sealed key (the caller commits)."""
    session.add(row)
    session.flush()
    return row
