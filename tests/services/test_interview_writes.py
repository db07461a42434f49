"""What one interview step writes: only what it changed, decisions in claim rows only, and
nothing at all (in memory or stored) when the save fails."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from lerkit.core.errors import LerError
from lerkit.core.interview import Kind
from lerkit.core.records import ClaimStatus, EvidenceKind, Proficiency
from lerkit.services import claims, people, review
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview
from lerkit.storage import interviews
from lerkit.storage.writes import counting_writes


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()


def _answer(live: LiveInterview, text: str) -> None:
    step = live.current()
    assert step is not None
    live.answer("1" if step.kind in (Kind.CHOICE, Kind.MULTI) else
                "no" if step.kind is Kind.YESNO else text)


def _stored_state(ler: Lerkit, person_id: str) -> dict[str, object]:
    with ler.db.session() as session:
        found = interviews.open_session(session=session, person_id=person_id)
    assert found is not None
    return found[1]


def test_a_step_writes_only_what_it_changed(ler: Lerkit) -> None:
    pid = people.add_person(ler, "Step Counter").id
    live = LiveInterview.open(ler, pid, ["caregiving", "volunteering"])
    _answer(live, "checklist")
    _answer(live, "I kept track of my son's medications and fought with the insurance")
    assert live.interview.run_suggestions()
    with counting_writes(ler.db.engine) as counts:
        live.back()
    assert counts["claim"] == counts["experience"] == counts["evidence"] == 0
    assert counts["interviewsession"] == 1
    first = live.interview.run_suggestions()[0].match
    with counting_writes(ler.db.engine) as counts:
        live.accept(first.competency_id, taxonomy=first.taxonomy, label=first.label,
                    proficiency=Proficiency.ON_MY_OWN)
    assert counts["claim"] == 1, "an accept is one claim row"
    assert counts["experience"] == counts["evidence"] == 0
    with counting_writes(ler.db.engine) as counts:
        live.add_evidence(EvidenceKind.NOTE, "My sister saw all of it")
    assert counts["evidence"] == 1 and counts["claim"] == 0


def test_answers_in_a_later_part_leave_earlier_parts_alone(ler: Lerkit) -> None:
    pid = people.add_person(ler, "Two Parts").id
    live = LiveInterview.open(ler, pid, ["caregiving", "volunteering"])
    _answer(live, "checklist")
    _answer(live, "I cared for my mother and kept track of her medications")
    live.skip_part()
    assert live.current() is not None and live.current().module_id == "volunteering"  # type: ignore[union-attr]
    before = {c.id: (c.label, c.status) for e in review.record_view(ler, pid).experiences
              for c in e.claims}
    with counting_writes(ler.db.engine) as counts:
        _answer(live, "I ran the food pantry every Saturday and trained new volunteers")
    after = review.record_view(ler, pid).experiences
    caregiving = [e for e in after if e.experience.life_area.value == "caregiving"]
    assert {c.id: (c.label, c.status) for e in caregiving for c in e.claims} == before
    assert counts["experience"] == 1  # the new volunteering experience only
    assert 0 < counts["claim"] <= 10


def test_decisions_live_in_claim_rows_only(ler: Lerkit) -> None:
    pid = people.add_person(ler, "Decider").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    _answer(live, "checklist")
    _answer(live, "I kept track of my son's medications and appointments")
    first, second = (s.match for s in live.interview.run_suggestions()[:2])
    live.accept(first.competency_id, taxonomy=first.taxonomy, label=first.label)
    live.reject(second.competency_id)
    engine = _stored_state(ler, pid)["engine"]
    assert isinstance(engine, dict) and "accepted" not in engine and "rejected" not in engine
    [exp] = review.record_view(ler, pid).experiences
    status = {c.competency_id: c.status for c in exp.claims}
    assert status[first.competency_id] is ClaimStatus.ACCEPTED
    assert status[second.competency_id] is ClaimStatus.REJECTED
    # a decision made on the review screen is the interview's decision
    claim_id = next(c.id for c in exp.claims if c.competency_id == first.competency_id)
    claims.set_claim(ler, claim_id, status=ClaimStatus.REJECTED)
    live.reload_decisions()
    run = live.interview.run_key(None)
    assert live.interview.state.accepted.get(run, []) == []
    assert set(live.interview.state.rejected[run]) == {first.competency_id,
                                                       second.competency_id}
    again = LiveInterview.open(ler, pid)
    assert again.interview.state.rejected == live.interview.state.rejected


def test_a_failed_save_changes_nothing(ler: Lerkit, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = people.add_person(ler, "Unlucky").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    _answer(live, "checklist")
    state = live.interview.to_dict()
    stored = _stored_state(ler, pid)
    rows = review.record_view(ler, pid).experiences

    def broken(**_: object) -> bool:
        raise LerError("the disk is full")

    monkeypatch.setattr(interviews, "save_state", broken)
    with pytest.raises(LerError):
        _answer(live, "I kept track of my son's medications and appointments")
    assert live.interview.to_dict() == state, "memory is unchanged"
    assert _stored_state(ler, pid) == stored, "the stored state is unchanged"
    assert review.record_view(ler, pid).experiences == rows, "no claim or experience written"
    monkeypatch.undo()
    _answer(live, "I kept track of my son's medications and appointments")
    assert review.record_view(ler, pid).experiences[0].claims


def test_an_interview_saved_with_decisions_in_its_state_still_opens(ler: Lerkit) -> None:
    pid = people.add_person(ler, "Older Save").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    _answer(live, "checklist")
    _answer(live, "I kept track of my son's medications and appointments")
    first = live.interview.run_suggestions()[0].match
    live.accept(first.competency_id, taxonomy=first.taxonomy, label=first.label)
    old = {"engine": live.interview.to_dict(), "owned": {"decided": ["x|accepted|"]}}
    with ler.transaction() as session:
        interviews.save_state(session=session, session_id=live.session_id, state=old,
                              finished=False)
    again = LiveInterview.open(ler, pid)
    run = again.interview.run_key(None)
    assert [c["id"] for c in again.interview.state.accepted[run]] == [first.competency_id]


def test_a_military_code_in_any_answer_brings_its_crosswalk_skills(ler: Lerkit) -> None:
    pid = people.add_person(ler, "Veteran").id
    live = LiveInterview.open(ler, pid, ["paid-work"])
    found = live.preview("Transportation Management Coordinator, later Automated "
                         "Logistical Specialist (92A)")
    whys = [m.why for m in found]
    assert "from your military job 92A (Automated Logistical Specialist, Army)" in whys
    assert not any("coding" in m.label.lower() for m in found), "not 'Automated' → coding"


def test_a_live_suggestion_turned_down_before_the_answer_stays_turned_down(
        ler: Lerkit) -> None:
    pid = people.add_person(ler, "Quick Decider").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    _answer(live, "checklist")
    text = "I kept track of my son's medications and appointments"
    known = {s.match.competency_id for s in live.interview.run_suggestions()}
    # seen while typing, suggested by nothing stored yet, turned down before Enter
    shown = next(m for m in live.preview(text) if m.competency_id not in known)
    live.reject(shown.competency_id)
    _answer(live, text)
    [exp] = review.record_view(ler, pid).experiences
    status = {c.competency_id: c.status for c in exp.claims}
    assert status[shown.competency_id] is ClaimStatus.REJECTED
    live.reload_decisions()
    assert shown.competency_id in live.interview.state.rejected[live.interview.run_key(None)]


def test_a_live_turn_down_stays_when_the_answer_is_never_saved(ler: Lerkit) -> None:
    """Turned down while typing, then the answer dropped (the person leaves without it):
    the turn-down is stored at once, as an acceptance is, and the interview opened again
    still has it."""
    pid = people.add_person(ler, "Left Without It").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    _answer(live, "checklist")
    text = "I gave my mother her insulin shots and checked her blood sugar every morning"
    known = {s.match.competency_id for s in live.interview.run_suggestions()}
    shown = [m for m in live.preview(text) if m.competency_id not in known][:2]
    assert len(shown) == 2, shown
    live.accept(shown[0].competency_id, taxonomy=shown[0].taxonomy, label=shown[0].label)
    live.reject(shown[1].competency_id, taxonomy=shown[1].taxonomy, label=shown[1].label)
    again = LiveInterview.open(ler, pid)  # the answer was never saved
    run = again.interview.run_key(None)
    assert shown[1].competency_id in again.interview.state.rejected[run]
    assert [c["id"] for c in again.interview.state.accepted[run]] == [shown[0].competency_id]
    status = {c.competency_id: c.status
              for e in review.record_view(ler, pid).experiences for c in e.claims}
    assert status[shown[1].competency_id] is ClaimStatus.REJECTED


def test_how_well_goes_back_to_not_set(ler: Lerkit) -> None:
    """A level set by mistake can be taken back, in the interview and on the review."""
    pid = people.add_person(ler, "Changed Level").id
    live = LiveInterview.open(ler, pid, ["caregiving"])
    _answer(live, "checklist")
    _answer(live, "I kept track of my son's medications and appointments")
    first = live.interview.run_suggestions()[0].match
    live.accept(first.competency_id, taxonomy=first.taxonomy, label=first.label,
                proficiency=Proficiency.TAUGHT_OR_LED)

    def level() -> Proficiency | None:
        [exp] = review.record_view(ler, pid).experiences
        return next(c.proficiency for c in exp.claims if c.competency_id == first.competency_id)

    assert level() is Proficiency.TAUGHT_OR_LED
    live.accept(first.competency_id, taxonomy=first.taxonomy, label=first.label)
    assert level() is None
    [exp] = review.record_view(ler, pid).experiences
    claim_id = next(c.id for c in exp.claims if c.competency_id == first.competency_id)
    claims.set_claim(ler, claim_id, proficiency=Proficiency.ON_MY_OWN)
    assert level() is Proficiency.ON_MY_OWN
    claims.set_claim(ler, claim_id, status=ClaimStatus.ACCEPTED)  # a level left alone
    assert level() is Proficiency.ON_MY_OWN
    claims.set_claim(ler, claim_id, clear_proficiency=True)
    assert level() is None
