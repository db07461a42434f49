"""What the engine hands out: the question to show now (:class:`Step`) and the result
of one module run (:class:`ExperienceDraft`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from lerkit.core.dates import parse_when
from lerkit.core.i18n import _
from lerkit.core.interview.claims import AcceptedClaim, Suggestion, claim_records
from lerkit.core.interview.model import Choice, Field, Kind, Module, Question
from lerkit.core.interview.output import stable_id
from lerkit.core.interview.state import Answer
from lerkit.core.records import ClaimRecord, EvidenceRecord, ExperienceRecord


@dataclass(frozen=True)
class Step:
    """What a UI shows for the current question."""

    key: str
    module_id: str
    module_title: str
    run: int
    question: Question
    number: int
    total: int
    module_number: int
    module_count: int
    answer: Answer | None = None
    skipped: bool = False

    @property
    def text(self) -> str:
        return self.question.text

    @property
    def help(self) -> str:
        return self.question.help

    @property
    def examples(self) -> tuple[str, ...]:
        return self.question.examples

    @property
    def kind(self) -> Kind:
        return self.question.kind

    @property
    def choices(self) -> tuple[Choice, ...]:
        return self.question.choices

    def names_no_date(self, value: object) -> bool:
        """Whether ``value`` answers this question, one asking when something began or
        ended, in words that give no year and do not say it goes on ("got out in the
        spring"): the record then shows no date for it."""
        if self.question.field not in (Field.START, Field.END) or not isinstance(value, str):
            return False
        when = parse_when(value)
        return bool(value.strip()) and when.year is None and not when.ongoing

    @property
    def progress(self) -> str:
        """E.g. "Part 2 of 5: Military service, question 3 of 12"."""
        title = _("{title} (another one)") if self.run else "{title}"
        return _("Part {part} of {parts}: {title}, question {number} of {total}").format(
            part=self.module_number, parts=self.module_count,
            title=title.format(title=self.module_title), number=self.number, total=self.total,
        )


@dataclass
class ExperienceDraft:
    """One module run's result: the experience, its evidence, suggestions and choices."""

    key: str
    module: Module
    run: int
    record: ExperienceRecord
    evidence: list[EvidenceRecord]
    suggestions: list[Suggestion]
    accepted: list[AcceptedClaim]
    rejected: list[str]
    answers: dict[str, Answer] = field(default_factory=dict)

    def claims(self, interview_id: str) -> list[ClaimRecord]:
        def cid(taxonomy: str, competency: str) -> str:
            return stable_id(interview_id, "claim", self.key, taxonomy, competency)

        return claim_records(
            cid, self.record, self.evidence, self.suggestions, self.accepted, self.rejected
        )
