"""The words the endorser's review shows: every state is text, never colour alone."""

from __future__ import annotations

from collections import Counter

from lerkit.core.credentials.evidence import FILE, LINK, MATCHES, NOT_AT_HAND
from lerkit.services.endorsing import BundleReview, ClaimReview

HERE = "▶"  # marks the highlighted skill and the box or field that has the keyboard
RELATIONSHIPS = ["supervisor", "co-worker", "manager", "commanding officer", "officer",
                 "pastor", "teacher", "instructor", "coach", "mentor", "neighbour",
                 "customer", "volunteer coordinator"]


def who_text(review: BundleReview) -> str:
    """Who the worker is and whether the bundle verifies (two lines)."""
    name = review.holder_name or "(no name given)"
    count = len(review.claims)
    skills = f"{count} skill{'s' if count != 1 else ''}"
    if review.valid:
        verdict = f"bundle VERIFIES (every signature checked), {skills}"
    else:
        first = review.errors[0] if review.errors else "it does not verify"
        verdict = f"bundle DOES NOT VERIFY, so it cannot be endorsed: {first}"
    return f"Worker: {name}; {verdict}\nTheir key: {review.holder or 'unknown'}"


def first_status(review: BundleReview, signer: str) -> str:
    """The line under the form when the screen opens."""
    if not review.valid:
        return "This bundle does not verify, so it cannot be endorsed. Esc leaves."
    who = f"You sign as {signer}. " if signer else ""
    return f"{who}Space: choose the skill at {HERE}. Tab: next box."


def list_title(focused: bool, chosen: int, total: int) -> str:
    """The skills box's title: how many are chosen, and whether the keys go there."""
    counted = f"Skills: {chosen} of {total} chosen"
    return f"{HERE} {counted} (keys go here)" if focused else counted


def list_subtitle(focused: bool) -> str:
    """The keys of the skills box, while it has the focus."""
    return "↑↓ move · Space choose · Tab next box" if focused else "Shift+Tab: go here"


def detail_title(claim: ClaimReview | None, focused: bool) -> str:
    """The details box's title: which skill it is about."""
    about = f"About: {claim.skill}" if claim is not None else "About the skill"
    return f"{HERE} {about} (↑↓ scroll)" if focused else about


def field_label(name: str, focused: bool) -> str:
    """A field's label, marked when the field has the focus (a mark, not only a colour)."""
    return f"{HERE} {name}" if focused else f"  {name}"


def mode_line(same: bool) -> str:
    """The comment mode in words, with the key that switches it (no tick box to flip)."""
    if same:
        return "  One comment for every chosen skill. Ctrl+O: a comment per skill"
    return "  A comment per skill (the box follows the list). Ctrl+O: one for all"


def comment_name(same: bool, claim: ClaimReview | None) -> str:
    """The comment field's label."""
    if same or claim is None:
        return "Comment, for all: "
    return f"Comment on {claim.skill}: "


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


def claim_row(claim: ClaimReview, chosen: bool, here: bool = False) -> str:
    """A list row: where the keys are, chosen or not, the skill, its evidence in words."""
    mark = "[x] chosen    " if chosen else "[ ] not chosen"  # words, not colour
    return f"{HERE if here else ' '} {mark}  {claim.skill}: {evidence_summary(claim)}"


def claim_detail(claim: ClaimReview | None, comment: str = "") -> str:
    """Everything about the highlighted claim, the endorser's own comment first."""
    if claim is None:
        return "No skill is highlighted."
    lines = [f"Your comment: {comment}"] if comment.strip() else []
    if claim.description:
        lines.append(claim.description)
    if claim.narrative:
        lines.append(f"Their story: {claim.narrative}")
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
        lines.append("This skill DOES NOT VERIFY: " + "; ".join(claim.errors))
    return "\n".join(lines)  # no claim id: `ler endorse --claim` takes the skill name


def skill_list(names: list[str], limit: int = 60) -> str:
    """Skill names joined for one line, cut with a count when too long."""
    text = ", ".join(names)
    if len(text) <= limit:
        return text
    shown: list[str] = []
    for name in names:
        if len(", ".join([*shown, name])) > limit - 12:
            break
        shown.append(name)
    return f"{', '.join(shown)} and {len(names) - len(shown)} more"
