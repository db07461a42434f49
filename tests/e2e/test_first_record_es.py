"""A first record in Spanish in the real ``ler`` at 80×24 in tmux: every screen in
Spanish (no English left), the export checked by the reference verifier, and the
person's skills named in Spanish in the record while their English names travel with
them (tmux: LER_REQUIRE_TMUX; the verifier: LER_REQUIRE_INTEROP)."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import need_interop, reference_verdicts
from tests.tui.english_left import english_left
from tests.tui.tmux import LER, Tmux, ler_env

from .first_record_es import (
    ANSWER,
    EVIDENCE_NAME,
    EVIDENCE_REWORDED,
    NAME,
    first_record_es,
)

pytestmark = pytest.mark.e2e


def test_a_first_record_in_spanish_from_the_area_picker_to_a_verified_export(
    ler_home: Path, tmp_path: Path
) -> None:
    need_interop()
    papers, out = tmp_path / "papeles", tmp_path / "usb"
    papers.mkdir()
    out.mkdir()
    evidence = papers / "carta.txt"
    evidence.write_text("Carta de la agencia de cuidado en casa, 2020.\n", encoding="utf-8")
    env = ler_env(ler_home)
    env["LER_LANG"] = "es"
    term = Tmux(env)
    try:
        run = first_record_es(term, evidence, out)
    finally:
        term.close()
    assert len(run.accepted) == 2, run.accepted
    # no English on any screen the person saw (data they typed is theirs)
    typed = [NAME, ANSWER, EVIDENCE_NAME, EVIDENCE_REWORDED, str(evidence), str(out),
             str(papers), "JSON Resume", "HR Open"]  # and the standards' own names
    assert len(run.captured) >= 20  # every wait of the run, each screen as it was then
    leftovers = [f"{screen}: {words}" for screen, shown in run.captured
                 if (words := english_left(shown, allow=typed))]
    assert not leftovers, "\n".join(leftovers)
    [bundle] = out.glob("*.bundle.json")
    [html] = out.glob("*.html")
    lines = reference_verdicts(bundle)
    assert len(lines) == 3 and all(line.startswith("OK ") for line in lines), lines
    checked = subprocess.run([LER, "--lang", "es", "verify", str(bundle), "--evidence",
                              str(papers)], capture_output=True, text=True, timeout=120,
                             env={"LER_HOME": str(ler_home), "PATH": "/usr/bin:/bin"},
                             check=False)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert not english_left(checked.stdout, allow=[NAME, str(bundle), str(papers)]), (
        checked.stdout)
    doc = json.loads(bundle.read_text(encoding="utf-8"))
    page = html.read_text(encoding="utf-8")
    assert '<html lang="es"' in page
    achievements = [vc["credentialSubject"]["achievement"]
                    for vc in doc["credentialSubject"]["verifiableCredential"]]
    assert sorted(a["name"] for a in achievements) == sorted(run.accepted)
    assert all(a["inLanguage"] == "es" for a in achievements)
    assert all(a["alignment"][0]["targetName"] != a["name"] for a in achievements)
    assert all(label in page for label in run.accepted)
    assert EVIDENCE_NAME not in json.dumps(doc, ensure_ascii=False)
    assert EVIDENCE_REWORDED in json.dumps(doc, ensure_ascii=False)
