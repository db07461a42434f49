"""The worker's side: import an endorser's file, and list each claim's endorsements.

Import is all or nothing: every endorsement in the file is checked (its proof, issuer
= signer, not the worker's own key, a claim credential this person exported, and the
digest that binds it to exactly that credential) before any is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session

from lerkit.core.credentials.dates import now_utc
from lerkit.core.credentials.endorsed import SELF_ENDORSED, endorsement_entry
from lerkit.core.credentials.endorsement import binding_errors, organization_of
from lerkit.core.credentials.report import STANDING_UNKNOWN
from lerkit.core.credentials.trust import TrustList, tier_for
from lerkit.core.errors import BadInputError, CheckFailedError, NotFoundError
from lerkit.core.files import read_json
from lerkit.core.i18n import _
from lerkit.services import keys
from lerkit.services.context import Lerkit
from lerkit.services.people import require_person
from lerkit.storage import audit
from lerkit.storage import endorsements as repo
from lerkit.storage.endorsements import Endorsement
from lerkit.storage.records import claim_records

FILE_LIMIT = 16 * 1024 * 1024
MAX_ENDORSEMENTS = 1000


@dataclass(frozen=True)
class ImportResult:
    """How many endorsements were stored, and how many were already held."""

    imported: int
    already_held: int
    claims: list[str]


def read_endorsements(path: Path) -> list[Any]:
    """An endorser's file: a JSON array of EndorsementCredentials (or a single one)."""
    data = read_json(path, FILE_LIMIT)
    items = [data] if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise BadInputError(_("{path}: expected a JSON array of endorsements").format(path=path))
    if len(items) > MAX_ENDORSEMENTS:
        raise BadInputError(_("{path}: more than {limit} endorsements in one file")
                            .format(path=path, limit=MAX_ENDORSEMENTS))
    return items


def _check(session: Session, person_id: str, dids: set[str], item: Any, number: int,
           now: datetime) -> Endorsement:
    entry = endorsement_entry(item, now, holder=None)
    label = _("endorsement {number} ({id})").format(number=number,
                                                    id=entry.credential_id or _("no id"))
    if entry.errors:
        raise CheckFailedError(_("{label} does not verify: {reason}")
                               .format(label=label, reason=entry.errors[0]))
    if entry.endorser in dids:
        raise CheckFailedError(_("{label}: {problem}").format(label=label,
                                                              problem=_(SELF_ENDORSED)))
    target = entry.subject_id or ""
    rows = repo.issued_by_credential_id(session=session, credential_id=target,
                                        person_id=person_id)
    if not rows:
        others = repo.issued_by_credential_id(session=session, credential_id=target)
        if others:
            raise BadInputError(_("{label} endorses a claim of person {other}, not of person "
                                  "{person}").format(label=label, other=others[0].person_id,
                                                     person=person_id))
        raise NotFoundError(_("{label} endorses {target}, which is no claim person {person} "
                              "has exported (is this the right person?)")
                            .format(label=label, target=target, person=person_id))
    matching = [row for row in rows if not binding_errors(item, row.credential)]
    if not matching:
        raise CheckFailedError(_("{label}: {problem}").format(
            label=label, problem=binding_errors(item, rows[0].credential)[0]))
    return Endorsement(
        person_id=person_id, claim_id=matching[0].claim_id,
        credential_id=entry.credential_id or "", endorsed_credential_id=target,
        endorser_did=entry.endorser or "", endorser_name=(entry.endorser_name or "")[:300],
        relationship=(entry.relationship or "")[:200], comment=entry.comment or "",
        credential=item,
    )


def import_endorsements(ler: Lerkit, path: Path, person_id: str) -> ImportResult:
    """Verify every endorsement in the file against the person's issued credentials; store."""
    require_person(ler, person_id)
    info = keys.show_key(ler, person_id)
    dids = {info.did, *info.retired}
    items = read_endorsements(path)
    now = now_utc()
    with ler.db.session() as session:
        checked = [_check(session, person_id, dids, item, n, now)
                   for n, item in enumerate(items, start=1)]
        held = repo.endorsement_ids(session=session, person_id=person_id)
    new: dict[str, Endorsement] = {}
    for row in checked:
        if row.credential_id not in held:
            new.setdefault(row.credential_id, row)
    with ler.transaction() as session:
        for row in new.values():
            repo.add_endorsement(session=session, row=row)
            audit.record(session=session, actor=ler.actor, action="import",
                         entity="endorsement", entity_id=row.credential_id,
                         person_id=person_id, detail={"claim": row.claim_id,
                                                      "endorser": row.endorser_did})
        claims = sorted({str(row.claim_id) for row in new.values()})
    return ImportResult(len(new), len(checked) - len(new), claims)


@dataclass(frozen=True)
class ReceivedEndorsement:
    """One stored endorsement, as the worker's screens show it."""

    credential_id: str
    endorser_did: str
    endorser_name: str
    relationship: str
    comment: str
    received_at: datetime
    standing: str = STANDING_UNKNOWN
    trusted_as: str | None = None


@dataclass(frozen=True)
class ClaimEndorsements:
    """An accepted claim, its endorsements and the tier they give it."""

    claim_id: str
    skill: str
    tier: str
    endorsements: list[ReceivedEndorsement] = field(default_factory=list)


def _received(row: Endorsement, trust: TrustList | None) -> ReceivedEndorsement:
    organization = organization_of(row.credential)
    found = trust.match(row.endorser_did, organization) if trust is not None else None
    return ReceivedEndorsement(
        credential_id=row.credential_id, endorser_did=row.endorser_did,
        endorser_name=row.endorser_name, relationship=row.relationship, comment=row.comment,
        received_at=row.received_at, standing=found.standing if found else STANDING_UNKNOWN,
        trusted_as=found.name if found else None,
    )


def claim_endorsements(ler: Lerkit, person_id: str,
                       trust: TrustList | None = None) -> list[ClaimEndorsements]:
    """Each accepted claim with the endorsements received for it and its tier."""
    require_person(ler, person_id)
    with ler.db.session() as session:
        claims = claim_records(session=session, person_id=person_id)
        rows = repo.endorsements_of(session=session, person_id=person_id)
    result = []
    for claim in claims:
        received = [_received(row, trust) for row in rows if row.claim_id == claim.id]
        result.append(ClaimEndorsements(claim.id, claim.label,
                                        tier_for(e.standing for e in received), received))
    return result
