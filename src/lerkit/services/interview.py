"""A live interview: every answer saved at once, and the person's record kept in step.

Each step (an answer, a skip, going back, accepting a skill, adding evidence) is one
transaction that stores the engine's state, logs the raw answer, and writes what the
step changed in the person's record (:mod:`lerkit.services.interview_record`). An
interview interrupted at any point resumes at the same question with nothing lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlmodel import Session

from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.i18n import _, current_language
from lerkit.core.interview import Interview, PromptBank, Step, load_answers, load_bank, replay_file
from lerkit.core.interview.claims import SUGGESTIONS, read_proficiency
from lerkit.core.interview.values import AnswerInput
from lerkit.core.matching.best import best_matches
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.merged import MergedSearch
from lerkit.core.matching.types import Match
from lerkit.core.records import ClaimStatus, EvidenceKind, Proficiency
from lerkit.core.resources import data_file
from lerkit.services import audit_log, matching, military, people, taxonomies
from lerkit.services import interview_record as record
from lerkit.services.context import Lerkit
from lerkit.services.people import person_in, require_person
from lerkit.services.skill_names import SkillNames
from lerkit.storage import interviews as stored

TAXONOMY = "lerkit"
# the answer's words bring this many to the interview, which shows the few that fit
# (:func:`lerkit.core.interview.claims.of_text` and ``of_choice``)
CANDIDATES = 12
JOB_SKILLS = 5  # at most, from military jobs named in an answer: the person's words count too
_banks: dict[str, PromptBank] = {}


def prompt_bank() -> PromptBank:
    """The shipped prompt bank in the current language, loaded once per process."""
    language = current_language()
    if language not in _banks:
        _banks[language] = load_bank(language=language)
    return _banks[language]


Lookup = Callable[[str, Sequence[str]], list[Match]]


def search_for(ler: Lerkit, taxonomy: str | None = None) -> MergedSearch | Matcher:
    """Where suggestions come from: the default search (lerkit's taxonomy, O*NET's work
    activities and the coach's defaults) unless ``taxonomy`` names one."""
    return (matching.default_search(ler) if taxonomy is None
            else matching.matcher_for(ler, taxonomy))


def lookups(ler: Lerkit, taxonomy: str | None = None,
            search: MergedSearch | Matcher | None = None) -> tuple[Lookup, Lookup]:
    """The skill matcher and the military crosswalk, as lookups: suggestions from
    ``search`` (or :func:`search_for` ``taxonomy``), plus the crosswalk's skills of any
    military job an answer names by code or title."""
    search = search if search is not None else search_for(ler, taxonomy)

    def suggest(text: str, areas: Sequence[str] = ()) -> list[Match]:
        jobs = military.in_text(text)[:JOB_SKILLS]  # military jobs the answer names
        found = search.match(text, top=CANDIDATES, areas=areas)
        return best_matches([*jobs, *found]) if jobs else found

    def crosswalk(text: str, areas: Sequence[str] = ()) -> list[Match]:
        return military.lookup(text, SUGGESTIONS).matches

    return suggest, crosswalk


class LiveInterview:
    """One person's interview, bound to its stored session.

    Every step is one unit of work: the step is applied to a copy of the interview, what
    it changed is written in one transaction, and the copy replaces the interview only
    once that transaction has committed; a failed save changes nothing, in memory or
    stored.
    """

    def __init__(self, ler: Lerkit, person_id: str, session_id: str,
                 interview: Interview, search: MergedSearch | Matcher | None = None) -> None:
        self.ler = ler
        self.search = search  # the suggestions' search, kept to say how an answer is matched
        self.person_id = person_id
        self.session_id = session_id
        self.interview = interview
        self.rows_written = 0  # by the last step, for benchmarks and tests
        self.names = SkillNames(ler)  # skills named in the language spoken

    # --- opening ----------------------------------------------------------------------

    @classmethod
    def open(cls, ler: Lerkit, person_id: str, modules: list[str] | None = None,
             new: bool = False, taxonomy: str | None = None) -> LiveInterview:
        """Resume the person's open interview, or start one (over ``modules``).

        Suggestions come from the default search, or from ``taxonomy`` if given. A
        resumed interview reads its decisions from the stored claims and brings the
        stored suggestions up to date with the matcher.
        """
        search = search_for(ler, taxonomy)
        suggest, crosswalk = lookups(ler, search=search)
        bank = prompt_bank()
        with ler.transaction() as session:
            person_in(session, person_id)
            audit_log.record_read(session, ler, person_id, "interview")
            found = None if new else stored.open_session(session=session, person_id=person_id)
            if found is None:
                interview = Interview(bank, modules, suggester=suggest, military=crosswalk)
                session_id = stored.add_session(session=session, person_id=person_id,
                                                state=_state(interview))
                return cls(ler, person_id, session_id, interview, search)
            session_id, state = found
            interview = Interview.from_dict(bank, state["engine"], suggester=suggest,
                                            military=crosswalk)
            record.read_decisions(session, interview)
            record.refresh_suggestions(session, ler, person_id, interview.drafts())
            return cls(ler, person_id, session_id, interview, search)

    def reload_decisions(self) -> None:
        """Read the decisions again (after the review screen changed some)."""
        with self.ler.db.session() as session:
            twin = self.interview.copy()
            record.read_decisions(session, twin)
        self.interview = twin

    # --- what the UI reads ------------------------------------------------------------

    def current(self) -> Step | None:
        """The question to show now (None when finished), in the current language."""
        self.follow_language()
        return self.interview.current()

    def preview(self, text: str) -> list[Match]:
        """Live suggestions for text being typed; nothing is stored."""
        return self.interview.preview(text)

    def notice(self, text: str) -> str:
        """How ``text`` is matched, when the person should know ("" otherwise): an answer
        in Spanish is matched by its words and, more roughly, by meaning."""
        if not text.strip():
            return ""
        search = self.search if self.search is not None else search_for(self.ler)
        return search.notice(text)

    def follow_language(self) -> None:
        """Show the prompts in the current language: the question ids are the same in
        every language, so the interview goes on at the same question."""
        bank = prompt_bank()
        if bank is not self.interview.bank:
            self.interview = self.interview.in_bank(bank)

    # --- steps, each saved in one transaction --------------------------------------------

    def answer(self, value: AnswerInput) -> None:
        """Answer the current question and move on."""
        self._step(lambda iv: iv.answer(value), logged=(value, False))

    def skip(self) -> None:
        """Leave the current question unanswered."""
        self._step(lambda iv: iv.skip(), logged=("", True))

    def skip_part(self) -> None:
        """Skip the rest of the current part of the interview."""
        self._step(lambda iv: iv.skip_module(), logged=("", True))

    def back(self) -> bool:
        """Go back one question."""
        moved: list[bool] = []
        self._step(lambda iv: moved.append(iv.back()))
        return moved[0]

    def accept(self, competency_id: str, *, taxonomy: str = TAXONOMY, label: str = "",
               proficiency: Proficiency | None = None, run: str | None = None) -> None:
        """Accept a skill for a part (``module/run``; the current one by default).

        A skill picked by hand must exist in its taxonomy; its label is looked up.
        """
        if not label:
            label = taxonomies.competency(self.ler, taxonomy, competency_id)[1].label

        def decide(session: Session, iv: Interview, target: str) -> None:
            record.write_decision(session, self.ler, self.person_id, iv, target,
                                  competency_id, taxonomy=taxonomy, label=label,
                                  status=ClaimStatus.ACCEPTED,
                                  proficiency=read_proficiency(proficiency))

        self._step(lambda iv: iv.accept(competency_id, taxonomy=taxonomy, label=label,
                                        proficiency=proficiency, run=run),
                   decided=(run, decide))

    def reject(self, competency_id: str, run: str | None = None, *,
               taxonomy: str | None = None, label: str = "") -> None:
        """Turn down a suggested skill for a part (the current one by default). A skill
        suggested live, for an answer not saved yet, is named by ``taxonomy`` and
        ``label``: its turn-down is stored at once, as an acceptance is, so it stays
        whether or not that answer is saved."""
        def decide(session: Session, iv: Interview, target: str) -> None:
            record.write_decision(session, self.ler, self.person_id, self.interview, target,
                                  competency_id, taxonomy=taxonomy, label=label,
                                  status=ClaimStatus.REJECTED, proficiency=None)

        self._step(lambda iv: iv.reject(competency_id, run=run), decided=(run, decide))

    def add_evidence(self, kind: EvidenceKind, value: str, name: str = "",
                     run: str | None = None, dated: str | None = None) -> None:
        """Add a note, a link or a file (hashed when stored) to a part, with its own date
        ("spring 2019", "ongoing") if given."""
        self._step(lambda iv: iv.add_evidence(kind, value, name=name, dated=dated, run=run))

    # --- internals ----------------------------------------------------------------------

    def _step(self, change: Callable[[Interview], object],
              logged: tuple[AnswerInput, bool] | None = None,
              decided: tuple[str | None, Decide] | None = None) -> None:
        self.follow_language()
        asked = self.interview.current()
        if logged is not None and asked is None:
            raise BadInputError(_("the interview is finished"))
        after = self.interview.copy()
        change(after)
        before_drafts = self.interview.drafts()
        with self.ler.transaction() as session:
            written = record.write_changes(session, self.ler, self.person_id, before_drafts,
                                           after.drafts())
            if written:  # new suggestions may be ones turned down while they were live
                written += record.write_rejections(session, self.ler, self.person_id, after)
            if decided is not None:
                run, decide = decided
                decide(session, after, after.run_key(run))
                written += 1
            if not stored.save_state(session=session, session_id=self.session_id,
                                     state=_state(after), finished=after.is_finished):
                raise BadInputError(_("this interview was deleted"))
            if logged is not None and asked is not None:
                value, skipped = logged
                stored.log_answer(session=session, session_id=self.session_id,
                                  module=asked.module_id, question=asked.question.id,
                                  answer=_as_text(value), skipped=skipped)
        self.interview = after
        self.rows_written = written


Decide = Callable[[Session, Interview, str], None]


def _state(iv: Interview) -> dict[str, Any]:
    """The stored form of the engine's state: decisions live in the claim rows."""
    return {"engine": iv.state.to_dict(decisions=False)}


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


def first_time(ler: Lerkit, person_id: str) -> bool:
    """True when the person has never started an interview.

    Then the first one should ask which parts of their life apply, and ask only those.
    """
    with ler.db.session() as session:
        person_in(session, person_id)
        return (stored.open_session(session=session, person_id=person_id) is None
                and not stored.has_finished(session=session, person_id=person_id))


def returning(ler: Lerkit, person_id: str) -> bool:
    """True when the person finished an interview before and has none open.

    Then a new interview should ask which parts to add, rather than go over all again.
    """
    with ler.db.session() as session:
        person_in(session, person_id)
        if stored.open_session(session=session, person_id=person_id) is not None:
            return False
        return stored.has_finished(session=session, person_id=person_id)


def replay_answers(ler: Lerkit, person_id: str, path: Path,
                   accept_top: int | None = None) -> ReplayResult:
    """Replay a scripted answers file for a person and store the result as one interview."""
    require_person(ler, person_id)
    bank = prompt_bank()
    suggest, crosswalk = lookups(ler)
    result = replay_file(bank, path, suggester=suggest, military=crosswalk,
                         accept_top=accept_top)
    labels: dict[tuple[str, str], str] = {}
    for claim in result.accepted():
        try:
            entry = taxonomies.competency(ler, claim.taxonomy, claim.competency_id)[1]
            labels[(claim.taxonomy, claim.competency_id)] = entry.label
        except NotFoundError as exc:
            raise BadInputError(_("{path}: cannot accept {id!r}: {problem}").format(
                path=path, id=claim.competency_id, problem=exc.message)) from None
    iv = result.interview
    with ler.transaction() as session:
        session_id = stored.add_session(session=session, person_id=person_id,
                                        state=_state(iv), finished=True)
        for draft in iv.drafts():
            record.write_run(session, ler, person_id, draft)
            for accepted in draft.accepted:
                record.write_decision(session, ler, person_id, iv, draft.key,
                                      accepted.competency_id, taxonomy=accepted.taxonomy,
                                      label=labels.get((accepted.taxonomy,
                                                        accepted.competency_id),
                                                       accepted.label),
                                      status=ClaimStatus.ACCEPTED,
                                      proficiency=accepted.proficiency)
    return ReplayResult(session_id, len(result.drafts), len(result.accepted()),
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
