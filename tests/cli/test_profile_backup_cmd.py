"""``ler profile save|load``, ``ler backup`` and ``ler restore`` as a person runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.services.context import Lerkit
from tests.cli.runner import ler
from tests.services.sample import PASSPHRASE, make_sample


@pytest.fixture
def person(tmp_path: Path) -> str:
    opened = Lerkit.open()
    try:
        return make_sample(opened, tmp_path).person_id
    finally:
        opened.close()


def test_profile_save_and_load_elsewhere(person: str, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LER_PROFILE_PASSPHRASE", "profile passphrase")
    path = tmp_path / "me.lerprofile"
    saved = ler("profile", "save", "--person", person, str(path))
    assert saved.code == 0, saved.stderr
    assert saved.stdout.strip() == person
    assert "DID: did:key:z6Mk" in saved.stderr
    assert path.stat().st_mode & 0o077 == 0
    again = ler("profile", "load", str(path))
    assert again.code == 2 and "--replace" in again.stderr
    elsewhere = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    loaded = ler("--db", elsewhere, "profile", "load", str(path))
    assert loaded.code == 0, loaded.stderr
    assert "Loaded Marcus Bell" in loaded.stderr
    monkeypatch.setenv("LER_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "after.json"
    assert ler("--db", elsewhere, "export", "--person", person, "--out", str(out)).code == 0
    assert ler("verify", str(out)).code == 0
    replaced = ler("--db", elsewhere, "profile", "load", "--replace", str(path))
    assert replaced.code == 0 and "Replaced the record of Marcus Bell" in replaced.stderr


def test_profile_refusals_are_clear(person: str, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LER_PROFILE_PASSPHRASE", "profile passphrase")
    path = tmp_path / "me.lerprofile"
    assert ler("profile", "save", "--person", person, str(path)).code == 0
    elsewhere = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    monkeypatch.setenv("LER_PROFILE_PASSPHRASE", "wrong passphrase")
    wrong = ler("--db", elsewhere, "profile", "load", str(path))
    assert wrong.code == 2 and "wrong passphrase" in wrong.stderr
    monkeypatch.setenv("LER_PROFILE_PASSPHRASE", "profile passphrase")
    cut = tmp_path / "cut.lerprofile"
    cut.write_bytes(path.read_bytes()[:-10])
    truncated = ler("--db", elsewhere, "profile", "load", str(cut))
    assert truncated.code == 2 and "damaged or incomplete" in truncated.stderr
    monkeypatch.setenv("LER_PROFILE_PASSPHRASE", "short")
    weak = ler("profile", "save", "--person", person, str(tmp_path / "weak.lerprofile"))
    assert weak.code == 2 and "at least 8" in weak.stderr
    assert not (tmp_path / "weak.lerprofile").exists()


def test_backup_and_restore_commands(person: str, tmp_path: Path) -> None:
    made = ler("backup", str(tmp_path / "all.db"))
    assert made.code == 0, made.stderr
    assert "sqlite backup" in made.stderr and "1 person" in made.stderr
    dump = ler("backup", "--format", "dump", str(tmp_path / "all.dump"))
    assert dump.code == 0, dump.stderr
    target = f"sqlite:///{tmp_path / 'restored.db'}"
    restored = ler("--db", target, "restore", str(tmp_path / "all.dump"))
    assert restored.code == 0, restored.stderr
    refused = ler("--db", target, "restore", str(tmp_path / "all.db"))
    assert refused.code == 2 and "not empty" in refused.stderr
    replaced = ler("--db", target, "restore", "--replace", str(tmp_path / "all.db"))
    assert replaced.code == 0 and "Replaced the database" in replaced.stderr
    assert ler("--db", target, "person", "show", person).code == 0
    junk = tmp_path / "junk.bin"
    junk.write_bytes(b"not a backup at all")
    assert ler("--db", target, "restore", str(junk)).code == 2
