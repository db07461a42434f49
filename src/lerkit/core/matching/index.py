"""The match index of one taxonomy: terms, their rarity, and where they occur.

Built once per taxonomy (:func:`build_index`), saved to and loaded from a compact cache
file (:mod:`lerkit.core.matching.store`), and queried with :meth:`MatchIndex.match`.
Every text of a competency that can be matched (label, alternative labels, everyday
phrasings, description) is an *entry*; entries are stored as flat arrays so that the
index loads fast and holds no Python object per term.
"""

from __future__ import annotations

import hashlib
import json
import math
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from lerkit.core.matching.text import tokenize
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.taxonomy.model import Taxonomy

if TYPE_CHECKING:
    from pathlib import Path

INDEX_VERSION = 1
KINDS = (MatchedVia.LABEL, MatchedVia.ALT_LABEL, MatchedVia.PHRASING, MatchedVia.DESCRIPTION)
_KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}


def content_hash(taxonomy: Taxonomy) -> str:
    """A hash of everything in a taxonomy that the index depends on (hex SHA-256)."""
    digest = hashlib.sha256()
    digest.update(f"lerkit-match-index/{INDEX_VERSION}\n{taxonomy.name}\n".encode())
    for c in taxonomy.competencies:
        record = [c.id, c.label, c.alt_labels, c.phrasings, c.description]
        digest.update(json.dumps(record, ensure_ascii=False).encode())
        digest.update(b"\n")
    return digest.hexdigest()


def _ints(values: list[int] | None = None) -> array[int]:
    return array("i", values or [])


def _floats(values: list[float] | None = None) -> array[float]:
    return array("d", values or [])


@dataclass
class MatchIndex:
    """A searchable index of one taxonomy. Build with :func:`build_index`."""

    taxonomy: str
    content_hash: str
    ids: list[str]
    labels: list[str]
    entry_texts: list[str]
    entry_comp: array[int] = field(default_factory=_ints)
    entry_kind: bytes = b""
    entry_offsets: array[int] = field(default_factory=_ints)
    entry_terms: array[int] = field(default_factory=_ints)
    entry_norm: array[float] = field(default_factory=_floats)
    terms: list[str] = field(default_factory=list)
    idf: array[float] = field(default_factory=_floats)
    post_offsets: array[int] = field(default_factory=_ints)
    post_entries: array[int] = field(default_factory=_ints)
    words: list[str] = field(default_factory=list)
    word_terms: array[int] = field(default_factory=_ints)
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

    def match(self, text: str, top: int = 10, min_score: float = 0.0) -> list[Match]:
        """Rank the competencies for free text (a phrase or a paragraph), best first."""
        from lerkit.core.matching.search import search

        return search(self, text, top=top, min_score=min_score)

    def save(self, path: Path | str) -> None:
        """Write the index to a cache file (see :mod:`lerkit.core.matching.store`)."""
        from lerkit.core.matching.store import save_index

        save_index(self, path)

    @classmethod
    def load(cls, path: Path | str, expected_hash: str | None = None) -> MatchIndex:
        """Read an index written by :meth:`save`; check its content hash if given."""
        from lerkit.core.matching.store import load_index

        return load_index(path, expected_hash)


def _entries(taxonomy: Taxonomy) -> list[tuple[int, MatchedVia, str]]:
    result: list[tuple[int, MatchedVia, str]] = []
    for number, c in enumerate(taxonomy.competencies):
        texts: list[tuple[MatchedVia, str]] = [(MatchedVia.LABEL, c.label)]
        texts += [(MatchedVia.ALT_LABEL, a) for a in c.alt_labels]
        texts += [(MatchedVia.PHRASING, p) for p in c.phrasings]
        if c.description:
            texts.append((MatchedVia.DESCRIPTION, c.description))
        seen: set[str] = set()
        for kind, text in texts:
            key = " ".join(text.split()).casefold()
            if key and key not in seen:
                seen.add(key)
                result.append((number, kind, text))
    return result


def build_index(taxonomy: Taxonomy) -> MatchIndex:
    """Build the match index of a taxonomy (deterministic: same taxonomy, same index)."""
    entries = _entries(taxonomy)
    term_ids: dict[str, int] = {}
    entry_terms: list[list[int]] = []
    doc_terms: list[set[int]] = [set() for _ in taxonomy.competencies]
    words: dict[str, int] = {}
    for comp, _kind, text in entries:
        ids: list[int] = []
        for token in tokenize(text):
            if token.term:
                number = term_ids.setdefault(token.term, len(term_ids))
                words.setdefault(token.word, number)
                if number not in ids:
                    ids.append(number)
        entry_terms.append(ids)
        doc_terms[comp].update(ids)
    df = [0] * len(term_ids)
    for doc in doc_terms:
        for t in doc:
            df[t] += 1
    n = max(len(taxonomy.competencies), 1)
    idf = [math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for d in df]
    postings: list[list[int]] = [[] for _ in term_ids]
    offsets = [0]
    flat: list[int] = []
    norms: list[float] = []
    for number, ids in enumerate(entry_terms):
        flat.extend(ids)
        offsets.append(len(flat))
        norms.append(sum(idf[t] for t in ids))
        for t in ids:
            postings[t].append(number)
    post_offsets = [0]
    post_flat: list[int] = []
    for plist in postings:
        post_flat.extend(plist)
        post_offsets.append(len(post_flat))
    return MatchIndex(
        taxonomy=taxonomy.name,
        content_hash=content_hash(taxonomy),
        ids=[c.id for c in taxonomy.competencies],
        labels=[c.label for c in taxonomy.competencies],
        entry_texts=[text for _comp, _kind, text in entries],
        entry_comp=_ints([comp for comp, _kind, _text in entries]),
        entry_kind=bytes(_KIND_CODE[kind] for _comp, kind, _text in entries),
        entry_offsets=_ints(offsets),
        entry_terms=_ints(flat),
        entry_norm=_floats(norms),
        terms=list(term_ids),
        idf=_floats(idf),
        post_offsets=_ints(post_offsets),
        post_entries=_ints(post_flat),
        words=sorted(words),
        word_terms=_ints([words[w] for w in sorted(words)]),
    )


__all__ = ["MatchIndex", "build_index", "content_hash", "tokenize"]
