"""The words the screens show for skills, statuses and experiences (no colour needed)."""

from __future__ import annotations

from collections.abc import Sequence

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


def why(m: Match) -> str:
    """Why a skill matched, in the person's own words (see :attr:`Match.why`)."""
    return m.why


SOURCES = {"lerkit": "", "onet-dwa": "O*NET work activity"}


def source(m: Match) -> str:
    """Where a suggestion comes from, for the ones not in lerkit's own taxonomy."""
    return SOURCES.get(m.taxonomy, m.taxonomy)


def match_line(m: Match) -> str:
    """The score, the skill and where it comes from, then why it matched."""
    origin = f"  ({source(m)})" if source(m) else ""
    return f"score {m.score:3.0f}  {m.label}{origin}\n    why: {why(m)}"


def plural(n: int, word: str) -> str:
    """"1 skill", "2 skills"."""
    return f"{n} {word}" + ("" if n == 1 else "s")


def claim_line(claim: ClaimRecord, endorsed_by: Sequence[str] = ()) -> str:
    """A claim on the review screen: status in words and name; how well, evidence and
    who endorsed it."""
    line = f"{STATUS_WORDS[claim.status]:<11} {claim.label}"
    if claim.status == ClaimStatus.ACCEPTED:
        line += f"\n            {how_well(claim.proficiency)} · evidence: {len(claim.evidence)}"
        if endorsed_by:
            line += f"\n            endorsed by {'; '.join(endorsed_by)}"
    return line


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
    area = exp.life_area.value.replace("-", " ").upper()
    bits = [b for b in (exp.title, exp.organization, exp.place, period(exp)) if b]
    head = f"{area}: " + " · ".join(bits)
    return head + (f" · {notes} notes" if notes else "")
