"""Which questions are asked, in which order, given the answers so far.

The walk is recomputed from the state whenever it is needed, so it can never disagree
with the saved answers. Order: each planned module in turn; inside a module, its
questions whose ``when`` holds for the answers earlier in the same run; after the
"again" question answered yes, the same module once more (run 1, 2, ...). A ticked
checklist item with ``leads_to`` adds that module to the end of the plan (steering).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lerkit.core.interview.model import AGAIN_ID, CHECKLIST_ID, YES, Module, PromptBank, Question
from lerkit.core.interview.state import Answer, InterviewState, run_key, step_key

MAX_RUNS = 20


@dataclass(frozen=True)
class StepRef:
    """One question of one run of one module, at its place in the walk."""

    module: Module
    run: int
    question: Question

    @property
    def key(self) -> str:
        return step_key(self.module.id, self.run, self.question.id)

    @property
    def run_key(self) -> str:
        return run_key(self.module.id, self.run)


@dataclass(frozen=True)
class RunRef:
    """One run of a module and the answers that count in it (asked questions only)."""

    module: Module
    run: int
    answers: dict[str, Answer]

    @property
    def key(self) -> str:
        return run_key(self.module.id, self.run)


@dataclass
class Walk:
    """The questions currently in the interview, and the effective answers per run."""

    plan: list[str]
    steps: list[StepRef] = field(default_factory=list)
    runs: list[RunRef] = field(default_factory=list)
    index: dict[str, int] = field(default_factory=dict)

    def position(self, key: str | None) -> int | None:
        return None if key is None else self.index.get(key)

    def after(self, key: str) -> str | None:
        """The key of the step after ``key``, or None at the end."""
        i = self.index[key] + 1
        return self.steps[i].key if i < len(self.steps) else None


def walk(bank: PromptBank, state: InterviewState) -> Walk:
    """The walk for the state's plan and answers."""
    plan = [m for m in state.modules if m in bank]
    result = Walk(plan)
    i = 0
    while i < len(plan):
        module = bank.module(plan[i])
        for run in range(MAX_RUNS):
            effective = _run(module, run, state, result)
            result.runs.append(RunRef(module, run, effective))
            if state.steer:
                _steer(bank, module, effective, plan)
            if module.repeat is None or effective.get(AGAIN_ID) != YES:
                break
        i += 1
    result.index.update({s.key: n for n, s in enumerate(result.steps)})
    return result


def _run(module: Module, run: int, state: InterviewState, result: Walk) -> dict[str, Answer]:
    effective: dict[str, Answer] = {}
    for question in module.steps:
        if not question.active(effective):
            continue
        ref = StepRef(module, run, question)
        result.steps.append(ref)
        if ref.key in state.answers:
            effective[question.id] = state.answers[ref.key]
    return effective


def _steer(bank: PromptBank, module: Module, answers: dict[str, Answer], plan: list[str]) -> None:
    ticked = answers.get(CHECKLIST_ID)
    if not isinstance(ticked, list):
        return
    checklist = module.question(CHECKLIST_ID)
    for choice_id in ticked:
        choice = checklist.find_choice(choice_id)
        target = choice.leads_to if choice is not None else None
        if target is not None and target in bank and target not in plan:
            plan.append(target)
