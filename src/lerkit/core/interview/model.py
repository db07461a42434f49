"""The prompt bank in memory: modules, questions, choices and conditions.

These are immutable once loaded (see :mod:`lerkit.core.interview.loader`). The engine
walks them; nothing here knows about answers except how to test a condition.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from lerkit.core.errors import NotFoundError
from lerkit.core.records import LifeArea

CHECKLIST_ID = "checklist"
AGAIN_ID = "again"
RESERVED_IDS = frozenset({CHECKLIST_ID, AGAIN_ID})
YES = "yes"
NO = "no"


class Kind(StrEnum):
    """What sort of answer a question takes."""

    TEXT = "text"
    CHOICE = "choice"
    MULTI = "multi"
    DATE = "date"
    YESNO = "yesno"


class Field(StrEnum):
    """Where an answer goes in the experience that the module run produces."""

    TITLE = "title"
    ORGANIZATION = "organization"
    PLACE = "place"
    START = "start"
    END = "end"
    NARRATIVE = "narrative"
    SCALE = "scale"
    EVIDENCE = "evidence"
    VOUCH = "vouch"
    NONE = "none"


class Suggest(StrEnum):
    """Which injected lookup an answer is fed to."""

    SKILLS = "skills"
    MILITARY = "military"
    NONE = "none"


@dataclass(frozen=True)
class Choice:
    """One option of a choice, multi-choice or checklist question.

    ``value`` is the text written into the experience (defaults to ``label``);
    ``match`` is the text fed to the suggester (defaults to ``label``); ``leads_to``
    names a module that ticking this option adds to the interview.
    """

    id: str
    label: str
    value: str = ""
    match: str = ""
    leads_to: str | None = None
    line: int = field(default=0, compare=False)

    @property
    def written(self) -> str:
        return self.value or self.label

    @property
    def match_text(self) -> str:
        return self.match or self.label


@dataclass(frozen=True)
class Condition:
    """A test on an earlier answer of the same module run.

    ``op`` is one of ``is``, ``in``, ``not``, ``has`` or ``answered``. A question that
    was skipped, or is not asked because of its own condition, counts as unanswered:
    then only ``answered: false`` holds.
    """

    question: str
    op: str
    values: tuple[str, ...] = ()
    answered: bool = True

    def holds(self, answers: Mapping[str, Any]) -> bool:
        """Whether the condition holds for the answers given so far in the run."""
        present = self.question in answers
        if self.op == "answered":
            return present == self.answered
        if not present:
            return False
        value = answers[self.question]
        chosen = set(value) if isinstance(value, list) else {value}
        if self.op in ("is", "in"):
            return bool(chosen & set(self.values))
        if self.op == "not":
            return not chosen & set(self.values)
        return set(self.values) <= chosen  # "has"


@dataclass(frozen=True)
class Question:
    """One step of a module."""

    id: str
    kind: Kind
    text: str
    help: str = ""
    examples: tuple[str, ...] = ()
    field: Field = Field.NONE
    label: str = ""
    choices: tuple[Choice, ...] = ()
    when: tuple[Condition, ...] = ()
    suggest: Suggest = Suggest.NONE
    line: int = 0

    def active(self, answers: Mapping[str, Any]) -> bool:
        """Whether every condition holds (a question without ``when`` is always asked)."""
        return all(c.holds(answers) for c in self.when)

    def find_choice(self, choice_id: str) -> Choice | None:
        """The choice with this id, or None (a saved answer may predate an edit)."""
        for c in self.choices:
            if c.id == choice_id:
                return c
        return None

    @property
    def display_label(self) -> str:
        return self.label or self.id.replace("-", " ").capitalize()


@dataclass(frozen=True)
class Module:
    """One life area's questions: checklist, opening, follow-ups, and maybe "again"."""

    id: str
    life_area: LifeArea
    title: str
    questions: tuple[Question, ...]
    summary: str = ""
    order: int = 0
    default_title: str = ""
    skill_areas: tuple[str, ...] = ()  # taxonomy categories whose suggestions count more
    repeat: Question | None = None
    source: str = ""
    language: str = "en"  # the language of the texts (the structure is the English module's)
    _index: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._index.update({q.id: i for i, q in enumerate(self.steps)})

    @property
    def steps(self) -> tuple[Question, ...]:
        """Every question in order, with the "again" question last when there is one."""
        return self.questions + ((self.repeat,) if self.repeat is not None else ())

    def question(self, question_id: str) -> Question:
        return self.steps[self._index[question_id]]

    def has_question(self, question_id: str) -> bool:
        return question_id in self._index


@dataclass(frozen=True)
class PromptBank:
    """Every loaded module, in their display order."""

    modules: tuple[Module, ...]
    source: str = ""
    language: str = "en"
    _by_id: dict[str, Module] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update({m.id: m for m in self.modules})

    def __iter__(self) -> Iterator[Module]:
        return iter(self.modules)

    def __contains__(self, module_id: object) -> bool:
        return module_id in self._by_id

    def module(self, module_id: str) -> Module:
        """The module with this id; NotFoundError names the ones that exist."""
        try:
            return self._by_id[module_id]
        except KeyError:
            known = ", ".join(self._by_id) or "(none)"
            raise NotFoundError(f"no interview module {module_id!r} (known: {known})") from None

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(m.id for m in self.modules)
