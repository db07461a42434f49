"""Plain domain records shared by the core, the services and the exporters.

These mirror the stored tables without depending on the database: the credentials
code builds Open Badges from them and the interview engine produces them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lerkit.core.i18n import N_


class LifeArea(StrEnum):
    """Where an experience happened; unpaid work counts as work."""

    PAID_WORK = "paid-work"
    MILITARY = "military"
    CAREGIVING = "caregiving"
    VOLUNTEERING = "volunteering"
    FAITH = "faith"
    FUNDRAISING = "fundraising"
    SMALL_BUSINESS = "small-business"
    SELF_TAUGHT = "self-taught"
    EDUCATION = "education"
    CREATIVE = "creative"
    HOUSEHOLD = "household"
    OTHER = "other"


class ClaimStatus(StrEnum):
    """A claimed competency's state in the worker's review."""

    SUGGESTED = "suggested"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class Proficiency(StrEnum):
    """How well the person can do it, in plain words."""

    WITH_HELP = "with-help"
    ON_MY_OWN = "on-my-own"
    TAUGHT_OR_LED = "taught-or-led"

    @property
    def plain(self) -> str:
        """The words a person sees."""
        return {
            "with-help": N_("with help"),
            "on-my-own": N_("on my own"),
            "taught-or-led": N_("taught or led others"),
        }[self.value]


class EvidenceKind(StrEnum):
    """What a piece of evidence is."""

    NOTE = "note"
    URL = "url"
    FILE = "file"


@dataclass
class EvidenceRecord:
    """A note, a link, or a file bound by its SHA-256 digest."""

    id: str
    kind: EvidenceKind
    name: str = ""
    narrative: str = ""
    url: str | None = None
    file_name: str | None = None
    media_type: str | None = None
    size: int | None = None
    sha256: str | None = None
    dated: str | None = None
    """When it happened, in the person's words ("spring 2019", "ongoing"), if said."""


@dataclass
class ExperienceRecord:
    """One story from the interview. ``ended`` is None while ``ongoing``."""

    id: str
    life_area: LifeArea
    title: str
    organization: str = ""
    place: str = ""
    started: str | None = None
    ended: str | None = None
    ongoing: bool = False
    narrative: str = ""


@dataclass(frozen=True)
class AlignmentTarget:
    """Another framework's entry that a claim's competency is the same as, or part of (an
    O*NET work activity, say): an Open Badges ``Alignment``."""

    name: str
    url: str
    code: str
    framework: str
    description: str = ""


@dataclass
class ClaimRecord:
    """A competency claimed from an experience, with its evidence. ``alignments`` are
    entries of other frameworks it aligns to, besides its own taxonomy entry."""

    id: str
    taxonomy: str
    competency_id: str
    label: str
    description: str = ""
    status: ClaimStatus = ClaimStatus.SUGGESTED
    proficiency: Proficiency | None = None
    experience: ExperienceRecord | None = None
    evidence: list[EvidenceRecord] = field(default_factory=list)
    target_url: str | None = None
    framework: str | None = None
    alignments: tuple[AlignmentTarget, ...] = ()
    # set when ``label``/``description`` are given in another language than English: the
    # taxonomy's English wording, kept in the claim's alignment to its own entry
    english_label: str = ""
    english_description: str = ""
