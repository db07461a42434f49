"""The record as a reader sees it: plain data shared by every renderer.

Built once (``build.build_page``) after selective disclosure has been applied, so
no renderer can show a detail the person left out of the signed bundle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lerkit.core.records import AlignmentTarget


@dataclass(frozen=True)
class ExperienceView:
    """Where a skill was used; omitted details are empty strings. ``id`` is the stored
    experience's, so two experiences that read alike are still shown apart."""

    life_area: str
    title: str
    organization: str = ""
    place: str = ""
    started: str | None = None
    ended: str | None = None
    ongoing: bool = False
    narrative: str = ""
    id: str = ""


@dataclass(frozen=True)
class EvidenceView:
    """A note, a link or a file (named, with its SHA-256) behind a skill."""

    kind: str
    name: str
    text: str = ""
    url: str | None = None
    file_name: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class EndorsementView:
    """Someone who vouched for a skill, as the verify report found them."""

    name: str
    did: str | None
    valid: bool
    relationship: str = ""
    organization: str = ""
    comment: str = ""


@dataclass(frozen=True)
class SkillView:
    """One signed claim."""

    claim_id: str
    credential_id: str
    name: str
    area: str
    description: str = ""
    proficiency: str | None = None
    tier: str = "self-attested"
    valid: bool = True
    taxonomy_code: str = ""
    framework: str = ""
    target_url: str | None = None
    alignments: tuple[AlignmentTarget, ...] = ()
    experience: ExperienceView | None = None
    evidence: tuple[EvidenceView, ...] = ()
    endorsements: tuple[EndorsementView, ...] = ()


@dataclass(frozen=True)
class AreaView:
    """Skills of one area (a taxonomy category), in the order they were signed."""

    name: str
    skills: tuple[SkillView, ...]


@dataclass(frozen=True)
class TargetActivity:
    """A work activity of the target occupation: its title, its share of the work, and
    the skills that show it (or, for a related one, the activities it is close to)."""

    title: str
    weight: float
    by: tuple[str, ...] = ()


@dataclass(frozen=True)
class TargetView:
    """The occupation a person aims at and the gap to it, as ``ler gap`` reports it: a
    section the person may add to the page and the Markdown, outside the signed record."""

    code: str
    title: str
    job_zone: int
    fit: float
    shown: tuple[TargetActivity, ...] = ()
    related: tuple[TargetActivity, ...] = ()
    missing: tuple[TargetActivity, ...] = ()
    skill_gaps: tuple[tuple[str, float, float], ...] = ()  # name, level (0-7), importance
    reference: str = ""  # the occupation the skill levels are compared with, if any
    technology: tuple[str, ...] = ()
    learn_next: tuple[str, ...] = ()  # activities that would raise the fit most
    attribution: str = ""


@dataclass(frozen=True)
class RecordPage:
    """Everything a page, a résumé or an LER-RS document shows. ``target`` is a section
    the person chose to add to the page and the Markdown; it is never signed.
    ``language`` is the record's: the renderers write their headings, labels and
    explanations in it, whatever language the screen speaks."""

    person_name: str
    holder_did: str
    bundle_id: str
    bundle_file: str
    digest: str
    issued: str
    valid: bool
    areas: tuple[AreaView, ...] = ()
    errors: tuple[str, ...] = field(default_factory=tuple)
    target: TargetView | None = None
    language: str = "en"  # of every word the renderers write around the person's own

    @property
    def skills(self) -> list[SkillView]:
        """Every skill, area by area."""
        return [skill for area in self.areas for skill in area.skills]

    @property
    def digest_uri(self) -> str:
        """``sha256:HEX``: what the QR code holds and ``--expect-digest`` takes."""
        return f"sha256:{self.digest}"

    @property
    def verify_command(self) -> str:
        """The exact command that checks the bundle file against this page."""
        return f"ler verify {shell_quote(self.bundle_file)} --expect-digest {self.digest_uri}"


def shell_quote(word: str) -> str:
    """A file name as a POSIX shell word (plain names stay as they are)."""
    safe = all(ch.isalnum() or ch in "._-+/:@%," for ch in word)
    if word and safe:
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"
