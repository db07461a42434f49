"""Checking the endorsements in a bundle, and the tier each claim reaches.

lerkit puts endorsements in the CLR's ``endorsement`` array, next to the claim
credentials, so an endorsed claim credential stays byte-identical. An endorsement
of a claim counts only if its own proof verifies, its issuer is the signer, the
issuer is not the person themself, and its digest matches the claim credential
it names in this bundle.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from lerkit.core.credentials.checks import (
    OB_CONTEXTS,
    as_list,
    as_obj,
    as_str,
    check_context,
    check_credential,
    check_shape,
    issuer_id,
)
from lerkit.core.credentials.endorsement import (
    binding_errors,
    comment_of,
    organization_of,
    relationship_of,
)
from lerkit.core.credentials.report import (
    STANDING_UNKNOWN,
    TIER_THIRD_PARTY,
    BundleReport,
    ClaimEntry,
    EndorsementEntry,
)
from lerkit.core.credentials.trust import TrustList, tier_for
from lerkit.core.i18n import N_, _

SELF_ENDORSED = N_("issued by the person's own key: nobody can endorse their own claims")


def endorsement_entry(doc: Any, now: datetime, holder: str | None) -> EndorsementEntry:
    """Check one endorsement on its own: shape, proof, issuer == signer, not the holder."""
    body = as_obj(doc)
    issuer = as_obj(body.get("issuer"))
    if not body:
        errors = [_("endorsement is not a JSON object")]
    else:
        errors = check_context(body, OB_CONTEXTS, "Open Badges")
        errors += check_shape(body, {"EndorsementCredential"}, "endorsement")
        errors += check_credential(body, now)
        if holder is not None and issuer_id(body) == holder:
            errors.append(_(SELF_ENDORSED))
    return EndorsementEntry(
        credential_id=as_str(body.get("id")),
        endorser=issuer_id(body),
        endorser_name=as_str(issuer.get("name")),
        subject_id=as_str(as_obj(body.get("credentialSubject")).get("id")),
        valid=not errors,
        comment=comment_of(body),
        errors=errors,
        relationship=relationship_of(body),
        organization=organization_of(body),
    )


def _bind(entry: EndorsementEntry, doc: Any, credential: Mapping[str, Any]) -> None:
    if isinstance(doc, dict):
        entry.errors += binding_errors(doc, credential, exact=True)
    entry.valid = not entry.errors


def _fail_claim(claim: ClaimEntry, entry: EndorsementEntry) -> None:
    reason = entry.errors[0] if entry.errors else _("not valid")
    claim.errors.append(_("endorsement {id!r} by {who} does not verify: {reason}")
                        .format(id=entry.credential_id, who=entry.who, reason=reason))
    claim.valid = False


REPEATED = N_("repeats an endorsement already in this file (the same one, or the same "
              "endorser for the same claim): it is counted once, and the file is refused")
REPEATED_BY = N_("endorsement {id!r} by {who} repeats an endorsement already in this file "
                 "(the same one, or the same endorser for the same claim): it is counted "
                 "once, and the file is refused")


def _repeated(seen: set[object], entry: EndorsementEntry) -> bool:
    """Whether ``entry`` repeats one seen before (same id, or same endorser and subject);
    remembers it either way."""
    keys = {("id", entry.credential_id), ("pair", entry.endorser, entry.subject_id)}
    again = bool(keys & seen)
    seen.update(keys)
    return again


def check_embedded(claim: ClaimEntry, credential: Mapping[str, Any], now: datetime,
                   holder: str | None) -> None:
    """Endorsements embedded in a claim credential's own ``endorsement`` array."""
    seen: set[object] = set()
    for item in as_list(credential.get("endorsement")):
        entry = endorsement_entry(item, now, holder)
        if entry.subject_id != claim.credential_id:
            entry.errors.append(_("endorses something other than this credential"))
        if _repeated(seen, entry):
            claim.errors.append(_(REPEATED_BY).format(id=entry.credential_id, who=entry.who))
            claim.valid = False
            continue
        _bind(entry, item, credential)
        claim.endorsements.append(entry)
        if not entry.valid:
            _fail_claim(claim, entry)


def attach_bundle_endorsements(report: BundleReport, doc: Mapping[str, Any],
                               credentials: Mapping[str, Mapping[str, Any]],
                               now: datetime) -> None:
    """The CLR's ``endorsement`` array: each goes to the claim it names, or the bundle."""
    claims = {claim.credential_id: claim for claim in report.claims if claim.credential_id}
    seen: set[object] = set()
    for item in as_list(doc.get("endorsement")):
        entry = endorsement_entry(item, now, report.holder)
        target = entry.subject_id
        if _repeated(seen, entry):
            entry.errors.append(_(REPEATED))
            entry.valid = False
            if target in claims:
                claims[target].errors.append(_(REPEATED_BY).format(id=entry.credential_id,
                                                                   who=entry.who))
                claims[target].valid = False
            else:
                report.endorsements.append(entry)
            continue
        if target is not None and target in claims and target in credentials:
            _bind(entry, item, credentials[target])
            claims[target].endorsements.append(entry)
            if not entry.valid:
                _fail_claim(claims[target], entry)
            continue
        if target != report.holder:
            entry.errors.append(_("endorses {target!r}, which is not in this bundle")
                                .format(target=target))
            entry.valid = False
        report.endorsements.append(entry)


def _judge(entry: EndorsementEntry, trust: TrustList | None) -> None:
    found = trust.match(entry.endorser, entry.organization) if trust is not None else None
    entry.standing = found.standing if found is not None else STANDING_UNKNOWN
    entry.trusted_as = found.name if found is not None else None


def apply_trust(report: BundleReport, trust: TrustList | None) -> None:
    """Each endorsement's standing in the trust list, and each claim's tier."""
    for entry in report.endorsements:
        _judge(entry, trust)
    for claim in report.claims:
        for entry in claim.endorsements:
            _judge(entry, trust)
        if claim.tier != TIER_THIRD_PARTY:
            claim.tier = tier_for(e.standing for e in claim.endorsements if e.valid)
