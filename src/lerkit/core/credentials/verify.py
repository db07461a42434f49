"""Verify a lerkit bundle (or any CLR 2.0 of OB 3.0 credentials) offline.

Checks the shape, every proof (the CLR's and each credential's, endorsements
too), that each issuer is the controller of its signing key, the validity
period against ``now``, and with an evidence folder each file's digest. Never
raises on hostile input: every problem becomes an error string in the report.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lerkit.core.credentials.canon import is_absolute_iri
from lerkit.core.credentials.dates import now_utc, parse_datetime_stamp
from lerkit.core.credentials.digests import (
    check_evidence_file,
    parse_digest_multibase,
    parse_digest_sri,
)
from lerkit.core.credentials.loader import CLR_V2, VC_V2
from lerkit.core.credentials.proofs import verify_proofs
from lerkit.core.credentials.report import (
    TIER_SELF_ATTESTED,
    TIER_THIRD_PARTY,
    BundleReport,
    ClaimEntry,
    EndorsementEntry,
)
from lerkit.core.errors import LerError

CLR_CONTEXTS = frozenset({CLR_V2, "https://purl.imsglobal.org/spec/clr/v2p0/context.json"})
OB_CONTEXTS = frozenset(
    {
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
    }
)

SINGLE_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential"})
ALLOWED_CONTEXTS = (
    CLR_CONTEXTS
    | OB_CONTEXTS
    | {
        VC_V2,
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
    }
)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def issuer_id(credential: Mapping[str, Any]) -> str | None:
    """The issuer's id, whether ``issuer`` is a string or a Profile."""
    issuer = credential.get("issuer")
    return _str(issuer.get("id")) if isinstance(issuer, dict) else _str(issuer)


def _check_context(doc: Mapping[str, Any], needed: frozenset[str], what: str) -> list[str]:
    context = doc.get("@context")
    if not isinstance(context, list) or not context or context[0] != VC_V2:
        return [f"@context must be a list starting with {VC_V2}"]
    if not all(isinstance(entry, str) for entry in context):
        return ["@context may only list context URLs"]
    unexpected = [entry for entry in context if entry not in ALLOWED_CONTEXTS]
    if unexpected:
        return [f"@context lists {unexpected[0]!r}, not a VC 2.0, CLR 2.0 or OB 3.0 context"]
    if not needed & set(context):
        return [f"@context lacks the {what} context"]
    return []


def _check_shape(doc: Mapping[str, Any], kinds: set[str], what: str) -> list[str]:
    errors: list[str] = []
    types = _list(doc.get("type"))
    if "VerifiableCredential" not in types or not kinds & set(types):
        errors.append(f"type must include VerifiableCredential and {' or '.join(sorted(kinds))}")
    if not is_absolute_iri(doc.get("id")):
        errors.append(f"{what} id is missing or not an absolute IRI")
    if issuer_id(doc) is None:
        errors.append("issuer is missing")
    if not isinstance(doc.get("credentialSubject"), dict):
        errors.append("credentialSubject is missing or not an object")
    return errors


def _check_period(doc: Mapping[str, Any], now: datetime) -> list[str]:
    errors: list[str] = []
    start = parse_datetime_stamp(doc.get("validFrom"))
    end = parse_datetime_stamp(doc.get("validUntil"))
    if start is None:
        errors.append("validFrom is missing or not a dateTime with a timezone")
    elif now < start:
        errors.append(f"not valid yet (validFrom {doc.get('validFrom')})")
    if "validUntil" in doc and end is None:
        errors.append("validUntil is not a dateTime with a timezone")
    if end is not None and now > end:
        errors.append(f"expired (validUntil {doc.get('validUntil')})")
    if start is not None and end is not None and start > end:
        errors.append("validFrom is later than validUntil")
    return errors


def _check_signatures(doc: Mapping[str, Any], now: datetime) -> list[str]:
    errors: list[str] = []
    issuer = issuer_id(doc)
    for number, result in enumerate(verify_proofs(doc, now=now), start=1):
        if not result.ok:
            errors.append(f"proof {number}: {result.reason}")
        elif result.controller != issuer:
            errors.append(
                f"proof {number}: issuer {issuer!r} is not the signer {result.controller!r}"
            )
    return errors


def check_credential(doc: Any, now: datetime) -> list[str]:
    """Shape-independent checks for any VC: validity period, proofs, issuer == signer."""
    if not isinstance(doc, dict):
        return ["credential is not a JSON object"]
    return _check_period(doc, now) + _check_signatures(doc, now)


def _endorsement(doc: Any, now: datetime) -> EndorsementEntry:
    body = _obj(doc)
    issuer = _obj(body.get("issuer"))
    subject = _obj(body.get("credentialSubject"))
    errors = _check_context(body, OB_CONTEXTS, "Open Badges") if body else []
    if body and "EndorsementCredential" not in _list(body.get("type")):
        errors.append("type must include EndorsementCredential")
    errors += check_credential(doc, now)
    return EndorsementEntry(
        credential_id=_str(body.get("id")),
        endorser=issuer_id(body),
        endorser_name=_str(issuer.get("name")),
        subject_id=_str(subject.get("id")),
        valid=not errors,
        comment=_str(subject.get("endorsementComment")),
        errors=errors,
    )


