"""Plain-table taxonomies (CSV and JSONL): columns, lists, attributes, errors with lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.taxonomy.table_format import default_name, load_table
from tests.conftest import need_shared


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_lists_parents_groups_and_attributes(tmp_path: Path) -> None:
    path = _file(
        tmp_path,
        "coach-list.csv",
        "id,label,alt_labels,description,parent,level\n"
        "a,Budgeting,money planning | household budget,Plans money,Money,2\n"
        'b,"Bills, paying",,,a,\n'
        "\n"
        "c,Cooking,,,,1\n",
    )
    taxonomy = load_table(path)
    assert taxonomy.name == "coach-list"
    a, b, c = taxonomy.competencies
    assert a.alt_labels == ["money planning", "household budget"]
    assert (a.category, a.parent, a.attributes) == ("Money", None, {"level": "2"})
    assert (b.label, b.parent, b.category) == ("Bills, paying", "a", None)
    assert c.attributes == {"level": "1"}
    assert [cat.id for cat in taxonomy.categories] == ["Money"]


def test_jsonl_keeps_extra_keys(tmp_path: Path) -> None:
    rows = [
        {"id": "x1", "label": "Welding", "alt_labels": ["MIG welding"], "iwa_id": "I01"},
        {"id": 7, "label": "Numbered", "alt_labels": "one|two"},
    ]
    path = _file(tmp_path, "t.taxonomy.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n\n")
    taxonomy = load_table(path)
    assert taxonomy.name == "t"
    x1, seven = taxonomy.competencies
    assert x1.attributes == {"iwa_id": "I01"}
    assert (seven.id, seven.alt_labels) == ("7", ["one", "two"])


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ('{"id": "a", "label": "A"}\n{"id": "a", "label": "B"}\n', 2, "duplicate id 'a'"),
        ('{"id": "a", "label": "A"}\n\n{"label": "B"}\n', 3, "missing 'id'"),
        ('{"id": "a", "label": "A"}\n{"id": "b", "label": \n', 2, "invalid JSON"),
        ('["a", "A"]\n', 1, "JSON object"),
        ('{"id": "a", "label": ""}\n', 1, "'label' is empty"),
        ('{"id": "a", "label": {"x": 1}}\n', 1, "'label' must be text"),
        ('{"id": "a", "label": "A", "alt_labels": [1]}\n', 1, "list of texts"),
        ('{"id": "a", "label": "A", "parent": "a"}\n', 1, "own parent"),
        ('{"id": true, "label": "A"}\n', 1, "'id' must be text"),
    ],
)
def test_malformed_jsonl(tmp_path: Path, text: str, line: int, reason: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        load_table(_file(tmp_path, "bad.jsonl", text))
    assert (caught.value.line, reason in caught.value.reason) == (line, True)


@pytest.mark.parametrize(
    ("text", "line", "reason"),
    [
        ("name,label\nx,y\n", 1, "no 'id' column"),
        ("id,label,id\nx,y,z\n", 1, "column twice"),
        ('id,label\na,A\nb,"multi\nline"\nc,C,extra\n', 5, "3 cells but 2 columns"),
        ("id,label\na,A\na,B\n", 3, "duplicate id"),
        ("id,label\na,\n", 2, "missing 'label'"),
        ('id,label\na,"unclosed\n', 2, "invalid CSV"),
    ],
)
def test_malformed_csv(tmp_path: Path, text: str, line: int, reason: str) -> None:
    with pytest.raises(FileFormatError) as caught:
        load_table(_file(tmp_path, "bad.csv", text))
    assert (caught.value.line, reason in caught.value.reason) == (line, True)


def test_empty_and_unknown(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="empty"):
        load_table(_file(tmp_path, "e.csv", ""))
    with pytest.raises(FileFormatError, match="no rows"):
        load_table(_file(tmp_path, "e.jsonl", "\n"))
    with pytest.raises(BadInputError, match="csv or jsonl"):
        load_table(_file(tmp_path, "e.txt", "id,label\n"))
    assert load_table(_file(tmp_path, "e.txt", "id,label\na,A\n"), fmt="csv").name == "e.txt"


def test_default_name() -> None:
    assert default_name("/x/esco_skill_spans.taxonomy.jsonl") == "esco_skill_spans"
    assert default_name("My List.CSV") == "my-list"


def test_eval_taxonomies_load() -> None:
    folder = need_shared("data/eval/dev")
    for path in sorted(folder.glob("*.taxonomy.jsonl")):
        taxonomy = load_table(path)
        assert len(taxonomy.competencies) > 300, path.name
