"""Finding an O*NET release where its download unzipped: the folder, or one or two down."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError
from lerkit.core.taxonomy.onet_pack import build_pack
from lerkit.core.taxonomy.onet_release import locate
from tests.unit.taxonomy.onet_files import write_release, write_skills_workbook


def test_the_folder_itself_one_or_two_levels_down(tmp_path: Path) -> None:
    here = write_release(tmp_path / "here")
    assert locate(here).folder == here
    one = write_release(tmp_path / "one" / "db_31_0_text")
    assert locate(tmp_path / "one").folder == one
    two = write_release(tmp_path / "two" / "downloads" / "db_31_0_text")
    assert locate(tmp_path / "two").folder == two
    write_release(tmp_path / "three" / "a" / "b" / "db_31_0_text")
    with pytest.raises(BadInputError, match="no O\\*NET text release"):
        locate(tmp_path / "three")


def test_skill_ratings_beside_it_in_the_excel_download(tmp_path: Path) -> None:
    text = write_release(tmp_path / "db_31_0_text")
    book = write_skills_workbook(tmp_path / "db_29_3_excel")
    found = locate(tmp_path)
    assert (found.folder, found.skills) == (text, book)
    pack = build_pack(found.folder, found.skills)
    assert pack.release == "31.0" and pack.skills_release == "29.3"
    agents = next(o for o in pack.occupations if o.code == "43-5011.00")
    assert agents.skills == (("2.A.1.a", 3.5, 3.25),)
    assert [d for d, _w in agents.dwas][:2] == ["4.A.4.b.6.I01.D01", "4.A.4.b.6.I01.D02"]


def test_a_release_with_its_own_skills_file_keeps_it(tmp_path: Path) -> None:
    text = write_release(tmp_path / "db_31_0_text")
    (text / "Skills.txt").write_text("O*NET-SOC Code\tElement ID\tElement Name\tScale ID\t"
                                     "Data Value\n", encoding="utf-8")
    write_skills_workbook(tmp_path / "db_29_3_excel")
    assert locate(tmp_path).skills is None


def test_none_or_several_are_named(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    (empty / "docs").mkdir(parents=True)
    with pytest.raises(BadInputError, match=r"looked for 'DWA Reference\.txt'"):
        locate(empty)
    excel = tmp_path / "excel" / "db_31_0_excel"
    excel.mkdir(parents=True)
    (excel / "DWA Reference.xlsx").write_bytes(b"")
    with pytest.raises(BadInputError, match="db_31_0_excel holds O\\*NET's Excel files"):
        locate(tmp_path / "excel")
    write_release(tmp_path / "both" / "db_30_1_text")
    write_release(tmp_path / "both" / "db_31_0_text")
    with pytest.raises(BadInputError, match="2 O\\*NET releases in it "
                       "\\(db_30_1_text, db_31_0_text\\); give the folder"):
        locate(tmp_path / "both")
    write_release(tmp_path / "books" / "db_31_0_text")
    write_skills_workbook(tmp_path / "books" / "db_29_3_excel")
    write_skills_workbook(tmp_path / "books" / "db_30_1_excel")
    with pytest.raises(BadInputError, match="2 skill rating files"):
        locate(tmp_path / "books")
