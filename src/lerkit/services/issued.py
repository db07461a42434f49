"""Claim credentials as issued, so that endorsements bound to them stay valid.

Every claim credential an export signs is stored (``issuedcredential``) with the
claim's fingerprint (what the credential says, signing dates aside). A later export
of an unchanged claim reuses a stored credential byte for byte: the version that
holds the most endorsements, else the newest one signed with the same cryptosuite.
Endorsements go into the bundle only with the exact version they are bound to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session

from lerkit.core.credentials.badges import credential_id
from lerkit.core.credentials.bundle import claim_fingerprint
from lerkit.core.credentials.endorsement import binding_errors, credential_digest
from lerkit.core.credentials.kept import KeptDataset
from lerkit.core.credentials.proofs import proofs_of
from lerkit.core.i18n import _
from lerkit.core.records import ClaimRecord
from lerkit.storage import endorsements as repo
from lerkit.storage.endorsements import Endorsement, IssuedCredential


@dataclass
class Prepared:
    """What an export reuses and carries, and what it had to leave out."""

    fingerprints: dict[str, str] = field(default_factory=dict)
    reused_rows: dict[str, IssuedCredential] = field(default_factory=dict)
    endorsements: list[dict[str, Any]] = field(default_factory=list)
    left_out: list[str] = field(default_factory=list)

    @property
    def reused(self) -> dict[str, dict[str, Any]]:
        """Claim id -> the stored credential reused for it."""
        return {claim_id: row.credential for claim_id, row in self.reused_rows.items()}

    @property
    def datasets(self) -> dict[str, KeptDataset]:
        """Claim id -> the kept RDF dataset of the reused credential and its digest, where
        there are both (signing checks that the digest binds it to the credential)."""
        return {claim_id: KeptDataset(row.rdf_nquads, row.rdf_digest)
                for claim_id, row in self.reused_rows.items()
                if row.rdf_nquads and row.rdf_digest}


def _suite(credential: Mapping[str, Any]) -> Any:
    proofs = proofs_of(credential)
    return proofs[0].get("cryptosuite") if proofs and isinstance(proofs[0], dict) else None


def _bound(row: IssuedCredential, received: Sequence[Endorsement]) -> list[Endorsement]:
    return [e for e in received if e.endorsed_credential_id == row.credential_id
            and not binding_errors(e.credential, row.credential)]


def _choose(rows: list[IssuedCredential], received: list[Endorsement], cryptosuite: str
            ) -> tuple[IssuedCredential | None, list[Endorsement]]:
    best: tuple[IssuedCredential | None, list[Endorsement]] = (None, [])
    for row in rows:  # newest first
        bound = _bound(row, received)
        if len(bound) > len(best[1]):
            best = (row, bound)
    if best[0] is None:
        same_suite = [row for row in rows if _suite(row.credential) == cryptosuite]
        return (same_suite[0] if same_suite else None), []
    return best


def prepare(session: Session, person_id: str, did: str, holder_name: str,
            claims: Sequence[ClaimRecord], omit: Mapping[str, frozenset[str]],
            cryptosuite: str, language: str = "en") -> Prepared:
    """Pick the stored credentials to reuse and the endorsements to carry."""
    prepared = Prepared()
    ids = [claim.id for claim in claims]
    issued = repo.issued_for_claims(session=session, person_id=person_id, claim_ids=ids)
    received = repo.endorsements_of(session=session, person_id=person_id, claim_ids=ids)
    for claim in claims:
        fingerprint = claim_fingerprint(did, holder_name, claim, omit.get(claim.id, frozenset()),
                                        language)
        prepared.fingerprints[claim.id] = fingerprint
        rows = [row for row in issued if row.claim_id == claim.id
                and row.claim_digest == fingerprint
                and row.credential_id == credential_id(did, claim.id)
                and credential_digest(row.credential) == row.credential_digest]
        mine = [e for e in received if e.claim_id == claim.id]
        row, carried = _choose(rows, mine, cryptosuite)
        if row is not None:
            prepared.reused_rows[claim.id] = row
        prepared.endorsements.extend(e.credential for e in carried)
        kept = {e.credential_id for e in carried}
        for e in mine:
            if e.credential_id not in kept:
                prepared.left_out.append(_(
                    "{skill}: the endorsement by {endorser} is left out, because the claim (or "
                    "what this export shows of it) has changed since it was endorsed"
                ).format(skill=claim.label, endorser=e.endorser_name or e.endorser_did))
    return prepared


def record_new(session: Session, person_id: str, prepared: Prepared,
               claims: Sequence[ClaimRecord], bundle: Mapping[str, Any],
               datasets: Mapping[str, KeptDataset] | None = None) -> int:
    """Store every claim credential of ``bundle`` that was signed just now.

    ``datasets`` (claim id -> dataset and digest) go with the new rows; a reused row
    whose kept dataset was missing or did not fit gets the one made for this bundle.
    """
    datasets = datasets or {}
    inner = bundle["credentialSubject"]["verifiableCredential"]
    count = 0
    for claim, credential in zip(claims, inner, strict=True):
        reused = prepared.reused_rows.get(claim.id)
        if reused is not None:
            kept = datasets.get(claim.id)
            if kept is not None and (kept.nquads, kept.digest) != (reused.rdf_nquads,
                                                                   reused.rdf_digest):
                repo.keep_dataset(session=session, issued_id=reused.id,
                                  rdf_nquads=kept.nquads, rdf_digest=kept.digest)
            continue
        kept = datasets.get(claim.id)
        repo.add_issued(session=session, person_id=person_id, claim_id=claim.id,
                        credential_id=str(credential["id"]),
                        claim_digest=prepared.fingerprints[claim.id],
                        credential_digest=credential_digest(credential), credential=credential,
                        rdf_nquads=kept.nquads if kept else None,
                        rdf_digest=kept.digest if kept else None)
        count += 1
    return count
