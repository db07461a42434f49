"""The collector settings of a ``ler`` process, and that commands leave them as found."""

from __future__ import annotations

import gc
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.cli import process
from tests.cli.runner import ler


@pytest.fixture(autouse=True)
def _restore_collector() -> Iterator[None]:
    thresholds, enabled = gc.get_threshold(), gc.isenabled()
    yield
    gc.set_threshold(*thresholds)
    if enabled:
        gc.enable()


def test_bounded_work_pauses_cycle_collection_and_restores_it() -> None:
    gc.enable()
    with process.bounded_work():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_bounded_work_restores_even_after_an_error() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), process.bounded_work():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_bounded_work_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    with process.bounded_work():
        pass
    assert not gc.isenabled()


def test_commands_run_in_process_leave_the_collector_on(tmp_path: Path) -> None:
    gc.enable()
    assert ler("verify", str(tmp_path / "missing.json")).code == 2
    assert gc.isenabled()


def test_a_ler_process_runs_with_the_tuned_thresholds() -> None:
    code = ("import gc, sys; from lerkit.cli import process; process.start(); "
            "print(gc.get_threshold())")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.strip()
    assert shown == str(process.GC_THRESHOLDS)


def test_a_ler_process_exits_cleanly_after_freezing(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "lerkit", "verify", str(tmp_path / "x.json")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    assert "no such file" in done.stderr and "Traceback" not in done.stderr
