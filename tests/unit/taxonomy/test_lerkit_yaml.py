"""lerkit's YAML taxonomy format: good files load, bad ones name the file, line and reason."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml

REPO = Path(__file__).resolve().parents[3]

HEADER = """\
format: lerkit-taxonomy/1
name: demo
title: Demo taxonomy
version: 2.1
framework: Demo framework
base_url: https://example.org/demo
categories:
  - id: care
    label: Caregiving
  - id: money
    label: Money
    description: Budgets and bills
"""

CARE = """\
category: care
competencies:
  - id: care.meds
    label: Medication management
    description: Keeps track of medicines.
    alt_labels: [medication administration]
    phrasings:
      - kept track of my son's medications
    crosswalk:
      onet_dwa: ["4.A.4.a.5.I03.D06"]
      esco: http://data.europa.eu/esco/skill/abc
  - id: care.visits
    label: Companionship
    parent: care.meds
"""


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def _error(path: Path) -> FileFormatError:
    with pytest.raises(FileFormatError) as caught:
        load_lerkit_yaml(path)
    return caught.value


def test_folder_loads_with_all_fields(tmp_path: Path) -> None:
    folder = _write(tmp_path / "demo", {"taxonomy.yaml": HEADER, "care.yaml": CARE})
    taxonomy = load_lerkit_yaml(folder)
    assert taxonomy.name == "demo"
    assert taxonomy.version == "2.1"
    assert [c.id for c in taxonomy.categories] == ["care", "money"]
    meds, visits = taxonomy.competencies
    assert meds.category == "care"
    assert meds.alt_labels == ["medication administration"]
    assert meds.phrasings == ["kept track of my son's medications"]
    assert meds.crosswalk == {
        "onet_dwa": ["4.A.4.a.5.I03.D06"],
        "esco": ["http://data.europa.eu/esco/skill/abc"],
    }
    assert visits.parent == "care.meds"
    assert taxonomy.competency_url(meds) == "https://example.org/demo/care.meds"


def test_single_file_loads(tmp_path: Path) -> None:
    text = HEADER + "competencies:\n  - id: m1\n    label: Budgeting\n    category: money\n"
    path = tmp_path / "one.yaml"
    path.write_text(text, encoding="utf-8")
    taxonomy = load_lerkit_yaml(path)
    assert [(c.id, c.category) for c in taxonomy.competencies] == [("m1", "money")]


def test_shipped_taxonomy_loads() -> None:
    taxonomy = load_lerkit_yaml(REPO / "taxonomies" / "lerkit")
    assert len(taxonomy.competencies) >= 450
    assert len(taxonomy.categories) == 29
    assert {c.category for c in taxonomy.competencies} == {c.id for c in taxonomy.categories}


BAD_COMPETENCIES = [
    ("  - id: a\n    description: no label\n", 3, "missing 'label'"),
    ("  - id: a\n    label: A\n  - id: a\n    label: Again\n", 5, "duplicate id 'a'"),
    ("  - id: a\n    label: A\n    category: nowhere\n", 5, "unknown category 'nowhere'"),
    ("  - id: a\n    label: [not, text]\n", 4, "label must be a single value"),
    ("  - id: a\n    label: A\n    alt_labels: {x: 1}\n", 5, "alt_labels must be a list"),
    ("  - id: a\n    label: A\n    phrasings: [ok, [nested]]\n", 5, "phrasings item must be"),
    ("  - id: a\n    label: A\n    lable: typo\n", 5, "unknown key 'lable'"),
    ("  - id: a b\n    label: A\n", 3, "one word without spaces"),
    ("  - id: a\n    label: A\n    parent: b\n", 5, "unknown parent 'b'"),
    ("  - id: a\n    label: A\n    crosswalk: [x]\n", 5, "crosswalk must be a mapping"),
    ("  - id: a\n    label: A\n    label: B\n", 5, "key 'label' appears twice"),
    ("  - id: a\n    label: ''\n", 4, "label is empty"),
    ("  - id: a\n    label: true\n", 4, "label must be text"),
    ("  - just a string\n", 3, "a competency must be a mapping"),
    ("  - id: a\n    label: A\n   bad: indent\n", 5, "invalid YAML"),
]


@pytest.mark.parametrize(("items", "line", "reason"), BAD_COMPETENCIES)
def test_malformed_category_file_names_line_and_reason(
    tmp_path: Path, items: str, line: int, reason: str
) -> None:
    folder = _write(
        tmp_path / "demo",
        {"taxonomy.yaml": HEADER, "care.yaml": "category: care\ncompetencies:\n" + items},
    )
    error = _error(folder)
    assert error.path.endswith("care.yaml")
    assert error.line == line
    assert reason in error.reason


def test_duplicate_across_files_names_the_first(tmp_path: Path) -> None:
    other = "category: money\ncompetencies:\n  - id: care.meds\n    label: Again\n"
    folder = _write(
        tmp_path / "demo", {"taxonomy.yaml": HEADER, "care.yaml": CARE, "money.yaml": other}
    )
    error = _error(folder)
    assert error.path.endswith("money.yaml")
    assert error.line == 3
    assert "first at" in error.reason and "care.yaml:3" in error.reason


@pytest.mark.parametrize(
    ("header", "line", "reason"),
    [
        (HEADER.replace("lerkit-taxonomy/1", "other/2"), 1, "unknown format"),
        (HEADER.replace("name: demo\n", ""), 1, "missing 'name'"),
        (HEADER.replace("name: demo", "name: Demo Name"), 2, "lowercase"),
        (HEADER.replace("  - id: money\n", "  - id: care\n"), 10, "duplicate category id"),
        (HEADER + "  - id: sub\n    label: Sub\n    parent: nope\n", 15, "unknown parent"),
        (HEADER + "colour: blue\n", 13, "unknown key 'colour'"),
        ("- a list\n", 1, "must be a mapping"),
    ],
)
def test_malformed_header(tmp_path: Path, header: str, line: int, reason: str) -> None:
    folder = _write(tmp_path / "demo", {"taxonomy.yaml": header, "care.yaml": CARE})
    error = _error(folder)
    assert error.path.endswith("taxonomy.yaml")
    assert error.line == line
    assert reason in error.reason


def test_category_file_for_unknown_category(tmp_path: Path) -> None:
    folder = _write(
        tmp_path / "demo", {"taxonomy.yaml": HEADER, "care.yaml": CARE.replace("care\n", "x\n", 1)}
    )
    error = _error(folder)
    assert (error.line, "unknown category 'x'" in error.reason) == (1, True)


def test_empty_and_missing(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty", {"taxonomy.yaml": HEADER})
    assert "no competencies" in _error(empty).reason
    blank = tmp_path / "blank.yaml"
    blank.write_text("", encoding="utf-8")
    assert "empty" in _error(blank).reason
    with pytest.raises(BadInputError):
        load_lerkit_yaml(tmp_path / "nothing-here.yaml")
    with pytest.raises(BadInputError, match=r"no taxonomy\.yaml"):
        load_lerkit_yaml(_write(tmp_path / "no-header", {"care.yaml": CARE}))


def test_category_cycle_is_refused(tmp_path: Path) -> None:
    header = HEADER.replace(
        "  - id: care\n    label: Caregiving\n",
        "  - id: care\n    label: Caregiving\n    parent: money\n",
    ).replace("    description: Budgets and bills\n", "    parent: care\n")
    folder = _write(tmp_path / "demo", {"taxonomy.yaml": header, "care.yaml": CARE})
    assert "own ancestor" in _error(folder).reason


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"format: lerkit-taxonomy/1\nname: \xff\xfe\n")
    error = _error(path)
    assert (error.line, error.reason) == (2, "not valid UTF-8 text")
