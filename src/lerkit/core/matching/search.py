"""Query a :class:`MatchIndex`: free text in, ranked and explained matches out.

1. The text becomes tokens (:mod:`.text`); an acronym the taxonomy does not use is read
   as the words it stands for. Each token's term is looked up in the index,
   with typo tolerance, word families and completion of a word still being typed
   (:mod:`.resolve`). Every term weighs its rarity (IDF) in the taxonomy.
2. Candidate entries come from the inverted index and are scored (:mod:`.rank`).
3. The best competencies are re-scored by where the matched words sit: words from one
   clause beat the same words scattered over a paragraph; words in the label's order and
   close together, and a label whose first word (usually its verb) starts a clause of
   the input, score a little more. A fifth of the score is rapidfuzz's
   ``token_set_ratio`` of the input and the matched text, which rewards near-identical
   wording. The explanation lists the matched words as typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from lerkit.core.matching.index import MatchIndex
from lerkit.core.matching.languages import pipeline
from lerkit.core.matching.rank import DESCRIPTION, KIND_WEIGHT, Scored, beta2_for, f_measure, rank
from lerkit.core.matching.resolve import QueryTerm, resolve
from lerkit.core.matching.text import Token, is_weak, spell_out_acronyms, tokenize
from lerkit.core.matching.types import Match

EXCERPT = 12  # words of a matched description shown in an explanation

FUZZ_WEIGHT = 0.2  # share of rapidfuzz's token_set_ratio (input vs matched text) in a score
SCATTER_FLOOR = 0.75
RERANK_MIN = 40
PRUNE_AFTER = 300  # matched entries beyond which the cheap bar is worth computing
ORDER_WINDOW = 3
ORDER_BONUS = 0.1
HEAD_BONUS = 0.2


def _placement(
    tokens: list[Token], hits: list[tuple[int, int]], weights: dict[int, float]
) -> float:
    """How closely together the matched words were said: 1.0 for one clause."""
    by_clause: dict[int, dict[int, float]] = {}
    for position, term in hits:
        by_clause.setdefault(tokens[position].clause, {})[term] = weights[term]
    total = sum({t: weights[t] for _p, t in hits}.values())
    if total <= 0.0 or len(by_clause) <= 1:
        return 1.0
    best = max(sum(terms.values()) for terms in by_clause.values())
    return SCATTER_FLOOR + (1.0 - SCATTER_FLOOR) * best / total


def _order(
    entry_terms: list[int], hits: list[tuple[int, int]], first_of_clause: set[int]
) -> tuple[float, bool]:
    """Share of the entry's neighbouring matched terms said in order and close together;
    and whether the entry's first term starts a clause of the input (its verb, usually)."""
    positions: dict[int, list[int]] = {}
    for position, term in hits:
        positions.setdefault(term, []).append(position)
    matched = [t for t in entry_terms if t in positions]
    starts = positions.get(entry_terms[0], []) if entry_terms else []
    head = any(p in first_of_clause for p in starts)
    if len(matched) < 2:
        return 0.0, head
    close = 0
    for a, b in pairwise(matched):
        if any(0 < pb - pa <= ORDER_WINDOW for pa in positions[a] for pb in positions[b]):
            close += 1
    return close / (len(matched) - 1), head


@dataclass(frozen=True)
class LexicalQuery:
    """A text made ready for one index: its tokens, their index terms and weights."""

    index: MatchIndex
    tokens: list[Token]
    query: list[QueryTerm]
    weights: dict[int, float]
    total: float
    beta2: float
    first_of_clause: set[int]
    folded: str
    strong: frozenset[int]  # the query's terms that carry meaning (not weak words)


def prepare(index: MatchIndex, text: str, tokens: list[Token] | None = None) -> LexicalQuery | None:
    """The query for ``text`` (None when no word of it is in the index); ``tokens``, when
    given, are the words of ``text`` to use (those of another language left out)."""
    if not text.strip():
        return None
    words = pipeline(index.language)
    if tokens is None:
        tokens = tokenize(text, words)
    if index.language == "en":
        tokens = spell_out_acronyms(tokens, index.term_ids.__contains__)
    query = resolve(index, tokens, text)
    if not query:
        return None
    weights: dict[int, float] = {}
    said: dict[int, tuple[float, int]] = {}  # position -> its heaviest term
    for q in query:
        w = index.idf[q.term] * q.factor * tokens[q.position].weight
        weights[q.term] = max(w, weights.get(q.term, 0.0))
        if w > said.get(q.position, (0.0, -1))[0]:
            said[q.position] = (w, q.term)
    distinct = {t: w for w, t in said.values()}
    total = sum(distinct.values())
    strong = frozenset(t for t in weights if not is_weak(index.terms[t], words))
    if total <= 0.0 or not strong:
        return None
    first_of_clause: set[int] = set()
    seen_clauses: set[int] = set()
    for position, token in enumerate(tokens):
        if token.term and token.clause not in seen_clauses:
            seen_clauses.add(token.clause)
            first_of_clause.add(position)
    return LexicalQuery(index, tokens, query, weights, total, beta2_for(len(distinct)),
                        first_of_clause, default_process(text), strong)


