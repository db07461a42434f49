"""The skills record as Markdown: the same content as the HTML page.

Everything a person typed is escaped, so a name or an answer can never become a
heading, a link, an image or raw HTML in any CommonMark renderer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from lerkit.core.outputs import wording
from lerkit.core.outputs.grouping import page_sections, shared_evidence
from lerkit.core.outputs.html import grouped_digest, tier_summary
from lerkit.core.outputs.model import EvidenceView, ExperienceView, RecordPage, SkillView
from lerkit.core.outputs.qr import qr_png_data_uri

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


def _evidence(items: Iterable[EvidenceView]) -> list[str]:
    out = ["- **Evidence:**"]
    for item in items:
        line = f"  - **{md(item.name)}**"
        if item.kind == "url" and item.url:
            line += f": {md(item.url)}"
        elif item.kind == "file":
            line += f" — file {md(item.file_name or item.name)}"
            line += f" (SHA-256 {item.sha256[:16]}…)" if item.sha256 else ""
        if item.text:
            line += f": {md(item.text)}"
        out.append(line)
    return out


def _skill(skill: SkillView, shown: Collection[EvidenceView] = ()) -> list[str]:
    out = [f"### {md(skill.name)}", "", f"*{md(wording.tier_label(skill.tier))}* — "
           f"{md(wording.tier_sentence(skill.tier))}", ""]
    if not skill.valid:
        out += ["**Warning: this skill's signature did not verify; do not rely on it.**", ""]
    if skill.description:
        out += [md(skill.description), ""]
    level = wording.level_words(skill.proficiency)
    if level:
        out.append(f"- **Level:** {md(level)}")
    evidence = [item for item in skill.evidence if item not in shown]
    if evidence:
        out += _evidence(evidence)
    if skill.endorsements:
        out.append("- **Endorsed by:**")
        for e in skill.endorsements:
            about = ", ".join(md(p) for p in (e.relationship, e.organization) if p)
            line = f"  - **{md(e.name)}**" + (f", {about}" if about else "")
            line += f": “{md(e.comment)}”" if e.comment else ""
            line += " (signature checked)" if e.valid else " (**signature did NOT verify**)"
            out.append(line)
    else:
        out.append("- **Endorsed by:** no one yet, in this record.")
    if skill.framework or skill.taxonomy_code:
        ref = " · ".join(md(p) for p in (skill.framework, skill.taxonomy_code) if p)
        out.append(f"- **Skill framework:** {ref}")
    aligned = wording.alignment_words(skill)
    if aligned:
        out.append("- **Also aligned to:**")
        out += [f"  - {md(line)}" for line in aligned]
    return [*out, ""]


def _experience(exp: ExperienceView, skills: list[SkillView], person_name: str) -> list[str]:
    """The experience once (title, where and when, the person's story), then its skills."""
    out = [f"## {md(exp.title or wording.life_area_words(exp.life_area))}", ""]
    parts = [", ".join(p for p in (exp.organization, exp.place) if p),
             wording.period_words(exp.started, exp.ended, exp.ongoing),
             wording.life_area_words(exp.life_area)]
    out += ["*" + " · ".join(md(p) for p in parts if p) + "*", ""]
    if exp.narrative:
        out.append(f"> *{md(wording.in_words_of(person_name))}:*")
        for line in md_lines(exp.narrative):  # each line its own paragraph, as typed
            out += [">", f"> {line}"]
        out.append("")
    shared = shared_evidence(skills)
    if shared:
        out += [*_evidence(shared), ""]
    for skill in skills:
        out += _skill(skill, shared)
    return out


def _check(page: RecordPage) -> list[str]:
    name = md(page.person_name or "the person")
    verdict = ("When this record was made, lerkit checked every signature in it: all valid."
               if page.valid else "**When this record was made, it did NOT verify.**")
    return [
        "## How to check this record", "",
        f"1. Ask {name} for the signed record file {md(page.bundle_file)}. The file is the "
        "record; this document is a readable copy of it.",
        "2. Run this command (it works offline; install lerkit first):", "",
        *("   " + line for line in fenced(page.verify_command)), "",
        "   It says **VALID** only if the file is exactly the one this record was made from "
        "and every signature in it checks out.",
        "3. Without lerkit: compare the file's SHA-256 with the digest below, then check the "
        "signatures with any verifier of W3C Verifiable Credentials (Open Badges 3.0, CLR 2.0).",
        "", f"Digest: `sha256: {grouped_digest(page.digest)}`", "",
        f"Signing key: `{page.holder_did}`  ", f"Record id: `{page.bundle_id}`", "",
        verdict, "",
        f"![QR code of the digest {page.digest_uri}]({qr_png_data_uri(page.digest_uri)})", "",
        *(line for note in wording.sources_notes(page) for line in (f"*{md(note)}*", "")),
    ]


def render_markdown(page: RecordPage) -> str:
    """The whole document."""
    name = md(page.person_name or "Unnamed person")
    issued = wording.issued_words(page.issued) if page.issued else "an unknown date"
    out = [f"# Skills record: {name}", "",
           f"Learning and Employment Record · signed by {name} on {md(issued)} · "
           f"{md(tier_summary(page))}", ""]
    if not page.valid:
        out += ["**Warning: when this record was made, its signatures did NOT verify.**", ""]
        out += [f"- {md(error)}" for error in page.errors] + [""]
    out += [f"These skills come from {md(wording.possessive(page.person_name))} life and "
            "work. Each skill is a signed digital credential, and its label says who stands "
            "behind it:", ""]
    for tier in dict.fromkeys(skill.tier for skill in page.skills):
        out.append(f"- **{md(wording.tier_label(tier))}:** {md(wording.tier_sentence(tier))}")
    out += ["", "Skills at a glance:", ""]
    for area in page.areas:
        out.append(f"- **{md(area.name)}:** " + ", ".join(
            f"{md(s.name)} ({md(wording.tier_label(s.tier).lower())})" for s in area.skills))
    out.append("")
    experiences, loose = page_sections(page)
    for exp, skills in experiences:
        out += _experience(exp, skills, page.person_name)
    if loose:
        out += ["## Other skills", "", "*Not tied to one experience.*", ""]
        for skill in loose:
            out += _skill(skill)
    return "\n".join([*out, *_check(page)])
