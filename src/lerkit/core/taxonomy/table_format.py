"""Plain-table taxonomies: CSV with a header row, or JSON Lines (one object a line).

Columns (CSV) or keys (JSONL): ``id`` and ``label`` are required; ``alt_labels`` (a list
in JSONL, ``|``-separated in CSV), ``description`` and ``parent`` are optional; any
other column is kept in the competency's ``attributes``. A ``parent`` that is the id of
another row makes a hierarchy of competencies; any other ``parent`` value is taken as
the name of a group (a category). Problems give :class:`FileFormatError` with the line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.files import read_text
from lerkit.core.strict_json import parse_json
from lerkit.core.taxonomy.model import Category, Competency, Taxonomy
from lerkit.core.text_safety import clean_text

TABLE_FORMATS = ("csv", "jsonl")
_KNOWN = ("id", "label", "alt_labels", "description", "parent")
_MAX_FIELD = 1_000_000
_NAME_CLEAN = re.compile(r"[^a-z0-9._-]+")


def table_format_of(path: Path | str) -> str | None:
    """``"csv"`` or ``"jsonl"`` from a file name, or ``None``."""
    name = Path(path).name.lower()
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return None


def default_name(path: Path | str) -> str:
    """A taxonomy name from a file name: ``esco.taxonomy.jsonl`` -> ``esco``."""
    stem = Path(path).name.lower()
    for suffix in (".csv", ".jsonl", ".ndjson", ".taxonomy"):
        stem = stem.removesuffix(suffix)
    return _NAME_CLEAN.sub("-", stem).strip("-._") or "taxonomy"


def load_table(
    path: Path | str, fmt: str | None = None, name: str | None = None, title: str | None = None
) -> Taxonomy:
    """Load a CSV or JSONL taxonomy (the format is guessed from the file name if not given)."""
    fmt = fmt or table_format_of(path)
    if fmt not in TABLE_FORMATS:
        raise BadInputError(f"{path}: say which table format it is (csv or jsonl)")
    text = read_text(path)
    source = str(path)
    rows = _csv_rows(text, source) if fmt == "csv" else _jsonl_rows(text, source)
    return _build(rows, source, name or default_name(path), title)


def _jsonl_rows(text: str, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        value = parse_json(line, source, number)
        if not isinstance(value, dict):
            raise FileFormatError(source, "each line must be a JSON object {...}", number)
        if "alt_labels" in value and isinstance(value["alt_labels"], str):
            value["alt_labels"] = _split_alt(value["alt_labels"])
        yield number, value


def _split_alt(text: str) -> list[str]:
    return [part.strip() for part in clean_text(text).split("|") if part.strip()]


def _csv_rows(text: str, source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    csv.field_size_limit(_MAX_FIELD)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
        if header is None:
            raise FileFormatError(source, "the file is empty")
        columns = [column.strip().lower() for column in header]
        for key in ("id", "label"):
            if key not in columns:
                raise FileFormatError(source, f"the header row has no '{key}' column", 1)
        if len(set(columns)) != len(columns):
            raise FileFormatError(source, "the header row names a column twice", 1)
        start = reader.line_num + 1
        for row in reader:
            if not any(cell.strip() for cell in row):
                start = reader.line_num + 1
                continue
            if len(row) > len(columns):
                raise FileFormatError(source, f"{len(row)} cells but {len(columns)} columns", start)
            record: dict[str, Any] = {c: v for c, v in zip(columns, row, strict=False) if v != ""}
            if "alt_labels" in record:
                record["alt_labels"] = _split_alt(record["alt_labels"])
            yield start, record
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FileFormatError(source, f"invalid CSV: {exc}", reader.line_num or None) from None


def _text(value: Any, key: str, source: str, line: int, *, required: bool = False,
          multiline: bool = False) -> str:
    if value is None and not required:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FileFormatError(source, f"'{key}' must be text", line)
    result = clean_text(str(value), multiline=multiline).strip()
    if required and not result:
        raise FileFormatError(source, f"'{key}' is empty", line)
    return result


def _build(
    rows: Iterator[tuple[int, dict[str, Any]]], source: str, name: str, title: str | None
) -> Taxonomy:
    competencies: list[Competency] = []
    lines: dict[str, int] = {}
    parent_lines: list[tuple[Competency, int]] = []
    for line, row in rows:
        for key in ("id", "label"):
            if key not in row:
                raise FileFormatError(source, f"missing '{key}'", line)
        cid = _text(row["id"], "id", source, line, required=True)
        if cid in lines:
            first = lines[cid]
            raise FileFormatError(source, f"duplicate id {cid!r} (first on line {first})", line)
        lines[cid] = line
        alt = row.get("alt_labels") or []
        if not isinstance(alt, list) or not all(isinstance(a, str) for a in alt):
            raise FileFormatError(source, "'alt_labels' must be a list of texts", line)
        competency = Competency(
            id=cid,
            label=_text(row["label"], "label", source, line, required=True),
            description=_text(row.get("description"), "description", source, line,
                              multiline=True),
            alt_labels=[a for a in (clean_text(a).strip() for a in alt) if a],
            attributes={clean_text(k): clean_text(v) if isinstance(v, str) else v
                        for k, v in row.items() if k not in _KNOWN},
        )
        parent = _text(row.get("parent"), "parent", source, line)
        if parent:
            competency.parent = parent
            parent_lines.append((competency, line))
        competencies.append(competency)
    if not competencies:
        raise FileFormatError(source, "the table has no rows")
    categories: dict[str, Category] = {}
    for competency, line in parent_lines:
        parent = competency.parent or ""
        if parent == competency.id:
            raise FileFormatError(source, f"{parent!r} cannot be its own parent", line)
        if parent not in lines:  # not a row: a group name
            categories.setdefault(parent, Category(id=parent, label=parent))
            competency.parent = None
            competency.category = parent
    return Taxonomy(
        name=name,
        title=title or name,
        competencies=competencies,
        source=source,
        categories=list(categories.values()),
    )
