"""Where a screen asks to go next: messages that bubble up to the app, which opens screens.

Screens never import one another; they post one of these and
:class:`~lerkit.tui.app.LerkitApp` builds the next screen with what it needs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual.message import Message


@dataclass
class RecordWanted(Message):
    """Show a person's record.

    With ``instead`` the screen that asks steps aside (the interview, when it is
    finished): the record below it comes back, or the record takes its place.
    """

    person_id: str
    instead: bool = False


@dataclass
class InterviewWanted(Message):
    """Go on with (or start) a person's interview."""

    person_id: str


@dataclass
class OccupationsWanted(Message):
    """Show where a person's skills lead: occupations that fit, and the gap to one."""

    person_id: str


@dataclass
class ExportWanted(Message):
    """Export a person's signed record."""

    person_id: str


@dataclass
class BundleSaved(Message):
    """A signed record was saved: the file that Verify (F6) offers to check next."""

    path: Path
