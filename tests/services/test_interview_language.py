"""The interview in Spanish: switching language mid-interview, and the Spanish demo answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.core.i18n import current_language, set_language
from lerkit.services import interview, people, review
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview

DEMO_ES = Path(__file__).resolve().parents[2] / "prompts" / "demo" / "cleaner-caregiver-es.yaml"


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    before = current_language()
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()
    set_language(before)


def test_switching_to_spanish_mid_interview_goes_on_at_the_same_question(ler: Lerkit) -> None:
    set_language("en")
    pid = people.add_person(ler, "Ana Torres").id
    live = LiveInterview.open(ler, pid, ["paid-work", "caregiving"])
    live.answer(["trained-someone", "handled-cash"])
    live.answer("I worked the register at a grocery store and trained the new cashiers")
    live.answer("Cashier")
    live.skip()  # employer
    english = live.current()
    assert english is not None and english.text == "What town was it in?"

    set_language("es")
    spanish = live.current()
    assert spanish is not None
    assert (spanish.key, spanish.number, spanish.total) == (english.key, english.number,
                                                            english.total)
    assert spanish.text == "¿En qué ciudad o pueblo era?"
    assert spanish.progress.startswith("Parte 1 de 2: Trabajos, pregunta")
    live.answer("Fresno")
    live.answer("primavera de 2019")
    live.answer("todavía")
    now = live.current()
    assert now is not None and now.question.id == "hours"
    assert [c.label for c in now.choices][:2] == ["Tiempo completo", "Medio tiempo"]

    again = LiveInterview.open(ler, pid)  # resumes where it stopped, still in Spanish
    resumed = again.current()
    assert resumed is not None and (resumed.key, resumed.text) == (now.key, now.text)
    [exp] = review.record_view(ler, pid).experiences
    record = exp.experience
    assert (record.title, record.place, record.started, record.ongoing) == (
        "Cashier", "Fresno", "2019-04", True)
    assert "Cuándo: primavera de 2019 — todavía" in (record.narrative or "")

    set_language("en")  # and back: the same question, in English again
    back = again.current()
    assert back is not None and back.key == now.key and back.text == "What kind of job was it?"


def test_the_spanish_demo_answers_replay(ler: Lerkit) -> None:
    set_language("es")
    pid = people.add_person(ler, "Lucía Hernández (ejemplo)").id
    result = interview.replay_answers(ler, pid, DEMO_ES)
    assert result.warnings == []
    assert (result.experiences, result.accepted) == (3, 16)
    view = review.record_view(ler, pid)
    titles = {e.experience.title for e in view.experiences}
    assert titles == {"Dueña de un servicio de limpieza de casas", "Cuidadora de mi papá",
                      "Coordinadora de la cocina"}
    kitchen = next(e for e in view.experiences if e.experience.title.startswith("Coordinadora"))
    assert kitchen.experience.ongoing and kitchen.experience.started == "2015"
    assert "Cada cuánto: Como una vez al mes" in (kitchen.experience.narrative or "")
    assert {c.competency_id for c in kitchen.accepted} >= {"faith-volunteer.food-ministry",
                                                          "food.quantity-cooking"}
    assert any(n.name == "Quién puede dar fe de esto" for n in kitchen.notes)
