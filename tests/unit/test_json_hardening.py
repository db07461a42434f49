"""Every JSON lerkit reads is read strictly: what it refuses, where, and how fast."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from lerkit.core.errors import FileFormatError
from lerkit.core.files import loads_json, parse_yaml, read_json
from lerkit.core.strict_json import locate, parse_json
from lerkit.core.taxonomy.case import load_case
from lerkit.core.taxonomy.rsd import load_rsd
from lerkit.core.taxonomy.table_format import load_table

REPO = Path(__file__).resolve().parents[2]

REFUSED = [
    ("-" + "9" * 5000, 1, "more than 4300 digits, at the top level"),
    ('{"a": 1,\n "b": {"c": [1, 2, {"d": 1, "d": 2}]}}', 2,
     "the key 'd' appears twice in one object, at b.c[2].d"),
    ('{"name": "\\ud800"}', 1, "half of a character (a lone surrogate escape), at name"),
    ('["ok", "\\udc00"]', 1, "half of a character (a lone surrogate escape), at [1]"),
    ('{"\\ud800": 1}', 1, "a key holds half of a character"),
    ('{"x": NaN}', 1, "NaN is not allowed in JSON, at x"),
    ('{"x":\n\n [-Infinity]}', 3, "-Infinity is not allowed in JSON, at x[0]"),
    ('{"x": 1e400}', 1, "a number too large for a double, at x"),
    ('{"a b": {"x": 1, "x": 2}}', 1, "the key 'x' appears twice in one object, at ['a b'].x"),
]


@pytest.mark.parametrize(("text", "line", "reason"), REFUSED)
def test_refused_with_line_and_place(text: str, line: int, reason: str) -> None:
    with pytest.raises(FileFormatError) as raised:
        parse_json(text, "doc.json")
    assert raised.value.line == line
    assert reason in raised.value.reason
    assert str(raised.value).startswith(f"doc.json:{line}: ")


@pytest.mark.parametrize("text", [
    '{"smile": "\\ud83d\\ude00"}',  # a pair of surrogate escapes is one character
    '["\\\\ud800"]',  # an escaped backslash, then plain text
    '{"n": ' + "9" * 4300 + "}",
    '{"a": {"x": 1}, "b": {"x": 1}}',  # the same key in two objects
    "1.5e300",
])
def test_accepted(text: str) -> None:
    assert parse_json(text, "doc.json") == json.loads(text)


def test_a_line_of_many_is_named() -> None:
    with pytest.raises(FileFormatError, match=r"^t\.jsonl:7: the key 'id' appears twice"):
        parse_json('{"id": 1, "id": 2}', "t.jsonl", 7)
    with pytest.raises(FileFormatError, match=r"^t\.jsonl:7: invalid JSON"):
        parse_json('{"id": ', "t.jsonl", 7)


def test_nesting_and_syntax_errors_are_refused_too() -> None:
    with pytest.raises(FileFormatError, match="nested too deeply"):
        parse_json("[" * 100_000 + "]" * 100_000, "deep.json")
    with pytest.raises(FileFormatError, match=r"^doc\.json:2: invalid JSON"):
        parse_json('{\n"a" 1}', "doc.json")
    assert locate("{not json") is None


def test_files_and_bytes(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    path.write_text("-" + "9" * 5000, encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"b\.json:1: a number with more than 4300"):
        read_json(path)
    with pytest.raises(FileFormatError, match="not valid UTF-8"):
        loads_json(b'{"a": "\xff"}', "blob")
    assert loads_json(b'{"a": "\xc3\xa9"}', "blob") == {"a": "é"}


def test_strictness_costs_little_on_a_large_document() -> None:
    doc = {"items": [{"id": f"urn:uuid:{n}", "name": "Forklift operation", "n": n,
                      "score": n / 7, "tags": ["a", "b"]} for n in range(50_000)]}
    text = json.dumps(doc, ensure_ascii=False)
    started = time.perf_counter()
    assert parse_json(text, "big.json") == doc
    assert time.perf_counter() - started < 5


def test_yaml_refuses_duplicate_keys_and_long_numbers() -> None:
    with pytest.raises(FileFormatError, match=r"^t\.yaml:3: invalid YAML: the key 'b'"):
        parse_yaml("a: 1\nb: 2\nb: 3\n", "t.yaml")
    with pytest.raises(FileFormatError, match="more than 4300 digits"):
        parse_yaml("a: " + "9" * 5000, "t.yaml")
    assert parse_yaml("a: &x {b: 1}\nc:\n  <<: *x\n  d: 2\n", "t.yaml")["c"] == {"b": 1, "d": 2}


def test_taxonomy_readers_refuse_and_clean(tmp_path: Path) -> None:
    table = tmp_path / "t.jsonl"
    table.write_text('{"id": "a", "label": "ok"}\n{"id": "b", "label": "\\ud800"}\n',
                     encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"t\.jsonl:2: a text holds half"):
        load_table(table)
    table.write_text('{"id": "a", "label": ' + "9" * 5000 + "}\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"t\.jsonl:1: a number with more"):
        load_table(table)
    table.write_text('{"id": "a", "label": "Fork\\u202elift \\u001b[2J"}\n', encoding="utf-8")
    assert load_table(table).competencies[0].label == "Forklift [2J"
    case = json.loads((REPO / "tests" / "data" / "case_package.json").read_text("utf-8"))
    for bad in (1.5, True, "text"):
        case["CFAssociations"] = bad
        path = tmp_path / "case.json"
        path.write_text(json.dumps(case), encoding="utf-8")
        with pytest.raises(FileFormatError, match="CFAssociations must be a list"):
            load_case(path)
    case["CFAssociations"] = []
    case["CFItems"][0]["conceptKeywords"] = 1.5
    path.write_text(json.dumps(case), encoding="utf-8")
    assert load_case(path).competencies
    rsd = tmp_path / "rsd.json"
    rsd.write_text('{"id": "x", "skillName": "A", "skillName": "B"}', encoding="utf-8")
    with pytest.raises(FileFormatError, match="'skillName' appears twice"):
        load_rsd(rsd)
