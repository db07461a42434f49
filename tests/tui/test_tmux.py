"""The real ``ler`` in tmux at 80x24: accept a suggestion; survive SIGKILL mid-interview."""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

import pytest

from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview
from lerkit.services.review import record_view

from .tmux import Tmux, ler_env

pytestmark = pytest.mark.e2e


def _gone(term: Tmux, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while term.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not term.alive(), "the app did not stop"


def _person(name: str, modules: list[str] | None = None) -> str:
    ler = Lerkit.open()
    try:
        person = people.add_person(ler, name)
        if modules:
            LiveInterview.open(ler, person.id, modules)
        return person.id
    finally:
        ler.close()


def test_ler_in_tmux_types_an_answer_and_accepts_a_suggestion(ler_home: Path) -> None:
    person_id = _person("Robin Tmux", ["military"])
    term = Tmux(ler_env(ler_home))
    try:
        term.start()
        term.wait_for("Robin Tmux")
        term.keys("C-o")
        term.wait_for("In the service, did you ever")
        term.keys("C-n")
        term.wait_for("Tell me about your time in the service")
        term.type("I planned truck convoys and tracked every shipment")
        shown = term.wait_for("why:")
        top = re.search(r"▶ score +\d+  (.+?)\s*▎?$", shown, re.MULTILINE)
        assert top is not None, shown
        label = top.group(1).strip()
        term.keys("C-l")
        term.wait_for("Enter accept")
        term.keys("Enter")
        term.wait_for(f"ACCEPTED   {label}")
        term.keys("C-s")
        term.wait_for("Which branch did you serve in?")
        term.keys("C-q")
        _gone(term)
    finally:
        term.close()
    ler = Lerkit.open()
    try:
        record = record_view(ler, person_id)
    finally:
        ler.close()
    assert label in {c.label for c in record.exportable}
    assert "truck convoys" in record.experiences[0].experience.narrative


def test_sigkill_mid_interview_loses_no_answer(ler_home: Path) -> None:
    person_id = _person("Kim Killed")
    story = "I ran the supply room and tracked every part"
    term = Tmux(ler_env(ler_home))
    try:
        term.start("interview", "--person", person_id, "--parts", "military")
        term.wait_for("In the service, did you ever")
        term.type("2")
        term.keys("C-s")
        term.wait_for("Tell me about your time in the service")
        term.type(story)
        term.keys("C-s")
        term.wait_for("Which branch did you serve in?")
        term.keys("Enter")
        before = term.wait_for("What was your MOS?")
        progress = re.search(r"Part 1 of 1: Military service, question \d+ of \d+", before)
        assert progress is not None, before
        term.type("88")  # typed but not saved when the power goes
        time.sleep(0.3)
        os.kill(term.pid(), signal.SIGKILL)
        _gone(term)

        ler = Lerkit.open()
        try:
            live = LiveInterview.open(ler, person_id)
            step = live.current()
            answers = live.interview.state.answers
        finally:
            ler.close()
        assert step is not None and step.question.id == "code-army"
        assert answers == {"military/0/checklist": ["tracked-supplies"],
                           "military/0/story": story, "military/0/branch": "army"}

        term.start("interview", "--person", person_id)
        after = term.wait_for("What was your MOS?")
        assert progress.group(0) in after
        term.keys("C-b")
        term.wait_for("(*) 1. Army")
        term.keys("C-b")
        term.wait_for(story)
        term.keys("C-q")
        _gone(term)
    finally:
        term.close()
