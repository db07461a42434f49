"""From a ranked list to the few suggestions worth showing.

Two rules, applied to the default search's merged list:

- **One sense per answer.** A word the person typed means one thing in their answer.
  When a suggestion higher in the list already took every word a lower one shares with
  the answer, and the two belong to different areas (lerkit's categories; another
  taxonomy counts as one area), the lower one most likely reads the word in another
  sense ("nails" at a salon, then Pet grooming's "trimmed nails"): its score is scaled by
  ``ONE_SENSE``. It is not removed; it only gives way to suggestions with words of their
  own.
- **Close to the best.** The interview shows a suggestion found in an answer's words only
  while its score is at least ``SHOWN_SHARE`` of the best one's: when one skill stands
  out, what trails far behind it shares a word or a topic, not the work. The skills of a
  military job the answer names (a crosswalk) are always shown.

Both were measured on the breadth and persona sentences (``docs/benchmarks.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from lerkit.core.matching.types import Match, MatchedVia

ONE_SENSE = 0.9
SHOWN_SHARE = 0.6


def one_sense(found: Sequence[Match], area_of: Callable[[Match], str],
              factor: float = ONE_SENSE) -> list[Match]:
    """``found`` (best first) with each suggestion whose shared words were all taken by a
    higher suggestion of another area scaled by ``factor``, best first again (ties keep
    their order)."""
    taken: dict[str, str] = {}  # a word -> the area of the first suggestion that took it
    scored: list[Match] = []
    for match in found:
        area = area_of(match)
        words = {w.lower() for w in match.matched_words}
        elsewhere = bool(words) and all(taken.get(w, area) != area for w in words)
        scored.append(replace(match, score=round(match.score * factor, 1))
                      if elsewhere else match)
        for word in words:
            taken.setdefault(word, area)
    return sorted(scored, key=lambda m: -m.score)


def close_to_best(found: Sequence[Match], share: float = SHOWN_SHARE) -> list[Match]:
    """The suggestions of ``found`` (best first) whose score is at least ``share`` of the
    best one's, and those of a crosswalk (which neither set nor meet that floor)."""
    words = [m.score for m in found if m.matched_via is not MatchedVia.CROSSWALK]
    floor = max(words, default=0.0) * share
    return [m for m in found
            if m.matched_via is MatchedVia.CROSSWALK or m.score >= floor]
