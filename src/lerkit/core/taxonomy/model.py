"""The in-memory model of a competency taxonomy."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Competency:
    """One entry of a taxonomy: a skill, an activity, or an occupation.

    ``alt_labels`` are other names for the same thing; ``phrasings`` are everyday
    ways a person describes having done it ("ran the bake sale"). ``crosswalk`` maps
    a scheme ("onet_dwa", "onet_element", "onet_soc", "esco") to ids in that scheme.
    """

    id: str
    label: str
    description: str = ""
    category: str | None = None
    parent: str | None = None
    alt_labels: list[str] = field(default_factory=list)
    phrasings: list[str] = field(default_factory=list)
    crosswalk: dict[str, list[str]] = field(default_factory=dict)
    url: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)


@dataclass
class Category:
    """A node of a taxonomy's hierarchy that groups competencies."""

    id: str
    label: str
    parent: str | None = None
    description: str = ""


@dataclass
class Taxonomy:
    """A named set of competencies with an optional category hierarchy."""

    name: str
    title: str
    competencies: list[Competency]
    version: str = ""
    description: str = ""
    source: str = ""
    framework: str = ""
    base_url: str | None = None
    categories: list[Category] = field(default_factory=list)

    def by_id(self) -> dict[str, Competency]:
        """Index the competencies by id."""
        return {c.id: c for c in self.competencies}

    def competency_url(self, competency: Competency) -> str:
        """A URI that identifies the competency outside lerkit."""
        if competency.url:
            return competency.url
        if competency.id.startswith(("http://", "https://", "urn:")):
            return competency.id
        if self.base_url:
            return self.base_url.rstrip("/") + "/" + competency.id
        return f"urn:lerkit:taxonomy:{self.name}:{competency.id}"


def fingerprint(taxonomy: Taxonomy) -> str:
    """SHA-256 over everything a taxonomy holds; changes whenever any content does."""
    digest = hashlib.sha256()
    header = [taxonomy.name, taxonomy.title, taxonomy.version, taxonomy.framework,
              taxonomy.description, taxonomy.base_url]
    digest.update(json.dumps(header, ensure_ascii=False).encode())
    for cat in taxonomy.categories:
        digest.update(json.dumps(asdict(cat), ensure_ascii=False, sort_keys=True).encode())
    for comp in taxonomy.competencies:
        digest.update(b"\n")
        digest.update(json.dumps(asdict(comp), ensure_ascii=False, sort_keys=True,
                                 default=str).encode())
    return digest.hexdigest()
