"""Fusing the two matchers: shared words (lexical) and closeness in meaning (semantic).

A competency's fused score is a calibrated blend::

    fused = W * lexical + (1 - W) * meaning

where ``lexical`` is the lexical score (0-1) and ``meaning`` the cosine similarity of the
input and the competency's closest text, mapped linearly from ``[FLOOR, CEILING]`` to
``[0, 1]``. The weights were tuned on the dev evaluation sets only (see
``docs/benchmarks.md``). A competency that no meaningful word matched is suggested only if
its cosine reaches ``MIN_MEANING``, so meaning alone never fills the list with loose
guesses. The part of life being asked about raises the competencies of its areas by
``AREA_BOOST``.

The explanation follows what carried the score: the person's own matched words when the
lexical part is the larger share, otherwise "close in meaning to <the closest text>",
never an invented word match.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.matching.vectors import MeaningIndex, Near


@dataclass(frozen=True)
class Blend:
    """The fusion's parameters (see the module docstring)."""

    lexical_weight: float = 0.2
    floor: float = 0.0
    ceiling: float = 1.0
    min_meaning: float = 0.5
    area_boost: float = 0.15
    whole: float = 0.9  # share of the competency's centroid in its meaning score


DEFAULT_BLEND = Blend()


def calibrate(cosine: float, blend: Blend = DEFAULT_BLEND) -> float:
    """A cosine similarity mapped onto 0-1 (``floor`` -> 0, ``ceiling`` -> 1)."""
    span = blend.ceiling - blend.floor
    return min(1.0, max(0.0, (cosine - blend.floor) / span))


def fuse(
    *,
    taxonomy: str,
    ids: Sequence[str],
    labels: Sequence[str],
    number: Mapping[str, int],
    lexical: Sequence[Match],
    near: Sequence[Near],
    meaning: MeaningIndex,
    blend: Blend = DEFAULT_BLEND,
    boosted: Collection[int] = (),
    top: int = 10,
) -> list[Match]:
    """One ranked list from the lexical matches and the semantic neighbours.

    ``ids``/``labels`` are the taxonomy's competencies in index order (``Near.comp``
    numbers them, ``number`` maps an id to its number); ``boosted`` are the competency
    numbers of the areas being asked about.
    """
    by_lexical = {number[m.competency_id]: m for m in lexical if m.competency_id in number}
    by_meaning = {n.comp: n for n in near}
    weight = blend.lexical_weight
    fused: list[tuple[float, int, Match]] = []
    for comp in by_lexical.keys() | by_meaning.keys():
        word_match = by_lexical.get(comp)
        close = by_meaning.get(comp)
        lex = word_match.score / 100.0 if word_match is not None else 0.0
        sem = calibrate(close.score, blend) if close is not None else 0.0
        if word_match is None and (close is None or close.score < blend.min_meaning):
            continue
        score = weight * lex + (1.0 - weight) * sem
        if comp in boosted:
            score *= 1.0 + blend.area_boost
        score = round(min(score, 1.0) * 100.0, 1)
        if word_match is not None and (close is None or weight * lex >= (1.0 - weight) * sem):
            shown = replace(word_match, score=score)
        else:
            assert close is not None
            shown = Match(
                taxonomy=taxonomy, competency_id=ids[comp], label=labels[comp], score=score,
                matched_via=MatchedVia.MEANING, matched_text=meaning.texts[close.entry],
                matched_words=word_match.matched_words if word_match is not None else (),
            )
        fused.append((score, comp, shown))
    fused.sort(key=lambda item: (-item[0], item[1]))
    return [m for _s, _c, m in fused[:top]]
