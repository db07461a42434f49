"""Pieces of the HTML page: an experience, its skills, their evidence and endorsements.

Every value that came from a person goes through :func:`esc`; links are made
only for ``http``/``https`` URLs, and never load anything by themselves.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection

from lerkit.core.i18n import DEFAULT_LANGUAGE, N_
from lerkit.core.outputs import wording
from lerkit.core.outputs.grouping import shared_evidence
from lerkit.core.outputs.model import (
    EndorsementView,
    EvidenceView,
    ExperienceView,
    SkillView,
    TargetView,
)
from lerkit.core.outputs.target import target_words
from lerkit.core.outputs.wording import say

EVIDENCE = N_("Evidence")
NOT_VERIFIED_SKILL = N_("This skill's signature did not verify; do not rely on it.")


def esc(text: str) -> str:
    """Text (or an attribute value) safe inside HTML."""
    return html.escape(text, quote=True)


def tier_class(tier: str) -> str:
    """A CSS class for a tier, made of letters and dashes only."""
    return "t-" + (re.sub(r"[^a-z-]", "", tier.lower()) or "unknown")


def link(url: str) -> str:
    """A web link, or the text of anything that is not ``http(s)``."""
    if re.match(r"https?://", url, re.IGNORECASE):
        return f'<a href="{esc(url)}" rel="noopener noreferrer">{esc(url)}</a>'
    return f"<code>{esc(url)}</code>"


def where(exp: ExperienceView, language: str = DEFAULT_LANGUAGE) -> str:
    """``Organization, Place · 2009 to 2021 · Military service`` (the title is the heading)."""
    parts = [", ".join(part for part in (exp.organization, exp.place) if part),
             wording.period_words(exp.started, exp.ended, exp.ongoing, language),
             wording.life_area_words(exp.life_area, language)]
    return " · ".join(esc(part) for part in parts if part)


def experience_section(exp: ExperienceView, skills: list[SkillView], person_name: str,
                       language: str = DEFAULT_LANGUAGE) -> str:
    """One experience: its title, where and when, the person's story once, then each
    skill used in it."""
    story = ""
    if exp.narrative:
        story = (f'<p class="story-by">{esc(wording.in_words_of(person_name, language))}:</p>'
                 f'<p class="story">{esc(exp.narrative)}</p>')
    shared = shared_evidence(skills)
    if shared:
        items = "".join(evidence_item(item, language) for item in shared)
        row = _row(say(language, EVIDENCE), f"<ul>{items}</ul>")
        story += f'<dl class="exp-evidence">{row}</dl>'
    title = exp.title or wording.life_area_words(exp.life_area, language)
    return (
        f'<section class="exp"><div class="exp-head"><h2>{esc(title)}</h2>'
        f'<p class="exp-meta">{where(exp, language)}</p></div>{story}'
        + "".join(skill_article(skill, shared, language) for skill in skills) + "</section>"
    )


def target_section(view: TargetView, person_name: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The person's own "Target and gap" section, labelled as outside the signed record."""
    words = target_words(view, person_name, language)
    blocks = "".join(f"<h3>{esc(b.heading)}</h3><ul>"
                     + "".join(f"<li>{esc(item)}</li>" for item in b.items) + "</ul>"
                     for b in words.blocks)
    return (f'<section class="target" id="target"><h2>{esc(words.title)}</h2>'
            f'<p class="unsigned"><strong>{esc(words.label)}</strong> {esc(words.notice)}</p>'
            f"<p>{esc(words.summary)}</p>{blocks}"
            f'<p class="about small">{esc(words.attribution)}</p></section>')


def evidence_item(item: EvidenceView, language: str = DEFAULT_LANGUAGE) -> str:
    """One ``<li>`` of evidence."""
    out = f"<strong>{esc(item.name)}</strong>"
    if item.kind == "url" and item.url:
        out += f": {link(item.url)}"
    elif item.kind == "file":
        shown = item.file_name or item.name
        out += f" — {esc(say(language, N_('file')))} <code>{esc(shown)}</code>"
        if item.sha256:
            out += f' <span class="small">(SHA-256 {esc(item.sha256[:16])}…)</span>'
    if item.text:
        out += f": {esc(item.text)}" if item.kind == "note" else f" — {esc(item.text)}"
    return f"<li>{out}</li>"


def endorsement_item(item: EndorsementView, language: str = DEFAULT_LANGUAGE) -> str:
    """One ``<li>``: who, how they know the person, what they said, whether it checks."""
    out = f"<strong>{esc(item.name)}</strong>"
    about = [part for part in (item.relationship, item.organization) if part]
    if about:
        out += ", " + esc(", ".join(about))
    if item.comment:
        out += f": “{esc(item.comment)}”"
    if item.valid:
        out += f' <span class="small">({esc(say(language, N_("signature checked")))})</span>'
    else:
        out += (' <span class="warn">'
                f'({esc(say(language, N_("signature did NOT verify")))})</span>')
    return f"<li>{out}</li>"


def _row(term: str, value: str) -> str:
    return f"<dt>{esc(term)}</dt><dd>{value}</dd>"


def skill_article(skill: SkillView, shown: Collection[EvidenceView] = (),
                  language: str = DEFAULT_LANGUAGE) -> str:
    """One skill as an ``<article>``: its experience, and the evidence in ``shown``, are
    shown once, around it."""
    label = wording.tier_label(skill.tier, language)
    sentence = wording.tier_sentence(skill.tier, language)
    klass = tier_class(skill.tier)
    rows: list[str] = []
    level = wording.level_words(skill.proficiency, language)
    if level:
        rows.append(_row(say(language, N_("Level")), esc(level)))
    evidence = [item for item in skill.evidence if item not in shown]
    if evidence:
        items = "".join(evidence_item(item, language) for item in evidence)
        rows.append(_row(say(language, EVIDENCE), f"<ul>{items}</ul>"))
    endorsed_by = say(language, N_("Endorsed by"))
    if skill.endorsements:
        items = "".join(endorsement_item(item, language) for item in skill.endorsements)
        rows.append(_row(endorsed_by, f"<ul>{items}</ul>"))
    else:
        none_yet = esc(say(language, N_("No one yet, in this record.")))
        rows.append(_row(endorsed_by, f'<span class="small">{none_yet}</span>'))
    if skill.framework or skill.taxonomy_code:
        ref = " · ".join(esc(p) for p in (skill.framework, skill.taxonomy_code) if p)
        rows.append(_row(say(language, N_("Framework")), f'<span class="small">{ref}</span>'))
    aligned = wording.alignment_words(skill)
    if aligned:
        items = "".join(f"<li>{esc(line)}</li>" for line in aligned)
        rows.append(_row(say(language, N_("Also aligned to")), f'<ul class="small">{items}</ul>'))
    warn = "" if skill.valid else (
        f'<p class="warn">{esc(say(language, NOT_VERIFIED_SKILL))}</p>')
    desc = f'<p class="desc">{esc(skill.description)}</p>' if skill.description else ""
    return (
        f'<article class="skill {klass}">'
        f'<div class="skill-head"><h3>{esc(skill.name)}</h3>'
        f'<span class="tier {klass}" title="{esc(sentence)}">{esc(label)}</span></div>'
        f"{warn}{desc}"
        f"<dl>{''.join(rows)}</dl></article>"
    )
