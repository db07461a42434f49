"""The skills record as Markdown: the same content as the HTML page.

Everything a person typed is escaped, so a name or an answer can never become a
heading, a link, an image or raw HTML in any CommonMark renderer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from lerkit.core.i18n import N_, translate_in
from lerkit.core.outputs import wording
from lerkit.core.outputs.build import OTHER_AREA
from lerkit.core.outputs.grouping import at_a_glance, page_sections, shared_evidence
from lerkit.core.outputs.html import CHECK_HEADING, grouped_digest, tier_summary
from lerkit.core.outputs.html_parts import EVIDENCE
from lerkit.core.outputs.model import (
    EvidenceView,
    ExperienceView,
    RecordPage,
    SkillView,
    TargetView,
)
from lerkit.core.outputs.qr import qr_png_data_uri
from lerkit.core.outputs.target import target_words
from lerkit.core.outputs.wording import say

WARN_SKILL = N_("Warning: this skill's signature did not verify; do not rely on it.")
_INLINE = re.compile(r"([\\`*_\[\]<>&|~#])")


def md(text: str) -> str:
    """One line of user text, escaped; runs of whitespace become one space."""
    flat = " ".join(text.split())
    escaped = _INLINE.sub(r"\\\1", flat)
    if escaped[:1] in ("-", "+", "="):
        return "\\" + escaped
    return re.sub(r"^(\d+)([.)])", r"\1\\\2", escaped)


def md_lines(text: str) -> list[str]:
    """Several lines of user text, each escaped on its own (empty lines dropped)."""
    return [md(line) for line in text.splitlines() if line.strip()]


def fenced(text: str) -> list[str]:
    """A fenced code block that the content cannot close."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return [fence, text, fence]


def _evidence(items: Iterable[EvidenceView], lang: str) -> list[str]:
    out = [f"- **{md(say(lang, EVIDENCE))}:**"]
    for item in items:
        line = f"  - **{md(item.name)}**"
        if item.kind == "url" and item.url:
            line += f": {md(item.url)}"
        elif item.kind == "file":
            line += f" — {md(say(lang, N_('file')))} {md(item.file_name or item.name)}"
            line += f" (SHA-256 {item.sha256[:16]}…)" if item.sha256 else ""
        if item.text:
            line += f": {md(item.text)}"
        out.append(line)
    return out


def _endorsements(skill: SkillView, lang: str) -> list[str]:
    if not skill.endorsements:
        return [f"- **{md(say(lang, N_('Endorsed by')))}:** "
                f"{md(say(lang, N_('no one yet, in this record.')))}"]
    out = [f"- **{md(say(lang, N_('Endorsed by')))}:**"]
    for e in skill.endorsements:
        about = ", ".join(md(p) for p in (e.relationship, e.organization) if p)
        line = f"  - **{md(e.name)}**" + (f", {about}" if about else "")
        line += f": “{md(e.comment)}”" if e.comment else ""
        line += (f" ({md(say(lang, N_('signature checked')))})" if e.valid else
                 f" (**{md(say(lang, N_('signature did NOT verify')))}**)")
        out.append(line)
    return out


def _skill(skill: SkillView, lang: str, shown: Collection[EvidenceView] = ()) -> list[str]:
    out = [f"### {md(skill.name)}", "", f"*{md(wording.tier_label(skill.tier, lang))}* — "
           f"{md(wording.tier_sentence(skill.tier, lang))}", ""]
    if not skill.valid:
        out += [f"**{md_say(lang, WARN_SKILL)}**", ""]
    if skill.description:
        out += [md(skill.description), ""]
    level = wording.level_words(skill.proficiency, lang)
    if level:
        out.append(f"- **{md(say(lang, N_('Level')))}:** {md(level)}")
    evidence = [item for item in skill.evidence if item not in shown]
    if evidence:
        out += _evidence(evidence, lang)
    out += _endorsements(skill, lang)
    if skill.framework or skill.taxonomy_code:
        ref = " · ".join(md(p) for p in (skill.framework, skill.taxonomy_code) if p)
        out.append(f"- **{md(say(lang, N_('Skill framework')))}:** {ref}")
    aligned = wording.alignment_words(skill)
    if aligned:
        out.append(f"- **{md(say(lang, N_('Also aligned to')))}:**")
        out += [f"  - {md(line)}" for line in aligned]
    return [*out, ""]


def _experience(exp: ExperienceView, skills: list[SkillView], person_name: str,
                lang: str) -> list[str]:
    """The experience once (title, where and when, the person's story), then its skills."""
    out = [f"## {md(exp.title or wording.life_area_words(exp.life_area, lang))}", ""]
    parts = [", ".join(p for p in (exp.organization, exp.place) if p),
             wording.period_words(exp.started, exp.ended, exp.ongoing, lang),
             wording.life_area_words(exp.life_area, lang)]
    out += ["*" + " · ".join(md(p) for p in parts if p) + "*", ""]
    if exp.narrative:
        out.append(f"> *{md(wording.in_words_of(person_name, lang))}:*")
        for line in md_lines(exp.narrative):  # each line its own paragraph, as typed
            out += [">", f"> {line}"]
        out.append("")
    shared = shared_evidence(skills)
    if shared:
        out += [*_evidence(shared, lang), ""]
    for skill in skills:
        out += _skill(skill, lang, shared)
    return out


