"""The interview: the prompt bank, the engine that walks it, and scripted answers.

Typical use by a UI::

    bank = load_bank()                       # prompts/*.yaml, validated
    iv = Interview(bank, ["military", "caregiving"], suggester=match, military=crosswalk)
    while (step := iv.current()) is not None:
        show(step.text, step.help, step.examples, step.progress)
        iv.answer(read_answer())             # or iv.skip(), iv.back()
        save(iv.to_dict())                   # one transaction per answer
    iv.experiences(); iv.claims(); iv.evidence()

``Interview.from_dict(bank, saved)`` resumes at the same question. The prompt and
answers file formats are described in docs/prompts.md.
"""

from __future__ import annotations

from lerkit.core.dates import WhenAnswer, parse_when
from lerkit.core.interview.answers import (
    ANSWERS_FORMAT,
    Replay,
    Script,
    load_answers,
    parse_answers,
    replay,
    replay_file,
)
from lerkit.core.interview.claims import AcceptedClaim, Lookup, Suggestion, read_proficiency
from lerkit.core.interview.engine import Interview
from lerkit.core.interview.forbidden import ForbiddenTopic, find_forbidden
from lerkit.core.interview.loader import FORMAT, load_bank, load_module, parse_module
from lerkit.core.interview.model import (
    AGAIN_ID,
    CHECKLIST_ID,
    Choice,
    Condition,
    Field,
    Kind,
    Module,
    PromptBank,
    Question,
    Suggest,
)
from lerkit.core.interview.state import STATE_FORMAT, InterviewState
from lerkit.core.interview.step import ExperienceDraft, Step

__all__ = [
    "AGAIN_ID",
    "ANSWERS_FORMAT",
    "CHECKLIST_ID",
    "FORMAT",
    "STATE_FORMAT",
    "AcceptedClaim",
    "Choice",
    "Condition",
    "ExperienceDraft",
    "Field",
    "ForbiddenTopic",
    "Interview",
    "InterviewState",
    "Kind",
    "Lookup",
    "Module",
    "PromptBank",
    "Question",
    "Replay",
    "Script",
    "Step",
    "Suggest",
    "Suggestion",
    "WhenAnswer",
    "find_forbidden",
    "load_answers",
    "load_bank",
    "load_module",
    "parse_answers",
    "parse_module",
    "parse_when",
    "read_proficiency",
    "replay",
    "replay_file",
]
