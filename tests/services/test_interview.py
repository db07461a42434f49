"""The interview service: resumable sessions, per-answer saving, replay and the demo."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.core.interview import Kind
from lerkit.core.records import EvidenceKind
from lerkit.services import interview, people, review
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview

WRITER = Path(__file__).with_name("interview_writer.py")


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()


def _answer_text(live: LiveInterview, text: str) -> None:
    step = live.current()
    assert step is not None
    live.answer("1" if step.kind in (Kind.CHOICE, Kind.MULTI) else
                "no" if step.kind is Kind.YESNO else text)


def test_resume_lands_on_the_same_question_with_everything_kept(ler: Lerkit) -> None:
    pid = people.add_person(ler, "Rosa Diaz").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    _answer_text(live, "checklist")
    _answer_text(live, "I cared for my mother for ten years and kept track of her medications")
    suggestions = live.interview.run_suggestions()
    assert suggestions, "answers about medications get suggestions"
    top = suggestions[0].match
    live.accept(top.competency_id, taxonomy=top.taxonomy, label=top.label)
    live.add_evidence(EvidenceKind.NOTE, "My sister saw all of it", name="Who saw it")
    where = live.current()
    assert where is not None
    again = LiveInterview.open(ler, pid)
    now = again.current()
    assert now is not None and now.key == where.key
    assert again.interview.to_dict() == live.interview.to_dict()
    view = review.record_view(ler, pid)
    [exp] = view.experiences
    assert [c.competency_id for c in exp.accepted] == [top.competency_id]
    assert any(n.narrative == "My sister saw all of it" for n in exp.notes)
    assert again.back()
    assert LiveInterview.open(ler, pid).current().key != now.key  # type: ignore[union-attr]


def test_changed_answer_replaces_suggestions_but_keeps_decisions(ler: Lerkit) -> None:
    pid = people.add_person(ler, "Lee Park").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    _answer_text(live, "checklist")
    _answer_text(live, "I drove my father to dialysis three times a week")
    before = {c.competency_id for e in review.record_view(ler, pid).experiences
              for c in e.claims}
    live.back()
    _answer_text(live, "I taught my neighbor's kids to read after school")
    after = {c.competency_id for e in review.record_view(ler, pid).experiences
             for c in e.claims}
    assert before != after


def test_sigkill_mid_interview_loses_no_saved_answer(db_url: str, ler: Lerkit) -> None:
    pid = people.add_person(ler, "Killed Midway").id
    proc = subprocess.Popen([sys.executable, str(WRITER), db_url, pid], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    saved: list[str] = []
    deadline = time.monotonic() + 120
    while len(saved) < 6 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        saved.append(line.rstrip("\n"))
    os.kill(proc.pid, signal.SIGKILL)
    rest, err = proc.communicate(timeout=30)
    saved += [x for x in rest.splitlines() if x]
    assert len(saved) >= 6, err
    live = LiveInterview.open(ler, pid)
    answers = live.interview.state.answers
    for line in saved:
        key, value = line.split("\t", 1)
        assert key in answers, f"answer to {key} lost"
        if value.startswith("answer number"):
            assert answers[key] == value
    answered = [line.split("\t", 1)[0] for line in saved]
    step = live.current()
    assert step is None or step.key not in answered


def test_demo_and_replay(ler: Lerkit, tmp_path: Path) -> None:
    pid = interview.create_demo(ler)
    view = review.record_view(ler, pid)
    assert view.name.startswith("Sam Rivera")
    assert len(view.exportable) >= 10
    areas = {e.experience.life_area.value for e in view.experiences}
    assert {"military", "caregiving"} <= areas
    assert any(e.notes or any(c.evidence for c in e.accepted) for e in view.experiences)
    other = people.add_person(ler, "Replay Person").id
    script = tmp_path / "answers.yaml"
    script.write_text(
        "format: lerkit-answers/1\nmodules:\n  volunteering:\n    - answers:\n"
        "        story: I ran the food pantry every Saturday and trained new volunteers\n",
        encoding="utf-8")
    result = interview.replay_answers(ler, other, script, accept_top=2)
    assert result.experiences == 1 and result.accepted >= 2


def test_review_decisions_survive_later_interview_steps(ler: Lerkit) -> None:
    from lerkit.core.records import ClaimStatus, Proficiency
    from lerkit.services import claims

    pid = people.add_person(ler, "Review Then Talk").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    _answer_text(live, "checklist")
    _answer_text(live, "I kept track of my son's medications and appointments")
    first, second = (s.match for s in live.interview.run_suggestions()[:2])
    live.accept(first.competency_id, taxonomy=first.taxonomy, label=first.label)
    [exp] = review.record_view(ler, pid).experiences
    by_id = {c.competency_id: c for c in exp.claims}
    claims.set_claim(ler, by_id[first.competency_id].id, status=ClaimStatus.REJECTED)
    claims.set_claim(ler, by_id[second.competency_id].id, status=ClaimStatus.ACCEPTED,
                     proficiency=Proficiency.TAUGHT_OR_LED)
    _answer_text(live, "About ten years")
    [exp] = review.record_view(ler, pid).experiences
    by_id = {c.competency_id: c for c in exp.claims}
    assert by_id[first.competency_id].status is ClaimStatus.REJECTED
    assert by_id[second.competency_id].status is ClaimStatus.ACCEPTED
    assert by_id[second.competency_id].proficiency is Proficiency.TAUGHT_OR_LED
    live.accept(first.competency_id, taxonomy=first.taxonomy, label=first.label,
                proficiency=Proficiency.ON_MY_OWN)
    [exp] = review.record_view(ler, pid).experiences
    again = {c.competency_id: c for c in exp.claims}[first.competency_id]
    assert again.status is ClaimStatus.ACCEPTED  # a new decision in the interview counts


def test_demo_claims_carry_taxonomy_labels(ler: Lerkit) -> None:
    pid = interview.create_demo(ler)
    labels = [c.label for c in review.record_view(ler, pid).exportable]
    assert labels and all("." not in label for label in labels)
