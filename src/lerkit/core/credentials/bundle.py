"""The signed bundle: a CLR 2.0 ``ClrCredential`` holding one signed OB credential per claim.

Both levels are signed by the person. A claim credential signed earlier can be
passed in and is then used verbatim (``BundleOptions.signed``), so endorsements
bound to it by digest stay valid. Already-signed EndorsementCredentials go into
the CLR's ``endorsement`` array, next to the credentials, never inside them: an
endorsement of a claim must name a credential of this bundle and match its digest.
"""

from __future__ import annotations

import hashlib
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
from lerkit.core.credentials.canon import canonicalize_jcs, canonicalize_rdfc, is_absolute_iri
from lerkit.core.credentials.checks import issuer_id
from lerkit.core.credentials.dates import format_datetime, now_utc
from lerkit.core.credentials.endorsed import SELF_ENDORSED
from lerkit.core.credentials.endorsement import binding_errors, endorsed_id
from lerkit.core.credentials.kept import KeptDataset
from lerkit.core.credentials.keys import Signer
from lerkit.core.credentials.loader import CLR_V2, OB_V3, VC_V2
from lerkit.core.credentials.proofs import (
    RDFC,
    copy_json,
    sign_document,
    sign_with_datasets,
    verify_proofs,
    with_proof_array,
)
from lerkit.core.credentials.rdf_dataset import DatasetError, canonical_with_embedded
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import DEFAULT_LANGUAGE, N_, _, translate_in
from lerkit.core.records import ClaimRecord


