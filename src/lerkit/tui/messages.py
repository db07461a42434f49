"""App-wide messages posted by workers back to the UI (past tense)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from lerkit.core.matching.types import Match
from lerkit.services.interview import Part
from lerkit.services.review import RecordView
from lerkit.tui.interview_driver import InterviewDriver, Snapshot


@dataclass
class ServiceFailed(Message):
    """A use case reported an error meant for the person."""

    text: str


@dataclass
class InterviewOpened(Message):
    """The interview was resumed (or started) in a worker thread."""

    driver: InterviewDriver
    snapshot: Snapshot
    name: str = ""
    accepted: int = 0
    """How many skills the person has accepted so far, in every interview and part."""


@dataclass
class PartsWanted(Message):
    """Ask which parts the new interview covers: the person finished one before, or
    (``first``) has never been interviewed."""

    name: str
    parts: list[Part]
    first: bool = False


@dataclass
class StepSaved(Message):
    """A step (answer, skip, accept...) was saved; what the screen shows next."""

    snapshot: Snapshot
    said: str = ""


@dataclass
class StepFailed(Message):
    """A step was refused (bad answer, missing file); nothing changed."""

    text: str


@dataclass
class SuggestionsFound(Message):
    """Live suggestions for the text at question ``key`` (stale ones are ignored)."""

    key: str
    texts: tuple[str, ...]
    matches: list[Match]
    asked_at: float
    found_at: float = 0.0
    note: str = ""  # how the text was matched, when the person should know


@dataclass
class RecordChanged(Message):
    """A change to the record was saved; what to tell the person."""

    said: str


@dataclass
class RecordLoaded(Message):
    """A person's record was read for the review screen."""

    record: RecordView
    did: str | None
