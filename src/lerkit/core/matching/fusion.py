"""Fusing the two matchers: shared words (lexical) and closeness in meaning (semantic).

A competency's fused score is a calibrated blend::

    fused = W * lexical + (1 - W) * meaning

where ``lexical`` is the lexical score (0-1) and ``meaning`` the cosine similarity of the
input and the competency's closest text, mapped linearly from ``[FLOOR, CEILING]`` to
``[0, 1]``. The weights were tuned on the dev evaluation sets only (see
``docs/benchmarks.md``). A competency that no meaningful word matched is suggested only if
its cosine reaches ``MIN_MEANING``, so meaning alone never fills the list with loose
guesses. The part of life being asked about raises the competencies of its areas by
``area_boost`` (15%), and lowers those of areas unlikely in it by as much.

The explanation follows what carried the score: the person's own matched words when the
lexical part is the larger share, otherwise "close in meaning to <the closest text>",
never an invented word match.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.matching.vectors import MeaningIndex, Near


@dataclass(frozen=True)
class Blend:
    """The fusion's parameters (see the module docstring)."""

    lexical_weight: float = 0.2
    floor: float = 0.0
    ceiling: float = 1.0
    min_meaning: float = 0.3
    area_boost: float = 0.15
    whole: float = 0.9  # share of the competency's centroid in its meaning score


DEFAULT_BLEND = Blend()


def calibrate(cosine: float, blend: Blend = DEFAULT_BLEND) -> float:
    """A cosine similarity mapped onto 0-1 (``floor`` -> 0, ``ceiling`` -> 1)."""
    span = blend.ceiling - blend.floor
    return min(1.0, max(0.0, (cosine - blend.floor) / span))


@dataclass(frozen=True, slots=True)
class Fused:
    """A competency's fused score (0-100) and what carried it: ``by_words`` when the
    lexical share is the larger one; ``close`` its semantic neighbour, if any."""

    comp: int
    score: float
    by_words: bool
    close: Near | None


def fuse(
    *,
    lexical: Mapping[int, float],
    near: Sequence[Near],
    blend: Blend = DEFAULT_BLEND,
    boosted: Mapping[int, float] | None = None,
    top: int = 10,
) -> list[Fused]:
    """The best ``top`` competencies from their lexical scores (competency number ->
    0-1) and their semantic neighbours; ``boosted`` maps competency numbers to the factor
    of the part of life being asked about (more for its areas, less for unlikely ones)."""
    by_meaning = {n.comp: n for n in near}
    weight = blend.lexical_weight
    fused: list[Fused] = []
    for comp in lexical.keys() | by_meaning.keys():
        close = by_meaning.get(comp)
        lex = lexical.get(comp, 0.0)
        sem = calibrate(close.score, blend) if close is not None else 0.0
        if comp not in lexical and (close is None or close.score < blend.min_meaning):
            continue
        score = (weight * lex + (1.0 - weight) * sem) * (boosted or {}).get(comp, 1.0)
        by_words = comp in lexical and weight * lex >= (1.0 - weight) * sem
        fused.append(Fused(comp, round(min(score, 1.0) * 100.0, 1), by_words, close))
    fused.sort(key=lambda f: (-f.score, f.comp))
    return fused[:top]


def shown(fused: Fused, *, taxonomy: str, label: str, competency_id: str,
          meaning: MeaningIndex, words: Match | None) -> Match | None:
    """The suggestion a person sees: explained by their own matched words (``words``,
    the lexical match) when those carried it, else as close in meaning to the
    competency: to the text those words matched, when some did (naming them), else to
    its text closest in meaning."""
    if fused.by_words and words is not None:
        return replace(words, score=fused.score)
    if fused.close is None:
        return None
    entry = fused.close.entry
    closest = label if meaning.kind(entry) is MatchedVia.DESCRIPTION else meaning.texts[entry]
    if words is not None and words.matched_words:  # quote the text their words are in
        closest = label if words.matched_via is MatchedVia.DESCRIPTION else words.matched_text
    return Match(  # a description is long: the name stands for it
        taxonomy=taxonomy, competency_id=competency_id, label=label, score=fused.score,
        matched_via=MatchedVia.MEANING, matched_text=closest,
        matched_words=words.matched_words if words is not None else (),
    )
