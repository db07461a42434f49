"""App-wide messages posted by workers back to the UI (past tense)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from lerkit.services.people import PersonSummary


@dataclass
class CaseloadLoaded(Message):
    """The list of people was read from the database."""

    people: list[PersonSummary]


@dataclass
class ServiceFailed(Message):
    """A use case reported an error meant for the person."""

    text: str
