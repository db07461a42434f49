"""Several processes at once, and a process killed mid-write, lose nothing committed."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lerkit.services import people
from lerkit.services.context import Lerkit

WRITER = Path(__file__).with_name("writer.py")


def _writer(db_url: str, prefix: str, count: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), db_url, prefix, str(count)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(db_url: str) -> None:
    Lerkit.open(db_url).close()  # migrate first, as a running lerkit would have
    procs = [_writer(db_url, prefix, 60) for prefix in ("Alpha", "Bravo")]
    outputs = [p.communicate(timeout=180) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err
    written = {line for out, _ in outputs for line in out.split()}
    assert len(written) == 120
    ler = Lerkit.open(db_url)
    try:
        stored = people.list_people(ler)
    finally:
        ler.close()
    assert {p.id for p in stored} == written
    assert sum(p.name.startswith("Alpha") for p in stored) == 60


def _read_lines(proc: subprocess.Popen[str], lines: list[str], want: int | None,
                deadline: float) -> str:
    """Add the complete lines ``proc`` prints to ``lines`` until there are ``want`` (None:
    until its output ends), its output ends, or ``deadline``; says which ("want", "end",
    "timeout"). Reads the pipe itself, so a stalled or dead writer cannot hang the test."""
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    pending = b""
    while want is None or len(lines) < want:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            return "timeout"
        chunk = os.read(fd, 65536)
        if not chunk:
            return "end"  # a last line cut short is not counted: its id may not be out
        *complete, pending = (pending + chunk).split(b"\n")
        lines.extend(line.decode().strip() for line in complete)
    return "want"


@pytest.mark.slow
def test_sigkill_mid_write_loses_nothing_committed(db_url: str) -> None:
    Lerkit.open(db_url).close()
    proc = _writer(db_url, "Killed", 0)
    committed: list[str] = []
    try:
        why = _read_lines(proc, committed, 40, time.monotonic() + 60)
        assert proc.poll() is None, f"the writer stopped on its own ({why}): {_stderr(proc)}"
        assert why == "want", f"{len(committed)} ids in 60 s: {_stderr(proc)}"
    finally:
        proc.kill()  # SIGKILL, mid-write: it adds people until it is stopped
    assert _read_lines(proc, committed, None, time.monotonic() + 30) == "end"
    assert proc.wait(timeout=30) == -signal.SIGKILL
    for pipe in (proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()
    assert len(committed) >= 40 and len(set(committed)) == len(committed)
    ler = Lerkit.open(db_url)
    try:
        stored = {p.id: p.name for p in people.list_people(ler)}
        with ler.db.engine.connect() as conn:
            if ler.db.dialect == "sqlite":
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        ler.close()
    assert set(committed) <= set(stored)  # every id printed was committed before it was
    # the writer commits one person, then prints its id: at most the last commit was not
    # printed before the kill; every stored person is one of the writer's, none missing
    assert len(stored) - len(committed) in (0, 1)
    assert sorted(stored.values()) == sorted(f"Killed {i}" for i in range(len(stored)))


def _stderr(proc: subprocess.Popen[str]) -> str:
    """What the writer said on stderr (once it has stopped, or been stopped)."""
    if proc.poll() is None:
        return "(still running)"
    assert proc.stderr is not None
    return proc.stderr.read()
