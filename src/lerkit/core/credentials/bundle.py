"""The signed bundle: a CLR 2.0 ``ClrCredential`` holding one signed OB credential per claim.

Both levels are signed by the person. Already-signed EndorsementCredentials can
be passed in: one whose subject is a claim's credential goes into that
credential's ``endorsement`` (signed over by the person), any other into the
CLR's ``endorsement``.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from lerkit.core.credentials.badges import (
    SELF_ATTESTED,
    Holder,
    build_claim_credential,
    credential_id,
)
from lerkit.core.credentials.dates import format_datetime, now_utc
from lerkit.core.credentials.keys import Identity
from lerkit.core.credentials.loader import CLR_V2, OB_V3, VC_V2
from lerkit.core.credentials.proofs import RDFC, sign_document, verify_proofs
from lerkit.core.errors import BadInputError
from lerkit.core.records import ClaimRecord


@dataclass(frozen=True)
class BundleOptions:
    """How to build and sign a bundle.

    ``omit`` maps a claim id to the details left out of that claim's credential:
    ``dates``, ``organization``, ``place``, ``narrative``, ``evidence:<evidence id>``.
    """

    holder_name: str = ""
    issued: datetime | None = None
    valid_until: datetime | None = None
    cryptosuite: str = RDFC
    omit: Mapping[str, frozenset[str]] = field(default_factory=dict)
    endorsements: Sequence[Mapping[str, Any]] = ()
    bundle_id: str | None = None
    bundle_name: str | None = None
    list_achievements: bool = False
    partial: bool | None = None


def _issuer_id(credential: Mapping[str, Any]) -> Any:
    issuer = credential.get("issuer")
    return issuer.get("id") if isinstance(issuer, dict) else issuer


def check_endorsement(endorsement: Any) -> dict[str, Any]:
    """An already-signed EndorsementCredential, verified; BadInputError otherwise."""
    if not isinstance(endorsement, dict):
        raise BadInputError("an endorsement must be a JSON object")
    types = endorsement.get("type")
    if not isinstance(types, list) or "EndorsementCredential" not in types:
        raise BadInputError("an endorsement must have type EndorsementCredential")
    results = verify_proofs(endorsement)
    failed = [r.reason for r in results if not r.ok]
    if failed:
        raise BadInputError(f"endorsement {endorsement.get('id')!r} does not verify: {failed[0]}")
    if any(r.controller != _issuer_id(endorsement) for r in results):
        raise BadInputError(f"endorsement {endorsement.get('id')!r}: issuer is not the signer")
    return copy.deepcopy(endorsement)


def _endorsed_id(endorsement: Mapping[str, Any]) -> Any:
    subject = endorsement.get("credentialSubject")
    return subject.get("id") if isinstance(subject, dict) else None


def sign_bundle(
    identity: Identity, claims: Sequence[ClaimRecord], options: BundleOptions | None = None
) -> dict[str, Any]:
    """Build and sign one OB credential per accepted claim, then the CLR around them."""
    options = options or BundleOptions()
    if not claims:
        raise BadInputError("a bundle needs at least one accepted claim")
    ids = [claim.id for claim in claims]
    if len(set(ids)) != len(ids):
        raise BadInputError("the same claim appears twice in the bundle")
    unknown = set(options.omit) - set(ids)
    if unknown:
        raise BadInputError(f"omit names claims that are not in the bundle: {sorted(unknown)}")
    holder = Holder(did=identity.did, name=options.holder_name)
    issued = options.issued or now_utc()
    valid_from = format_datetime(issued)
    valid_until = format_datetime(options.valid_until) if options.valid_until else None
    if options.valid_until is not None and format_datetime(options.valid_until) <= valid_from:
        raise BadInputError("validUntil must be later than validFrom")
    endorsements = [check_endorsement(item) for item in options.endorsements]
    by_credential: dict[str, list[dict[str, Any]]] = {}
    for item in endorsements:
        by_credential.setdefault(str(_endorsed_id(item)), []).append(item)
    signed: list[dict[str, Any]] = []
    for claim in claims:
        own = by_credential.pop(credential_id(holder.did, claim.id), [])
        unsigned = build_claim_credential(
            holder,
            claim,
            valid_from=valid_from,
            valid_until=valid_until,
            omit=options.omit.get(claim.id, frozenset()),
            endorsements=own,
        )
        signed.append(
            sign_document(unsigned, identity, cryptosuite=options.cryptosuite, created=valid_from)
        )
    rest = [item for group in by_credential.values() for item in group]
    clr = build_clr(holder, signed, options, valid_from, valid_until, rest)
    return sign_document(clr, identity, cryptosuite=options.cryptosuite, created=valid_from)


def build_clr(
    holder: Holder,
    credentials: list[dict[str, Any]],
    options: BundleOptions,
    valid_from: str,
    valid_until: str | None,
    endorsements: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The unsigned ClrCredential around already-signed claim credentials."""
    who = holder.name or "This person"
    clr: dict[str, Any] = {
        "@context": [VC_V2, CLR_V2, OB_V3],
        "id": options.bundle_id or f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": options.bundle_name or f"{who}: self-attested learning and employment record",
        "description": (
            f"{SELF_ATTESTED} Every credential in this record was signed by the person "
            "it describes."
        ),
        "issuer": holder.profile(),
        "validFrom": valid_from,
    }
    if valid_until is not None:
        clr["validUntil"] = valid_until
    if options.partial is not None:
        clr["partial"] = options.partial
    subject: dict[str, Any] = {
        "type": ["ClrSubject"],
        "id": holder.did,
        "verifiableCredential": credentials,
    }
    if options.list_achievements:
        subject["achievement"] = [
            copy.deepcopy(c["credentialSubject"]["achievement"]) for c in credentials
        ]
    clr["credentialSubject"] = subject
    if endorsements:
        clr["endorsement"] = [dict(item) for item in endorsements]
    return clr
