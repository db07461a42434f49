"""A Spanish -> English word list, so that Spanish answers are matched by meaning too.

The meaning model reads English only. lerkit's own texts are written in both languages
(its message catalogs, its taxonomy's labels, descriptions and phrasings, its interview
prompts), so a word list can be learnt from them: IBM Model 1 (expectation maximisation
over pairs of texts that say the same thing) gives, for each Spanish stem, the English
words it most likely stands for ("pastill" -> medicines, medicine). A Spanish answer's
*gloss* (its English words as typed, and up to two English words for each Spanish word)
is what the meaning model reads. The word list ships inside the package
(``lerkit/data/glossary-es.json``), built by ``scripts/build_glossary.py``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from lerkit.core.matching.text import Token
from lerkit.core.resources import packaged

FORMAT = "lerkit-glossary/1"
ROUNDS = 8  # expectation-maximisation rounds
KEEP = 2  # English words kept per Spanish stem...
AT_LEAST = 0.1  # ...each with at least this probability
_NULL = ""

Glossary = dict[str, tuple[str, ...]]


def learn(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> dict[str, list[list[object]]]:
    """Spanish stem -> its likeliest English words with their probabilities, best first,
    from pairs of (Spanish stems, English words) that say the same thing."""
    corpus = [([*es, _NULL], list(en)) for es, en in pairs if es and en]
    start = 1.0 / max(1, len({w for _, en in corpus for w in en}))
    chance: dict[tuple[str, str], float] = defaultdict(lambda: start)
    for _round in range(ROUNDS):
        count: dict[tuple[str, str], float] = defaultdict(float)
        total: dict[str, float] = defaultdict(float)
        for es, en in corpus:
            for word in en:
                norm = sum(chance[(word, stem)] for stem in es)
                for stem in es:
                    share = chance[(word, stem)] / norm
                    count[(word, stem)] += share
                    total[stem] += share
        chance = defaultdict(float, {k: v / total[k[1]] for k, v in count.items()})
    best: dict[str, list[tuple[float, str]]] = defaultdict(list)
    for (word, stem), p in chance.items():
        if stem != _NULL and p >= AT_LEAST:
            best[stem].append((p, word))
    return {stem: [[word, round(p, 3)] for p, word in sorted(found, key=lambda x: (-x[0], x[1]))
                   [:KEEP]]
            for stem, found in sorted(best.items())}


def write(words: dict[str, list[list[object]]], path: Path, sources: str) -> None:
    """Write the word list (same input, same bytes)."""
    document = {"format": FORMAT, "learnt_from": sources, "words": words}
    path.write_text(json.dumps(document, ensure_ascii=False, sort_keys=True, indent=0) + "\n",
                    encoding="utf-8")


@lru_cache(maxsize=1)
def spanish_glossary() -> Glossary:
    """The shipped word list (empty when the file is missing or unreadable)."""
    try:
        document = json.loads(packaged("glossary-es.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return {}
    return {stem: tuple(str(w[0]) for w in found)
            for stem, found in document.get("words", {}).items()}


def gloss(english: Sequence[Token], spanish: Sequence[Token], words: Glossary) -> str:
    """The English a meaning model reads for an answer: its English words as typed, then
    the English words of each Spanish word the list knows ("" when there are none)."""
    said = [t.word for t in english if t.term]
    for token in spanish:
        if token.term:
            said.extend(words.get(token.term, ()))
    return " ".join(said)
