"""The match index of one taxonomy: terms, their rarity, and where they occur.

Built once per taxonomy (:func:`lerkit.core.matching.build.build_index`), saved to and
loaded from a compact cache file (:mod:`lerkit.core.matching.store`), and queried with
:func:`lerkit.core.matching.search.search`.
Every text of a competency that can be matched (label, alternative labels, everyday
phrasings, description) is an *entry*; entries are stored as flat arrays so that the
index loads fast and holds no Python object per term.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from dataclasses import dataclass, field
from typing import Any

from lerkit.core.matching.types import MatchedVia
from lerkit.core.taxonomy.model import Taxonomy

INDEX_VERSION = 7  # bump when the text pipelines read words differently
KINDS = (MatchedVia.LABEL, MatchedVia.ALT_LABEL, MatchedVia.PHRASING, MatchedVia.DESCRIPTION)


def content_hash(taxonomy: Taxonomy) -> str:
    """A hash of everything in a taxonomy that the index depends on (hex SHA-256)."""
    digest = hashlib.sha256()
    digest.update(f"lerkit-match-index/{INDEX_VERSION}\n{taxonomy.name}\n".encode())
    for c in taxonomy.competencies:
        record: list[object] = [c.id, c.label, c.alt_labels, c.phrasings, c.description]
        for language, t in sorted(c.texts.items()):  # only when there are any: an English
            record += [language, t.label, t.alt_labels, t.phrasings, t.description]  # hash stays
        digest.update(json.dumps(record, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def ints(values: list[int] | None = None) -> array[int]:
    return array("i", values or [])


def floats(values: list[float] | None = None) -> array[float]:
    return array("d", values or [])


@dataclass
class MatchIndex:
    """A searchable index of one taxonomy. Build with :func:`build_index`."""

    taxonomy: str
    content_hash: str
    ids: list[str]
    labels: list[str]
    entry_texts: list[str]
    categories: list[str] = field(default_factory=list)  # per competency ("" for none)
    entry_comp: array[int] = field(default_factory=ints)
    entry_kind: bytes = b""
    entry_offsets: array[int] = field(default_factory=ints)
    entry_terms: array[int] = field(default_factory=ints)
    entry_norm: array[float] = field(default_factory=floats)
    terms: list[str] = field(default_factory=list)
    idf: array[float] = field(default_factory=floats)
    post_offsets: array[int] = field(default_factory=ints)
    post_entries: array[int] = field(default_factory=ints)
    words: list[str] = field(default_factory=list)
    word_terms: array[int] = field(default_factory=ints)
    language: str = "en"  # the language of its texts (and of the pipeline that reads them)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def term_ids(self) -> dict[str, int]:
        """Term -> term number (built on first use)."""
        found = self._cache.get("term_ids")
        if found is None:
            found = self._cache["term_ids"] = {t: i for i, t in enumerate(self.terms)}
        result: dict[str, int] = found
        return result

    def kind(self, entry: int) -> MatchedVia:
        """Which text of its competency an entry is."""
        return KINDS[self.entry_kind[entry]]

    def entry_term_ids(self, entry: int) -> array[int]:
        """The distinct term numbers of one entry."""
        return self.entry_terms[self.entry_offsets[entry] : self.entry_offsets[entry + 1]]

    def postings(self, term: int) -> array[int]:
        """The entries in which a term occurs."""
        return self.post_entries[self.post_offsets[term] : self.post_offsets[term + 1]]


__all__ = ["KINDS", "MatchIndex", "content_hash"]
