"""A live interview: every answer saved at once, and the person's record kept in step.

Each step (an answer, a skip, going back, accepting a skill, adding evidence) is one
transaction that stores the engine's whole state, the raw answer, and the experiences,
claims and evidence the interview has produced so far. An interview interrupted at any
point resumes at the same question with nothing lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.interview import Interview, PromptBank, Step, load_answers, load_bank, replay_file
from lerkit.core.interview.values import AnswerInput
from lerkit.core.matching.types import Match
from lerkit.core.records import EvidenceKind, Proficiency
from lerkit.core.resources import data_file
from lerkit.services import matching, military, people, taxonomies
from lerkit.services.context import Lerkit
from lerkit.services.interview_sync import sync_record
from lerkit.services.people import require_person
from lerkit.storage.tables import InterviewAnswer, InterviewSession, utcnow

TAXONOMY = "lerkit"
SUGGESTIONS = 8
_bank: PromptBank | None = None


def prompt_bank() -> PromptBank:
    """The shipped prompt bank, loaded once per process."""
    global _bank
    if _bank is None:
        _bank = load_bank()
    return _bank


Lookup = Callable[[str, Sequence[str]], list[Match]]


def lookups(ler: Lerkit, taxonomy: str | None = None) -> tuple[Lookup, Lookup]:
    """The skill matcher and the military crosswalk, as lookups. Suggestions come from the
    default search (lerkit's taxonomy, O*NET's work activities and the coach's defaults)
    unless ``taxonomy`` names one."""
    search = (matching.default_search(ler) if taxonomy is None
              else matching.matcher_for(ler, taxonomy))

    def suggest(text: str, areas: Sequence[str] = ()) -> list[Match]:
        return search.match(text, top=SUGGESTIONS, areas=areas)

    def crosswalk(text: str, areas: Sequence[str] = ()) -> list[Match]:
        return military.lookup(text, SUGGESTIONS).matches

    return suggest, crosswalk


class LiveInterview:
    """One person's interview, bound to its stored session."""

    def __init__(self, ler: Lerkit, person_id: str, session_id: str, interview: Interview,
                 owned: dict[str, list[str]]) -> None:
        self.ler = ler
        self.person_id = person_id
        self.session_id = session_id
        self.interview = interview
        self.owned = owned

    # --- opening ----------------------------------------------------------------------

    @classmethod
    def open(cls, ler: Lerkit, person_id: str, modules: list[str] | None = None,
             new: bool = False, taxonomy: str | None = None) -> LiveInterview:
        """Resume the person's open interview, or start one (over ``modules``).

        Suggestions come from the default search, or from ``taxonomy`` if given.
        """
        require_person(ler, person_id)
        suggest, crosswalk = lookups(ler, taxonomy)
        bank = prompt_bank()
        with ler.transaction() as session:
            row = None if new else _open_row(session, person_id)
            if row is not None:
                state = row.state
                interview = Interview.from_dict(bank, state["engine"], suggester=suggest,
                                                military=crosswalk)
                return cls(ler, person_id, row.id, interview, dict(state.get("owned", {})))
            interview = Interview(bank, modules, suggester=suggest, military=crosswalk)
            row = InterviewSession(person_id=person_id,
                                   state={"engine": interview.to_dict(), "owned": {}})
            session.add(row)
            session.flush()
            return cls(ler, person_id, row.id, interview, {})

    # --- what the UI reads ------------------------------------------------------------

    def current(self) -> Step | None:
        """The question to show now (None when finished)."""
        return self.interview.current()

    def preview(self, text: str) -> list[Match]:
        """Live suggestions for text being typed; nothing is stored."""
        return self.interview.preview(text)

    # --- steps, each saved in one transaction --------------------------------------------

    def answer(self, value: AnswerInput) -> None:
        """Answer the current question and move on."""
        step = self._step()
        self.interview.answer(value)
        self._save(step, value, skipped=False)

    def skip(self) -> None:
        """Leave the current question unanswered."""
        step = self._step()
        self.interview.skip()
        self._save(step, "", skipped=True)

    def skip_part(self) -> None:
        """Skip the rest of the current part of the interview."""
        step = self._step()
        self.interview.skip_module()
        self._save(step, "", skipped=True)

    def back(self) -> bool:
        """Go back one question."""
        moved = self.interview.back()
        if moved:
            self._save(None)
        return moved

    def accept(self, competency_id: str, *, taxonomy: str = TAXONOMY, label: str = "",
               proficiency: Proficiency | None = None, run: str | None = None) -> None:
        """Accept a skill for a part (``module/run``; the current one by default).

        A skill picked by hand must exist in its taxonomy; its label is looked up.
        """
        if not label:
            label = taxonomies.competency(self.ler, taxonomy, competency_id)[1].label
        self.interview.accept(competency_id, taxonomy=taxonomy, label=label,
                              proficiency=proficiency, run=run)
        self._save(None)

    def reject(self, competency_id: str, run: str | None = None) -> None:
        """Turn down a suggested skill for a part (the current one by default)."""
        self.interview.reject(competency_id, run=run)
        self._save(None)

    def add_evidence(self, kind: EvidenceKind, value: str, name: str = "",
                     run: str | None = None) -> None:
        """Add a note, a link or a file (hashed when stored) to a part."""
        self.interview.add_evidence(kind, value, name=name, run=run)
        self._save(None)

    # --- internals ----------------------------------------------------------------------

    def _step(self) -> Step:
        step = self.interview.current()
        if step is None:
            raise BadInputError("the interview is finished")
        return step

    def _save(self, step: Step | None, value: Any = None, skipped: bool = False) -> None:
        with self.ler.transaction() as session:
            row = session.get(InterviewSession, self.session_id)
            if row is None:
                raise BadInputError("this interview was deleted")
            self.owned = sync_record(session, self.ler, self.person_id, self.interview,
                                     self.owned)
            row.state = {"engine": self.interview.to_dict(), "owned": self.owned}
            row.status = "finished" if self.interview.is_finished else "open"
            row.updated_at = utcnow()
            session.add(row)
            if step is not None:
                seq = len(session.exec(select(InterviewAnswer.id).where(
                    InterviewAnswer.session_id == self.session_id)).all())
                session.add(InterviewAnswer(
                    session_id=self.session_id, seq=seq + 1, module=step.module_id,
                    question=step.question.id, answer=_as_text(value), skipped=skipped))


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Part:
    """One part of the interview, as a person chooses it."""

    id: str
    title: str
    summary: str


def parts() -> list[Part]:
    """Every part of the interview, in the order it is asked."""
    return [Part(m.id, m.title, m.summary) for m in prompt_bank()]


def returning(ler: Lerkit, person_id: str) -> bool:
    """True when the person finished an interview before and has none open.

    Then a new interview should ask which parts to add, rather than go over all again.
    """
    require_person(ler, person_id)
    with ler.db.session() as session:
        if _open_row(session, person_id) is not None:
            return False
        return session.exec(
            select(InterviewSession.id).where(InterviewSession.person_id == person_id,
                                              InterviewSession.status == "finished")
        ).first() is not None


def _open_row(session: Session, person_id: str) -> InterviewSession | None:
    return session.exec(
        select(InterviewSession).where(InterviewSession.person_id == person_id,
                                       InterviewSession.status == "open")
        .order_by(col(InterviewSession.updated_at).desc())
    ).first()


def replay_answers(ler: Lerkit, person_id: str, path: Path,
                   accept_top: int | None = None) -> ReplayResult:
    """Replay a scripted answers file for a person and store the result as one interview."""
    require_person(ler, person_id)
    bank = prompt_bank()
    suggest, crosswalk = lookups(ler)
    result = replay_file(bank, path, suggester=suggest, military=crosswalk,
                         accept_top=accept_top)
    for claim in result.accepted():
        try:
            taxonomies.competency(ler, claim.taxonomy, claim.competency_id)
        except NotFoundError as exc:
            raise BadInputError(f"{path}: cannot accept {claim.competency_id!r}: "
                                f"{exc.message}") from None
    live = LiveInterview(ler, person_id, "", result.interview, {})
    with ler.transaction() as session:
        row = InterviewSession(person_id=person_id, status="finished", state={})
        session.add(row)
        session.flush()
        live.session_id = row.id
        live.owned = sync_record(session, ler, person_id, result.interview, {})
        row.state = {"engine": result.interview.to_dict(), "owned": live.owned}
        session.add(row)
    return ReplayResult(live.session_id, len(result.drafts), len(result.accepted()),
                        result.warnings, dict(result.person))


@dataclass(frozen=True)
class ReplayResult:
    """What a scripted interview stored."""

    session_id: str
    experiences: int
    accepted: int
    warnings: list[str]
    person: dict[str, str]


DEMO_FILE = "demo/veteran-caregiver.yaml"


def create_demo(ler: Lerkit) -> str:
    """Create the sample person from the shipped demo answers; returns their id."""
    path = data_file("prompts", DEMO_FILE)
    script = load_answers(path, prompt_bank())
    name = script.person.get("name") or "Sample person"
    person = people.add_person(ler, name)
    replay_answers(ler, person.id, path)
    return person.id
