"""``ler person`` and ``ler db`` on SQLite and PostgreSQL, and their error handling."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.cli.runner import ler
from tests.conftest import REPO_ROOT


def test_add_prints_only_the_id_and_list_shows_her(db_url: str) -> None:
    added = ler("--db", db_url, "person", "add", "Sofia Ramirez")
    assert added.code == 0, added.stderr
    person_id = added.stdout.strip()
    assert added.stdout == person_id + "\n"
    listed = ler("--db", db_url, "person", "list", "--json")
    assert listed.code == 0
    assert json.loads(listed.stdout) == [
        {"id": person_id, "name": "Sofia Ramirez", "experiences": 0, "accepted_skills": 0,
         "evidence": 0, "endorsements": 0}
    ]
    shown = json.loads(ler("--db", db_url, "person", "show", "--person", person_id,
                           "--json").stdout)
    assert shown["name"] == "Sofia Ramirez"


def test_show_and_delete_take_person_like_every_command() -> None:
    person_id = ler("person", "add", "Id Option").stdout.strip()
    for command in ("show", "delete"):
        helped = ler("person", command, "--help").stdout
        assert "--person" in helped and "ID" not in helped.split("\n\n")[0]
    by_option = ler("person", "show", "-p", person_id)
    assert by_option.code == 0 and by_option.stdout.startswith("Id Option")
    assert ler("person", "show", person_id).stdout == by_option.stdout  # the older form
    assert ler("person", "show", "--person", person_id, person_id).code == 0
    two = ler("person", "show", "--person", person_id, "other")
    assert two.code == 2 and "give one person's id" in two.stderr
    none = ler("person", "show")
    assert none.code == 2 and "--person ID" in none.stderr
    assert ler("person", "delete", "--person", person_id, "--yes").code == 0


def test_ler_db_environment_variable_is_honoured(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LER_DB", db_url)
    person_id = ler("person", "add", "Env Person").stdout.strip()
    assert person_id in ler("person", "list").stdout


def test_default_database_lives_in_ler_home(ler_home: object) -> None:
    assert ler("person", "add", "Home Person").code == 0
    info = json.loads(ler("db", "info", "--json").stdout)
    assert info["backend"] == "sqlite"
    assert info["url"].endswith(f"{ler_home}/lerkit.db")
    assert info["rows"]["person"] == 1
    assert info["schema_version"] == info["latest_version"]
    assert ler("db", "upgrade").stdout.strip() == "schema is up to date"


def test_delete_asks_and_yes_skips(db_url: str) -> None:
    person_id = ler("--db", db_url, "person", "add", "To Delete").stdout.strip()
    kept = ler("--db", db_url, "person", "delete", "--person", person_id, input="n\n")
    assert kept.code == 2  # not a terminal: refuses without --yes
    assert "--yes" in kept.stderr
    done = ler("--db", db_url, "person", "delete", person_id, "--yes")
    assert done.code == 0
    assert json.loads(ler("--db", db_url, "person", "list", "--json").stdout) == []


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--db", "sqlite:////nonexistent/dir/x.db", "person", "list"], "does not exist"),
        (["--db", "nosuchdb://x", "person", "list"], "database URL"),
        (["--db", "::::", "person", "list"], "database URL"),
        (["person", "show", "--person", "nobody"], "no person with id"),
        (["person", "delete", "--person", "nobody", "--yes"], "no person with id"),
        (["person", "add", ""], "empty"),
    ],
)
def test_bad_input_exits_2_with_one_line(args: list[str], needle: str) -> None:
    result = ler(*args)
    assert result.code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("ler: error:")
    assert needle in result.stderr
    assert "Traceback" not in result.stderr


def test_unreachable_postgres_is_a_clear_error() -> None:
    result = ler("--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", "person", "list")
    assert result.code == 2
    assert result.stderr.startswith("ler: error: cannot open database")


def test_version() -> None:
    result = ler("--version")
    assert result.code == 0
    assert result.stdout.startswith("lerkit ")


def test_real_console_script_nonexistent_folder() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "lerkit", "--db", "sqlite:////nonexistent/dir/x.db",
         "person", "list"],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0
    assert "does not exist" in proc.stderr


def test_show_gives_the_time_in_utc_once(db_url: str) -> None:
    import re

    person_id = ler("--db", db_url, "person", "add", "Time Zone").stdout.strip()
    shown = json.loads(ler("--db", db_url, "person", "show", "--person", person_id,
                           "--json").stdout)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", shown["created_at"])


def test_show_names_skills_in_the_language_spoken_and_json_keeps_the_claims() -> None:
    from lerkit.core.i18n import current_language, set_language

    before = current_language()
    try:
        person_id = ler("person", "add", "Rosa Lang").stdout.strip()
        demo = ler("interview", "--person", person_id, "--answers",
                   str(REPO_ROOT / "prompts" / "demo" / "cleaner-caregiver-es.yaml"))
        assert demo.code == 0, demo.stderr
        spanish = ler("--lang", "es", "person", "show", "--person", person_id).stdout
        english = ler("--lang", "en", "person", "show", "--person", person_id).stdout
        assert "* Manejo de medicamentos (" in spanish and "Medication management" not in spanish
        assert "* Medication management (" in english
        data = json.loads(ler("--lang", "es", "person", "show", "--person", person_id,
                              "--json").stdout)
        assert "Medication management" in {c["label"] for c in data["claims"]}
    finally:
        set_language(before)