def _evidence_errors(doc: Mapping[str, Any], folder: Path) -> list[str]:
    errors: list[str] = []
    for item in _list(doc.get("evidence")):
        evidence = _obj(item)
        expected = []
        try:
            if "digestMultibase" in evidence:
                expected.append(parse_digest_multibase(evidence["digestMultibase"]))
            if "digestSRI" in evidence:
                expected.append(parse_digest_sri(evidence["digestSRI"]))
        except LerError as exc:
            errors.append(f"evidence {evidence.get('name')!r}: {exc.message}")
            continue
        link = _str(evidence.get("id")) or ""
        if not expected or link.startswith(("http://", "https://")):
            continue  # a note, or a web page lerkit does not fetch
        problem = check_evidence_file(folder, evidence.get("name"), expected)
        if problem:
            errors.append(problem)
    return errors


def _claim(doc: Any, holder: str | None, folder: Path | None, now: datetime) -> ClaimEntry:
    body = _obj(doc)
    subject = _obj(body.get("credentialSubject"))
    achievement = _obj(subject.get("achievement"))
    entry = ClaimEntry(
        credential_id=_str(body.get("id")), skill=_str(achievement.get("name")), valid=False
    )
    if not body:
        entry.errors.append("credential is not a JSON object")
        return entry
    errors = _check_context(body, OB_CONTEXTS, "Open Badges")
    errors += _check_shape(body, {"OpenBadgeCredential", "AchievementCredential"}, "credential")
    if "AchievementSubject" not in _list(subject.get("type")) or not achievement:
        errors.append("credentialSubject must be an AchievementSubject with an achievement")
    if holder is not None and subject.get("id") != holder:
        errors.append("credential is about someone other than the bundle's holder")
    entry.tier = TIER_SELF_ATTESTED if issuer_id(body) == subject.get("id") else TIER_THIRD_PARTY
    errors += check_credential(body, now)
    if folder is not None:
        errors += _evidence_errors(body, folder)
    for item in _list(body.get("endorsement")):
        endorsement = _endorsement(item, now)
        if endorsement.subject_id != entry.credential_id:
            endorsement.errors.append("endorses something other than this credential")
            endorsement.valid = False
        if not endorsement.valid:
            errors.append(f"endorsement {endorsement.credential_id!r} does not verify")
        entry.endorsements.append(endorsement)
    entry.errors = errors
    entry.valid = not errors
    return entry


def _verify_single(doc: dict[str, Any], folder: Path | None, now: datetime) -> BundleReport:
    holder = _str(_obj(doc.get("credentialSubject")).get("id"))
    entry = _claim(doc, holder, folder, now)
    return BundleReport(
        valid=entry.valid, holder=holder, bundle_id=entry.credential_id, claims=[entry]
    )


def _verify(doc: Any, folder: Path | None, now: datetime) -> BundleReport:
    if not isinstance(doc, dict):
        return BundleReport(valid=False, holder=None, errors=["bundle is not a JSON object"])
    types = _list(doc.get("type"))
    if "ClrCredential" not in types and SINGLE_TYPES & set(types):
        return _verify_single(doc, folder, now)
    subject = _obj(doc.get("credentialSubject"))
    holder = _str(subject.get("id")) or issuer_id(doc)
    report = BundleReport(valid=False, holder=holder, bundle_id=_str(doc.get("id")))
    report.errors += _check_context(doc, CLR_CONTEXTS, "CLR 2.0")
    report.errors += _check_shape(doc, {"ClrCredential"}, "bundle")
    if "ClrSubject" not in _list(subject.get("type")):
        report.errors.append("credentialSubject must be a ClrSubject")
    if holder != issuer_id(doc):
        report.errors.append("the bundle's issuer is not its holder")
    credentials = subject.get("verifiableCredential")
    if not isinstance(credentials, list) or not credentials:
        report.errors.append("credentialSubject.verifiableCredential must list credentials")
        credentials = []
    report.errors += check_credential(doc, now)
    report.claims = [_claim(item, holder, folder, now) for item in credentials]
    seen = [claim.credential_id for claim in report.claims]
    if len(set(seen)) != len(seen):
        report.errors.append("two credentials in the bundle have the same id")
    report.endorsements = [_endorsement(item, now) for item in _list(doc.get("endorsement"))]
    report.valid = (
        not report.errors
        and all(claim.valid for claim in report.claims)
        and all(endorsement.valid for endorsement in report.endorsements)
    )
    return report


def verify_bundle(
    doc: Any, evidence_dir: Path | str | None = None, now: datetime | None = None
) -> BundleReport:
    """Check a signed bundle; the report lists every problem. Never raises.

    A single OpenBadgeCredential is accepted too and reported as a one-claim bundle.
    """
    try:
        moment = now or now_utc()
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        folder = Path(evidence_dir) if evidence_dir is not None else None
        return _verify(doc, folder, moment)
    except Exception as exc:  # the last guard: hostile input never escapes as an exception
        holder = None
        return BundleReport(
            valid=False,
            holder=holder,
            errors=[f"bundle could not be checked ({type(exc).__name__})"],
        )
