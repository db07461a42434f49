"""The root ``ler`` command: it loads only the command a process runs."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from lerkit.cli.errors import EXIT_INTERNAL
from lerkit.cli.main import COMMANDS, command_named, make_cli
from tests.cli.runner import ler


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export", "--person", "p"], "export"),
        (["--db", "sqlite:///x.db", "verify", "b.json"], "verify"),
        (["--db", "export", "keys", "show"], "keys"),  # a --db value is not a command
        (["-h"], None),
        ([], None),
        (["--version"], None),
        (["exprot"], None),  # unknown: the whole app is built, to suggest the right name
    ],
)
def test_the_command_is_found_after_root_options(argv: list[str], expected: str | None) -> None:
    assert command_named(argv) == expected


def test_one_command_builds_only_that_command() -> None:
    built = typer.main.get_command(make_cli("export"))
    assert set(built.commands) == {"export"}  # type: ignore[attr-defined]


def test_the_whole_app_has_every_command() -> None:
    built = typer.main.get_command(make_cli())
    assert set(built.commands) == set(COMMANDS)  # type: ignore[attr-defined]


def _ler(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lerkit", *args], capture_output=True,
                          text=True, check=False)


def test_help_still_lists_every_command() -> None:
    shown = _ler("--help")
    assert shown.returncode == 0
    for name in COMMANDS:
        assert name in shown.stdout


def test_a_misspelt_command_gets_a_suggestion() -> None:
    shown = _ler("exprot")
    assert shown.returncode == 2
    assert "export" in shown.stderr


def test_a_process_running_one_command_does_not_load_the_others() -> None:
    code = ("import sys; from lerkit.cli.main import main\n"
            "try:\n    main(['verify', '--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.endswith('_cmd')))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True)
    assert shown.stdout.strip().splitlines()[-1] == "['lerkit.cli.verify_cmd']"


def test_usage_errors_are_typers_own_and_exit_2() -> None:
    wrong = ler("match", "x", "--top", "0")
    assert wrong.code == 2
    assert "--top" in wrong.stderr and "bug" not in wrong.stderr


def test_an_unexpected_error_is_one_line_with_exit_3(monkeypatch: pytest.MonkeyPatch) -> None:
    class Abort(Exception):  # named like Typer's, but not Typer's: still a bug to report
        pass

    def broken(*_args: object) -> None:
        raise Abort("something odd")

    monkeypatch.setattr("lerkit.services.people.list_people", broken)
    result = ler("person", "list")
    assert result.code == EXIT_INTERNAL
    assert result.stderr == ("ler: error: unexpected Abort: something odd (this is a bug in "
                             "lerkit; set LER_DEBUG=1 to see details)\n")
