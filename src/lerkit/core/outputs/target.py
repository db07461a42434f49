"""The words of the optional "Target and gap" section, shared by the page and the Markdown.

The section is the person's own addition, made from the same skills as the record and
O*NET's description of the occupation they aim at. It is not signed: the bundle never
contains it, its digest does not cover it, and it says so in words above everything
else it shows. Renderers escape every string given here.
"""

from __future__ import annotations

from dataclasses import dataclass

from lerkit.core.i18n import DEFAULT_LANGUAGE, N_, translate_in
from lerkit.core.outputs.model import TargetView

MISSING_SHOWN = 10
SKILL_GAPS_SHOWN = 6


@dataclass(frozen=True)
class Block:
    """One heading of the section and its items, in plain text."""

    heading: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class TargetWords:
    """The section in plain text: its title, the label and notice that say it is not
    signed, the fit in one sentence, its blocks, and O*NET's attribution."""

    title: str
    label: str
    notice: str
    summary: str
    blocks: tuple[Block, ...]
    attribution: str


def _name(activity_title: str) -> str:
    return activity_title.rstrip(".")


def _t(language: str, message: str) -> str:
    return translate_in(language, message)


def _blocks(view: TargetView, language: str) -> list[Block]:
    blocks = []
    if view.shown:
        blocks.append(Block(_t(language, N_("Already shown in this record")), tuple(
            _t(language, N_("{activity}: shown by {skills}")).format(
                activity=_name(a.title), skills=", ".join(a.by)) for a in view.shown)))
    if view.related:
        blocks.append(Block(_t(language, N_("Related to what was shown (part credit)")), tuple(
            _t(language, N_("{activity}: close to {others}")).format(
                activity=_name(a.title), others="; ".join(_name(b) for b in a.by[:2]))
            for a in view.related)))
    if view.missing:
        items = [_t(language, N_("{activity} ({percent}% of the work)")).format(
            activity=_name(a.title), percent=round(a.weight * 100))
            for a in view.missing[:MISSING_SHOWN]]
        if len(view.missing) > MISSING_SHOWN:
            items.append(_t(language, N_("... and {count} more")).format(
                count=len(view.missing) - MISSING_SHOWN))
        blocks.append(Block(_t(language, N_("Missing, the most central first")), tuple(items)))
    if view.skill_gaps:
        heading = (_t(language, N_("Skills it needs at a higher level than {reference} (the "
                                   "closest fit)")).format(reference=view.reference)
                   if view.reference else _t(language, N_("Skills it rates important")))
        blocks.append(Block(heading, tuple(
            _t(language, N_("{skill}: level {level:.1f} of 7 (importance {importance:.1f} "
                            "of 5)")).format(skill=name, level=level, importance=importance)
            for name, level, importance in view.skill_gaps[:SKILL_GAPS_SHOWN])))
    if view.learn_next:
        blocks.append(Block(_t(language, N_("What would raise the fit most")),
                            tuple(_name(t) for t in view.learn_next)))
    if view.technology:
        blocks.append(Block(_t(language, N_("Technology O*NET lists for it")),
                            (", ".join(view.technology),)))
    return blocks


def target_words(view: TargetView, person_name: str,
                 language: str = DEFAULT_LANGUAGE) -> TargetWords:
    """The section for ``view`` in ``language`` (the record's); ``person_name`` is who chose
    to add it."""
    who = " ".join(person_name.split()) or _t(language, N_("The person"))
    zone = (_t(language, N_(", job zone {zone}")).format(zone=view.job_zone)
            if view.job_zone else "")
    return TargetWords(
        title=_t(language, N_("Target and gap: {title}")).format(title=view.title),
        label=_t(language, N_("Not part of the signed record.")),
        notice=_t(language, N_(
            "{who} chose to add this section: it is not in the signed bundle, the digest "
            "does not cover it, and ler verify does not check it. lerkit worked it out "
            "from the skills in this record and O*NET's description of the "
            "occupation.")).format(who=who),
        summary=_t(language, N_(
            "{title} (O*NET-SOC {code}{zone}): the skills in this record show "
            "{percent}% of its work, its activities weighted by how central they "
            "are.")).format(title=view.title, code=view.code, zone=zone,
                            percent=round(view.fit * 100)),
        blocks=tuple(_blocks(view, language)),
        attribution=view.attribution,
    )
