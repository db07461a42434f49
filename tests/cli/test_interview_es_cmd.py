"""``ler interview`` in Spanish: the Spanish demo answers and the plain dialogue."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.core.i18n import current_language, set_language
from tests.cli.runner import ler

DEMO_ES = Path(__file__).resolve().parents[2] / "prompts" / "demo" / "cleaner-caregiver-es.yaml"


@pytest.fixture(autouse=True)
def keep_language() -> Iterator[None]:
    """``ler --lang es`` sets the language of the process: set it back after each test."""
    before = current_language()
    yield
    set_language(before)


def test_the_spanish_demo_answers_file_replays() -> None:
    person_id = ler("person", "add", "Lucía Hernández (ejemplo)").stdout.strip()
    result = ler("--lang", "es", "interview", "--person", person_id, "--answers", str(DEMO_ES))
    assert result.code == 0, result.stderr
    assert "warning" not in result.stderr
    shown = json.loads(ler("person", "show", person_id, "--json").stdout)
    accepted = {c["competency_id"] for c in shown["claims"] if c["status"] == "accepted"}
    assert {"hospitality.residential-cleaning", "caregiving.medication-management",
            "faith-volunteer.food-ministry"} <= accepted


def test_the_plain_dialogue_asks_in_spanish_and_takes_spanish_answers() -> None:
    person_id = ler("person", "add", "Marta López").stdout.strip()
    done = ler("--lang", "es", "interview", "--person", person_id, "--plain", "--parts",
               "household",
               input="1\nLlevo el presupuesto de la casa y pago todas las cuentas a tiempo\n"
                     "Administradora del hogar\n5\ncomo en 2012\ntodavía\nsí\nquit\n")
    assert done.code == 0, done.stderr
    assert "Cuénteme cómo lleva su casa" in done.stdout
    assert "¿Llevaba un presupuesto?" in done.stdout
    assert "Parte 1 de 1: Llevar una casa, pregunta 5 de 11" in done.stdout
