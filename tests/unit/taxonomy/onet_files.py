"""A tiny O*NET text release, written file by file, laid out as O*NET's downloads unzip."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tests.unit.occupations.test_onet_details import HEADER, _xlsx

DWAS = [("4.A.4.b.6", "4.A.4.b.6.I01", "4.A.4.b.6.I01.D01", "Track shipments."),
        ("4.A.4.b.6", "4.A.4.b.6.I01", "4.A.4.b.6.I01.D02", "Prepare shipping documents."),
        ("4.A.1.a.1", "4.A.1.a.1.I02", "4.A.1.a.1.I02.D01", "Inspect cargo for damage.")]
OCCUPATIONS = [("43-5011.00", "Cargo and Freight Agents"),
               ("53-7065.00", "Stockers and Order Fillers")]
TASKS = [("43-5011.00", "1", "Core", "4.A.4.b.6.I01.D01"),
         ("43-5011.00", "2", "Core", "4.A.4.b.6.I01.D02"),
         ("43-5011.00", "3", "Supplemental", "4.A.1.a.1.I02.D01"),
         ("53-7065.00", "4", "Core", "4.A.1.a.1.I02.D01")]


def _table(path: Path, header: list[str], rows: Sequence[tuple[str, ...]]) -> None:
    lines = ["\t".join(header), *("\t".join(row) for row in rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_release(folder: Path, release: str = "31.0") -> Path:
    """The text files an import needs, for two occupations and three activities."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Read Me.txt").write_text(f"O*NET {release} Database\n", encoding="utf-8")
    _table(folder / "DWA Reference.txt", ["Element ID", "IWA ID", "DWA ID", "DWA Title"], DWAS)
    _table(folder / "Occupation Data.txt", ["O*NET-SOC Code", "Title", "Description"],
           [(code, title, "") for code, title in OCCUPATIONS])
    _table(folder / "Task Statements.txt", ["O*NET-SOC Code", "Task ID", "Task", "Task Type"],
           [(code, task, f"Task {task}.", kind) for code, task, kind, _dwa in TASKS])
    _table(folder / "Tasks to DWAs.txt", ["O*NET-SOC Code", "Task ID", "DWA ID"],
           [(code, task, dwa) for code, task, _kind, dwa in TASKS])
    return folder


def write_skills_workbook(folder: Path, release: str = "29.3") -> Path:
    """O*NET's Excel ``Skills.xlsx`` (two ratings of one occupation), with its Read Me."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "Read Me.txt").write_text(f"O*NET {release} Database\n", encoding="utf-8")
    return _xlsx(folder / "Skills.xlsx", [
        HEADER,
        ["43-5011.00", "2.A.1.a", "Reading Comprehension", "IM", "3.5", ""],
        ["43-5011.00", "2.A.1.a", "Reading Comprehension", "LV", "3.25", "N"],
    ])
