"""A short soak: a few coaches' desks at once on one center's server lose nothing.

``bench/center_soak.py`` (the 8-desk, 3-minute soak of docs/benchmarks.md) run for a
few seconds with three desks, two of them signed in as the same coach.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import pg_admin_url

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SOAK = Path(__file__).resolve().parents[2] / "bench" / "center_soak.py"


def test_three_desks_for_ten_seconds_lose_no_row(tmp_path: Path) -> None:
    figures = tmp_path / "soak.json"
    proc = subprocess.run(
        [sys.executable, str(SOAK), "--url", pg_admin_url(), "--seconds", "10",
         "--desks", "3", "--coaches", "2", "--no-write", "--json", str(figures)],
        capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(figures.read_text(encoding="utf-8"))
    assert found["people"] >= 3  # every desk added someone
    assert found["lost"] == dict.fromkeys(found["lost"], 0)
    assert found["tracebacks"] == 0
    assert found["unexpected"] == []
    assert found["refused_reads_that_succeeded"] == 0
    assert found["more_than_one_active_key"] == 0
    assert found["supervisor_missing"] == 0
    assert "Traceback" not in proc.stderr
