"""Technology examples and skill ratings from O*NET's files, Excel ones included."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from lerkit.core.errors import FileFormatError
from lerkit.core.taxonomy.onet_details import (
    TECHNOLOGY_PER_OCCUPATION,
    skill_ratings,
    technology_examples,
    xlsx_rows,
)
from lerkit.core.taxonomy.onet_pack import read_pack, shipped_pack, write_pack

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _xlsx(path: Path, table: list[list[str]]) -> Path:
    strings = sorted({v for row in table for v in row})
    ref = {v: i for i, v in enumerate(strings)}
    rows = "".join(
        f'<row r="{r + 1}">' + "".join(
            f'<c r="{chr(65 + c)}{r + 1}" t="s"><v>{ref[v]}</v></c>' if not _number(v)
            else f'<c r="{chr(65 + c)}{r + 1}"><v>{v}</v></c>'
            for c, v in enumerate(row) if v) + "</row>"
        for r, row in enumerate(table))
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("xl/sharedStrings.xml", f'<sst xmlns="{_MAIN}">' + "".join(
            f"<si><t>{s}</t></si>" for s in strings) + "</sst>")
        book.writestr("xl/worksheets/sheet1.xml",
                      f'<worksheet xmlns="{_MAIN}"><sheetData>{rows}</sheetData></worksheet>')
    return path


def _number(value: str) -> bool:
    return value.replace(".", "", 1).isdigit()


HEADER = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value",
          "Not Relevant"]


def test_skill_ratings_from_an_excel_workbook(tmp_path: Path) -> None:
    _xlsx(tmp_path / "Skills.xlsx", [
        HEADER,
        ["43-5071.00", "2.A.1.a", "Reading Comprehension", "IM", "3.12", ""],
        ["43-5071.00", "2.A.1.a", "Reading Comprehension", "LV", "2.5", "N"],
        ["43-5071.00", "2.B.1.a", "Persuasion", "IM", "1.5", ""],
        ["43-5071.00", "2.B.1.a", "Persuasion", "LV", "1.2", "Y"],
    ])
    found = skill_ratings(tmp_path, "29.3")
    assert found.release == "29.3"
    assert found.names == {"2.A.1.a": "Reading Comprehension", "2.B.1.a": "Persuasion"}
    assert sorted(found.by_occupation["43-5071.00"]) == [("2.A.1.a", 3.12, 2.5),
                                                         ("2.B.1.a", 1.5, 0.0)]
    assert skill_ratings(tmp_path / "nowhere", "x").by_occupation == {}


def test_a_workbook_without_the_columns_or_not_a_workbook_is_refused(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "Other.xlsx", [["Code", "Value"], ["1", "2"]])
    with pytest.raises(FileFormatError, match="missing column"):
        list(xlsx_rows(book, HEADER))
    (tmp_path / "Broken.xlsx").write_bytes(b"not a zip")
    with pytest.raises(FileFormatError, match="not a readable Excel workbook"):
        list(xlsx_rows(tmp_path / "Broken.xlsx", HEADER))


def test_technology_examples_prefer_in_demand_and_hot(tmp_path: Path) -> None:
    lines = ["O*NET-SOC Code\tExample\tHot Technology\tIn Demand"]
    lines += [f"11-1011.00\tTool {i}\tN\tN" for i in range(8)]
    lines += ["11-1011.00\tZeta hot\tY\tN", "11-1011.00\tZulu wanted\tY\tY"]
    (tmp_path / "Technology Skills.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = technology_examples(tmp_path)["11-1011.00"]
    assert len(found) == TECHNOLOGY_PER_OCCUPATION
    assert found[:2] == ("Zulu wanted", "Zeta hot")


def test_the_shipped_pack_has_technology_and_skills_and_both_releases_attributed(
        tmp_path: Path) -> None:
    pack = shipped_pack()
    clerks = next(o for o in pack.occupations if o.code == "43-5071.00")
    assert clerks.technology and len(clerks.technology) <= TECHNOLOGY_PER_OCCUPATION
    assert len(clerks.skills) == 35 and len(pack.skills) == 35
    assert pack.skill_gwas["2.A.1.a"]
    assert "O*NET 30.1 Database" in pack.attribution
    assert "O*NET 29.3 Database" in pack.attribution
    written = tmp_path / "again.json.gz"
    write_pack(pack, written)
    again = read_pack(written)
    assert again.occupations == pack.occupations and again.attribution == pack.attribution
