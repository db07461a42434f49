"""Occupation details from O*NET beyond work activities: technology examples and skills.

- Technology examples (``Technology Skills.txt``): a few per occupation, those O*NET marks
  as in demand or "hot" first.
- Skill ratings (``Skills.txt``, or O*NET's Excel ``Skills.xlsx``): each occupation's
  importance (1-5) and level (0-7) of the 35 basic and cross-functional skills.
- Which work activities (GWAs) use each skill (``Skills to Work Activities.txt``).

Every file is optional: an occupation without them simply has no examples or ratings.
Excel files are read with the standard library only (an .xlsx is zipped XML).
"""

from __future__ import annotations

import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from lerkit.core.errors import FileFormatError
from lerkit.core.taxonomy.delimited import rows

TECHNOLOGY_PER_OCCUPATION = 5
XLSX_LIMIT = 256 * 1024 * 1024  # unpacked bytes: a workbook larger than this is refused
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
SKILL_COLUMNS = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"]


@dataclass
class SkillRatings:
    """Skill names, each occupation's (skill id, importance, level), the release rated."""

    release: str = ""
    names: dict[str, str] = field(default_factory=dict)
    by_occupation: dict[str, list[tuple[str, float, float]]] = field(default_factory=dict)


def technology_examples(folder: Path) -> dict[str, tuple[str, ...]]:
    """A few technology examples per occupation code (none without the file)."""
    path = folder / "Technology Skills.txt"
    if not path.is_file():
        return {}
    found: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for _, r in rows(path, ["O*NET-SOC Code", "Example"]):
        rank = (r.get("In Demand", "").strip() != "Y") * 2 + (r.get("Hot Technology", "")
                                                            .strip() != "Y")
        found[r["O*NET-SOC Code"].strip()].append((rank, r["Example"].strip()))
    return {code: tuple(name for _, name in sorted(items)[:TECHNOLOGY_PER_OCCUPATION])
            for code, items in found.items()}


def skill_gwas(folder: Path) -> dict[str, tuple[str, ...]]:
    """Skill element id -> the GWAs (work activities) that use it."""
    path = folder / "Skills to Work Activities.txt"
    if not path.is_file():
        return {}
    found: dict[str, list[str]] = defaultdict(list)
    for _, r in rows(path, ["Skills Element ID", "Work Activities Element ID"]):
        found[r["Skills Element ID"].strip()].append(r["Work Activities Element ID"].strip())
    return {k: tuple(dict.fromkeys(v)) for k, v in found.items()}


def skill_ratings(folder: Path, release: str, xlsx: Path | None = None) -> SkillRatings:
    """Importance and level of each skill per occupation, from ``Skills.txt`` in the
    release, else ``xlsx`` (or ``Skills.xlsx`` in the folder; an ``xlsx`` ending in
    ``.txt`` is a ``Skills.txt`` kept elsewhere); ``release`` names the release the
    ratings come from when it is not the folder's own."""
    elsewhere = xlsx is not None and xlsx.suffix.lower() == ".txt"
    text = xlsx if xlsx is not None and elsewhere else folder / "Skills.txt"
    book = xlsx or folder / "Skills.xlsx"
    if text.is_file():
        source: Iterator[dict[str, str]] = (r for _, r in rows(text, SKILL_COLUMNS))
    elif book.is_file():
        source = xlsx_rows(book, SKILL_COLUMNS)
    else:
        return SkillRatings()
    ratings = SkillRatings(release=release)
    values: dict[tuple[str, str], dict[str, float]] = defaultdict(dict)
    for r in source:
        scale = r["Scale ID"].strip()
        if scale not in ("IM", "LV"):
            continue
        skill = r["Element ID"].strip()
        ratings.names.setdefault(skill, r["Element Name"].strip())
        try:
            value = float(r["Data Value"])
        except ValueError:
            continue
        if scale == "LV" and r.get("Not Relevant", "").strip() == "Y":
            value = 0.0
        values[(r["O*NET-SOC Code"].strip(), skill)][scale] = value
    for (code, skill), v in values.items():
        if "IM" in v:
            ratings.by_occupation.setdefault(code, []).append(
                (skill, round(v["IM"], 2), round(v.get("LV", 0.0), 2)))
    return ratings


def xlsx_rows(path: Path, required: list[str]) -> Iterator[dict[str, str]]:
    """The first sheet of an Excel workbook as rows keyed by its header row."""
    source = str(path)
    try:
        with zipfile.ZipFile(path) as book:
            if sum(i.file_size for i in book.infolist()) > XLSX_LIMIT:
                raise FileFormatError(source, "workbook too large")
            strings = _shared_strings(book)
            sheets = sorted(n for n in book.namelist() if n.startswith("xl/worksheets/sheet"))
            if not sheets:
                raise FileFormatError(source, "no worksheet")
            header: list[str] = []
            with book.open(sheets[0]) as sheet:
                for _, element in ElementTree.iterparse(sheet):
                    if element.tag != f"{_NS}row":
                        continue
                    cells = _cells(element, strings)
                    element.clear()
                    if not header:
                        header = [cells.get(i, "").strip() for i in range(max(cells) + 1)]
                        missing = [c for c in required if c not in header]
                        if missing:
                            raise FileFormatError(source, f"missing column(s): "
                                                  f"{', '.join(missing)}", 1)
                        continue
                    yield {name: cells.get(i, "") for i, name in enumerate(header)}
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, ValueError) as exc:
        raise FileFormatError(source, f"not a readable Excel workbook ({exc})") from None


def _shared_strings(book: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in book.namelist():
        return []
    found = []
    with book.open("xl/sharedStrings.xml") as handle:
        for _, element in ElementTree.iterparse(handle):
            if element.tag == f"{_NS}si":
                found.append("".join(t.text or "" for t in element.iter(f"{_NS}t")))
                element.clear()
    return found


def _column(ref: str) -> int:
    number = 0
    for ch in ref:
        if not ch.isalpha():
            break
        number = number * 26 + ord(ch.upper()) - 64
    return number - 1


def _cells(row: ElementTree.Element, strings: list[str]) -> dict[int, str]:
    cells: dict[int, str] = {}
    for i, cell in enumerate(row.iter(f"{_NS}c")):
        ref = cell.get("r")
        column = _column(ref) if ref else i
        kind = cell.get("t")
        if kind == "inlineStr":
            cells[column] = "".join(t.text or "" for t in cell.iter(f"{_NS}t"))
            continue
        value = cell.find(f"{_NS}v")
        text = value.text or "" if value is not None else ""
        cells[column] = strings[int(text)] if kind == "s" and text else text
    return cells or {0: ""}