def candidates(q: LexicalQuery, keep: int) -> list[Scored]:
    """Stage one: the ``keep`` best competencies by their quick score, leaving out those
    that only words without meaning of their own matched."""
    ranked = rank(q.index, q.weights, q.total, q.beta2, keep)
    return [s for s in ranked if not q.strong.isdisjoint(q.index.entry_term_ids(s.entry))]


def explain(q: LexicalQuery, scored: Scored) -> Match | None:
    """Stage two: a candidate's exact score and which of the person's words matched what
    (None if only words without meaning of their own did)."""
    index = q.index
    entry_terms = list(index.entry_term_ids(scored.entry))
    wanted = set(entry_terms)
    hits = [(x.position, x.term) for x in q.query if x.term in wanted]
    strong = [(p, t) for p, t in hits if t in q.strong]
    if not strong:
        return None  # only words without meaning of their own: not evidence of a skill
    kind = index.entry_kind[scored.entry]
    score = scored.score
    if kind != DESCRIPTION:  # exact score: the candidate search may have skipped common words
        matched = sum(q.weights[t] for t in {t for _p, t in hits})
        covered = min(matched / index.entry_norm[scored.entry], 1.0)
        base = f_measure(covered, matched / q.total, q.beta2)
        order, head = _order(entry_terms, hits, q.first_of_clause)
        score = base * KIND_WEIGHT[kind] + scored.bonus
        score *= (1.0 + ORDER_BONUS * order) * (1.0 + HEAD_BONUS * head)
    score *= _placement(q.tokens, hits, q.weights)
    if FUZZ_WEIGHT > 0.0 and kind != DESCRIPTION:
        similar = fuzz.token_set_ratio(q.folded,
                                       default_process(index.entry_texts[scored.entry]))
        score = (1.0 - FUZZ_WEIGHT) * score + FUZZ_WEIGHT * similar / 100.0
    words: list[str] = []
    used_terms: set[int] = set()
    for position, term in sorted(strong):
        if term not in used_terms:
            used_terms.add(term)
            text = q.tokens[position].text
            if text not in words:
                words.append(text)
    return Match(
        taxonomy=index.taxonomy,
        competency_id=index.ids[scored.comp],
        label=index.labels[scored.comp],
        score=round(min(score, 1.0) * 100.0, 1),
        matched_via=index.kind(scored.entry),
        matched_text=(excerpt(index.entry_texts[scored.entry],
                              {q.tokens[p].term for p, _t in strong}, index.language)
                      if kind == DESCRIPTION else index.entry_texts[scored.entry]),
        matched_words=tuple(words),
    )


def excerpt(text: str, terms: set[str], language: str = "en", width: int = EXCERPT) -> str:
    """A description is long: the ``width`` words of it around the first of ``terms``
    (the person's matched words, as index terms), marked "…" where cut."""
    tokens = tokenize(text, pipeline(language))
    at = next((n for n, t in enumerate(tokens) if t.term in terms), None)
    if at is None or len(tokens) <= width:
        return text
    start = max(0, min(at - width // 3, len(tokens) - width))
    end = start + width
    cut = text[tokens[start].start:tokens[end - 1].end]
    return ("…" if start > 0 else "") + cut + ("…" if end < len(tokens) else "")


def search(index: MatchIndex, text: str, top: int = 10, min_score: float = 0.0) -> list[Match]:
    """Rank the competencies of ``index`` for ``text``; see the module docstring."""
    q = prepare(index, text) if top > 0 else None
    if q is None:
        return []
    explained = [(explain(q, s), s.comp) for s in candidates(q, max(top * 3, RERANK_MIN))]
    matches = [(m, comp) for m, comp in explained if m is not None and m.score >= min_score]
    matches.sort(key=lambda pair: (-pair[0].score, pair[1]))
    return [m for m, _comp in matches[:top]]
