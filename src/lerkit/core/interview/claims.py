"""Suggested and accepted competencies of a module run.

Suggestions are never stored: they are recomputed from the answers by the injected
suggester (or the military crosswalk lookup for questions marked ``suggest: military``),
so a saved interview stays small and a better matcher improves old interviews. What the
person decided (accepted with a proficiency, or rejected) is stored in the state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from lerkit.core.interview.model import Choice, Kind, Question, Suggest
from lerkit.core.interview.state import Answer
from lerkit.core.matching.best import best_per_competency
from lerkit.core.matching.shortlist import close_to_best
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.records import (
    ClaimRecord,
    ClaimStatus,
    EvidenceRecord,
    ExperienceRecord,
    Proficiency,
)

# A lookup takes the text and the taxonomy categories of the part of life being asked
# about (whose suggestions count a little more); the military crosswalk ignores them.
Lookup = Callable[[str, Sequence[str]], Sequence[Match]]
DEFAULT_TAXONOMY = "lerkit"
MEMO_LIMIT = 512  # texts remembered per interview (live typing asks for many)
SUGGESTIONS = 8  # at most, for one answer
# found by an answer's words: under the 5th, most suggestions a coach judged on the
# breadth set were absurd (54% at ranks 6 to 8, 11% right), and each one stored is one
# more to review in the record
WORD_SUGGESTIONS = 5
CHOICE_SUGGESTIONS = 3  # a ticked box names one everyday activity
ENGLISH = "en"  # the language of the prompts' structure, and of the choices' match words


@dataclass(frozen=True)
class Suggestion:
    """A competency suggested by one answer; ``text`` is what was sent to the lookup."""

    key: str
    question_id: str
    text: str
    match: Match


@dataclass(frozen=True)
class AcceptedClaim:
    """A competency the person accepted for a module run."""

    competency_id: str
    taxonomy: str = DEFAULT_TAXONOMY
    label: str = ""
    proficiency: Proficiency | None = None

    def to_dict(self) -> dict[str, str]:
        out = {"id": self.competency_id, "taxonomy": self.taxonomy, "label": self.label}
        if self.proficiency is not None:
            out["proficiency"] = self.proficiency.value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, str]) -> AcceptedClaim:
        raw = data.get("proficiency")
        return cls(
            competency_id=data["id"],
            taxonomy=data.get("taxonomy") or DEFAULT_TAXONOMY,
            label=data.get("label", ""),
            proficiency=Proficiency(raw) if raw else None,
        )


def read_proficiency(value: Proficiency | str | None) -> Proficiency | None:
    """A Proficiency from its value ("on-my-own") or its plain words ("on my own")."""
    if value is None or isinstance(value, Proficiency):
        return value
    words = " ".join(value.lower().replace("-", " ").split())
    for p in Proficiency:
        if words in (p.value.replace("-", " "), p.plain):
            return p
    choices = ", ".join(f'"{p.plain}"' for p in Proficiency)
    raise ValueError(f"unknown proficiency {value!r} (use {choices})")


def lookup_inputs(question: Question, answer: Answer) -> list[str]:
    """The texts an answer sends to its lookup: the text, or each picked choice's words."""
    return [text for text, _shown in _inputs(question, answer)]


def _inputs(question: Question, answer: Answer) -> list[tuple[str, Choice | None]]:
    if question.suggest is Suggest.NONE:
        return []
    if question.kind in (Kind.CHOICE, Kind.MULTI):
        ids = answer if isinstance(answer, list) else [answer]
        found = [question.find_choice(i) for i in ids]
        return [(c.match_text, c) for c in found if c is not None]
    return [(answer, None)] if isinstance(answer, str) and answer.strip() else []


def picked_choice(question: Question, text: str, language: str) -> Choice | None:
    """The choice of ``question`` whose words for the matcher are ``text``, when they are
    in another language than the one the person reads (a translated module keeps the
    English words of its choices for the matcher): its suggestions are then explained by
    the choice picked, not by words the person never saw."""
    if language == ENGLISH or question.kind not in (Kind.CHOICE, Kind.MULTI):
        return None
    return next((c for c in question.choices if c.match_text == text), None)