def md_say(language: str, message: str, **markup: str) -> str:
    """``message`` (marked with N_) in ``language``, escaped, its placeholders filled with
    ``markup``: Markdown the caller has already escaped."""
    return md(translate_in(language, message)).format(**markup)


def _check(page: RecordPage) -> list[str]:
    lang = page.language
    name = md(page.person_name or say(lang, N_("the person")))
    verdict = (md_say(lang, N_("When this record was made, lerkit checked every signature in "
                               "it: all valid.")) if page.valid else
               f"**{md_say(lang, N_('When this record was made, it did NOT verify.'))}**")
    return [
        f"## {md_say(lang, CHECK_HEADING)}", "",
        "1. " + md_say(lang, N_("Ask {name} for the signed record file {file}. The file is the "
                                "record; this document is a readable copy of it."),
                       name=name, file=md(page.bundle_file)),
        f"2. {md_say(lang, N_('Run this command (it works offline; install lerkit first):'))}",
        "",
        *("   " + line for line in fenced(page.verify_command)), "",
        "   " + md_say(lang, N_("It says {valid} only if the file is exactly the one this "
                                "record was made from and every signature in it checks out."),
                       valid=f"**{md(say(lang, N_('VALID')))}**"),
        "3. " + md_say(lang, N_("Without lerkit: compare the file's SHA-256 with the digest "
                                "below, then check the signatures with any verifier of W3C "
                                "Verifiable Credentials (Open Badges 3.0, CLR 2.0).")),
        "", f"{md_say(lang, N_('Digest:'))} `sha256: {grouped_digest(page.digest)}`", "",
        f"{md_say(lang, N_('Signing key:'))} `{page.holder_did}`  ",
        f"{md_say(lang, N_('Record id:'))} `{page.bundle_id}`", "",
        verdict, "",
        f"![{md_say(lang, N_('QR code of the digest {digest}'), digest=md(page.digest_uri))}]"
        f"({qr_png_data_uri(page.digest_uri)})", "",
        *(line for note in wording.sources_notes(page) for line in (f"*{md(note)}*", "")),
    ]


def _target(view: TargetView, person_name: str, lang: str) -> list[str]:
    """The person's own "Target and gap" section, labelled as outside the signed record."""
    words = target_words(view, person_name, lang)
    out = ["---", "", f"## {md(words.title)}", "", f"**{md(words.label)}** {md(words.notice)}",
           "", md(words.summary), ""]
    for block in words.blocks:
        out += [f"### {md(block.heading)}", "", *(f"- {md(item)}" for item in block.items), ""]
    return [*out, f"*{md(words.attribution)}*", ""]


def _intro(page: RecordPage, name: str) -> list[str]:
    """The heading, who signed it and when, the tiers in words and the skills at a glance."""
    lang = page.language
    issued = wording.issued_words(page.issued, lang) if page.issued else say(
        lang, N_("an unknown date"))
    out = [f"# {md_say(lang, N_('Skills record: {name}'), name=name)}", "",
           md_say(lang, N_("Learning and Employment Record · signed by {name} on {date} · "
                           "{summary}"), name=name, date=md(issued),
                  summary=md(tier_summary(page))), ""]
    if not page.valid:
        warning = md_say(lang, N_("Warning: when this record was made, its signatures did "
                                  "NOT verify."))
        out += [f"**{warning}**", ""]
        out += [f"- {md(error)}" for error in page.errors] + [""]
    out += [md_say(lang, N_("These skills come from {whose} life and work. Each skill is a "
                            "signed digital credential, and its label says who stands "
                            "behind it:"), whose=md(wording.possessive(page.person_name, lang))),
            ""]
    for tier in dict.fromkeys(skill.tier for skill in page.skills):
        out.append(f"- **{md(wording.tier_label(tier, lang))}:** "
                   f"{md(wording.tier_sentence(tier, lang))}")
    out += ["", md_say(lang, N_("Skills at a glance:")), ""]
    for area in page.areas:
        out.append(f"- **{md(area.name)}:** " + ", ".join(
            f"{md(s.name)} ({md(wording.tier_label(s.tier, lang).lower())})"
            for s in at_a_glance(area.skills)))
    return [*out, ""]


def render_markdown(page: RecordPage) -> str:
    """The whole document, in the record's language (``page.language``)."""
    lang = page.language
    out = _intro(page, md(page.person_name or say(lang, N_("Unnamed person"))))
    experiences, loose = page_sections(page)
    for exp, skills in experiences:
        out += _experience(exp, skills, page.person_name, lang)
    if loose:
        out += [f"## {md_say(lang, OTHER_AREA)}", "",
                f"*{md_say(lang, N_('Not tied to one experience.'))}*", ""]
        for skill in loose:
            out += _skill(skill, lang)
    added = _target(page.target, page.person_name, lang) if page.target else []
    return "\n".join([*out, *_check(page), *added])
