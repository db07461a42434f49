"""Build the :class:`MatchIndex` of a taxonomy.

Each competency's label, alternative labels, everyday phrasings and description become
entries; their words become terms (see :mod:`.text`). A term's weight is its inverse
document frequency over the competencies (``log(1 + (N - df + 0.5) / (df + 0.5))``), so
"forklift" counts far more than "manage"; a weak term (a generic verb, a family, time or
number word: :func:`.text.is_weak`) weighs a fraction of that. Terms are numbered in
sorted order, which lets a query find related terms (``identif`` / ``identifi``) by
binary search.
"""

from __future__ import annotations

import math

from lerkit.core.matching.index import KINDS, MatchIndex, content_hash, floats, ints
from lerkit.core.matching.languages import pipeline
from lerkit.core.matching.text import WEAK_WEIGHT, is_weak, tokenize
from lerkit.core.matching.types import MatchedVia
from lerkit.core.taxonomy.model import Competency, Taxonomy

_KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}


def _texts(c: Competency, language: str) -> list[tuple[MatchedVia, str]]:
    """A competency's texts in ``language`` (none when it has no texts in it)."""
    if language == "en":
        label, alts, phrasings, description = c.label, c.alt_labels, c.phrasings, c.description
    elif language in c.texts:
        t = c.texts[language]
        label, alts, phrasings, description = t.label, t.alt_labels, t.phrasings, t.description
    else:
        return []
    texts: list[tuple[MatchedVia, str]] = [(MatchedVia.LABEL, label)]
    texts += [(MatchedVia.ALT_LABEL, a) for a in alts]
    texts += [(MatchedVia.PHRASING, p) for p in phrasings]
    if description:
        texts.append((MatchedVia.DESCRIPTION, description))
    return texts


def _entries(taxonomy: Taxonomy, language: str) -> list[tuple[int, MatchedVia, str]]:
    result: list[tuple[int, MatchedVia, str]] = []
    for number, c in enumerate(taxonomy.competencies):
        texts = _texts(c, language)
        seen: set[str] = set()
        for kind, text in texts:
            key = " ".join(text.split()).casefold()
            if key and key not in seen:
                seen.add(key)
                result.append((number, kind, text))
    return result


def _csr(rows: list[list[int]]) -> tuple[list[int], list[int]]:
    offsets = [0]
    flat: list[int] = []
    for row in rows:
        flat.extend(row)
        offsets.append(len(flat))
    return offsets, flat


_Entry = tuple[int, MatchedVia, str]


def _tokenized(taxonomy: Taxonomy,
               language: str) -> tuple[list[_Entry], list[list[tuple[str, str]]]]:
    """The entries with their (term, word) pairs; of the entries of one competency with
    the same terms ("analyse data" / "analysing data") only the first is kept."""
    entries: list[tuple[int, MatchedVia, str]] = []
    entry_words: list[list[tuple[str, str]]] = []
    seen: set[tuple[int, frozenset[str]]] = set()
    words_of = pipeline(language)
    for comp, kind, text in _entries(taxonomy, language):
        pairs = [(t.term, t.word) for t in tokenize(text, words_of) if t.term]
        key = (comp, frozenset(term for term, _word in pairs))
        if not pairs or (kind != MatchedVia.DESCRIPTION and key in seen):
            continue
        seen.add(key)
        entries.append((comp, kind, text))
        entry_words.append(pairs)
    return entries, entry_words


def build_index(taxonomy: Taxonomy, language: str = "en") -> MatchIndex:
    """Build the match index of a taxonomy's texts in ``language`` (deterministic: same
    taxonomy, same index). Another language's index holds only the competencies with
    texts in it, under the same competency numbers."""
    entries, entry_words = _tokenized(taxonomy, language)
    vocabulary = sorted({term for pairs in entry_words for term, _word in pairs})
    number_of = {term: number for number, term in enumerate(vocabulary)}
    words: dict[str, int] = {}
    entry_terms: list[list[int]] = []
    doc_terms: list[set[int]] = [set() for _ in taxonomy.competencies]
    for (comp, _kind, _text), pairs in zip(entries, entry_words, strict=True):
        ids: list[int] = []
        for term, word in pairs:
            number = number_of[term]
            words.setdefault(word, number)
            if number not in ids:
                ids.append(number)
        entry_terms.append(ids)
        doc_terms[comp].update(ids)
    df = [0] * len(vocabulary)
    for doc in doc_terms:
        for t in doc:
            df[t] += 1
    described = len(taxonomy.competencies) if language == "en" else sum(map(bool, doc_terms))
    n = max(described, 1)
    idf = [
        math.log(1.0 + (n - d + 0.5) / (d + 0.5))
        * (WEAK_WEIGHT if is_weak(term, pipeline(language)) else 1.0)
        for term, d in zip(vocabulary, df, strict=True)
    ]
    norms = [sum(idf[t] for t in ids) for ids in entry_terms]
    postings: list[list[int]] = [[] for _ in vocabulary]
    for number, ids in enumerate(entry_terms):
        for t in ids:
            postings[t].append(number)
    for plist in postings:  # shortest entries first: they score best on this term alone
        plist.sort(key=lambda entry: (norms[entry], entry))
    entry_offsets, entry_flat = _csr(entry_terms)
    post_offsets, post_flat = _csr(postings)
    ordered_words = sorted(words)
    return MatchIndex(
        taxonomy=taxonomy.name,
        content_hash=content_hash(taxonomy),
        ids=[c.id for c in taxonomy.competencies],
        labels=[c.label for c in taxonomy.competencies],
        categories=[c.category or "" for c in taxonomy.competencies],
        entry_texts=[text for _comp, _kind, text in entries],
        entry_comp=ints([comp for comp, _kind, _text in entries]),
        entry_kind=bytes(_KIND_CODE[kind] for _comp, kind, _text in entries),
        entry_offsets=ints(entry_offsets),
        entry_terms=ints(entry_flat),
        entry_norm=floats(norms),
        terms=vocabulary,
        idf=floats(idf),
        post_offsets=ints(post_offsets),
        post_entries=ints(post_flat),
        words=ordered_words,
        word_terms=ints([words[w] for w in ordered_words]),
        language=language,
    )
