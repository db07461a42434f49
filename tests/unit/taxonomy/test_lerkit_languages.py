"""Texts of lerkit's taxonomy in other languages: loaded per competency, checked, hashed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lerkit.core.errors import FileFormatError
from lerkit.core.matching.index import content_hash
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.model import fingerprint

REPO = Path(__file__).resolve().parents[3]
HEADER = """\
format: lerkit-taxonomy/1
name: demo
title: Demo taxonomy
categories:
  - id: care
    label: Caregiving
  - id: money
    label: Money
"""
CARE = """\
category: care
competencies:
  - id: care.meds
    label: Medication management
    phrasings: [kept track of my son's medications]
"""
MONEY = """\
category: money
competencies:
  - id: money.budget
    label: Household budgeting
"""
CARE_ES = """\
format: lerkit-taxonomy-language/1
language: es
category: care
label: Cuidados
competencies:
  care.meds:
    label: Manejo de medicamentos
    description: Da la medicina correcta a la hora correcta.
    alt_labels: [control de medicamentos]
    phrasings:
      - le daba sus pastillas a mi papá
      - llevaba la cuenta de las medicinas de mi hijo
"""


def _folder(tmp_path: Path, care_es: str | None = CARE_ES) -> Path:
    folder = tmp_path / "demo"
    (folder / "es").mkdir(parents=True)
    for name, text in {"taxonomy.yaml": HEADER, "care.yaml": CARE, "money.yaml": MONEY}.items():
        (folder / name).write_text(text, encoding="utf-8")
    if care_es is not None:
        (folder / "es" / "care.yaml").write_text(textwrap.dedent(care_es), encoding="utf-8")
    return folder


def test_language_files_give_each_competency_its_texts(tmp_path: Path) -> None:
    taxonomy = load_lerkit_yaml(_folder(tmp_path))
    meds, budget = taxonomy.competencies
    texts = meds.texts["es"]
    assert texts.label == "Manejo de medicamentos"
    assert texts.alt_labels == ["control de medicamentos"]
    assert texts.phrasings[0] == "le daba sus pastillas a mi papá"
    assert meds.label == "Medication management"  # English stays as it was
    assert budget.texts == {}
    assert taxonomy.categories[0].labels == {"es": "Cuidados"}


def test_language_files_are_optional_and_keep_the_english_hashes(tmp_path: Path) -> None:
    without = load_lerkit_yaml(_folder(tmp_path / "a", care_es=None))
    with_es = load_lerkit_yaml(_folder(tmp_path / "b"))
    assert all(not c.texts for c in without.competencies)
    assert content_hash(without) != content_hash(with_es)
    assert fingerprint(without) != fingerprint(with_es)
    for c in with_es.competencies:
        c.texts = {}
    with_es.categories[0].labels = {}
    assert content_hash(without) == content_hash(with_es)
    assert fingerprint(without) == fingerprint(with_es)


def test_changed_spanish_text_changes_the_hashes(tmp_path: Path) -> None:
    first = load_lerkit_yaml(_folder(tmp_path / "a"))
    second = load_lerkit_yaml(_folder(tmp_path / "b", CARE_ES.replace("pastillas", "medicinas")))
    assert content_hash(first) != content_hash(second)
    assert fingerprint(first) != fingerprint(second)


BAD = [
    (CARE_ES.replace("care.meds:", "care.nothing:"), 6, "unknown competency id 'care.nothing'"),
    (CARE_ES.replace("category: care", "category: money"), 6,
     "'care.meds' belongs to category 'care', not 'money'"),
    (CARE_ES.replace("category: care", "category: travel"), 3, "unknown category 'travel'"),
    (CARE_ES.replace("    description: Da la medicina correcta a la hora correcta.\n", ""), 7,
     "missing 'description'"),
    (CARE_ES.replace("    label: Manejo de medicamentos\n", ""), 7, "missing 'label'"),
    (CARE_ES.replace("language: es", "language: fr"), 2, "language 'fr' in the folder of"),
    (CARE_ES.replace("/1", "/9"), 1, "unknown format"),
    (CARE_ES.replace("    alt_labels:", "    alt_label:"), 9, "unknown key 'alt_label'"),
    (CARE_ES + "  care.meds:\n    label: Otra vez\n", 13, "appears twice"),
]


@pytest.mark.parametrize(("text", "line", "reason"), BAD)
def test_a_bad_language_file_names_its_line_and_reason(
    tmp_path: Path, text: str, line: int, reason: str
) -> None:
    with pytest.raises(FileFormatError) as caught:
        load_lerkit_yaml(_folder(tmp_path, text))
    assert caught.value.path.endswith("care.yaml") and "/es/" in caught.value.path
    assert caught.value.line == line, str(caught.value)
    assert reason in caught.value.reason, str(caught.value)


def test_shipped_spanish_texts_load() -> None:
    taxonomy = load_lerkit_yaml(REPO / "taxonomies" / "lerkit")
    spanish = [c for c in taxonomy.competencies if "es" in c.texts]
    if not (REPO / "taxonomies" / "lerkit" / "es").is_dir():
        pytest.skip("no Spanish texts yet")
    assert spanish and all(c.texts["es"].label and c.texts["es"].phrasings for c in spanish)
