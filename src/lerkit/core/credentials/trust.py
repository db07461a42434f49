"""Trust lists: which endorsers a verifier knows, and which are accredited organizations.

A trust list is a YAML file (documented in docs/endorsements.md)::

    endorsers:
      - did: did:key:z6Mk...              # one endorser's key
        name: Jordan Coach
      - organization: Riverside Workforce Center   # whoever states this organization
        name: Riverside Workforce Center (transition center)
        accredited: true
        dids: [did:key:z6Mk...]           # optional: only these keys speak for it

A DID entry matches that key only. An organization entry matches the organization
an endorser names in their own signed profile (``issuer.parentOrg.name``), compared
without regard to case or spacing; anyone can type an organization's name, so an
organization entry should list the ``dids`` it accepts wherever they are known.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lerkit.core.credentials.report import (
    STANDING_ACCREDITED,
    STANDING_TRUSTED,
    TIER_ACCREDITED,
    TIER_SELF_ATTESTED,
    TIER_TRUSTED,
    TIER_UNKNOWN,
)
from lerkit.core.errors import FileFormatError
from lerkit.core.files import read_yaml
from lerkit.core.i18n import _

ENTRY_KEYS = frozenset({"did", "organization", "name", "accredited", "dids", "note"})
TRUST_LIMIT = 4 * 1024 * 1024


def normalize_name(name: str) -> str:
    """An organization name for comparison: case-folded, single spaces."""
    return " ".join(name.casefold().split())


@dataclass(frozen=True)
class TrustEntry:
    """One trusted endorser (by DID) or organization (by name)."""

    name: str
    accredited: bool = False
    did: str | None = None
    organization: str | None = None
    dids: tuple[str, ...] = ()
    note: str = ""

    @property
    def standing(self) -> str:
        """``accredited`` or ``trusted``."""
        return STANDING_ACCREDITED if self.accredited else STANDING_TRUSTED

    def matches(self, did: str | None, organization: str | None) -> bool:
        """True if this entry speaks for an endorser with this DID and organization."""
        if self.did is not None:
            return did == self.did
        if self.organization is None or not organization:
            return False
        if normalize_name(organization) != normalize_name(self.organization):
            return False
        return not self.dids or did in self.dids


@dataclass(frozen=True)
class TrustList:
    """The entries of one trust list, in file order."""

    entries: tuple[TrustEntry, ...] = ()

    def match(self, did: str | None, organization: str | None) -> TrustEntry | None:
        """The best entry for an endorser: accredited before trusted, DID before name."""
        found = [entry for entry in self.entries if entry.matches(did, organization)]
        found.sort(key=lambda entry: (not entry.accredited, entry.did is None))
        return found[0] if found else None


def _text(entry: dict[str, Any], key: str, where: str) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise FileFormatError(where, _("{key!r} must be a non-empty text").format(key=key))
    return value.strip()


def _did(value: str | None, where: str) -> str | None:
    if value is not None and (not value.startswith("did:") or any(c.isspace() for c in value)):
        raise FileFormatError(where, _("{value!r} is not a DID (did:key:z6Mk...)")
                              .format(value=value))
    return value


def _entry(raw: Any, where: str) -> TrustEntry:
    if not isinstance(raw, dict):
        raise FileFormatError(where, _("each entry must be a mapping (did: ..., name: ...)"))
    unknown = sorted(str(key) for key in raw if key not in ENTRY_KEYS)
    if unknown:
        raise FileFormatError(where, _("unknown key {key!r}; use {keys}")
                              .format(key=unknown[0], keys=sorted(ENTRY_KEYS)))
    did = _did(_text(raw, "did", where), where)
    organization = _text(raw, "organization", where)
    if (did is None) == (organization is None):
        raise FileFormatError(where, _("give exactly one of 'did' or 'organization'"))
    name = _text(raw, "name", where) or organization
    if name is None:
        raise FileFormatError(where, _("an entry with a 'did' needs a display 'name'"))
    accredited = raw.get("accredited", False)
    if not isinstance(accredited, bool):
        raise FileFormatError(where, _("'accredited' must be true or false"))
    dids = raw.get("dids", [])
    if not isinstance(dids, list) or not all(isinstance(d, str) for d in dids):
        raise FileFormatError(where, _("'dids' must be a list of DIDs"))
    if dids and did is not None:
        raise FileFormatError(where, _("'dids' belongs to an organization entry"))
    return TrustEntry(
        name=name,
        accredited=accredited,
        did=did,
        organization=organization,
        dids=tuple(d for d in dids if _did(d, where)),
        note=_text(raw, "note", where) or "",
    )


def parse_trust_list(data: Any, source: str = "trust list") -> TrustList:
    """A TrustList from parsed YAML; FileFormatError names what is wrong."""
    if data is None:
        return TrustList()
    if not isinstance(data, dict) or set(data) - {"endorsers"}:
        raise FileFormatError(source, _("a trust list is a mapping with one key, 'endorsers'"))
    raw = data.get("endorsers") or []
    if not isinstance(raw, list):
        raise FileFormatError(source, _("'endorsers' must be a list"))
    return TrustList(
        tuple(_entry(item, _("{source}: endorser {number}").format(source=source, number=n))
              for n, item in enumerate(raw, 1))
    )


def load_trust_list(path: Path | str) -> TrustList:
    """Read and check a trust list file."""
    return parse_trust_list(read_yaml(path, TRUST_LIMIT), str(path))


def tier_for(standings: Iterable[str]) -> str:
    """A self-attested claim's tier from the standings of its valid endorsements."""
    seen: Sequence[str] = list(standings)
    if not seen:
        return TIER_SELF_ATTESTED
    if STANDING_ACCREDITED in seen:
        return TIER_ACCREDITED
    if STANDING_TRUSTED in seen:
        return TIER_TRUSTED
    return TIER_UNKNOWN
