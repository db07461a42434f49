"""The whole of an interview's progress as plain data: the single source of truth.

Everything the engine knows is here, made only of strings, lists, dicts, bools and
None, so it can be saved as JSON after every answer and restored exactly. The engine
derives everything else (which question comes next, experiences, suggestions) from it.

Keys: an answer is stored under ``"<module>/<run>/<question>"`` (run counts from 0:
the second job is run 1); accepted claims and added evidence under ``"<module>/<run>"``.
Answers to questions that are no longer asked (the person went back and changed an
earlier answer) are kept, not deleted, and come back if the earlier answer does.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from lerkit.core.errors import BadInputError

STATE_FORMAT = "lerkit-interview/1"

Answer = str | list[str]


def step_key(module_id: str, run: int, question_id: str) -> str:
    return f"{module_id}/{run}/{question_id}"


def run_key(module_id: str, run: int) -> str:
    return f"{module_id}/{run}"


def split_key(key: str) -> tuple[str, int, str]:
    """``"military/0/branch"`` → ``("military", 0, "branch")``."""
    module_id, run, question_id = key.split("/")
    return module_id, int(run), question_id


@dataclass
class InterviewState:
    """One interview's progress; see the module docstring for the key scheme."""

    id: str
    modules: list[str]
    steer: bool = True
    cursor: str | None = None
    trail: list[str] = field(default_factory=list)
    answers: dict[str, Answer] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    accepted: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    rejected: dict[str, list[str]] = field(default_factory=dict)
    evidence: dict[str, list[dict[str, str]]] = field(default_factory=dict)

    @classmethod
    def new(
        cls, modules: list[str], steer: bool = True, interview_id: str | None = None
    ) -> InterviewState:
        return cls(id=interview_id or str(uuid.uuid4()), modules=list(modules), steer=steer)

    def to_dict(self, decisions: bool = True) -> dict[str, Any]:
        """A JSON-ready copy (no shared lists or dicts with the live state); without the
        accepted and rejected skills when ``decisions`` is False (a store that keeps
        decisions elsewhere saves it so)."""
        data = {
            "format": STATE_FORMAT,
            "id": self.id,
            "modules": list(self.modules),
            "steer": self.steer,
            "cursor": self.cursor,
            "trail": list(self.trail),
            "answers": {k: list(v) if isinstance(v, list) else v for k, v in self.answers.items()},
            "skipped": list(self.skipped),
            "accepted": {k: [dict(c) for c in v] for k, v in self.accepted.items()},
            "rejected": {k: list(v) for k, v in self.rejected.items()},
            "evidence": {k: [dict(e) for e in v] for k, v in self.evidence.items()},
        }
        if not decisions:
            del data["accepted"], data["rejected"]
        return data

    @classmethod
    def from_dict(cls, data: Any) -> InterviewState:
        """Rebuild from :meth:`to_dict` output; BadInputError if it is not one."""
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
            raise BadInputError(f"not a saved interview (expected format {STATE_FORMAT!r})")
        try:
            return cls(
                id=_text(data["id"]),
                modules=_texts(data["modules"]),
                steer=_flag(data.get("steer", True)),
                cursor=None if data.get("cursor") is None else _text(data["cursor"]),
                trail=_texts(data.get("trail", [])),
                answers={_text(k): _answer(v) for k, v in _items(data.get("answers", {}))},
                skipped=_texts(data.get("skipped", [])),
                accepted={_text(k): _records(v) for k, v in _items(data.get("accepted", {}))},
                rejected={_text(k): _texts(v) for k, v in _items(data.get("rejected", {}))},
                evidence={_text(k): _records(v) for k, v in _items(data.get("evidence", {}))},
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise BadInputError(f"saved interview is damaged: {exc}") from None


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _texts(value: Any) -> list[str]:
    if not isinstance(value, list):
        raise TypeError(f"expected a list, found {type(value).__name__}")
    return [_text(v) for v in value]


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("expected true or false")
    return value


def _items(value: Any) -> list[tuple[Any, Any]]:
    if not isinstance(value, dict):
        raise TypeError(f"expected a mapping, found {type(value).__name__}")
    return list(value.items())


def _answer(value: Any) -> Answer:
    return _texts(value) if isinstance(value, list) else _text(value)


def _records(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list):
        raise TypeError("expected a list of records")
    return [{_text(k): _text(v) for k, v in _items(item)} for item in value]
