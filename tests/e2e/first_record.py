"""A veteran's whole first record, key by key, in the real ``ler`` at 80×24 in tmux.

From an empty lerkit home: add the person, the area picker ("Which of these have been
part of your life?"), the military part's first two questions (the second answered
with a job title and its code, 92A), accept two skills suggested from the crosswalk,
add a file as evidence, leave the interview, open the record, export it (signed
JSON, HTML and the other formats) after the privacy check. Every key sent and every
screen or dialog that comes to the front is counted, for the e2e test and for
``bench/first_record_bench.py``.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.tui.tmux import Tmux

NAME = "Dana Reyes"
SERVICE = ("Transportation Management Coordinator, later Automated Logistical "
           "Specialist (92A)")
CROSSWALK = "from your military job 92A"
EVIDENCE_NAME = "Course certificate, signed at the VA hospital"  # the privacy check's word
EVIDENCE_REWORDED = "Course certificate"
PASSPHRASE = "correct horse battery staple"
WAIT = 60.0
FOCUS_KEYS = frozenset({"Tab", "BTab"})
FOCUS_PAUSE = 0.3  # seconds


@dataclass
class Run:
    """What the script pressed and saw."""

    term: Tmux
    keys: int = 0
    typed: dict[str, int] = field(default_factory=dict)  # characters, by what they were
    screens: list[str] = field(default_factory=list)
    captured: list[tuple[str, str]] = field(default_factory=list)  # (screen, what a wait saw)
    accepted: list[str] = field(default_factory=list)
    privacy_check: bool = False

    def see(self, screen: str, text: str, timeout: float = WAIT) -> str:
        """Wait for ``text``; count ``screen`` if it is a new one in front."""
        shown = self.term.wait_for(text, timeout)
        if not self.screens or self.screens[-1] != screen:
            self.screens.append(screen)
        self.captured.append((screen, shown))
        return shown

    def press(self, *names: str) -> None:
        """Named keys, one press each; after a key that moves the focus, a moment before
        the next, as a person's hands take (on a loaded machine the first letters typed
        after a Tab could otherwise land in the field it left)."""
        self.keys += len(names)
        for name in names:
            self.term.keys(name)
            if name in FOCUS_KEYS:
                time.sleep(FOCUS_PAUSE)

    def type(self, text: str, what: str) -> None:
        """Literal text, one press per character, counted under ``what``."""
        self.keys += len(text)
        self.typed[what] = self.typed.get(what, 0) + len(text)
        self.term.type(text)

    def first_of(self, *texts: str, timeout: float = WAIT) -> str:
        """Wait until one of ``texts`` shows; returns which."""
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.term.screen()
            for text in texts:
                if text in shown:
                    return text
            time.sleep(0.1)
        raise AssertionError(f"none of {texts!r} appeared; the screen was:\n{shown}")


def accepted_on(shown: str, word: str = "ACCEPTED") -> list[str]:
    """The skills a screen lists as accepted (``word`` is how it says so)."""
    return [label.strip() for label in
            re.findall(rf"{word} +(.+?)\s*[▎│]?$", shown, re.MULTILINE)]


def interview(run: Run, evidence: Path) -> None:
    """New person, the area picker, the military answers, two skills, a file."""
    run.see("home", "No people yet")
    run.press("C-n")
    run.see("new person", "Name of the new person")
    run.type(NAME, "name")
    run.press("Enter")
    run.see("home", f"Added {NAME}")
    run.press("C-o")
    run.see("area picker", "Which of these have been part of your life?")
    run.press("2")
    run.see("area picker", "[x] 2. Military service")
    run.press("C-s")
    run.see("interview", "In the service, did you ever")
    run.press("2", "3")
    run.see("interview", "[x] 3. plan how to move")
    run.press("C-s")
    run.see("interview", "Tell me about your time in the service")
    run.type(SERVICE, "military answer")
    run.see("interview", CROSSWALK)
    run.press("C-l")
    run.see("interview", "accepted so far (keys go here)")  # the skills have the keys
    run.press("Enter")
    run.see("interview", "1 skill accepted")
    run.press("Down", "Enter")
    run.accepted = accepted_on(run.see("interview", "2 skills accepted"))
    run.press("F3")
    run.see("evidence", "Evidence for:")
    run.type(str(evidence), "paths")
    run.press("Enter")
    run.type(EVIDENCE_NAME, "evidence name")
    run.press("C-s")
    run.see("interview", "Evidence added")
    run.press("C-s")
    run.see("interview", "Which branch did you serve in?")
    run.press("Escape")


def export(run: Run, folder: Path) -> None:
    """Open the record, export every format, go through the privacy check."""
    run.see("home", "Enter opens a record")
    run.press("Enter")  # one person listed: Enter opens the record at once
    run.see("record", f"Record: {NAME}")
    run.press("C-e")
    run.see("export", f"Export: {NAME}")
    # the second box shows once the screen has read that there is no key yet: a Tab
    # before that skips it, and the second passphrase lands in the wrong box
    run.see("export", "Again:")
    run.type(PASSPHRASE, "passphrase, twice")
    run.press("Tab")
    run.type(PASSPHRASE, "passphrase, twice")
    run.press("Tab", "C-u")
    # the folder box is empty (its hint shows) only once the keys reach it: typing on
    # before that can send the first characters of the path to the passphrase box
    run.see("export", "the folder to save the files in")
    run.type(str(folder), "paths")
    run.press("C-s")
    if run.first_of("Before signing:", "Saved ") == "Before signing:":
        run.privacy_check = True
        run.see("privacy check", "Before signing:")
        run.press("r")  # reword it: leaving the name out would leave out the file too
        run.see("privacy check", "New words:")
        run.press("C-u")
        run.type(EVIDENCE_REWORDED, "reworded words")
        run.press("Enter")
        run.see("privacy check", "REWORD as")
        run.press("C-s")
    run.see("export", "Saved ")
    run.press("C-q")


def first_record(term: Tmux, evidence: Path, folder: Path) -> Run:
    """The whole first record; the app has quit when this returns."""
    run = Run(term)
    term.start()
    interview(run, evidence)
    export(run, folder)
    wait_quit(term)
    return run


def wait_quit(term: Tmux) -> None:
    """Wait (15 s at most) for the app to end; it must have."""
    deadline = time.monotonic() + 15
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not term.alive(), "ler did not quit"
