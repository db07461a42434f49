"""The in-memory model of a competency taxonomy."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class LanguageTexts:
    """A competency's texts in one language other than its main one (English)."""

    label: str
    description: str = ""
    alt_labels: list[str] = field(default_factory=list)
    phrasings: list[str] = field(default_factory=list)


@dataclass
class Competency:
    """One entry of a taxonomy: a skill, an activity, or an occupation.

    ``alt_labels`` are other names for the same thing; ``phrasings`` are everyday
    ways a person describes having done it ("ran the bake sale"). ``crosswalk`` maps
    a scheme ("onet_dwa", "onet_element", "onet_soc", "esco") to ids in that scheme.
    ``texts`` holds the same texts in other languages, by language code
    (``texts["es"].label``); the fields above are English.
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
    texts: dict[str, LanguageTexts] = field(default_factory=dict)


@dataclass
class Category:
    """A node of a taxonomy's hierarchy that groups competencies; ``labels`` holds its
    label in other languages, by language code."""

    id: str
    label: str
    parent: str | None = None
    description: str = ""
    labels: dict[str, str] = field(default_factory=dict)


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
        digest.update(json.dumps(_without_empty(asdict(cat), "labels"), ensure_ascii=False,
                                 sort_keys=True).encode())
    for comp in taxonomy.competencies:
        digest.update(b"\n")
        digest.update(json.dumps(_without_empty(asdict(comp), "texts"), ensure_ascii=False,
                                 sort_keys=True, default=str).encode())
    return digest.hexdigest()


def _without_empty(fields: dict[str, Any], key: str) -> dict[str, Any]:
    """``fields`` without ``key`` when it is empty: a taxonomy in one language keeps the
    fingerprint it had before texts in other languages existed."""
    if not fields.get(key):
        fields.pop(key, None)
    return fields
