"""``ler match``: the default search, one taxonomy, by words only, and the index caches."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from lerkit.services import matching
from tests.cli.runner import ler

CSV = ("id,label,alt_labels\n"
       "bake,Organizing bake sales,bake sale fundraiser|church bake sale\n"
       "lift,Operating lifting equipment,forklift driving\n")


def _matches(*args: str) -> list[dict[str, object]]:
    result = ler("match", *args, "--json")
    assert result.code == 0, result.stderr
    found: list[dict[str, object]] = json.loads(result.stdout)
    return found


def test_default_search_covers_lerkit_and_onet_work_activities() -> None:
    found = _matches("I piloted a tugboat pushing barges up the river", "--top", "8")
    assert {"lerkit", "onet-dwa"} <= {m["taxonomy"] for m in found}
    dwa = next(m for m in found if m["taxonomy"] == "onet-dwa")
    assert str(dwa["id"]).startswith("4.A.") and dwa["why"]
    listed = ler("taxonomy", "list")
    assert "onet-dwa" in listed.stdout and "[default search]" in listed.stdout


def test_one_taxonomy_and_words_only(tmp_path: Path) -> None:
    found = _matches("kept track of my son's medications", "--taxonomy", "lerkit")
    assert {m["taxonomy"] for m in found} == {"lerkit"}
    assert found[0]["id"] == "caregiving.medication-management"
    assert found[0]["via"] in ("phrasing", "meaning")
    words = ler("match", "kept track of my son's medications", "--lexical", "--json")
    assert words.code == 0
    assert "matching by words only (--lexical)" in words.stderr
    assert all(m["via"] != "meaning" for m in json.loads(words.stdout))


def test_meaning_off_still_matches_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LER_MEANING", "off")
    matching.forget()
    try:
        result = ler("match", "drove a forklift at the warehouse")
    finally:
        matching.forget()
    assert result.code == 0
    assert "Note: matching by words only: matching by meaning is turned off" in result.stderr
    assert "[lerkit logistics.forklift-operation]" in result.stdout


def test_an_imported_taxonomy_is_bridged_and_can_join_the_default_search(
        tmp_path: Path, ler_home: Path) -> None:
    source = tmp_path / "mine.csv"
    source.write_text(CSV, encoding="utf-8")
    imported = ler("taxonomy", "import", "csv", str(source), "--name", "mine")
    assert imported.code == 0, imported.stderr
    caches = sorted(p.name.split("-")[0] for p in (ler_home / "cache").glob("*-mine-*"))
    assert caches == ["match", "meaning"]  # both indexes are built at import
    assert "mine" not in {m["taxonomy"] for m in _matches("ran the bake sale")}
    assert ler("taxonomy", "default", "mine").code == 0
    found = _matches("ran the bake sale", "--top", "10")
    assert "mine" in {m["taxonomy"] for m in found}
    assert "[default search]" in ler("taxonomy", "list").stdout.split("mine", 1)[1]
    assert ler("taxonomy", "default", "mine", "--off").code == 0
    assert ler("taxonomy", "default", "lerkit").code == 2
    assert ler("taxonomy", "default", "nope").code == 2


def test_a_changed_taxonomy_gets_new_indexes(tmp_path: Path, ler_home: Path) -> None:
    source = tmp_path / "mine.csv"
    source.write_text(CSV, encoding="utf-8")
    assert ler("taxonomy", "import", "csv", str(source), "--name", "mine").code == 0
    first = {p.name for p in (ler_home / "cache").glob("*-mine-*")}
    source.write_text(CSV.replace("forklift driving", "forklift driving|reach truck"),
                      encoding="utf-8")
    assert ler("taxonomy", "import", "csv", str(source), "--name", "mine").code == 0
    second = {p.name for p in (ler_home / "cache").glob("*-mine-*")}
    assert len(second - first) == 2  # named by the new content: the old ones are not used
    found = _matches("drove a reach truck", "--taxonomy", "mine")
    assert found[0]["id"] == "lift"


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, ler_home: Path) -> None:
    assert _matches("ran the bake sale", "--taxonomy", "lerkit")
    for path in (ler_home / "cache").glob("meaning-lerkit-*"):
        path.write_bytes(b"not an index")
    matching.forget()
    assert _matches("ran the bake sale", "--taxonomy", "lerkit")[0]["why"]


@pytest.mark.parametrize("args", [["--help"], ["person", "list"]])
def test_commands_that_do_not_match_load_no_model(args: list[str]) -> None:
    code = ("import sys, runpy; sys.argv = ['ler', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('lerkit', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('numpy', 'tokenizers') or m == 'lerkit.core.matching.meaning'), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_text_output_names_lerkit_skills_in_the_language_spoken() -> None:
    from lerkit.core.i18n import current_language, set_language

    before = current_language()
    try:
        said = "le daba las medicinas a mi papá a tiempo"
        spanish = ler("--lang", "es", "match", said, "--taxonomy", "lerkit", "--top", "3")
        assert spanish.code == 0, spanish.stderr
        assert "1. Manejo de medicamentos  [lerkit caregiving.medication-management]" in (
            spanish.stdout)
        found = json.loads(ler("--lang", "es", "match", said, "--taxonomy", "lerkit",
                               "--json").stdout)
        assert found[0]["label"] == "Medication management"  # data: the taxonomy's name
        english = ler("--lang", "en", "match", said, "--taxonomy", "lerkit", "--top", "3")
        assert "1. Medication management  [lerkit" in english.stdout
    finally:
        set_language(before)


@pytest.mark.parametrize(("text", "english", "spanish"), [
    ("0411", "Marine Corps 0411: Maintenance Management Specialist (found by code 0411)",
     "Infantería de Marina 0411: Maintenance Management Specialist "
     "(encontrada por código 0411)"),
    ("rifleman", 'Marine Corps 0311: Rifleman (found by title "rifleman")',
     'Infantería de Marina 0311: Rifleman (encontrada por título "rifleman")'),
])
def test_how_a_military_job_was_found_is_said_in_the_language_spoken(
        text: str, english: str, spanish: str) -> None:
    from lerkit.core.i18n import current_language, set_language

    before = current_language()
    try:
        said = ler("--lang", "es", "match", "--military", text, "--top", "1")
        assert said.code == 0, said.stderr
        assert spanish in said.stdout.splitlines(), said.stdout
        assert " code " not in said.stdout and "title " not in said.stdout
        found = json.loads(ler("--lang", "es", "match", "--military", text, "--json").stdout)
        assert found["occupations"][0]["found_by"].split()[0] in ("code", "title")  # data
        assert english in ler("--lang", "en", "match", "--military", text).stdout.splitlines()
    finally:
        set_language(before)