def of_choice(matches: Sequence[Match], kind: Suggest) -> tuple[Match, ...]:
    """What a ticked checklist item or picked choice suggests: a box names an everyday
    activity in general words, so its skills are lerkit's own (the work activities of
    particular trades come from the person's own words), the best few
    (``CHOICE_SUGGESTIONS``, close to the best one); the best of all of them when
    lerkit's taxonomy gave none or the lookup is the military one."""
    own = [m for m in matches if m.taxonomy == DEFAULT_TAXONOMY]
    if kind is not Suggest.SKILLS:
        return tuple(matches)
    return tuple(close_to_best(own or matches)[:CHOICE_SUGGESTIONS])


def of_text(matches: Sequence[Match]) -> tuple[Match, ...]:
    """What an answer in the person's words suggests: of the matches found by its words,
    the first ``WORD_SUGGESTIONS`` close to the best one
    (:func:`~lerkit.core.matching.shortlist.close_to_best`), with every skill of a
    military job it names (a crosswalk); ``SUGGESTIONS`` at most."""
    shown: list[Match] = []
    words = 0
    for match in close_to_best(matches):
        if match.matched_via is not MatchedVia.CROSSWALK:
            if words == WORD_SUGGESTIONS:
                continue
            words += 1
        shown.append(match)
    return tuple(shown[:SUGGESTIONS])


def as_picked(matches: Sequence[Match], choice: Choice | None) -> tuple[Match, ...]:
    """The matches explained as coming from the choice picked (unchanged without one)."""
    if choice is None:
        return tuple(matches)
    return tuple(replace(m, matched_via=MatchedVia.PICKED, matched_text=choice.label,
                         matched_words=(), through="") for m in matches)


@dataclass
class SuggestionCache:
    """Calls the lookups at most once per text; the cache lives only in memory."""

    suggester: Lookup | None = None
    military: Lookup | None = None
    _memo: dict[tuple[str, str, tuple[str, ...]], tuple[Match, ...]] = field(
        default_factory=dict)

    def lookup(self, kind: Suggest, text: str, areas: Sequence[str] = ()) -> tuple[Match, ...]:
        fn = self.military if kind is Suggest.MILITARY else self.suggester
        if fn is None or kind is Suggest.NONE or not text.strip():
            return ()
        memo_key = (kind.value, text, tuple(areas))
        if memo_key not in self._memo:
            if len(self._memo) >= MEMO_LIMIT:  # oldest first: dicts keep insertion order
                del self._memo[next(iter(self._memo))]
            self._memo[memo_key] = tuple(fn(text, tuple(areas)))
        return self._memo[memo_key]

    def for_answer(self, key: str, question: Question, answer: Answer,
                   areas: Sequence[str] = (), language: str = ENGLISH) -> list[Suggestion]:
        """The suggestions of one answer; ``language`` is the one its module is read in
        (see :func:`picked_choice`)."""
        out: list[Suggestion] = []
        for text, choice in _inputs(question, answer):
            found = self.lookup(question.suggest, text, areas)
            found = of_choice(found, question.suggest) if choice is not None else of_text(found)
            for match in as_picked(found, choice if language != ENGLISH else None):
                out.append(Suggestion(key, question.id, text, match))
        return out


def best_suggestions(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """One suggestion per competency (the highest score), best first."""
    return best_per_competency(suggestions, lambda s: s.match)


def claim_records(
    claim_id: Callable[[str, str], str],
    experience: ExperienceRecord,
    evidence: list[EvidenceRecord],
    suggestions: Sequence[Suggestion],
    accepted: Sequence[AcceptedClaim],
    rejected: Sequence[str],
) -> list[ClaimRecord]:
    """Accepted claims (with the run's evidence) then the remaining suggestions."""
    out: list[ClaimRecord] = []
    labels = {(s.match.taxonomy, s.match.competency_id): s.match.label for s in suggestions}
    for a in accepted:
        label = a.label or labels.get((a.taxonomy, a.competency_id), a.competency_id)
        out.append(
            ClaimRecord(
                id=claim_id(a.taxonomy, a.competency_id),
                taxonomy=a.taxonomy,
                competency_id=a.competency_id,
                label=label,
                status=ClaimStatus.ACCEPTED,
                proficiency=a.proficiency,
                experience=experience,
                evidence=list(evidence),
            )
        )
    taken = {(a.taxonomy, a.competency_id) for a in accepted}
    for s in best_suggestions(suggestions):
        k = (s.match.taxonomy, s.match.competency_id)
        if k in taken or s.match.competency_id in rejected:
            continue
        out.append(
            ClaimRecord(
                id=claim_id(*k),
                taxonomy=s.match.taxonomy,
                competency_id=s.match.competency_id,
                label=s.match.label,
                experience=experience,
            )
        )
    return out
