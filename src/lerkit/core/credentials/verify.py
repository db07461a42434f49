"""Verify a lerkit bundle (or any CLR 2.0 of OB 3.0 credentials) offline.

Checks the shape, every proof (the CLR's and each credential's, endorsements
too), that each issuer is the controller of its signing key, the validity
period against ``now``, each endorsement's digest binding to its claim, and with
an evidence folder each file's digest. A single claim credential, and an
endorser's file (a JSON array of EndorsementCredentials, or one of them), are
checked too; an endorsement's binding to its claim needs the bundle, so there
only its own proof, issuer and dates are checked. With a trust list, each self-attested
claim gets its tier from its valid endorsements. Never raises on hostile input:
every problem becomes an error string in the report.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from lerkit.core.credentials.checks import (
    CLR_CONTEXTS,
    OB_CONTEXTS,
    as_list,
    as_obj,
    as_str,
    check_context,
    check_credential,
    check_shape,
    issuer_id,
)
from lerkit.core.credentials.dates import now_utc
from lerkit.core.credentials.embedded import KnownHashes, known_hashes
from lerkit.core.credentials.endorsed import (
    apply_trust,
    attach_bundle_endorsements,
    check_embedded,
    endorsement_entry,
)
from lerkit.core.credentials.evidence import evidence_statuses
from lerkit.core.credentials.report import (
    KIND_CREDENTIAL,
    KIND_ENDORSEMENTS,
    TIER_SELF_ATTESTED,
    TIER_THIRD_PARTY,
    BundleReport,
    ClaimEntry,
)
from lerkit.core.credentials.trust import TrustList
from lerkit.core.i18n import _

__all__ = ["check_credential", "issuer_id", "verify_bundle"]

SINGLE_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential"})
ENDORSEMENT_TYPE = "EndorsementCredential"
MAX_ENDORSEMENTS = 10_000


def _claim(doc: Any, holder: str | None, folder: Path | None, now: datetime,
           known: KnownHashes | None = None) -> ClaimEntry:
    body = as_obj(doc)
    subject = as_obj(body.get("credentialSubject"))
    achievement = as_obj(subject.get("achievement"))
    entry = ClaimEntry(
        credential_id=as_str(body.get("id")), skill=as_str(achievement.get("name")), valid=False
    )
    if not body:
        entry.errors.append(_("credential is not a JSON object"))
        return entry
    errors = check_context(body, OB_CONTEXTS, "Open Badges")
    errors += check_shape(body, {"OpenBadgeCredential", "AchievementCredential"}, "credential")
    if "AchievementSubject" not in as_list(subject.get("type")) or not achievement:
        errors.append(_("credentialSubject must be an AchievementSubject with an achievement"))
    if holder is not None and subject.get("id") != holder:
        errors.append(_("credential is about someone other than the bundle's holder"))
    entry.tier = TIER_SELF_ATTESTED if issuer_id(body) == subject.get("id") else TIER_THIRD_PARTY
    errors += check_credential(body, now, known.of(body) if known else None)
    if folder is not None:
        errors += [s.problem for s in evidence_statuses(body, folder) if s.problem]
    entry.errors = errors
    check_embedded(entry, body, now, holder)
    entry.valid = not entry.errors
    return entry


def _verify_single(doc: dict[str, Any], folder: Path | None, now: datetime) -> BundleReport:
    holder = as_str(as_obj(doc.get("credentialSubject")).get("id"))
    entry = _claim(doc, holder, folder, now)
    return BundleReport(valid=entry.valid, holder=holder, bundle_id=entry.credential_id,
                        kind=KIND_CREDENTIAL, claims=[entry])


def _verify_endorsements(items: list[Any], now: datetime) -> BundleReport:
    report = BundleReport(valid=False, holder=None, kind=KIND_ENDORSEMENTS)
    if not items:
        report.errors.append(_("the file holds no endorsements"))
    elif len(items) > MAX_ENDORSEMENTS:
        report.errors.append(_("more than {limit} endorsements in one file")
                             .format(limit=MAX_ENDORSEMENTS))
        return report
    report.endorsements = [endorsement_entry(item, now, None) for item in items]
    seen = [e.credential_id for e in report.endorsements]
    if len(set(seen)) != len(seen):
        report.errors.append(_("two endorsements in the file have the same id"))
    report.valid = not report.errors and all(e.valid for e in report.endorsements)
    return report


def _verify(doc: Any, folder: Path | None, now: datetime) -> BundleReport:
    if isinstance(doc, list):
        return _verify_endorsements(doc, now)
    if not isinstance(doc, dict):
        return BundleReport(valid=False, holder=None, errors=[_("bundle is not a JSON object")])
    types = as_list(doc.get("type"))
    if "ClrCredential" not in types and SINGLE_TYPES & set(types):
        return _verify_single(doc, folder, now)
    if "ClrCredential" not in types and ENDORSEMENT_TYPE in types:
        return _verify_endorsements([doc], now)
    subject = as_obj(doc.get("credentialSubject"))
    holder = as_str(subject.get("id")) or issuer_id(doc)
    report = BundleReport(valid=False, holder=holder, bundle_id=as_str(doc.get("id")))
    report.errors += check_context(doc, CLR_CONTEXTS, "CLR 2.0")
    report.errors += check_shape(doc, {"ClrCredential"}, "bundle")
    if "ClrSubject" not in as_list(subject.get("type")):
        report.errors.append(_("credentialSubject must be a ClrSubject"))
    if holder != issuer_id(doc):
        report.errors.append(_("the bundle's issuer is not its holder"))
    credentials = subject.get("verifiableCredential")
    if not isinstance(credentials, list) or not credentials:
        report.errors.append(_("credentialSubject.verifiableCredential must list credentials"))
        credentials = []
    known = known_hashes(doc)  # the CLR's dataset from its credentials', where that is exact
    report.errors += check_credential(doc, now, known.of(doc))
    report.claims = [_claim(item, holder, folder, now, known) for item in credentials]
    seen = [claim.credential_id for claim in report.claims]
    if len(set(seen)) != len(seen):
        report.errors.append(_("two credentials in the bundle have the same id"))
    by_id = {
        c["id"]: c for c in credentials if isinstance(c, dict) and isinstance(c.get("id"), str)
    }
    attach_bundle_endorsements(report, doc, by_id, now)
    report.valid = (
        not report.errors
        and all(claim.valid for claim in report.claims)
        and all(endorsement.valid for endorsement in report.endorsements)
    )
    return report


def verify_bundle(
    doc: Any,
    evidence_dir: Path | str | None = None,
    now: datetime | None = None,
    trust: TrustList | None = None,
) -> BundleReport:
    """Check a signed bundle; the report lists every problem. Never raises.

    A single OpenBadgeCredential is accepted too and reported as a one-claim bundle.
    ``trust`` (a trust list) decides each endorsed claim's tier; without one, every
    endorser is unknown.
    """
    try:
        moment = now or now_utc()
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        folder = Path(evidence_dir) if evidence_dir is not None else None
        report = _verify(doc, folder, moment)
        apply_trust(report, trust)
        return report
    except Exception as exc:  # the last guard: hostile input never escapes as an exception
        return BundleReport(
            valid=False,
            holder=None,
            errors=[_("bundle could not be checked ({error})").format(error=type(exc).__name__)],
        )
