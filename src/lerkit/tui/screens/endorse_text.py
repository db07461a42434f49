"""The words the endorser's review shows: every state is text, never colour alone."""

from __future__ import annotations

from collections import Counter

from lerkit.core.credentials.evidence import FILE, LINK, MATCHES, NOT_AT_HAND
from lerkit.services.endorsing import BundleReview, ClaimReview


def who_text(review: BundleReview) -> str:
    """Who the worker is and whether the bundle verifies."""
    name = review.holder_name or "(no name given)"
    count = len(review.claims)
    if review.valid:
        verdict = f"bundle VERIFIES (every signature checked, {count} claims)"
    else:
        first = review.errors[0] if review.errors else "it does not verify"
        verdict = f"bundle DOES NOT VERIFY, so it cannot be endorsed: {first}"
    return f"Worker: {name}; {verdict}\nDID: {review.holder or 'unknown'}"


def same_label(same: bool) -> str:
    """The comment-mode checkbox says its state in words."""
    if same:
        return "One comment for all chosen claims: YES"
    return "One comment for all chosen claims: NO, one per claim (follows the list)"


def evidence_summary(claim: ClaimReview) -> str:
    """One short phrase about a claim's evidence."""
    if not claim.evidence:
        return "no evidence"
    if claim.evidence_problem:
        return "evidence file DOES NOT MATCH"
    counts: Counter[str] = Counter()
    for item in claim.evidence:
        if item.kind == FILE:
            counts["file matches" if item.status == MATCHES else "file not checked"] += 1
        else:
            counts["link" if item.kind == LINK else "note"] += 1
    return ", ".join(f"{n} {what}" for what, n in sorted(counts.items()))


def claim_row(claim: ClaimReview, chosen: bool) -> str:
    """A list row: chosen or not, the skill, the evidence in words."""
    mark = "[x] chosen    " if chosen else "[ ] not chosen"  # words, not colour
    return f"{mark}  {claim.skill}: {evidence_summary(claim)}"


def claim_detail(claim: ClaimReview | None) -> str:
    """Everything about the highlighted claim."""
    if claim is None:
        return "No claim is highlighted."
    lines = [f"Now on: {claim.skill}", f"Claim id: {claim.credential_id}"]
    if claim.description:
        lines.append(claim.description)
    if claim.narrative:
        lines.append(claim.narrative)
    if claim.evidence:
        lines.append("Evidence:")
    for item in claim.evidence:
        status = item.status
        if item.kind == FILE and item.status == NOT_AT_HAND:
            status = f"{status}; put the file next to the bundle or use --evidence"
        where = f" <{item.link}>" if item.link else ""
        lines.append(f"  - {item.name}{where}: {status}")
        if item.narrative:
            lines.append(f"    {item.narrative}")
    if claim.endorsed_by:
        lines.append("Already endorsed by: " + "; ".join(claim.endorsed_by))
    if not claim.valid:
        lines.append("This claim DOES NOT VERIFY: " + "; ".join(claim.errors))
    return "\n".join(lines)
