"""Explainable matching of free text to taxonomy competencies: by words and by meaning.

The lexical matcher: ``build_index(taxonomy)`` makes a :class:`MatchIndex`;
``search(index, text)`` returns ranked :class:`Match` results, each saying which label,
alternative label or everyday phrasing matched and which meaningful words of the input
matched it; ``save_index`` / ``load_index`` cache an index on disk. The hybrid matcher
(:mod:`.hybrid`) adds closeness in meaning (:mod:`.meaning`, :mod:`.vectors`), fuses the
two (:mod:`.fusion`) and bridges from lerkit's own competencies into the taxonomies
employers use (:mod:`.bridge`).
"""

from __future__ import annotations

from lerkit.core.matching.build import build_index
from lerkit.core.matching.index import MatchIndex, content_hash
from lerkit.core.matching.search import search
from lerkit.core.matching.store import load_index, save_index
from lerkit.core.matching.types import Match, MatchedVia

__all__ = [
    "Match",
    "MatchIndex",
    "MatchedVia",
    "build_index",
    "content_hash",
    "load_index",
    "save_index",
    "search",
]
