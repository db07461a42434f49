"""The words the screens show for skills, statuses and experiences (no colour needed)."""

from __future__ import annotations

from lerkit.core.matching.types import Match
from lerkit.core.records import ClaimRecord, ClaimStatus, ExperienceRecord, Proficiency

STATUS_WORDS = {
    ClaimStatus.ACCEPTED: "ACCEPTED",
    ClaimStatus.SUGGESTED: "suggested",
    ClaimStatus.REJECTED: "turned down",
}
PROFICIENCY_ORDER = (Proficiency.WITH_HELP, Proficiency.ON_MY_OWN, Proficiency.TAUGHT_OR_LED)


def next_proficiency(current: Proficiency | None) -> Proficiency:
    """The next step of "with help" → "on my own" → "taught or led others" → "with help"."""
    if current is None:
        return PROFICIENCY_ORDER[0]
    return PROFICIENCY_ORDER[(PROFICIENCY_ORDER.index(current) + 1) % len(PROFICIENCY_ORDER)]


def how_well(proficiency: Proficiency | None) -> str:
    """"how well: on my own", or a hint when it is not set."""
    return f"how well: {proficiency.plain}" if proficiency else "how well: not set (press p)"


def match_line(m: Match) -> str:
    """Two lines: the score and the skill, then why it matched."""
    return f"score {m.score:3.0f}  {m.label}\n    why: {m.why}"


def claim_line(claim: ClaimRecord) -> str:
    """One claim on the review screen: its status in words, name, how well, evidence."""
    status = STATUS_WORDS[claim.status]
    parts = [f"{status:<11} {claim.label}"]
    if claim.status == ClaimStatus.ACCEPTED:
        parts.append(how_well(claim.proficiency))
        parts.append(f"evidence: {len(claim.evidence)}")
    return " · ".join(parts)


def period(exp: ExperienceRecord) -> str:
    """"2008 to summer 2016", "since 2016", or ""."""
    start, end = exp.started or "", "now" if exp.ongoing else (exp.ended or "")
    if start and end:
        return f"{start} to {end}"
    if start:
        return f"since {start}"
    return f"until {end}" if end else ""


def experience_line(exp: ExperienceRecord, notes: int = 0) -> str:
    """A heading for one experience."""
    area = exp.life_area.value.replace("-", " ").capitalize()
    bits = [b for b in (exp.title, exp.organization, exp.place, period(exp)) if b]
    head = f"{area}: " + " · ".join(bits)
    return head + (f" · {notes} notes" if notes else "")
