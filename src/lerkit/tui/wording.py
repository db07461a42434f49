"""The words the screens show for skills, statuses and experiences (no colour needed),
in the language spoken (the tables are English, marked with ``N_()``)."""

from __future__ import annotations

from collections.abc import Sequence

from lerkit.core.i18n import N_, _, ngettext
from lerkit.core.interview import Step
from lerkit.core.matching.types import Match
from lerkit.core.records import (
    ClaimRecord,
    ClaimStatus,
    ExperienceRecord,
    LifeArea,
    Proficiency,
)

STATUS_WORDS = {
    ClaimStatus.ACCEPTED: N_("ACCEPTED"),
    ClaimStatus.SUGGESTED: N_("suggested"),
    ClaimStatus.REJECTED: N_("turned down"),
}
LEVEL_WORDS = {
    Proficiency.WITH_HELP: N_("with help"),
    Proficiency.ON_MY_OWN: N_("on my own"),
    Proficiency.TAUGHT_OR_LED: N_("taught or led others"),
}
AREA_WORDS = {
    LifeArea.PAID_WORK: N_("PAID WORK"),
    LifeArea.MILITARY: N_("MILITARY"),
    LifeArea.CAREGIVING: N_("CAREGIVING"),
    LifeArea.VOLUNTEERING: N_("VOLUNTEERING"),
    LifeArea.FAITH: N_("FAITH"),
    LifeArea.FUNDRAISING: N_("FUNDRAISING"),
    LifeArea.SMALL_BUSINESS: N_("SMALL BUSINESS"),
    LifeArea.SELF_TAUGHT: N_("SELF-TAUGHT"),
    LifeArea.EDUCATION: N_("EDUCATION"),
    LifeArea.CREATIVE: N_("CREATIVE"),
    LifeArea.HOUSEHOLD: N_("HOUSEHOLD"),
    LifeArea.OTHER: N_("OTHER"),
}
PROFICIENCY_ORDER = (Proficiency.WITH_HELP, Proficiency.ON_MY_OWN, Proficiency.TAUGHT_OR_LED)


def next_proficiency(current: Proficiency | None, accepted: bool = True) -> Proficiency | None:
    """The next step of "with help" → "on my own" → "taught or led others" → not set →
    "with help"; a skill not accepted yet starts at "with help"."""
    if current is None or not accepted:
        return PROFICIENCY_ORDER[0]
    at = PROFICIENCY_ORDER.index(current) + 1
    return PROFICIENCY_ORDER[at] if at < len(PROFICIENCY_ORDER) else None


def in_sentence(name: str) -> str:
    """A skill's name inside a sentence that ends on its own: without the name's own full
    stop (O*NET's activity titles have one), so "Turned down: Prescribe medications."
    does not end in two."""
    return name.removesuffix(".")


def level_words(proficiency: Proficiency) -> str:
    """"on my own", in the language spoken."""
    return _(LEVEL_WORDS[proficiency])


def status_words(status: ClaimStatus) -> str:
    """"ACCEPTED", "suggested" or "turned down", in the language spoken."""
    return _(STATUS_WORDS[status])


def area_words(area: LifeArea) -> str:
    """A part of life in capitals ("PAID WORK"), in the language spoken."""
    return _(AREA_WORDS[area])


def how_well(proficiency: Proficiency | None) -> str:
    """"how well: on my own", or a hint when it is not set."""
    if proficiency is None:
        return _("how well: not set (press p)")
    return _("how well: {level}").format(level=level_words(proficiency))


def why(m: Match) -> str:
    """Why a skill matched, in the person's own words (see :attr:`Match.why`)."""
    return m.why


SOURCES = {"lerkit": "", "onet-dwa": N_("O*NET")}  # before the name: never cut off


def source(m: Match) -> str:
    """Where a suggestion comes from, for the ones not in lerkit's own taxonomy."""
    return _(SOURCES.get(m.taxonomy, m.taxonomy))


def score_words(score: float) -> str:
    """"score  78"."""
    return _("score {score}").format(score=f"{score:3.0f}")


def why_words(m: Match) -> str:
    """"why: ..." (why the skill matched)."""
    return _("why: {why}").format(why=why(m))


def match_line(m: Match) -> str:
    """The score, the skill and where it comes from, then why it matched."""
    origin = f"{source(m)}: " if source(m) else ""
    return f"{score_words(m.score)}  {origin}{m.label}\n    {why_words(m)}"


def claim_line(claim: ClaimRecord, endorsed_by: Sequence[str] = ()) -> str:
    """A claim on the review screen: status in words and name; how well, evidence and
    who endorsed it."""
    line = f"{status_words(claim.status):<11} {claim.label}"
    if claim.status == ClaimStatus.ACCEPTED:
        line += "\n            " + _("{how_well} · evidence: {count}").format(
            how_well=how_well(claim.proficiency), count=len(claim.evidence))
        if endorsed_by:
            line += "\n            " + _("endorsed by {names}").format(
                names="; ".join(endorsed_by))
    return line


def period(exp: ExperienceRecord) -> str:
    """"2008 to summer 2016", "2016 to now", "from 2016" (an end not known), or ""."""
    start, end = exp.started or "", _("now") if exp.ongoing else (exp.ended or "")
    if start and end:
        return _("{start} to {end}").format(start=start, end=end)
    if start:
        return _("from {start}").format(start=start)
    return _("until {end}").format(end=end) if end else ""


def experience_line(exp: ExperienceRecord, notes: int = 0) -> str:
    """A heading for one experience."""
    bits = [b for b in (exp.title, exp.organization, exp.place, period(exp)) if b]
    head = f"{area_words(exp.life_area)}: " + " · ".join(bits)
    if notes:
        head += " · " + ngettext("{n} note", "{n} notes", notes).format(n=notes)
    return head


def parts_added(before: Step | None, after: Step | None) -> str:
    """What to say when the step just saved added parts of life to the interview (a
    ticked box that leads to one), or ""."""
    if before is None or after is None or after.module_count <= before.module_count:
        return ""
    added = after.module_count - before.module_count
    return ngettext("What you ticked adds {n} part; there are {total} now.",
                    "What you ticked adds {n} parts; there are {total} now.",
                    added).format(n=added, total=after.module_count)
