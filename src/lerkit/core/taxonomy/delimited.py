"""Reading tab- and comma-separated data files row by row, with line numbers."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from pathlib import Path

from lerkit.core.errors import FileFormatError
from lerkit.core.files import read_text
from lerkit.core.text_safety import clean_text, needs_cleaning

MiB = 1024 * 1024
DATA_LIMIT = 512 * MiB
_FIELD_LIMIT = 10 * MiB


def rows(
    path: Path, required: Sequence[str], delimiter: str = "\t"
) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line, row)`` for each data row; the header must name ``required`` columns."""
    text = read_text(path, DATA_LIMIT)
    dirty = needs_cleaning(text)
    csv.field_size_limit(_FIELD_LIMIT)
    stream = io.StringIO(text, newline="")
    reader = (csv.reader(stream, delimiter=delimiter, quoting=csv.QUOTE_NONE) if delimiter == "\t"
              else csv.reader(stream, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL))
    source = str(path)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise FileFormatError(source, f"unreadable header: {exc}", 1) from None
    if not header:
        raise FileFormatError(source, "the file is empty", 1)
    header = [h.strip() for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise FileFormatError(source, f"missing column(s): {', '.join(missing)}", 1)
    start = reader.line_num
    try:
        for values in reader:
            line = start + 1 if start else reader.line_num
            start = reader.line_num
            if not values or all(not v.strip() for v in values):
                continue
            if len(values) > len(header):
                raise FileFormatError(
                    source, f"{len(values)} fields where the header has {len(header)}", line
                )
            if dirty:
                values = [clean_text(v, multiline=True) for v in values]
            row = dict(zip(header, values, strict=False))
            for col in required:
                if not row.get(col, "").strip():
                    raise FileFormatError(source, f"empty value in column {col!r}", line)
            yield line, row
    except csv.Error as exc:
        raise FileFormatError(source, f"malformed row: {exc}", reader.line_num) from None


def split_multi(value: str, separators: str = "\n|") -> list[str]:
    """Split a multi-valued cell (newline- or ``|``-separated) into clean items."""
    items = [value]
    for sep in separators:
        items = [part for item in items for part in item.split(sep)]
    seen: dict[str, None] = {}
    for item in items:
        clean = " ".join(item.split())
        if clean:
            seen.setdefault(clean, None)
    return list(seen)
