"""``ler occupations``: the O*NET release in use, and refreshing it from O*NET's files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from lerkit.core.taxonomy.onet_pack import read_pack
from tests.cli.runner import ler
from tests.conftest import need_shared
from tests.unit.taxonomy.onet_files import write_release, write_skills_workbook

NEEDED = ("Read Me.txt", "Content Model Reference.txt", "IWA Reference.txt",
          "DWA Reference.txt", "Occupation Data.txt", "Job Zones.txt", "Task Statements.txt",
          "Tasks to DWAs.txt")


def test_shipped_release_and_its_attribution() -> None:
    result = ler("occupations", "info", "--json")
    assert result.code == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["shipped"] and found["release"] == "30.1"
    assert (found["activities"], found["occupations"]) == (2087, 1016)
    assert "USDOL/ETA" in found["attribution"] and "CC BY 4.0" in found["attribution"]


def test_a_newer_release_replaces_what_is_used(tmp_path: Path, ler_home: Path) -> None:
    release = tmp_path / "db_31_0_text"
    release.mkdir()
    for name in NEEDED:
        shutil.copy(need_shared(f"data/onet/{name}"), release / name)
    readme = release / "Read Me.txt"
    readme.write_text(readme.read_text(encoding="utf-8").replace("30.1", "31.0", 1),
                      encoding="utf-8")
    dwa = release / "DWA Reference.txt"
    dwa.write_text(dwa.read_text(encoding="utf-8").replace(
        "Review art or design materials.", "Review art, design or layout materials."),
        encoding="utf-8")
    assert ler("match", "x-rays", "--taxonomy", "onet-dwa").code == 0  # the shipped one
    result = ler("occupations", "import", "onet", str(release))
    assert result.code == 0, result.stderr
    assert "O*NET 31.0: 2087 work activities, 1016 occupations" in result.stdout
    assert (ler_home / "onet-pack.json.gz").stat().st_mode & 0o777 == 0o600
    info = json.loads(ler("occupations", "info", "--json").stdout)
    assert not info["shipped"] and info["release"] == "31.0"
    shown = ler("taxonomy", "show", "onet-dwa", "4.A.1.a.1.I01.D01")
    assert "Review art, design or layout materials." in shown.stdout
    found = json.loads(ler("match", "reviewed the layout materials", "--taxonomy", "onet-dwa",
                           "--json").stdout)
    assert any(m["label"] == "Review art, design or layout materials." for m in found)


def test_an_incomplete_release_changes_nothing(tmp_path: Path, ler_home: Path) -> None:
    (tmp_path / "DWA Reference.txt").write_text("Element ID\tIWA ID\tDWA ID\tDWA Title\n",
                                                encoding="utf-8")
    result = ler("occupations", "import", "onet", str(tmp_path))
    assert result.code == 2 and "Traceback" not in result.stderr
    assert not (ler_home / "onet-pack.json.gz").exists()
    assert ler("occupations", "import", "esco", str(tmp_path)).code == 2


def test_a_release_unzipped_into_a_folder_of_its_own(tmp_path: Path, ler_home: Path) -> None:
    download = tmp_path / "download"
    write_release(download / "db_31_0_text")
    write_skills_workbook(download / "db_29_3_excel")
    result = ler("occupations", "import", "onet", str(download))
    assert result.code == 0, result.stderr
    assert "O*NET 31.0: 3 work activities, 2 occupations" in result.stdout
    assert f"Read the O*NET files in {download / 'db_31_0_text'}" in result.stderr
    assert f"Skill ratings from {download / 'db_29_3_excel' / 'Skills.xlsx'}" in result.stderr
    pack = read_pack(ler_home / "onet-pack.json.gz")
    assert (pack.release, pack.skills_release) == ("31.0", "29.3")
    assert next(o for o in pack.occupations if o.code == "43-5011.00").skills


def test_no_release_or_several_in_the_folder(tmp_path: Path, ler_home: Path) -> None:
    download = tmp_path / "download"
    (download / "notes").mkdir(parents=True)
    result = ler("occupations", "import", "onet", str(download))
    assert result.code == 2 and "Traceback" not in result.stderr
    assert "no O*NET text release in it or in its folders" in result.stderr
    write_release(download / "db_30_1_text")
    write_release(download / "db_31_0_text")
    result = ler("occupations", "import", "onet", str(download))
    assert result.code == 2
    assert "2 O*NET releases in it (db_30_1_text, db_31_0_text)" in result.stderr
    assert not (ler_home / "onet-pack.json.gz").exists()