@dataclass(frozen=True)
class BundleOptions:
    """How to build and sign a bundle.

    ``omit`` maps a claim id to the details left out of that claim's credential:
    ``dates``, ``organization``, ``place``, ``narrative``, ``evidence:<evidence id>``.
    ``signed`` maps a claim id to that claim's credential as signed before (by the same
    key); it goes into the bundle byte for byte instead of a new signature. ``datasets``
    maps a claim id to the RDF dataset of that signed credential, kept from when it was
    signed, so that the CLR is canonicalized without expanding it again; one whose
    digest does not bind it to that exact credential is made again instead.
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
    signed: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    datasets: Mapping[str, KeptDataset] = field(default_factory=dict)
    language: str = DEFAULT_LANGUAGE  # of the record's own words (skills come translated)


@dataclass(frozen=True)
class SignedBundle:
    """A signed CLR, and the RDF datasets of claim credentials, by claim id, that were
    made for it: the newly signed ones and reused ones whose kept one was missing or unfit."""

    credential: dict[str, Any]
    datasets: dict[str, KeptDataset]


def check_endorsement(endorsement: Any, holder: str | None = None) -> dict[str, Any]:
    """An already-signed EndorsementCredential, verified; BadInputError otherwise."""
    if not isinstance(endorsement, dict):
        raise BadInputError(_("an endorsement must be a JSON object"))
    types = endorsement.get("type")
    if not isinstance(types, list) or "EndorsementCredential" not in types:
        raise BadInputError(_("an endorsement must have type EndorsementCredential"))
    results = verify_proofs(endorsement)
    failed = [r.reason for r in results if not r.ok]
    if failed:
        raise BadInputError(_("endorsement {id!r} does not verify: {reason}")
                            .format(id=endorsement.get("id"), reason=failed[0]))
    if any(r.controller != issuer_id(endorsement) for r in results):
        raise BadInputError(_("endorsement {id!r}: issuer is not the signer")
                            .format(id=endorsement.get("id")))
    if holder is not None and issuer_id(endorsement) == holder:
        raise BadInputError(_("endorsement {id!r}: {problem}")
                            .format(id=endorsement.get("id"), problem=_(SELF_ENDORSED)))
    return dict(copy_json(endorsement))


def _reuse(identity: Signer, claim_id: str, credential: Mapping[str, Any],
           endorsements: Sequence[Mapping[str, Any]] = ()) -> dict[str, Any]:
    """A credential signed earlier for this claim, with its ``proof`` as an array.

    The caller vouches that it is the one lerkit stored (its digest is checked against
    the record); here only its id, issuer and signing key are compared, which is cheap.
    Signatures are checked whenever the bundle is verified, as every export does with
    the file it writes. A credential stored with a proof object gets the array form (the
    same RDF, the same signatures), unless an endorsement carried with it is bound by
    digest to the object form: then it goes in byte for byte, so that binding holds.
    """
    if credential.get("id") != credential_id(identity.did, claim_id):
        raise BadInputError(_("claim {id}: the stored credential belongs to another claim")
                            .format(id=claim_id))
    proofs = credential.get("proof")
    proofs = proofs if isinstance(proofs, list) else [proofs]
    if (issuer_id(credential) != identity.did or not proofs or any(
            not isinstance(p, dict) or p.get("verificationMethod") != identity.verification_method
            for p in proofs)):
        raise BadInputError(_("claim {id}: the stored credential was not signed by this key")
                            .format(id=claim_id))
    normalized = with_proof_array(credential)
    bound = [e for e in endorsements if endorsed_id(e) == credential.get("id")]
    if all(not binding_errors(e, normalized, exact=True) for e in bound):
        return normalized
    return dict(copy_json(dict(credential)))


def _bound(endorsements: Sequence[Mapping[str, Any]], holder: str,
           credentials: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    by_id = {str(c["id"]): c for c in credentials}
    checked = []
    for item in endorsements:
        endorsement = check_endorsement(item, holder)
        target = endorsed_id(endorsement)
        if target in by_id:
            problems = binding_errors(endorsement, by_id[target], exact=True)
            if problems:
                raise BadInputError(_("endorsement {id!r}: {problem}")
                                    .format(id=endorsement.get("id"), problem=problems[0]))
        elif target != holder:
            raise BadInputError(
                _("endorsement {id!r} endorses {target!r}, not in this bundle")
                .format(id=endorsement.get("id"), target=target))
        checked.append(endorsement)
    return checked


def sign_bundle(
    identity: Signer, claims: Sequence[ClaimRecord], options: BundleOptions | None = None
) -> dict[str, Any]:
    """Build and sign one OB credential per accepted claim, then the CLR around them."""
    return sign_bundle_with_datasets(identity, claims, options).credential


def sign_bundle_with_datasets(
    identity: Signer, claims: Sequence[ClaimRecord], options: BundleOptions | None = None
) -> SignedBundle:
    """:func:`sign_bundle`, also giving the claim credentials' datasets it made."""
    options = options or BundleOptions()
    if not claims:
        raise BadInputError(_("a bundle needs at least one accepted claim"))
    ids = [claim.id for claim in claims]
    if len(set(ids)) != len(ids):
        raise BadInputError(_("the same claim appears twice in the bundle"))
    unknown = (set(options.omit) | set(options.signed)) - set(ids)
    if unknown:
        raise BadInputError(_("options name claims that are not in the bundle: {ids}")
                            .format(ids=sorted(unknown)))
    holder = Holder(did=identity.did, name=options.holder_name)
    issued = options.issued or now_utc()
    valid_from = format_datetime(issued)
    valid_until = format_datetime(options.valid_until) if options.valid_until else None
    if options.valid_until is not None and format_datetime(options.valid_until) <= valid_from:
        raise BadInputError(_("validUntil must be later than validFrom"))
    fresh = [
        build_claim_credential(holder, claim, valid_from=valid_from, valid_until=valid_until,
                               omit=options.omit.get(claim.id, frozenset()),
                               language=options.language)
        for claim in claims if claim.id not in options.signed
    ]
    newly_signed = iter(
        sign_with_datasets(fresh, identity, cryptosuite=options.cryptosuite, created=valid_from)
    )
    signed: list[dict[str, Any]] = []
    datasets: dict[str, KeptDataset | None] = {}
    for claim in claims:
        if claim.id in options.signed:
            signed.append(_reuse(identity, claim.id, options.signed[claim.id],
                                 options.endorsements))
            datasets[claim.id] = options.datasets.get(claim.id)
        else:
            credential, nquads = next(newly_signed)
            signed.append(credential)
            datasets[claim.id] = (None if nquads is None
                                  else KeptDataset.made_from(credential, nquads))
    endorsements = _bound(options.endorsements, identity.did, signed)
    clr = build_clr(holder, signed, options, valid_from, valid_until, endorsements)
    made = {claim.id: kept for claim in claims if claim.id not in options.signed
            and (kept := datasets[claim.id]) is not None}
    document_hash = None
    if options.cryptosuite == RDFC:
        document_hash = clr_hash(clr, claims, datasets, made)
    secured = sign_document(clr, identity, cryptosuite=options.cryptosuite, created=valid_from,
                            document_hash=document_hash)
    return SignedBundle(secured, made)


