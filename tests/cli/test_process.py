"""A ``ler`` process tunes the cycle collector and freezes the heap before exiting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lerkit.cli import process

PROBE = """
import atexit, gc
from lerkit.cli.main import main
atexit.register(lambda: print(gc.get_threshold(), gc.get_freeze_count() > 0))
main({args!r})
"""


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE.format(args=args)], capture_output=True,
                          text=True, check=False)


def test_a_command_runs_with_the_tuned_thresholds_and_ends_frozen() -> None:
    done = _run(["--version"])
    assert done.returncode == 0
    assert done.stdout.strip().splitlines()[-1] == f"{process.GC_THRESHOLDS} True"


def test_a_failing_command_still_ends_frozen_with_a_clear_message(tmp_path: Path) -> None:
    done = _run(["verify", str(tmp_path / "missing.json")])
    assert done.returncode == 2
    assert done.stdout.strip().splitlines()[-1].endswith("True")
    assert "no such file" in done.stderr and "Traceback" not in done.stderr
