"""The endorser's screen in the real ``ler`` at 80×24 in tmux, keys sent as a terminal
sends them (several in one write), then ``ler verify`` and the reference verifier."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

import pytest

from lerkit.services import bundles, endorsing
from lerkit.services.context import Lerkit
from tests.conftest import need_interop, reference_verdicts
from tests.services.sample import PASSPHRASE, make_sample
from tests.tui.tmux import LER, Tmux, ler_env

pytestmark = pytest.mark.e2e

ENDORSER_PASSPHRASE = "pantry keys 2024"


def _ler(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"LER_HOME": str(home), "PATH": os.environ.get("PATH", ""),
           "LER_PASSPHRASE": ENDORSER_PASSPHRASE}
    return subprocess.run([LER, *args], capture_output=True, text=True, timeout=120, env=env,
                          check=False)


def test_a_pastor_endorses_two_skills_by_keys_in_a_real_terminal(tmp_path: Path) -> None:
    need_interop()
    worker = Lerkit.open(f"sqlite:///{tmp_path / 'worker.db'}")
    sample = make_sample(worker, tmp_path, n_claims=3)
    bundle = tmp_path / "bundle.json"
    bundles.export_bundle(worker, sample.person_id, bundle, PASSPHRASE)
    worker.close()
    skills = [c.skill for c in endorsing.review_bundle(bundle).claims]
    home, out = tmp_path / "pastor", tmp_path / "endorsements.json"
    home.mkdir()
    made = _ler(home, "endorser", "init", "--name", "Ruth Okafor", "--organization",
                "Grace Fellowship")
    assert made.returncode == 0, made.stderr
    term = Tmux(ler_env(home))
    try:
        term.start("endorse", str(bundle), "--out", str(out))
        term.wait_for("Skills: 0 of 3 chosen (keys go here)")
        term.keys("Space", "Down", "Space")  # one write: the order must hold
        term.wait_for("Skills: 2 of 3 chosen")
        term.type("pas")  # typed on the list: goes into "How you know them"
        term.wait_for("▶ How you know them: pas")
        term.keys("Right", "Enter")
        term.wait_for("▶ Comment, for all:")
        term.type("Faithful helper at our food pantry, every week.")
        term.keys("Enter")
        term.wait_for("to sign 2 endorsements:")
        term.type(ENDORSER_PASSPHRASE)
        term.keys("Enter")
        deadline = time.monotonic() + 30
        while term.alive() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not term.alive(), term.screen()
    finally:
        term.close()
    said = _ler(home, "verify", str(out))
    assert said.returncode == 0, said.stdout + said.stderr
    for skill in skills[:2]:
        assert f"[ok  ] {skill} (claim urn:uuid:" in said.stdout, said.stdout
    assert "(pastor, Grace Fellowship)" in said.stdout
    assert said.stdout.count("says: Faithful helper at our food pantry, every week.") == 2
    found = json.loads(_ler(home, "verify", str(out), "--json").stdout)
    assert [e["endorses_skill"] for e in found["endorsements"]] == skills[:2]
    lines = reference_verdicts(out)
    assert len(lines) == 2 and all(line.startswith("OK ") for line in lines), lines
