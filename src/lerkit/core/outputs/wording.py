"""Plain words for tiers, levels, life areas and remembered dates."""

from __future__ import annotations

import re

from lerkit.core.outputs.model import RecordPage, SkillView

# Each tier: a short label and a sentence a reader understands without a legend.
TIERS: dict[str, tuple[str, str]] = {
    "self-attested": (
        "Self-attested",
        "The person's own statement; no one else has vouched for it in this record.",
    ),
    "endorsed-unknown": (
        "Endorsed",
        "Someone else vouched for it with their own signature; whether to trust the "
        "endorser is for the reader to decide.",
    ),
    "endorsed-trusted": (
        "Endorsed by a trusted endorser",
        "Vouched for, with a signature, by an endorser on the trust list.",
    ),
    "endorsed-accredited": (
        "Endorsed by an accredited organization",
        "Vouched for, with a signature, by an accredited organization on the trust list.",
    ),
    "third-party": (
        "Issued by someone else",
        "Signed by someone other than the person it describes.",
    ),
}

LEVELS = {
    "with-help": "Can do this with help",
    "on-my-own": "Can do this without help",
    "taught-or-led": "Has taught or led others in this",
}

LIFE_AREAS = {
    "paid-work": "Paid work",
    "military": "Military service",
    "caregiving": "Caregiving",
    "volunteering": "Volunteering",
    "faith": "Faith community",
    "fundraising": "Fundraising",
    "small-business": "Small business",
    "self-taught": "Self-taught",
    "education": "Education",
    "creative": "Creative work",
    "household": "Running a household",
    "other": "Other experience",
}

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def tier_label(tier: str) -> str:
    """The tier's short label; an unknown tier is shown as it is."""
    return TIERS.get(tier, (tier, ""))[0]


def tier_sentence(tier: str) -> str:
    """What the tier means, in one sentence."""
    return TIERS.get(tier, ("", f"Tier reported by the verifier: {tier}."))[1]


def possessive(name: str) -> str:
    """``Sam Rivera's``: the person by the name they gave (a closing note in brackets,
    such as "(sample)", left off), never a guessed pronoun; ``the person's`` if unnamed."""
    plain = " ".join(name.split())
    shown = re.sub(r"\s*\([^()]*\)$", "", plain) or plain
    return f"{shown}'s" if shown else "the person's"


def in_words_of(name: str) -> str:
    """``In Sam Rivera's words``, or ``In the person's own words`` without a name."""
    return f"In {possessive(name)} words" if name.strip() else "In the person's own words"


def level_words(proficiency: str | None) -> str:
    """The person's level in words, or an empty string."""
    if proficiency is None:
        return ""
    return LEVELS.get(proficiency, proficiency)


def life_area_words(area: str) -> str:
    """A life area in words."""
    return LIFE_AREAS.get(area, area.replace("-", " ").capitalize())


def date_words(value: str) -> str:
    """``2019`` -> ``2019``; ``2019-03`` -> ``March 2019``; ``2019-03-05`` -> ``5 March 2019``."""
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return value.strip()
    year, month, day = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    name = MONTHS[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def period_words(started: str | None, ended: str | None, ongoing: bool) -> str:
    """``2009 to 2021``, ``since 2021 (ongoing)``, ``until 2020``, or an empty string."""
    start = date_words(started) if started else ""
    if ongoing:
        return f"since {start} (ongoing)" if start else "ongoing"
    end = date_words(ended) if ended else ""
    if start and end:
        return start if start == end else f"{start} to {end}"
    if start:
        return f"from {start}"
    return f"until {end}" if end else ""


def iso_date(value: str | None) -> str | None:
    """A remembered date as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, else None."""
    if value is None or _DATE.fullmatch(value.strip()) is None:
        return None
    return value.strip()


def issued_words(stamp: str) -> str:
    """``2026-03-01T09:30:00Z`` -> ``1 March 2026``."""
    return date_words(stamp[:10]) if len(stamp) >= 10 else stamp


def alignment_words(skill: SkillView) -> list[str]:
    """Each framework entry the skill aligns to: "O*NET 4.A.4.a.5.I03.D06: Administer
    non-intravenous medications." (its own taxonomy entry is shown apart)."""
    return [f"{a.framework} {a.code}: {a.name}" for a in skill.alignments]


ONET_NOTE = (
    "This record includes information from the O*NET Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license; O*NET® is a trademark of USDOL/ETA. lerkit has modified all or some of this "
    "information; USDOL/ETA has not approved, endorsed, or tested these modifications."
)
ESCO_NOTE = "This record uses the ESCO classification of the European Commission."


def sources_notes(page: RecordPage) -> list[str]:
    """The attributions the frameworks named in the record require."""
    frameworks = {s.framework for s in page.skills}
    frameworks |= {a.framework for s in page.skills for a in s.alignments}
    notes = [ONET_NOTE] if "O*NET" in frameworks else []
    return notes + ([ESCO_NOTE] if "ESCO" in frameworks else [])
