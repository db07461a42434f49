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
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from lerkit.core.matching.index import MatchIndex
from lerkit.core.matching.resolve import QueryTerm, resolve
from lerkit.core.matching.text import Token, tokenize
from lerkit.core.matching.types import Match

POSTINGS_HEAD = 250
BETA2_K = 2.5  # F-measure beta squared = K / number of distinct terms in the input,
BETA2_MIN = 0.15  # within these bounds: the more the person said, the less of it one
BETA2_MAX = 0.75  # competency has to explain
KIND_WEIGHT = (1.0, 0.97, 0.95, 0.0)  # label, alt label, phrasing, description
DESCRIPTION = 3
SUPPORT = 0.1  # share of the second-best entry's score added to the best
DESCRIBED = 0.15  # share of the input the description explains, added
DESCRIPTION_ONLY = 0.45  # score factor when only the description matched
SCATTER_FLOOR = 0.75
RERANK_MIN = 40
PRUNE_AFTER = 300  # matched entries beyond which the cheap bar is worth computing
ORDER_WINDOW = 3
ORDER_BONUS = 0.1
HEAD_BONUS = 0.2


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float  # best entry's score plus the bonus
    bonus: float  # from the competency's other entries and description
    comp: int
    entry: int




def _beta2(distinct_terms: int) -> float:
    """Short inputs must be explained as much as the label covers; long ones less."""
    return min(BETA2_MAX, max(BETA2_MIN, BETA2_K / max(distinct_terms, 1)))


def _accumulate(index: MatchIndex, weights: dict[int, float]) -> dict[int, float]:
    """Matched weight per entry.

    Postings are sorted shortest entry first. A term's first ``POSTINGS_HEAD`` entries
    become candidates (on this term alone they outscore the longer ones); the rest of a
    long postings list only adds to entries that are candidates already, through a set
    intersection -- so a common word like "manage" never costs a walk over thousands.
    """
    acc: dict[int, float] = {}
    get = acc.get
    tail: list[tuple[int, float]] = []
    for term, w in weights.items():
        postings = index.postings(term)
        head = postings if len(postings) <= POSTINGS_HEAD else postings[:POSTINGS_HEAD]
        for entry in head:
            acc[entry] = get(entry, 0.0) + w
        if len(postings) > POSTINGS_HEAD:
            tail.append((term, w))
    for term, w in tail:
        for entry in acc.keys() & set(index.postings(term)[POSTINGS_HEAD:]):
            acc[entry] += w
    return acc


def _cutoff(total: float, beta2: float, threshold: float) -> float:
    """The least matched weight with which an entry could still reach ``threshold``."""
    needed = (threshold - DESCRIBED) / (1.0 + SUPPORT)  # best score with full support
    if needed <= 0.0:
        return 0.0
    if needed >= 1.0 + beta2:
        return total
    return total * needed * beta2 / (1.0 + beta2 - needed)


def _rank(
    index: MatchIndex, weights: dict[int, float], total: float, beta2: float, keep: int
) -> list[_Scored]:
    """The ``keep`` best competencies: best entry, plus support from other entries.

    The entries that matched most are scored first; their ``keep``-th best competency
    sets a bar, and entries whose matched weight cannot reach it are skipped.
    """
    acc = _accumulate(index, weights)
    kinds = index.entry_kind
    cut = 0.0
    if len(acc) > PRUNE_AFTER:
        first = heapq.nlargest(keep * 4, acc.items(), key=itemgetter(1))
        bar = _combine(index, first, total, beta2, keep)
        if len(bar) >= keep:
            cut = _cutoff(total, beta2, bar[-1].score)
    items = acc.items() if cut <= 0.0 else [
        (e, m) for e, m in acc.items() if m >= cut or kinds[e] == DESCRIPTION
    ]
    return _combine(index, items, total, beta2, keep)


def _combine(
    index: MatchIndex, items: Iterable[tuple[int, float]], total: float, beta2: float, keep: int
) -> list[_Scored]:
    best: dict[int, tuple[float, int]] = {}
    second: dict[int, float] = {}
    described: dict[int, tuple[float, int]] = {}
    norms, kinds, comps = index.entry_norm, index.entry_kind, index.entry_comp
    top_up = 1.0 + beta2
    for entry, matched in items:
        kind = kinds[entry]
        comp = comps[entry]
        explained = matched / total
        if kind == DESCRIPTION:
            if explained > described.get(comp, (0.0, -1))[0]:
                described[comp] = (explained, entry)
            continue
        covered = matched / norms[entry]
        if covered > 1.0:
            covered = 1.0
        score = top_up * covered * explained / (beta2 * covered + explained) * KIND_WEIGHT[kind]
        current = best.get(comp)
        if current is None:
            best[comp] = (score, entry)
        elif score > current[0]:
            best[comp] = (score, entry)
            if current[0] > second.get(comp, 0.0):
                second[comp] = current[0]
        elif score > second.get(comp, 0.0):
            second[comp] = score
    bonus = {
        c: SUPPORT * second.get(c, 0.0) + DESCRIBED * described.get(c, (0.0, -1))[0] for c in best
    }
    ranked = [(s + bonus[c], -c, e) for c, (s, e) in best.items()]
    ranked += [(DESCRIPTION_ONLY * d, -c, e) for c, (d, e) in described.items() if c not in best]
    return [_Scored(s, bonus.get(-c, 0.0), -c, e) for s, c, e in heapq.nlargest(keep, ranked)]


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
    weights: dict[int, float], first_of_clause: set[int], total: float, beta2: float,
) -> Match:
    entry_terms = list(index.entry_term_ids(scored.entry))
    wanted = set(entry_terms)
    hits = [(q.position, q.term) for q in query if q.term in wanted]
    kind = index.entry_kind[scored.entry]
    score = scored.score
    if kind != DESCRIPTION:  # exact score: the candidate search may have skipped common words
        matched = sum(weights[t] for t in {t for _p, t in hits})
        covered = min(matched / index.entry_norm[scored.entry], 1.0)
        explained = matched / total
        base = (1.0 + beta2) * covered * explained / (beta2 * covered + explained)
        order, head = _order(entry_terms, hits, first_of_clause)
        score = base * KIND_WEIGHT[kind] + scored.bonus
        score *= (1.0 + ORDER_BONUS * order) * (1.0 + HEAD_BONUS * head)
    score *= _placement(tokens, hits, weights)
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
    distinct = dict((t, w) for w, t in said.values())
    beta2 = _beta2(len(distinct))
    total = sum(distinct.values())
    ranked = _rank(index, weights, total, beta2, max(top * 3, RERANK_MIN))
    first_of_clause: set[int] = set()
    seen_clauses: set[int] = set()
    for position, token in enumerate(tokens):
        if token.term and token.clause not in seen_clauses:
            seen_clauses.add(token.clause)
            first_of_clause.add(position)
    matches = [
        _explain(index, s, tokens, query, weights, first_of_clause, total, beta2) for s in ranked
    ]
    order = sorted(range(len(matches)), key=lambda i: (-matches[i].score, ranked[i].comp))
    return [matches[i] for i in order if matches[i].score >= min_score][:top]
