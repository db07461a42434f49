"""The privacy check of ``ler export`` and ``ler privacy``: passages naming health, a
child or a religion are listed, and kept, left out or reworded before signing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lerkit.core.records import ExperienceRecord, LifeArea
from lerkit.services import claims, keys, people
from lerkit.services.context import Lerkit
from tests.cli.runner import ler

STORY = ("My son Jamie has cystic fibrosis, so I ran his breathing treatments twice a day. "
         "I also kept the family budget.")


def _person(db_url: str) -> str:
    opened = Lerkit.open(db_url)
    try:
        pid = people.add_person(opened, "Dale Ortiz").id
        exp = claims.add_experience(opened, pid, ExperienceRecord(
            id="", life_area=LifeArea.CAREGIVING, title="Caring for my son", started="2014",
            ongoing=True, narrative=STORY))
        claims.add_claim(opened, pid, exp, "lerkit", "caregiving.medication-management",
                         "Medication management")
        keys.init_key(opened, pid, "a long passphrase")
        return pid
    finally:
        opened.close()


def test_privacy_lists_the_passages(db_url: str) -> None:
    pid = _person(db_url)
    listed = ler("--db", db_url, "privacy", "--person", pid, "--json")
    assert listed.code == 0, listed.stderr
    found = json.loads(listed.stdout)
    assert any("cystic fibrosis" in " ".join(p["words"]) for p in found)
    assert any("child's name" in p["kinds"] for p in found)
    assert all("budget" not in p["sentence"] for p in found)


def test_export_leaves_flagged_passages_out_or_keeps_them(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pid = _person(db_url)
    monkeypatch.setenv("LER_PASSPHRASE", "a long passphrase")
    kept = ler("--db", db_url, "export", "--person", pid, "--out", str(tmp_path / "k.json"))
    assert kept.code == 0, kept.stderr
    assert "Privacy check" in kept.stderr and "cystic fibrosis" in (tmp_path / "k.json"
                                                                   ).read_text()
    left = ler("--db", db_url, "export", "--person", pid, "--out", str(tmp_path / "o.json"),
               "--flagged", "omit")
    assert left.code == 0, left.stderr
    assert "cystic fibrosis" not in (tmp_path / "o.json").read_text()
    bad = ler("--db", db_url, "export", "--person", pid, "--out", str(tmp_path / "x.json"),
              "--flagged", "maybe")
    assert bad.code == 2 and "--flagged" in bad.stderr


def test_at_a_terminal_each_passage_is_asked_about(
        db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lerkit.cli import privacy_flow

    pid = _person(db_url)
    monkeypatch.setenv("LER_PASSPHRASE", "a long passphrase")
    monkeypatch.setattr(privacy_flow, "interactive", lambda: True)
    count = len(json.loads(ler("--db", db_url, "privacy", "--person", pid, "--json").stdout))
    answers = "r\nI ran my son's daily treatments.\n" + "k\n" * (count - 1)
    done = ler("--db", db_url, "export", "--person", pid, "--out", str(tmp_path / "r.json"),
               input=answers)
    assert done.code == 0, done.stderr
    written = (tmp_path / "r.json").read_text()
    assert "I ran my son's daily treatments." in written
    assert "Jamie has cystic fibrosis" not in written