def clr_hash(clr: Mapping[str, Any], claims: Sequence[ClaimRecord],
             datasets: Mapping[str, KeptDataset | None],
             made: dict[str, KeptDataset]) -> bytes | None:
    """SHA-256 of the unsigned CLR's canonical N-Quads, from its claims' datasets.

    A dataset is used only if its digest binds it to the very credential embedded in
    the CLR (:meth:`KeptDataset.fits`); a claim credential without one gets one now
    (into ``made``). None when the CLR cannot be put together this way; it is then
    canonicalized as a whole.
    """
    subject = clr["credentialSubject"]
    credentials = subject["verifiableCredential"]
    embedded = []
    for claim, credential in zip(claims, credentials, strict=True):
        if not is_absolute_iri(credential.get("id")):
            return None
        kept = datasets.get(claim.id)
        if kept is None or not kept.fits(credential):
            kept = made[claim.id] = KeptDataset.made_from(credential, canonicalize_rdfc(credential))
        embedded.append((str(credential["id"]), kept.nquads))
    placeholder = f"urn:uuid:{uuid.uuid4()}"
    shell = {**clr, "credentialSubject": {**subject, "verifiableCredential": [{"id": placeholder}]}}
    try:
        nquads = canonical_with_embedded(canonicalize_rdfc(shell), placeholder, embedded)
    except DatasetError:
        return None
    return hashlib.sha256(nquads.encode("utf-8")).digest()


def build_clr(
    holder: Holder,
    credentials: list[dict[str, Any]],
    options: BundleOptions,
    valid_from: str,
    valid_until: str | None,
    endorsements: Sequence[Mapping[str, Any]] = (),
) -> dict[str, Any]:
    """The unsigned ClrCredential around already-signed claim credentials."""
    language = options.language
    who = holder.name or translate_in(language, N_("This person"))
    title = translate_in(language, N_("{who}: self-attested learning and employment record"))
    signed_by = translate_in(
        language, N_("Every credential in this record was signed by the person it describes.")
    )
    clr: dict[str, Any] = {
        "@context": [VC_V2, CLR_V2, OB_V3],
        "id": options.bundle_id or f"urn:uuid:{uuid.uuid4()}",
        "type": ["VerifiableCredential", "ClrCredential"],
        "name": options.bundle_name or title.format(who=who),
        "description": f"{translate_in(language, SELF_ATTESTED)} {signed_by}",
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
            copy_json(c["credentialSubject"]["achievement"]) for c in credentials
        ]
    clr["credentialSubject"] = subject
    if endorsements:
        clr["endorsement"] = [dict(item) for item in endorsements]
    return clr


def claim_fingerprint(
    did: str, holder_name: str, claim: ClaimRecord, omit: frozenset[str] = frozenset(),
    language: str = DEFAULT_LANGUAGE,
) -> str:
    """``sha256:<hex>`` of what a claim's credential would say, dates of signing aside.

    Two exports with the same fingerprint would sign the same statement, so a stored,
    endorsed credential with this fingerprint can be reused instead.
    """
    unsigned = build_claim_credential(
        Holder(did=did, name=holder_name), claim, valid_from="1970-01-01T00:00:00Z", omit=omit,
        language=language,
    )
    del unsigned["validFrom"]
    return "sha256:" + hashlib.sha256(canonicalize_jcs(unsigned)).hexdigest()
