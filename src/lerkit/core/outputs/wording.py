"""Plain words for tiers, levels, life areas and remembered dates."""

from __future__ import annotations

import re

from lerkit.core.i18n import DEFAULT_LANGUAGE, N_, translate_in, translations
from lerkit.core.outputs.model import RecordPage, SkillView

# Every text here is written in English and marked with N_(); each function gives it in
# the record's language (``language``), whatever the screen speaks.

# Each tier: a short label and a sentence a reader understands without a legend.
TIERS: dict[str, tuple[str, str]] = {
    "self-attested": (
        N_("Self-attested"),
        N_("The person's own statement; no one else has vouched for it in this record."),
    ),
    "endorsed-unknown": (
        N_("Endorsed"),
        N_("Someone else vouched for it with their own signature; whether to trust the "
           "endorser is for the reader to decide."),
    ),
    "endorsed-trusted": (
        N_("Endorsed by a trusted endorser"),
        N_("Vouched for, with a signature, by an endorser on the trust list."),
    ),
    "endorsed-accredited": (
        N_("Endorsed by an accredited organization"),
        N_("Vouched for, with a signature, by an accredited organization on the trust list."),
    ),
    "third-party": (
        N_("Issued by someone else"),
        N_("Signed by someone other than the person it describes."),
    ),
}

LEVELS = {
    "with-help": N_("Can do this with help"),
    "on-my-own": N_("Can do this without help"),
    "taught-or-led": N_("Has taught or led others in this"),
}

LIFE_AREAS = {
    "paid-work": N_("Paid work"),
    "military": N_("Military service"),
    "caregiving": N_("Caregiving"),
    "volunteering": N_("Volunteering"),
    "faith": N_("Faith community"),
    "fundraising": N_("Fundraising"),
    "small-business": N_("Small business"),
    "self-taught": N_("Self-taught"),
    "education": N_("Education"),
    "creative": N_("Creative work"),
    "household": N_("Running a household"),
    "other": N_("Other experience"),
}

MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))
_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def say(language: str, message: str, **values: object) -> str:
    """``message`` (marked with N_) in ``language``, its placeholders filled in."""
    text = translate_in(language, message)
    return text.format(**values) if values else text


# A label that reads differently on a record than elsewhere in lerkit (the screens'
# "Endorsed" is a column of counts) is translated under this ``msgctxt`` in records.po.
TIER_CONTEXT = "record tier"


def tier_label(tier: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The tier's short label; an unknown tier is shown as it is."""
    if tier not in TIERS:
        return tier
    label = TIERS[tier][0]
    found = translations(language).pgettext(TIER_CONTEXT, label)
    return found if found != label else translate_in(language, label)


def tier_sentence(tier: str, language: str = DEFAULT_LANGUAGE) -> str:
    """What the tier means, in one sentence."""
    if tier in TIERS:
        return translate_in(language, TIERS[tier][1])
    return say(language, N_("Tier reported by the verifier: {tier}."), tier=tier)


def shown_name(name: str) -> str:
    """The person's name as given, a closing note in brackets (such as "(sample)") left off."""
    plain = " ".join(name.split())
    return re.sub(r"\s*\([^()]*\)$", "", plain) or plain


def possessive(name: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``Sam Rivera's`` (``de Sam Rivera`` in Spanish): the person by the name they gave,
    never a guessed pronoun; ``the person's`` if unnamed."""
    shown = shown_name(name)
    if shown:
        return say(language, N_("{name}'s"), name=shown)
    return translate_in(language, N_("the person's"))


def in_words_of(name: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``In Sam Rivera's words``, or ``In the person's own words`` without a name."""
    if not name.strip():
        return translate_in(language, N_("In the person's own words"))
    return say(language, N_("In {whose} words"), whose=possessive(name, language))


def level_words(proficiency: str | None, language: str = DEFAULT_LANGUAGE) -> str:
    """The person's level in words, or an empty string."""
    if proficiency is None:
        return ""
    return translate_in(language, LEVELS.get(proficiency, proficiency))


def life_area_words(area: str, language: str = DEFAULT_LANGUAGE) -> str:
    """A life area in words."""
    if area in LIFE_AREAS:
        return translate_in(language, LIFE_AREAS[area])
    return area.replace("-", " ").capitalize()


def date_words(value: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``2019`` -> ``2019``; ``2019-03`` -> ``March 2019``; ``2019-03-05`` -> ``5 March 2019``
    (``marzo de 2019``, ``5 de marzo de 2019`` in Spanish)."""
    match = _DATE.fullmatch(value.strip())
    if match is None:
        return value.strip()
    year, month, day = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    name = translate_in(language, MONTHS[int(month) - 1])
    if day:
        return say(language, N_("{day} {month} {year}"), day=int(day), month=name, year=year)
    return say(language, N_("{month} {year}"), month=name, year=year)


def period_words(started: str | None, ended: str | None, ongoing: bool,
                 language: str = DEFAULT_LANGUAGE) -> str:
    """``2009 to 2021``, ``since 2021 (ongoing)``, ``until 2020``, or an empty string."""
    start = date_words(started, language) if started else ""
    if ongoing:
        if start:
            return say(language, N_("since {start} (ongoing)"), start=start)
        return translate_in(language, N_("ongoing"))
    end = date_words(ended, language) if ended else ""
    if start and end:
        return start if start == end else say(language, N_("{start} to {end}"),
                                              start=start, end=end)
    if start:
        return say(language, N_("from {start}"), start=start)
    return say(language, N_("until {end}"), end=end) if end else ""


def iso_date(value: str | None) -> str | None:
    """A remembered date as ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, else None."""
    if value is None or _DATE.fullmatch(value.strip()) is None:
        return None
    return value.strip()


def issued_words(stamp: str, language: str = DEFAULT_LANGUAGE) -> str:
    """``2026-03-01T09:30:00Z`` -> ``1 March 2026``."""
    return date_words(stamp[:10], language) if len(stamp) >= 10 else stamp


def alignment_words(skill: SkillView) -> list[str]:
    """Each framework entry the skill aligns to: "O*NET 4.A.4.a.5.I03.D06: Administer
    non-intravenous medications." (its own taxonomy entry is shown apart)."""
    return [f"{a.framework} {a.code}: {a.name}" for a in skill.alignments]


ONET_NOTE = N_(
    "This record includes information from the O*NET Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "license; O*NET® is a trademark of USDOL/ETA. lerkit has modified all or some of this "
    "information; USDOL/ETA has not approved, endorsed, or tested these modifications."
)
ESCO_NOTE = N_("This record uses the ESCO classification of the European Commission.")


def sources_notes(page: RecordPage) -> list[str]:
    """The attributions the frameworks named in the record require, in its language."""
    frameworks = {s.framework for s in page.skills}
    frameworks |= {a.framework for s in page.skills for a in s.alignments}
    notes = [ONET_NOTE] if "O*NET" in frameworks else []
    notes += [ESCO_NOTE] if "ESCO" in frameworks else []
    return [translate_in(page.language, note) for note in notes]
