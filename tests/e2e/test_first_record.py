"""A veteran's first record in the real ``ler`` at 80×24 in tmux, checked by the
reference verifier (tmux: LER_REQUIRE_TMUX; the verifier: LER_REQUIRE_INTEROP)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import need_interop, reference_verdicts
from tests.tui.tmux import LER, Tmux, ler_env

from .first_record import EVIDENCE_NAME, EVIDENCE_REWORDED, NAME, SERVICE, first_record

pytestmark = pytest.mark.e2e


def test_a_veterans_first_record_from_the_area_picker_to_a_verified_export(
    ler_home: Path, tmp_path: Path
) -> None:
    need_interop()  # before the long run: skip (or fail) early without the verifier
    papers, out = tmp_path / "papers", tmp_path / "usb"
    papers.mkdir()
    out.mkdir()
    evidence = papers / "course-certificate.txt"
    evidence.write_text("Automated Logistical Specialist course, passed 2012.\n",
                        encoding="utf-8")
    term = Tmux(ler_env(ler_home))
    try:
        run = first_record(term, evidence, out)
    finally:
        term.close()
    assert len(run.accepted) == 2, run.accepted
    [bundle] = out.glob("*.bundle.json")
    [html] = out.glob("*.html")
    lines = reference_verdicts(bundle)
    assert len(lines) == 3 and all(line.startswith("OK ") for line in lines), lines
    checked = subprocess.run([LER, "verify", str(bundle), "--evidence", str(papers),
                              "--json"], capture_output=True, text=True, timeout=120,
                             env={"LER_HOME": str(ler_home), "PATH": "/usr/bin:/bin"},
                             check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert sorted(c["skill"] for c in report["claims"]) == sorted(run.accepted)
    doc = bundle.read_text(encoding="utf-8")
    page = html.read_text(encoding="utf-8")
    assert NAME in doc and NAME in page
    assert all(label in page for label in run.accepted)
    assert "course-certificate.txt" in doc and SERVICE in doc  # the file and the answer
    # the privacy check showed the evidence's name; reworded in every file, the file kept
    assert run.privacy_check, "the export showed no privacy check"
    assert EVIDENCE_NAME not in doc and "hospital" not in page.lower()
    assert EVIDENCE_REWORDED in doc and EVIDENCE_REWORDED in page
