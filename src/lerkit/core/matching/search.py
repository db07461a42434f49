"""Query a :class:`MatchIndex`: free text in, ranked and explained matches out.

1. The text becomes tokens (:mod:`.text`); each token's term is looked up in the index,
   with typo tolerance and completion of a word still being typed (:mod:`.resolve`).
2. Every query term weighs its rarity (IDF). Candidate entries come from the inverted
   index, rarest terms first, within a budget of postings.
3. An entry scores by how much of *its* weight the input covers (a short label fully
   present counts) and how much of the *input's* weight it explains (a long label that
   says what the person said counts more), combined as a weighted F-measure.
4. The best entries are re-scored by where the matched words sit: words from one clause
   beat the same words scattered over a paragraph, and words in the label's order, close
   together, beat the same words far apart. The explanation lists those words as typed.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from lerkit.core.matching.index import MatchIndex
from lerkit.core.matching.resolve import QueryTerm, resolve
from lerkit.core.matching.text import Token, tokenize
from lerkit.core.matching.types import Match

POSTINGS_BUDGET = 60_000
BETA2 = 0.25  # F-measure beta squared: entry coverage weighs 4x the input coverage
KIND_WEIGHT = (1.0, 0.97, 0.95, 0.0)  # label, alt label, phrasing, description
DESCRIPTION = 3
SUPPORT = 0.1  # share of the second-best entry's score added to the best
DESCRIBED = 0.15  # share of the input the description explains, added
DESCRIPTION_ONLY = 0.45  # score factor when only the description matched
SCATTER_FLOOR = 0.75
RERANK_MIN = 40
ORDER_WINDOW = 3
ORDER_BONUS = 0.1
HEAD_BONUS = 0.2


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    comp: int
    entry: int


MODE = "f"
MEAN_C = 0.5


def _f_measure(covered: float, explained: float) -> float:
    if covered <= 0.0 or explained <= 0.0:
        return 0.0
    if MODE == "mean":
        return (covered + MEAN_C * explained) / (1.0 + MEAN_C)
    if MODE == "gmean":
        return covered ** (1.0 / (1.0 + MEAN_C)) * explained ** (MEAN_C / (1.0 + MEAN_C))
    return (1.0 + BETA2) * covered * explained / (BETA2 * covered + explained)


def _accumulate(index: MatchIndex, weights: dict[int, float]) -> dict[int, float]:
    """Matched weight per entry, from the rarest terms' postings up to the budget."""
    acc: dict[int, float] = {}
    order = sorted(weights, key=lambda t: (index.post_offsets[t + 1] - index.post_offsets[t], t))
    spent = 0
    for number, term in enumerate(order):
        postings = index.postings(term)
        if number > 0 and spent + len(postings) > POSTINGS_BUDGET:
            break
        spent += len(postings)
        w = weights[term]
        get = acc.get
        for entry in postings:
            acc[entry] = get(entry, 0.0) + w
    return acc


def _rank(
    index: MatchIndex, weights: dict[int, float], total: float, keep: int
) -> list[_Scored]:
    """The ``keep`` best competencies: best entry, plus support from other entries."""
    best: dict[int, tuple[float, int]] = {}
    second: dict[int, float] = {}
    described: dict[int, tuple[float, int]] = {}
    norms, kinds, comps = index.entry_norm, index.entry_kind, index.entry_comp
    for entry, matched in _accumulate(index, weights).items():
        kind = kinds[entry]
        comp = comps[entry]
        explained = matched / total
        if kind == DESCRIPTION:
            if explained > described.get(comp, (0.0, -1))[0]:
                described[comp] = (explained, entry)
            continue
        score = _f_measure(min(matched / norms[entry], 1.0), explained) * KIND_WEIGHT[kind]
        current = best.get(comp)
        if current is None:
            best[comp] = (score, entry)
        elif score > current[0]:
            best[comp] = (score, entry)
            second[comp] = max(second.get(comp, 0.0), current[0])
        elif score > second.get(comp, 0.0):
            second[comp] = score
    scored = [
        _Scored(s + SUPPORT * second.get(c, 0.0) + DESCRIBED * described.get(c, (0.0,))[0], c, e)
        for c, (s, e) in best.items()
    ]
    scored += [
        _Scored(DESCRIPTION_ONLY * d, c, e) for c, (d, e) in described.items() if c not in best
    ]
    return heapq.nlargest(keep, scored, key=lambda s: (s.score, -s.comp))


def _placement(tokens: list[Token], hits: list[tuple[int, int]], weights: dict[int, float]) -> float:
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
    head = bool(entry_terms) and any(p in first_of_clause for p in positions.get(entry_terms[0], []))
    if len(matched) < 2:
        return 0.0, head
    close = 0
    for a, b in zip(matched, matched[1:], strict=False):
        if any(0 < pb - pa <= ORDER_WINDOW for pa in positions[a] for pb in positions[b]):
            close += 1
    return close / (len(matched) - 1), head


def _explain(
    index: MatchIndex, scored: _Scored, tokens: list[Token], query: list[QueryTerm],
    weights: dict[int, float], first_of_clause: set[int],
) -> Match:
    entry_terms = list(index.entry_term_ids(scored.entry))
    wanted = set(entry_terms)
    hits = [(q.position, q.term) for q in query if q.term in wanted]
    score = scored.score * _placement(tokens, hits, weights)
    if index.entry_kind[scored.entry] != DESCRIPTION:
        order, head = _order(entry_terms, hits, first_of_clause)
        score *= (1.0 + ORDER_BONUS * order) * (1.0 + HEAD_BONUS * head)
    words: list[str] = []
    used_terms: set[int] = set()
    for position, term in sorted(hits):
        if term not in used_terms:
            used_terms.add(term)
            text = tokens[position].text
            if text not in words:
                words.append(text)
    return Match(
        taxonomy=index.taxonomy,
        competency_id=index.ids[scored.comp],
        label=index.labels[scored.comp],
        score=round(min(score, 1.0) * 100.0, 1),
        matched_via=index.kind(scored.entry),
        matched_text=index.entry_texts[scored.entry],
        matched_words=tuple(words),
    )


def search(index: MatchIndex, text: str, top: int = 10, min_score: float = 0.0) -> list[Match]:
    """Rank the competencies of ``index`` for ``text``; see the module docstring."""
    if top <= 0 or not text.strip():
        return []
    tokens = tokenize(text)
    query = resolve(index, tokens, text)
    if not query:
        return []
    weights: dict[int, float] = {}
    said: dict[int, tuple[float, int]] = {}  # position -> its heaviest term
    for q in query:
        w = index.idf[q.term] * q.factor * tokens[q.position].weight
        weights[q.term] = max(w, weights.get(q.term, 0.0))
        if w > said.get(q.position, (0.0, -1))[0]:
            said[q.position] = (w, q.term)
    total = sum(dict((t, w) for w, t in said.values()).values())
    ranked = _rank(index, weights, total, max(top * 3, RERANK_MIN))
    first_of_clause: set[int] = set()
    seen_clauses: set[int] = set()
    for position, token in enumerate(tokens):
        if token.term and token.clause not in seen_clauses:
            seen_clauses.add(token.clause)
            first_of_clause.add(position)
    matches = [_explain(index, s, tokens, query, weights, first_of_clause) for s in ranked]
    order = sorted(range(len(matches)), key=lambda i: (-matches[i].score, ranked[i].comp))
    return [matches[i] for i in order if matches[i].score >= min_score][:top]
