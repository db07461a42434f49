"""The endorser's side: review a worker's bundle, then sign endorsements of some claims.

The endorser's output file is a JSON array of signed EndorsementCredentials (one per
endorsed claim); the worker's bundle is never rewritten. The file is read back and
verified (each proof, and each endorsement's binding to its claim) before it takes
its name; one that fails is not left behind.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lerkit.core.credentials.checks import as_list, as_obj, as_str
from lerkit.core.credentials.dates import format_datetime, now_utc
from lerkit.core.credentials.endorsement import build_endorsement
from lerkit.core.credentials.evidence import EvidenceStatus, evidence_statuses
from lerkit.core.credentials.proofs import sign_document
from lerkit.core.credentials.verify import verify_bundle
from lerkit.core.credentials.written import check_written_endorsements
from lerkit.core.errors import BadInputError, CheckFailedError, NotFoundError
from lerkit.core.i18n import _
from lerkit.services import endorsers
from lerkit.services.bundles import BUNDLE_LIMIT, read_bundle, write_atomically
from lerkit.services.context import Lerkit
from lerkit.storage import audit


@dataclass(frozen=True)
class ClaimReview:
    """One claim as the endorser sees it."""

    credential_id: str
    skill: str
    description: str
    narrative: str
    valid: bool
    evidence: list[EvidenceStatus] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    endorsed_by: list[str] = field(default_factory=list)

    @property
    def evidence_problem(self) -> str | None:
        """Why the evidence at hand disagrees with the claim, if it does."""
        bad = [item for item in self.evidence if item.ok is False]
        return _("evidence {name!r}: {status}").format(name=bad[0].name,
                                                       status=_(bad[0].status)) if bad else None


@dataclass(frozen=True)
class BundleReview:
    """Who the worker is, whether the bundle verifies, and each claim."""

    path: Path
    holder: str | None
    holder_name: str
    bundle_id: str | None
    valid: bool
    errors: list[str]
    claims: list[ClaimReview]
    evidence_dir: Path
    credentials: dict[str, dict[str, Any]] = field(repr=False, default_factory=dict)

    def claim(self, credential_id: str) -> ClaimReview | None:
        """The claim with this credential id, if the bundle has it."""
        return next((c for c in self.claims if c.credential_id == credential_id), None)


def review_bundle(path: Path, evidence_dir: Path | None = None) -> BundleReview:
    """Read and verify a bundle; evidence files are looked for next to it or in ``evidence_dir``."""
    if evidence_dir is not None and not evidence_dir.is_dir():
        raise BadInputError(_("{path}: not a folder").format(path=evidence_dir))
    folder = evidence_dir or path.resolve().parent
    doc = read_bundle(path)
    report = verify_bundle(doc)
    body = as_obj(doc)
    inner = [as_obj(c) for c in as_list(as_obj(body.get("credentialSubject"))
                                         .get("verifiableCredential"))]
    credentials = {str(c["id"]): c for c in inner if as_str(c.get("id"))}
    claims = []
    for entry in report.claims:
        credential = credentials.get(entry.credential_id or "", {})
        subject = as_obj(credential.get("credentialSubject"))
        achievement = as_obj(subject.get("achievement"))
        claims.append(ClaimReview(
            credential_id=entry.credential_id or "", skill=entry.skill or _("(no skill name)"),
            description=as_str(achievement.get("description")) or "",
            narrative=as_str(subject.get("narrative")) or "", valid=entry.valid,
            evidence=evidence_statuses(credential, folder), errors=list(entry.errors),
            endorsed_by=[e.who for e in entry.endorsements if e.valid],
        ))
    return BundleReview(
        path=path, holder=report.holder, holder_name=as_str(as_obj(body.get("issuer")).get("name"))
        or "", bundle_id=report.bundle_id, valid=report.valid, errors=report.all_errors(),
        claims=claims, evidence_dir=folder, credentials=credentials,
    )


@dataclass(frozen=True)
class EndorseResult:
    """What was signed and where it went."""

    path: Path
    endorser: str
    endorsements: list[dict[str, Any]]


def _chosen(review: BundleReview, claim_ids: Sequence[str]) -> list[ClaimReview]:
    if not review.valid:
        first = review.errors[0] if review.errors else _("it does not verify")
        raise CheckFailedError(_("{path} does not verify, so it cannot be endorsed: {problem}")
                               .format(path=review.path, problem=first))
    if not claim_ids:
        raise BadInputError(_("choose at least one claim to endorse"))
    missing = [cid for cid in claim_ids if review.claim(cid) is None]
    if missing:
        raise NotFoundError(_("not a claim in this bundle: {ids} (use the claim ids that "
                              "`ler verify --json` shows)").format(ids=", ".join(missing)))
    chosen = [c for c in review.claims if c.credential_id in set(claim_ids)]
    for claim in chosen:
        if claim.evidence_problem:
            raise CheckFailedError(_("{skill}: {problem}; not endorsed")
                                   .format(skill=claim.skill, problem=claim.evidence_problem))
    return chosen


def endorse(ler: Lerkit, review: BundleReview, out: Path, passphrase: str, *,
            claim_ids: Sequence[str], relationship: str, comment: str = "",
            comments: Mapping[str, str] | None = None) -> EndorseResult:
    """Sign one endorsement per chosen claim and write them, as a JSON array, to ``out``.

    The file is verified as read back; WrittenFileError (exit 4) if it does not verify.
    """
    chosen = _chosen(review, claim_ids)
    if out.resolve() == review.path.resolve():
        raise BadInputError(_("the endorsements go to their own file, not over the bundle"))
    profile, identity = endorsers.unlock_endorser(ler, passphrase)
    if identity.did == review.holder:
        raise BadInputError(_("this is your own record: nobody can endorse their own claims"))
    stamp = format_datetime(now_utc())
    signed = []
    for claim in chosen:
        text = (comments or {}).get(claim.credential_id, comment)
        unsigned = build_endorsement(
            profile, review.credentials[claim.credential_id], relationship=relationship,
            comment=text, valid_from=stamp, worker_name=review.holder_name,
        )
        signed.append(sign_document(unsigned, identity, created=stamp))
    data = json.dumps(signed, indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    endorsed = {c.credential_id: review.credentials[c.credential_id] for c in chosen}

    def check(written: Path) -> None:
        check_written_endorsements(written, data, endorsed, name=out, limit=BUNDLE_LIMIT)

    write_atomically(out, data, check)
    with ler.transaction() as session:
        audit.record(session=session, actor=ler.actor, action="endorse", entity="bundle",
                     entity_id=review.bundle_id or str(review.path),
                     detail={"claims": len(signed), "endorser": identity.did})
    return EndorseResult(out, identity.did, signed)
