"""The passages of a record that may say more than the person wants an employer to read.

What is looked at: each experience's title, organization, place and story, and each
piece of evidence's name and note. Skill names come from a taxonomy and are not looked
at. A child's name found anywhere makes every passage that uses it show up too.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lerkit.core.privacy.finder import Finder, Hit
from lerkit.core.privacy.words import WordLists, load_word_lists
from lerkit.core.records import ClaimRecord

EXPERIENCE, EVIDENCE = "experience", "evidence"
EXPERIENCE_FIELDS = ("title", "organization", "place", "narrative")
EVIDENCE_FIELDS = ("name", "narrative")


@dataclass(frozen=True)
class Passage:
    """One sentence of one field: where it is, what it says and what was found in it.

    ``start`` and ``end`` place ``sentence`` in the field's text when it was checked.
    """

    entity: str  # "experience" or "evidence"
    entity_id: str
    field: str
    sentence: str
    start: int
    end: int
    hits: tuple[Hit, ...]

    @property
    def kinds(self) -> tuple[str, ...]:
        """Every kind found, in the order found (``health``, ``child's name``…)."""
        return tuple(dict.fromkeys(hit.kind for hit in self.hits))

    @property
    def kind(self) -> str:
        """The first kind found."""
        return self.hits[0].kind

    @property
    def words(self) -> tuple[str, ...]:
        """The matched words, as written."""
        return tuple(hit.words for hit in self.hits)

    @property
    def where(self) -> str:
        """``experience 1a2b…, narrative``: for a list a person reads."""
        return f"{self.entity} {self.entity_id}, {self.field}"


def record_texts(claims: Iterable[ClaimRecord]) -> list[tuple[str, str, str, str]]:
    """Every looked-at text once, as (entity, id, field, text), in the claims' order."""
    seen: set[tuple[str, str]] = set()
    texts: list[tuple[str, str, str, str]] = []
    for claim in claims:
        exp = claim.experience
        if exp is not None and (EXPERIENCE, exp.id) not in seen:
            seen.add((EXPERIENCE, exp.id))
            texts += [(EXPERIENCE, exp.id, name, getattr(exp, name))
                      for name in EXPERIENCE_FIELDS]
        for item in claim.evidence:
            if (EVIDENCE, item.id) not in seen:
                seen.add((EVIDENCE, item.id))
                texts += [(EVIDENCE, item.id, name, getattr(item, name))
                          for name in EVIDENCE_FIELDS]
    return [t for t in texts if t[3].strip()]


def find_passages(claims: Sequence[ClaimRecord], lists: WordLists | None = None
                  ) -> list[Passage]:
    """Each passage of the claims' experiences and evidence worth a second look."""
    finder = Finder(lists if lists is not None else load_word_lists())
    texts = record_texts(claims)
    names: set[str] = set()
    for *_, text in texts:
        names |= finder.child_names(text)
    return [Passage(entity, entity_id, field, found.sentence, found.start, found.end,
                    found.hits)
            for entity, entity_id, field, text in texts
            for found in finder.find(text, names)]
