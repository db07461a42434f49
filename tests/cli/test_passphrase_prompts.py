"""Passphrase prompts: what can be refused is refused before one is typed; rules are said."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.services.context import Lerkit
from tests.cli.runner import ler
from tests.services.sample import PASSPHRASE, make_sample

NEW = "a long new passphrase"


@pytest.fixture
def at_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Prompts are shown (as at a terminal) and no passphrase is in the environment."""
    monkeypatch.setattr("lerkit.cli.passphrase.interactive", lambda: True)
    monkeypatch.setattr("lerkit.cli.keys_cmd.interactive", lambda: True)
    monkeypatch.delenv("LER_PASSPHRASE", raising=False)
    monkeypatch.delenv("LER_PROFILE_PASSPHRASE", raising=False)


@pytest.fixture
def person(tmp_path: Path) -> str:
    """Someone with accepted claims and a key sealed under PASSPHRASE."""
    opened = Lerkit.open()
    try:
        return make_sample(opened, tmp_path).person_id
    finally:
        opened.close()


def _refused_unasked(args: list[str], needle: str) -> None:
    result = ler(*args, input=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    assert result.code == 2, result.stdout + result.stderr
    assert "assphrase" not in result.stdout, "no prompt was shown"
    assert needle in result.stderr


@pytest.mark.usefixtures("at_a_terminal")
def test_export_checks_the_person_claims_and_folder_first(person: str, tmp_path: Path) -> None:
    out = str(tmp_path / "out.json")
    _refused_unasked(["export", "--person", "nobody", "--out", out], "no person with id")
    keyless = ler("person", "add", "No Key Yet").stdout.strip()
    _refused_unasked(["export", "--person", keyless, "--out", out], "has no signing key")
    _refused_unasked(["export", "--person", person, "--out", out, "--claims", "nope"],
                     "not accepted claims")
    _refused_unasked(["export", "--person", person, "--out", str(tmp_path / "no" / "x.json")],
                     "does not exist")
    _refused_unasked(["export", "--person", person, "--out", out, "--cryptosuite", "rot13"],
                     "--cryptosuite")


@pytest.mark.usefixtures("at_a_terminal")
def test_keys_and_profiles_check_the_person_first(person: str, tmp_path: Path) -> None:
    _refused_unasked(["keys", "init", "--person", "nobody"], "no person with id")
    _refused_unasked(["keys", "init", "--person", person], "already has a key")
    _refused_unasked(["keys", "rotate", "--person", "nobody"], "no person with id")
    _refused_unasked(["profile", "save", "--person", "nobody", str(tmp_path / "p.lerprofile")],
                     "no person with id")
    _refused_unasked(["profile", "load", str(tmp_path / "missing.lerprofile")], "no such file")
    _refused_unasked(["kiosk", "--resume", str(tmp_path / "missing.lerprofile")],
                     "no such file")


def test_endorser_init_twice_is_refused_before_the_prompt(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LER_PASSPHRASE", NEW)
    assert ler("endorser", "init", "--name", "Dana Brooks").code == 0
    monkeypatch.setattr("lerkit.cli.passphrase.interactive", lambda: True)
    monkeypatch.delenv("LER_PASSPHRASE")
    _refused_unasked(["endorser", "init", "--name", "Again"], "already has an endorser profile")


@pytest.mark.usefixtures("at_a_terminal")
def test_a_new_passphrase_prompt_says_the_minimum_and_asks_again() -> None:
    person = ler("person", "add", "New Key").stdout.strip()
    typed = f"short\n{NEW}\n{NEW}, not quite\n{NEW}\n{NEW}\n"
    made = ler("keys", "init", "--person", person, input=typed)
    assert made.code == 0, made.stderr
    assert made.stdout.count("New passphrase (at least 8 characters)") == 3
    assert "That is too short: use at least 8 characters." in made.stderr
    assert "The two were not the same" in made.stderr
    assert made.stdout.strip().splitlines()[-1].startswith("did:key:")


@pytest.mark.usefixtures("at_a_terminal")
def test_rotate_keeps_the_passphrase_on_enter(person: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    rotated = ler("keys", "rotate", "--person", person, input=f"{PASSPHRASE}\n\n")
    assert rotated.code == 0, rotated.stdout + rotated.stderr
    assert "Enter to keep the current one" in rotated.stdout
    monkeypatch.setenv("LER_PASSPHRASE", PASSPHRASE)
    out = tmp_path / "after.json"
    assert ler("export", "--person", person, "--out", str(out)).code == 0


@pytest.mark.usefixtures("at_a_terminal")
def test_profile_save_prompt_says_the_minimum(person: str, tmp_path: Path) -> None:
    path = tmp_path / "me.lerprofile"
    saved = ler("profile", "save", "--person", person, str(path), input=f"{NEW}\n{NEW}\n")
    assert saved.code == 0, saved.stderr
    assert "Passphrase for the profile (at least 8 characters)" in saved.stdout
    assert path.exists()
