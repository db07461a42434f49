"""Explainable fuzzy matching of free text to taxonomy competencies.

``build_index(taxonomy)`` makes a :class:`MatchIndex`; ``index.match(text)`` returns
ranked :class:`Match` results, each saying which label, alternative label or everyday
phrasing matched and which words of the input matched it. ``index.save(path)`` and
``MatchIndex.load(path, expected_hash=content_hash(taxonomy))`` cache it on disk.
"""

from __future__ import annotations

from lerkit.core.matching.build import build_index
from lerkit.core.matching.index import MatchIndex, content_hash
from lerkit.core.matching.types import Match, MatchedVia

__all__ = ["Match", "MatchIndex", "MatchedVia", "build_index", "content_hash"]
