"""The hybrid matcher of one taxonomy: shared words, closeness in meaning, and the bridge.

:class:`Matcher` runs the lexical search (:mod:`.search`), and, when the meaning model is
there, the semantic search (:mod:`.vectors`), fusing both (:mod:`.fusion`). For an
imported taxonomy it also starts from lerkit's own competencies and follows their
crosswalks (:mod:`.bridge`). Without the model it matches by words alone and
:attr:`Matcher.note` says why.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import TYPE_CHECKING, Any

from lerkit.core.matching.best import best_matches
from lerkit.core.matching.bilingual import Parts, by_words, notice, split_answer
from lerkit.core.matching.bridge import Bridge, merge
from lerkit.core.matching.fusion import DEFAULT_BLEND, Blend, fuse, shown
from lerkit.core.matching.glossary import gloss, spanish_glossary
from lerkit.core.matching.index import MatchIndex
from lerkit.core.matching.meaning import StaticModel
from lerkit.core.matching.rank import Scored
from lerkit.core.matching.search import candidates, explain, prepare
from lerkit.core.matching.text import for_meaning, says_something
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.matching.vectors import MeaningIndex

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

POOL = 100  # candidates close in meaning taken before fusing...
WORD_POOL = 80  # ...and candidates from the word matcher (their quick scores)...
EXPLAINED = 20  # ...of which the best are scored exactly
BRIDGE_FROM = 10  # lerkit competencies whose crosswalks the bridge follows
# A Spanish answer's gloss reads less surely than English typed: its words count for this
# share of the fused score (0.2 in English); where the taxonomy has no Spanish texts, what
# the answer's English words and its gloss find scores this share, below what lerkit's own
# competencies lead to (both chosen on half the Spanish register set).
SPANISH_WORDS = 0.6
GLOSS_SHARE = 0.4


@dataclass
class Matcher:
    """Ranks the competencies of one taxonomy for free text, each with why it matched."""

    lexical: MatchIndex
    spanish: MatchIndex | None = None  # the taxonomy's Spanish texts, if it has any
    meaning: MeaningIndex | None = None
    model: StaticModel | None = None
    note: str = ""
    bridge: Bridge | None = None
    own: Matcher | None = None
    blend: Blend = DEFAULT_BLEND
    pool: int = POOL
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def taxonomy(self) -> str:
        """The taxonomy's name."""
        return self.lexical.taxonomy

    @property
    def by_meaning(self) -> bool:
        """Whether closeness in meaning is part of the match."""
        return self.meaning is not None and self.model is not None

    def categories(self) -> dict[str, str]:
        """Competency id -> its category ("" for none)."""
        found = self._cache.get("categories")
        if found is None:
            found = self._cache["categories"] = dict(
                zip(self.lexical.ids, self.lexical.categories, strict=False))
        result: dict[str, str] = found
        return result

    def _weights(self, areas: Collection[str]) -> dict[int, float]:
        """Competency number -> score factor for the part of life being asked about:
        its areas (taxonomy categories) count more; an area written with a leading minus
        ("-household") counts less."""
        if not areas or not self.lexical.categories:
            return {}
        key = "areas:" + "|".join(sorted(areas))
        found = self._cache.get(key)
        if found is None:
            more = {a for a in areas if not a.startswith("-")}
            less = {a[1:] for a in areas if a.startswith("-")}
            found = {}
            for n, category in enumerate(self.lexical.categories):
                if category in more:
                    found[n] = 1.0 + self.blend.area_boost
                elif category in less:
                    found[n] = 1.0 - self.blend.area_boost
            self._cache[key] = found
        result: dict[int, float] = found
        return result

    def match(self, text: str, top: int = 10, areas: Collection[str] = (),
              min_score: float = 0.0, spanish: bool | None = None,
              language: str | None = None) -> list[Match]:
        """The best ``top`` competencies for ``text``; ``areas`` are taxonomy categories
        of the part of life being asked about, whose competencies count a little more.
        ``spanish`` says whether the text is Spanish or mixed (None: tell from the text,
        and from ``language``, the one the person speaks; None: the one spoken now)."""
        if top <= 0 or not says_something(text):
            return []
        pool = max(top, self.pool)
        boosted = self._weights(areas)
        parts = self._split(text, spanish, language)
        if parts is None:
            found = self._direct(text, pool, boosted, top + BRIDGE_FROM)
        else:
            found = self._spanish_answer(text, parts, pool, boosted, top + BRIDGE_FROM)
        if self.bridge is not None and self.own is not None:
            own = self.own.match(text, top=BRIDGE_FROM, areas=areas, spanish=parts is not None)
            found = merge(found, self.bridge.reached(own, self.taxonomy, self._labels()), pool,
                          self.bridge.weights.agreement)
        return [m for m in found if m.score >= min_score][:top]

    def _split(self, text: str, spanish: bool | None,
               language: str | None = None) -> Parts | None:
        """The text's English and Spanish words when it is Spanish or mixed, else None.
        Without Spanish texts of its own, the bridge's lerkit matcher tells the words."""
        words = self.spanish
        if words is None and self.own is not None:
            words = self.own.spanish
        return split_answer(text, self.lexical, words, spanish, language)

    def reads_spanish(self, text: str, language: str | None = None) -> bool:
        """Whether ``text`` is matched as a Spanish (or mixed) answer where ``language``
        is spoken (None: the language spoken now)."""
        return self._split(text, None, language) is not None

    def notice(self, text: str, spanish: bool | None = None,
               language: str | None = None) -> str:
        """What to tell the person about how ``text`` is matched ("" when nothing to
        say): Spanish answers are matched by words only."""
        reads = self.reads_spanish(text, language) if spanish is None else spanish
        has_texts = self.spanish is not None or (
            self.own is not None and self.own.spanish is not None)
        return notice(self.taxonomy, reads, has_texts, self.by_meaning,
                      self.by_meaning and bool(spanish_glossary()))

    def _spanish_answer(self, text: str, parts: Parts, pool: int, boosted: dict[int, float],
                        shown_top: int) -> list[Match]:
        """A Spanish or mixed answer: its words through each language's texts and, with
        the meaning model, the meaning of its English gloss (:mod:`.glossary`), which
        counts for less than in an English answer. Where the taxonomy has no Spanish
        texts, what the gloss finds is shown as close in meaning, never as the person's
        words."""
        words = by_words(text, ((self.lexical, parts[0]), (self.spanish, parts[1])),
                         self._numbers())
        english = (gloss(parts[0], parts[1], spanish_glossary())
                   if self.meaning is not None and self.model is not None else "")
        if not english or self.meaning is None or self.model is None:
            return self._weighted(words, boosted)
        if self.spanish is None:  # the few words read as English, and the gloss
            glossed = self._direct(english, pool, boosted, shown_top, theirs=False)
            return [replace(m, score=round(m.score * GLOSS_SHARE, 1)) for m in
                    best_matches([*self._weighted(words, boosted), *glossed])]
        number = self._numbers()
        lexical = {number[m.competency_id]: m for m in words}
        near = self.meaning.nearest(self._vector(english), top=pool,
                                    extra=tuple(lexical), whole=self.blend.whole)
        fused = fuse(lexical={c: m.score / 100.0 for c, m in lexical.items()}, near=near,
                     blend=replace(self.blend, lexical_weight=SPANISH_WORDS),
                     boosted=boosted, top=shown_top)
        return [m for m in (shown(item, taxonomy=self.taxonomy,
                                  label=self.lexical.labels[item.comp],
                                  competency_id=self.lexical.ids[item.comp],
                                  meaning=self.meaning, words=lexical.get(item.comp))
                            for item in fused) if m is not None]

    def _vector(self, text: str) -> NDArray[np.float32]:
        """The meaning vector of ``text`` (the model is loaded)."""
        assert self.model is not None
        return self.model.encode_one(for_meaning(text, self.model.knows))

    def _direct(self, text: str, pool: int, boosted: dict[int, float],
                shown_top: int, theirs: bool = True) -> list[Match]:
        """This taxonomy's own matches for ``text`` (not through the bridge). Candidates
        come from both matchers by their quick scores; only the ones kept are explained.
        Unless ``theirs`` (the text is the person's own words), every match is shown as
        close in meaning."""
        query = prepare(self.lexical, text)
        scored = candidates(query, WORD_POOL) if query is not None else []
        if self.meaning is None or self.model is None:
            if query is None:
                return []
            found = [m for m in (explain(query, s) for s in scored[:pool]) if m is not None]
            return self._weighted(sorted(found, key=lambda m: -m.score), boosted)
        best: dict[int, Scored] = {}
        for candidate in scored:  # the best entry of each competency, best one first
            best.setdefault(candidate.comp, candidate)
        exact = ({c: explain(query, s) for c, s in islice(best.items(), EXPLAINED)}
                 if query is not None else {})
        quick = {c: min(s.score, 1.0) for c, s in best.items()}
        quick.update({c: m.score / 100.0 for c, m in exact.items() if m is not None})
        near = self.meaning.nearest(self._vector(text), top=pool,
                                    extra=tuple(best), whole=self.blend.whole)
        fused = fuse(lexical=quick, near=near, blend=self.blend, boosted=boosted, top=shown_top)
        found = []
        for item in fused:
            words = exact[item.comp] if item.comp in exact else (
                explain(query, best[item.comp]) if query and item.comp in best else None)
            label, cid = self.lexical.labels[item.comp], self.lexical.ids[item.comp]
            match = shown(item, taxonomy=self.taxonomy, label=label, competency_id=cid,
                          meaning=self.meaning, words=words if theirs else None)
            if match is None and not theirs:  # found by the gloss's words: its meaning
                match = Match(taxonomy=self.taxonomy, competency_id=cid, label=label,
                              score=item.score, matched_via=MatchedVia.MEANING,
                              matched_text=label, matched_words=())
            if match is not None:
                found.append(match)
        return found

    def _weighted(self, words: list[Match], boosted: dict[int, float]) -> list[Match]:
        """Lexical matches alone, weighted for the areas asked about."""
        if not boosted:
            return words
        number = self._numbers()
        out = [
            replace(m, score=round(min(100.0, m.score * boosted[n]), 1))
            if (n := number.get(m.competency_id, -1)) in boosted else m
            for m in words
        ]
        return sorted(out, key=lambda m: (-m.score, number.get(m.competency_id, 0)))

    def _numbers(self) -> dict[str, int]:
        found = self._cache.get("numbers")
        if found is None:
            found = self._cache["numbers"] = {c: n for n, c in enumerate(self.lexical.ids)}
        result: dict[str, int] = found
        return result

    def _labels(self) -> dict[str, str]:
        found = self._cache.get("labels")
        if found is None:
            found = self._cache["labels"] = dict(zip(self.lexical.ids, self.lexical.labels,
                                                     strict=True))
        result: dict[str, str] = found
        return result

