"""docs/cli.md is what the commands' help prints now (regenerate it when they change)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_the_cli_reference_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "cli_reference.py"), "--check"],
        capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, (
        "docs/cli.md differs from the commands' help: run python scripts/cli_reference.py\n"
        + done.stderr)


def test_the_reference_covers_every_command() -> None:
    from lerkit.cli.main import COMMANDS

    text = (REPO_ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## `ler {name}`" in text
    assert "\x1b[" not in text, "no colour codes"
    assert max(len(line) for line in text.splitlines()) <= 100
