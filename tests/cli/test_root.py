"""The root ``ler`` command: it loads only the command a process runs."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from lerkit.cli.main import COMMANDS, command_named, make_cli


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
