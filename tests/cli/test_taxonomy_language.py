"""``ler taxonomy import esco PATH --language es``: Spanish labels beside the English ones.

The fixtures (``tests/data/esco_es``) are six ESCO skill rows in ESCO's column layout, in
English (``skills_en.csv``) and in Spanish (``skills_es.csv``), with the same URIs.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lerkit.core.taxonomy.esco import beside, load_esco
from tests.cli.runner import ler

ESCO = Path(__file__).resolve().parents[1] / "data" / "esco_es"
FORKLIFT = "http://data.europa.eu/esco/skill/5e1d4a8c-0b6f-4c1e-9d0a-7f3e2b1c4a01"


def test_spanish_rows_become_texts_in_spanish() -> None:
    (skills,) = load_esco(ESCO / "skills_es.csv", "es")
    forklift = skills.by_id()[FORKLIFT]
    assert forklift.texts["es"].label == "manejar una carretilla elevadora"
    assert "conducir un montacargas" in forklift.texts["es"].alt_labels
    assert forklift.texts["es"].description.startswith("Conducir una carretilla")


@pytest.mark.parametrize("spanish_first", [False, True])
def test_spanish_is_stored_beside_english_in_either_order(spanish_first: bool) -> None:
    (english,) = load_esco(ESCO, "en")
    (spanish,) = load_esco(ESCO, "es")
    # an English import over a Spanish one keeps the Spanish texts; a Spanish import
    # over an English one adds them
    merged = (beside(spanish, english, "en") if spanish_first
              else beside(english, spanish, "es"))
    forklift = merged.by_id()[FORKLIFT]
    assert forklift.label == "operate forklift"
    assert forklift.texts["es"].label == "manejar una carretilla elevadora"
    assert len(merged.competencies) == 6


def test_import_in_spanish_then_match_a_spanish_answer() -> None:
    english = ler("taxonomy", "import", "esco", str(ESCO / "skills_en.csv"))
    assert english.code == 0, english.stderr
    spanish = ler("taxonomy", "import", "esco", str(ESCO / "skills_es.csv"), "--language", "es")
    assert spanish.code == 0, spanish.stderr
    assert "esco-skills: 6 entries" in spanish.stdout
    shown = json.loads(ler("taxonomy", "show", "esco-skills", FORKLIFT, "--json").stdout)
    assert shown["label"] == "operate forklift"  # English stays the entry's own
    found = ler("match", "--taxonomy", "esco-skills", "--json",
                "manejaba el montacargas en la bodega")
    assert found.code == 0, found.stderr
    top = json.loads(found.stdout)[0]
    assert top["id"] == FORKLIFT and "montacargas" in top["words"]
    assert "more roughly, by meaning" in found.stderr or "palabras" in found.stderr
    again = ler("taxonomy", "import", "esco", str(ESCO / "skills_en.csv"))
    assert again.code == 0, again.stderr
    still = json.loads(ler("match", "--taxonomy", "esco-skills", "--json",
                           "limpiaba cuartos de huéspedes en el hotel").stdout)
    assert still[0]["label"] == "clean rooms"


def test_language_is_for_esco_only(tmp_path: Path) -> None:
    table = tmp_path / "mine.csv"
    table.write_text("id,label\na,Budgeting\n", encoding="utf-8")
    result = ler("taxonomy", "import", "csv", str(table), "--language", "es")
    assert result.code != 0 and "--language" in result.stderr
