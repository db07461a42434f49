"""Portable profiles: save, load anywhere, refuse damage without changing anything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lerkit.core.errors import BadInputError, LerError, PassphraseError
from lerkit.core.sealed_file import DamagedFileError
from lerkit.services import bundles, keys, profiles
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview, replay_answers
from lerkit.storage import dumps
from lerkit.storage import profiles as repo
from tests.services.sample import PASSPHRASE, make_sample

ANSWERS = (
    "format: lerkit-answers/1\nmodules:\n  fundraising:\n    - answers:\n"
    "        story: I ran the bake sale for the Vandermolen harpsichord museum\n"
    "      accept: [fundraising.fundraising-events]\n"
)


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Lerkit]:
    opened = Lerkit.open(home=tmp_path / "source-home")
    yield opened
    opened.close()


def make_person(ler: Lerkit, folder: Path) -> str:
    """A sample person with claims, evidence, a key, a finished and an open interview."""
    sample = make_sample(ler, folder)
    answers = folder / "answers.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    replay_answers(ler, sample.person_id, answers)
    live = LiveInterview.open(ler, sample.person_id, ["household"], new=True)
    live.answer(live.interview.current().choices[0].value)  # type: ignore[union-attr]
    return sample.person_id


def record_of(ler: Lerkit, person_id: str) -> dict[str, list[dict[str, Any]]]:
    with ler.db.engine.connect() as conn:
        return repo.read_person(conn, person_id)


def snapshot(ler: Lerkit) -> dict[str, int]:
    with ler.db.engine.connect() as conn:
        return dumps.non_empty(conn)


def test_save_then_load_anywhere_gives_the_same_profile(
    source: Lerkit, db_url: str, tmp_path: Path
) -> None:
    person_id = make_person(source, tmp_path)
    before = tmp_path / "before.json"
    bundles.export_bundle(source, person_id, before, PASSPHRASE)
    path = tmp_path / "profile.lerprofile"
    saved = profiles.save_profile(source, person_id, path, "profile passphrase")
    assert saved.did == keys.show_key(source, person_id).did
    assert b"Marcus" not in path.read_bytes()

    target = Lerkit.open(db_url)  # SQLite or PostgreSQL
    try:
        loaded = profiles.load_profile(target, path, "profile passphrase")
        assert (loaded.person_id, loaded.did, loaded.name) == (person_id, saved.did, "Marcus Bell")
        assert record_of(target, person_id) == record_of(source, person_id)
        assert keys.show_key(target, person_id).did == saved.did
        resumed = LiveInterview.open(target, person_id)
        assert resumed.current() is not None  # the open interview goes on
        after = tmp_path / "after.json"
        bundles.export_bundle(target, person_id, after, PASSPHRASE)
        # ... and the other way: saved from this backend, loaded into a fresh SQLite
        again = tmp_path / "again.lerprofile"
        profiles.save_profile(target, person_id, again, "profile passphrase")
    finally:
        target.close()
    third = Lerkit.open(home=tmp_path / "third-home")
    try:
        profiles.load_profile(third, again, "profile passphrase")
        assert record_of(third, person_id) == record_of(source, person_id)
    finally:
        third.close()
    for bundle in (before, after):
        report = bundles.verify_file(bundle)
        assert report.valid, report.all_errors()
        assert report.holder == saved.did


def test_damaged_truncated_or_wrong_passphrase_changes_nothing(
    source: Lerkit, tmp_path: Path
) -> None:
    person_id = make_sample(source, tmp_path).person_id
    good = tmp_path / "good.lerprofile"
    profiles.save_profile(source, person_id, good, "profile passphrase")
    data = good.read_bytes()
    target = Lerkit.open(home=tmp_path / "target-home")
    try:
        empty = snapshot(target)
        bad = tmp_path / "bad.lerprofile"
        for position in range(len(data)):
            damaged = bytearray(data)
            damaged[position] ^= 0xFF
            bad.write_bytes(bytes(damaged))
            with pytest.raises(DamagedFileError):
                profiles.load_profile(target, bad, "profile passphrase")
        for length in range(0, len(data), 7):
            bad.write_bytes(data[:length])
            with pytest.raises(DamagedFileError):
                profiles.load_profile(target, bad, "profile passphrase")
        with pytest.raises(PassphraseError):
            profiles.load_profile(target, good, "not the passphrase")
        assert snapshot(target) == empty
        profiles.load_profile(target, good, "profile passphrase")  # the intact file loads
        assert "person" in snapshot(target)
    finally:
        target.close()


def test_an_existing_person_needs_replace(source: Lerkit, tmp_path: Path) -> None:
    person_id = make_sample(source, tmp_path).person_id
    path = tmp_path / "p.lerprofile"
    profiles.save_profile(source, person_id, path, "profile passphrase")
    keys.rotate_key(source, person_id, PASSPHRASE)  # the record here moves on
    here = record_of(source, person_id)
    with pytest.raises(BadInputError, match="already here; use --replace"):
        profiles.load_profile(source, path, "profile passphrase")
    assert record_of(source, person_id) == here
    result = profiles.load_profile(source, path, "profile passphrase", replace=True)
    assert result.replaced
    assert len(record_of(source, person_id)["signingkey"]) == 1  # as it was when saved


def test_a_profile_cannot_reach_into_other_records(tmp_path: Path) -> None:
    record: dict[str, Any] = {name: [] for name in repo.PROFILE_TABLES}
    record["person"] = [{"id": "p1", "name": "A", "email": None, "notes": "",
                         "created_at": "2024-01-01T00:00:00+00:00",
                         "updated_at": "2024-01-01T00:00:00+00:00"}]
    record["experience"] = [{"id": "e1", "person_id": "someone-else", "life_area": "paid-work",
                             "title": "", "organization": "", "place": "", "started": None,
                             "ended": None, "ongoing": False, "narrative": "",
                             "created_at": "2024-01-01T00:00:00+00:00",
                             "updated_at": "2024-01-01T00:00:00+00:00"}]
    with pytest.raises(BadInputError, match="belongs to someone else"):
        repo.decode_record(record, "crafted")
    record["experience"][0]["person_id"] = "p1"
    record["experience"][0]["ongoing"] = "yes"
    with pytest.raises(BadInputError, match=r"experience\.ongoing"):
        repo.decode_record(record, "crafted")


def test_errors_are_exit_code_two() -> None:
    for error in (DamagedFileError("x"), PassphraseError("x"), BadInputError("x")):
        assert isinstance(error, LerError) and error.exit_code == 2
