"""What verifying a bundle found: plain data for the CLI, the TUI and tests."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from lerkit.core.i18n import N_, _

TIER_SELF_ATTESTED = "self-attested"
TIER_THIRD_PARTY = "third-party"
TIER_UNKNOWN = "endorsed-unknown"
TIER_TRUSTED = "endorsed-trusted"
TIER_ACCREDITED = "endorsed-accredited"
TIERS = (TIER_SELF_ATTESTED, TIER_UNKNOWN, TIER_TRUSTED, TIER_ACCREDITED, TIER_THIRD_PARTY)


class _Translated(Mapping[str, str]):
    """Texts kept in English, read in the current language (looked up when shown)."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = dict(texts)

    def __getitem__(self, key: str) -> str:
        return _(self._texts[key])

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)


# How each tier reads in words (the TUI and the text report never rely on colour), in
# the current language whenever a tier is looked up.
TIER_WORDS: Mapping[str, str] = _Translated({
    TIER_SELF_ATTESTED: N_("self-attested only"),
    TIER_UNKNOWN: N_("endorsed by an unknown endorser"),
    TIER_TRUSTED: N_("endorsed by a trusted endorser"),
    TIER_ACCREDITED: N_("endorsed by an accredited organization"),
    TIER_THIRD_PARTY: N_("issued by someone other than the person"),
})
# An endorser's standing in a trust list.
STANDING_UNKNOWN = "unknown"
STANDING_TRUSTED = "trusted"
STANDING_ACCREDITED = "accredited"


@dataclass
class EndorsementEntry:
    """One endorsement found in the bundle."""

    credential_id: str | None
    endorser: str | None
    endorser_name: str | None
    subject_id: str | None
    valid: bool
    comment: str | None = None
    errors: list[str] = field(default_factory=list)
    relationship: str | None = None
    organization: str | None = None
    standing: str = STANDING_UNKNOWN
    trusted_as: str | None = None

    @property
    def who(self) -> str:
        """The endorser as a person reads it: name, relationship, organization."""
        name = self.endorser_name or self.endorser or _("unknown endorser")
        details = [d for d in (self.relationship, self.organization) if d]
        return f"{name} ({', '.join(details)})" if details else name


def endorsed_skill(name: str | None, entry: EndorsementEntry) -> str | None:
    """The skill an endorsement names in its signed ``name``, which lerkit writes as
    "Endorsement by NAME (RELATIONSHIP): SKILL"; None for a name of any other form."""
    if not name or entry.endorser_name is None or entry.relationship is None:
        return None
    prefix = f"Endorsement by {entry.endorser_name} ({entry.relationship}): "
    skill = name[len(prefix):].strip() if name.startswith(prefix) else ""
    return skill or None


@dataclass
class ClaimEntry:
    """One claim credential inside the bundle."""

    credential_id: str | None
    skill: str | None
    valid: bool
    tier: str = TIER_SELF_ATTESTED
    endorsements: list[EndorsementEntry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# What a verified file was.
KIND_BUNDLE = "bundle"  # a CLR of claim credentials
KIND_CREDENTIAL = "credential"  # one claim credential
KIND_ENDORSEMENTS = "endorsements"  # an endorser's file: endorsement credentials only


@dataclass
class BundleReport:
    """The verdict on a whole bundle; ``valid`` only if everything checked out."""

    valid: bool
    holder: str | None
    bundle_id: str | None = None
    kind: str = KIND_BUNDLE
    claims: list[ClaimEntry] = field(default_factory=list)
    endorsements: list[EndorsementEntry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def all_errors(self) -> list[str]:
        """Every problem, bundle-level first, each claim's prefixed by its skill."""
        found = list(self.errors)
        for claim in self.claims:
            label = claim.skill or claim.credential_id or _("claim")
            found.extend(f"{label}: {error}" for error in claim.errors)
        for endorsement in self.endorsements:
            label = endorsement.credential_id or _("endorsement")
            found.extend(f"{label}: {error}" for error in endorsement.errors)
        return found

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return asdict(self)
