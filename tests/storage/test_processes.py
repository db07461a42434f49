"""Several processes at once, and a process killed mid-write, lose nothing committed."""

from __future__ import annotations

import os
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


@pytest.mark.slow
def test_sigkill_mid_write_loses_nothing_committed(db_url: str) -> None:
    Lerkit.open(db_url).close()
    proc = _writer(db_url, "Killed", 0)
    assert proc.stdout is not None
    committed: list[str] = []
    deadline = time.monotonic() + 60
    while len(committed) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line:
            committed.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=30)
    committed.extend(rest.split())
    assert proc.returncode == -signal.SIGKILL
    assert len(committed) >= 40
    ler = Lerkit.open(db_url)
    try:
        stored = {p.id for p in people.list_people(ler)}
        with ler.db.engine.connect() as conn:
            if ler.db.dialect == "sqlite":
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        ler.close()
    assert set(committed) <= stored
