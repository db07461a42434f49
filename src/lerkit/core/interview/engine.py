"""The interview engine: walk the prompt bank, keep the state, produce experiences.

A UI (Textual, the plain line dialogue, the answers-file replay) drives it with
:meth:`Interview.current`, :meth:`~Interview.answer`, :meth:`~Interview.skip`,
:meth:`~Interview.back`, and saves :meth:`~Interview.to_dict` after each call (one
transaction per answer). :meth:`Interview.from_dict` restores it at the same question.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from lerkit.core.errors import BadInputError
from lerkit.core.evidence_checks import check_date, check_file, check_url
from lerkit.core.i18n import _
from lerkit.core.interview.claims import (
    AcceptedClaim,
    Lookup,
    Suggestion,
    SuggestionCache,
    as_picked,
    of_choice,
    of_text,
    picked_choice,
    read_proficiency,
)
from lerkit.core.interview.model import Kind, PromptBank
from lerkit.core.interview.output import added_evidence, build_experience
from lerkit.core.interview.state import InterviewState, run_key
from lerkit.core.interview.step import ExperienceDraft, Step
from lerkit.core.interview.values import AnswerInput, normalise
from lerkit.core.interview.walk import RunRef, Walk, walk
from lerkit.core.matching.types import Match
from lerkit.core.records import (
    ClaimRecord,
    EvidenceKind,
    EvidenceRecord,
    ExperienceRecord,
    Proficiency,
)
from lerkit.core.text_safety import clean_text


class Interview:
    """One person's interview over a prompt bank; all progress lives in :attr:`state`."""

    def __init__(
        self,
        bank: PromptBank,
        modules: Sequence[str] | None = None,
        *,
        suggester: Lookup | None = None,
        military: Lookup | None = None,
        steer: bool = True,
        interview_id: str | None = None,
    ) -> None:
        chosen = list(dict.fromkeys(modules)) if modules is not None else list(bank.ids)
        for module_id in chosen:
            bank.module(module_id)  # NotFoundError names the known modules
        if not chosen:
            raise BadInputError(_("choose at least one part of the interview"))
        self.bank = bank
        self.state = InterviewState.new(chosen, steer, interview_id)
        self._lookups = SuggestionCache(suggester, military)
        self._walk = walk(bank, self.state)
        self.state.cursor = self._walk.steps[0].key if self._walk.steps else None

    # --- saving and restoring -------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """The complete state as JSON-ready data."""
        return self.state.to_dict()

    @classmethod
    def from_dict(
        cls,
        bank: PromptBank,
        data: Any,
        *,
        suggester: Lookup | None = None,
        military: Lookup | None = None,
    ) -> Interview:
        """Restore a saved interview at the question it was on.

        If the prompt bank changed so that question no longer exists, the interview
        resumes at the first question that has neither an answer nor a skip.
        """
        self = cls.__new__(cls)
        self.bank = bank
        self.state = InterviewState.from_dict(data)
        self._lookups = SuggestionCache(suggester, military)
        self._refresh()
        if self._walk.position(self.state.cursor) is None and self.state.cursor is not None:
            done = set(self.state.answers) | set(self.state.skipped)
            todo = [s.key for s in self._walk.steps if s.key not in done]
            self.state.cursor = todo[0] if todo else None
        return self

    def copy(self) -> Interview:
        """An independent copy of the state, sharing the lookups and their memo: change
        the copy, save it, and keep it only if the save succeeds."""
        twin = Interview.__new__(Interview)
        twin.bank = self.bank
        twin.state = InterviewState.from_dict(self.state.to_dict())
        twin._lookups = self._lookups
        twin._refresh()
        return twin

    def in_bank(self, bank: PromptBank) -> Interview:
        """The same interview over another bank with the same ids (the prompts in another
        language): same answers, same question, only the texts change."""
        if bank.ids != self.bank.ids:
            raise BadInputError(_("that prompt bank has other parts; the interview stays as it is"))
        twin = self.copy()
        twin.bank = bank
        twin._refresh()
        return twin

    def set_decisions(self, run: str, accepted: Sequence[AcceptedClaim],
                      rejected: Sequence[str]) -> None:
        """Replace a module run's decisions with ones kept elsewhere (the stored claims)."""
        if accepted:
            self.state.accepted[run] = [c.to_dict() for c in accepted]
        else:
            self.state.accepted.pop(run, None)
        if rejected:
            self.state.rejected[run] = list(dict.fromkeys(rejected))
        else:
            self.state.rejected.pop(run, None)

    # --- walking --------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.state.id

    @property
    def is_finished(self) -> bool:
        return self.state.cursor is None

    def current(self) -> Step | None:
        """The question to show now, or None when the interview is finished."""
        pos = self._walk.position(self.state.cursor)
        if pos is None:
            return None
        ref = self._walk.steps[pos]
        same_run = [s for s in self._walk.steps if s.run_key == ref.run_key]
        return Step(
            key=ref.key,
            module_id=ref.module.id,
            module_title=ref.module.title,
            run=ref.run,
            question=ref.question,
            number=same_run.index(ref) + 1,
            total=len(same_run),
            module_number=self._walk.plan.index(ref.module.id) + 1,
            module_count=len(self._walk.plan),
            answer=self.state.answers.get(ref.key),
            skipped=ref.key in self.state.skipped,
        )

    def answer(self, value: AnswerInput) -> None:
        """Answer the current question and move on; an empty answer is a skip."""
        step = self._require_step()
        stored = normalise(step.question, value)
        if stored is None:
            self.skip()
            return
        self.state.answers[step.key] = stored
        if step.key in self.state.skipped:
            self.state.skipped.remove(step.key)
        self._advance(step.key)

    def skip(self) -> None:
        """Leave the current question unanswered and move on."""
        step = self._require_step()
        self.state.answers.pop(step.key, None)
        if step.key not in self.state.skipped:
            self.state.skipped.append(step.key)
        self._advance(step.key)

    def skip_module(self) -> None:
        """Skip the rest of the current part and go to the first question of the next one."""
        step = self._require_step()
        pos = self._walk.index[step.key]
        rest = self._walk.steps[pos:]
        target = next((s.key for s in rest if s.module.id != step.module_id), None)
        for s in rest:
            if s.key == target:
                break
            if s.key not in self.state.answers and s.key not in self.state.skipped:
                self.state.skipped.append(s.key)
        self.state.trail.append(step.key)
        self.state.cursor = target
        self._refresh()

    def back(self) -> bool:
        """Go back to the question before; False (and no change) at the very start."""
        while self.state.trail:
            key = self.state.trail.pop()
            if self._walk.position(key) is not None:
                self.state.cursor = key
                return True
        return False

    # --- suggestions and the person's choices ----------------------------------------

    def preview(self, text: str) -> list[Match]:
        """Live suggestions for text typed at the current question (nothing is stored)."""
        step = self.current()
        if step is None:
            return []
        module = self.bank.module(step.module_id)
        found = self._lookups.lookup(step.question.suggest, text, module.skill_areas)
        if step.question.kind in (Kind.CHOICE, Kind.MULTI):
            found = of_choice(found, step.question.suggest)
        else:
            found = of_text(found)
        return list(as_picked(found, picked_choice(step.question, text, module.language)))

    def suggestions(self, key: str | None = None) -> list[Suggestion]:
        """Suggestions from the stored answer at ``key`` (the current question by default)."""
        key = key or self.state.cursor
        pos = self._walk.position(key)
        if key is None or pos is None or key not in self.state.answers:
            return []
        ref = self._walk.steps[pos]
        return self._lookups.for_answer(key, ref.question, self.state.answers[key],
                                        ref.module.skill_areas, ref.module.language)

    def accept(
        self,
        competency_id: str,
        *,
        taxonomy: str = "",
        label: str = "",
        proficiency: Proficiency | str | None = None,
        run: str | None = None,
    ) -> None:
        """Accept a competency for a module run (the current one by default)."""
        target = self.run_key(run)
        claim = AcceptedClaim(
            competency_id, taxonomy or "lerkit", label, read_proficiency(proficiency)
        )
        kept = [
            c
            for c in self.state.accepted.get(target, [])
            if (c.get("taxonomy"), c["id"]) != (claim.taxonomy, claim.competency_id)
        ]
        self.state.accepted[target] = [*kept, claim.to_dict()]
        rejected = self.state.rejected.get(target, [])
        if competency_id in rejected:
            rejected.remove(competency_id)

    def reject(self, competency_id: str, *, run: str | None = None) -> None:
        """Turn down a suggestion (or withdraw an acceptance) for a module run."""
        target = self.run_key(run)
        accepted = self.state.accepted.get(target, [])
        self.state.accepted[target] = [c for c in accepted if c["id"] != competency_id]
        rejected = self.state.rejected.setdefault(target, [])
        if competency_id not in rejected:
            rejected.append(competency_id)

    def add_evidence(
        self,
        kind: EvidenceKind | str,
        value: str,
        *,
        name: str = "",
        dated: str | None = None,
        run: str | None = None,
    ) -> None:
        """Add a note, a URL or a file path as evidence to a module run, with its own date
        if given; a link that is not a web address, a file that cannot be read or a date
        that names no year is refused now, with the reason."""
        kind = EvidenceKind(kind)
        if not value.strip():
            raise BadInputError(_("evidence needs some text, a link or a file path"))
        if kind is EvidenceKind.URL:
            value = check_url(value)
        elif kind is EvidenceKind.FILE:
            check_file(value)  # checked now, read and hashed when stored
        when = check_date(dated or "")
        item = {"kind": kind.value, "value": clean_text(value, multiline=True).strip(),
                "name": clean_text(name).strip()}
        if when is not None:
            item["dated"] = when
        self.state.evidence.setdefault(self.run_key(run), []).append(item)

    def run_suggestions(self, run: str | None = None) -> list[Suggestion]:
        """Every suggestion from the answers of a module run (the current one by default)."""
        target = self.run_key(run)
        found = next((r for r in self._walk.runs if r.key == target), None)
        return self._run_suggestions(found) if found is not None else []

    def _run_suggestions(self, run: RunRef) -> list[Suggestion]:
        out: list[Suggestion] = []
        for question in run.module.steps:
            if question.id in run.answers:
                key = f"{run.key}/{question.id}"
                out += self._lookups.for_answer(key, question, run.answers[question.id],
                                                run.module.skill_areas, run.module.language)
        return out

    # --- results --------------------------------------------------------------------

    def drafts(self) -> list[ExperienceDraft]:
        """One draft per module run that has at least one answer."""
        out: list[ExperienceDraft] = []
        for run in self._walk.runs:
            added = self.state.evidence.get(run.key, [])
            accepted = [AcceptedClaim.from_dict(c) for c in self.state.accepted.get(run.key, [])]
            if not any(v for k, v in run.answers.items() if k != "again") and not accepted:
                continue
            record, evidence = build_experience(self.id, run.module, run.run, run.answers)
            evidence += added_evidence(self.id, run.key, added)
            suggestions = self._run_suggestions(run)
            rejected = list(self.state.rejected.get(run.key, []))
            out.append(
                ExperienceDraft(
                    run.key,
                    run.module,
                    run.run,
                    record,
                    evidence,
                    suggestions,
                    accepted,
                    rejected,
                    dict(run.answers),
                )
            )
        return out

    def experiences(self) -> list[ExperienceRecord]:
        return [d.record for d in self.drafts()]

    def evidence(self) -> list[EvidenceRecord]:
        return [e for d in self.drafts() for e in d.evidence]

    def claims(self) -> list[ClaimRecord]:
        """Accepted claims and the remaining suggestions, each tied to its experience."""
        return [c for d in self.drafts() for c in d.claims(self.id)]

    # --- internals ------------------------------------------------------------------

    def _refresh(self) -> None:
        self._walk = walk(self.bank, self.state)

    @property
    def walk(self) -> Walk:
        return self._walk

    def _require_step(self) -> Step:
        step = self.current()
        if step is None:
            raise BadInputError(_("the interview is finished; go back to change an answer"))
        return step

    def _advance(self, key: str) -> None:
        self.state.trail.append(key)
        self._refresh()
        self.state.cursor = self._walk.after(key)

    def run_key(self, run: str | None) -> str:
        """The key of a module run: ``run`` ("module/number") checked, or the current
        question's run (the last one when the interview is finished)."""
        if run is not None:
            module_id, _slash, number = run.partition("/")
            if module_id not in self.bank or not number.isdigit():
                raise BadInputError(_("not a part of this interview: {run!r}").format(run=run))
            return run_key(module_id, int(number))
        pos = self._walk.position(self.state.cursor)
        if pos is None:
            pos = len(self._walk.steps) - 1
        ref = self._walk.steps[pos]
        return run_key(ref.module.id, ref.run)
