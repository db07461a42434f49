"""``ler keys``, ``ler export`` and ``ler verify`` end to end, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlmodel import select

from lerkit.services.context import Lerkit
from lerkit.storage.tables import AuditEvent, IssuedCredential
from tests.cli.runner import ler
from tests.conftest import need_interop, reference_verdicts
from tests.services.sample import PASSPHRASE, make_sample, without_random_ids


@pytest.fixture
def passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("LER_PASSPHRASE", PASSPHRASE)
    return PASSPHRASE


def test_export_then_verify(db_url: str, tmp_path: Path, passphrase: str) -> None:
    opened = Lerkit.open(db_url)
    sample = make_sample(opened, tmp_path)
    opened.close()
    did = ler("--db", db_url, "keys", "show", "--person", sample.person_id).stdout.strip()
    assert did.startswith("did:key:z6Mk")
    out = tmp_path / "bundle.json"
    exported = ler("--db", db_url, "export", "--person", sample.person_id, "--out", str(out))
    assert exported.code == 0, exported.stderr
    digest = exported.stdout.strip()
    assert digest.startswith("sha256:")
    bundle = json.loads(out.read_text(encoding="utf-8"))
    assert bundle["type"] == ["VerifiableCredential", "ClrCredential"]
    assert len(bundle["credentialSubject"]["verifiableCredential"]) == 3
    assert passphrase not in out.read_text(encoding="utf-8")
    checked = ler("verify", str(out), "--json", "--evidence", str(tmp_path),
                  "--expect-digest", digest)
    assert checked.code == 0, checked.stdout
    report = json.loads(checked.stdout)
    assert report["valid"] and report["holder"] == did
    assert {c["tier"] for c in report["claims"]} == {"self-attested"}
    assert ler("verify", str(out), "--expect-digest", "sha256:" + "0" * 64).code == 1


def test_selective_export_and_omit(tmp_path: Path, passphrase: str) -> None:
    opened = Lerkit.open()
    sample = make_sample(opened, tmp_path)
    opened.close()
    out = tmp_path / "some.json"
    first = sample.claim_ids[0]
    result = ler("export", "--person", sample.person_id, "--out", str(out),
                 "--claims", f"{first},{sample.claim_ids[1]}", "--omit", f"{first}:dates",
                 "--omit", f"{first}:organization")
    assert result.code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "US Army" not in text and "2009" not in without_random_ids(text)
    assert "Medication management" in text and "Shift supervision" not in text
    assert ler("verify", str(out)).code == 0


@pytest.mark.parametrize(
    ("args", "env", "needle"),
    [
        (["--omit", "nocolon"], PASSPHRASE, "CLAIM_ID:FIELD"),
        (["--cryptosuite", "rsa"], PASSPHRASE, "cryptosuite"),
        (["--claims", "nosuchclaim"], PASSPHRASE, "nosuchclaim"),
        ([], "wrong passphrase!", "wrong passphrase"),
    ],
)
def test_export_errors_exit_2_and_write_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], env: str, needle: str
) -> None:
    opened = Lerkit.open()
    sample = make_sample(opened, tmp_path)
    opened.close()
    monkeypatch.setenv("LER_PASSPHRASE", env)
    out = tmp_path / "never.json"
    result = ler("export", "--person", sample.person_id, "--out", str(out), *args)
    assert result.code == 2
    assert needle in result.stderr
    assert env not in result.stderr
    assert not out.exists()
    assert not list(tmp_path.glob(".never.json*"))
    after = Lerkit.open()
    with after.db.session() as session:  # nothing recorded either
        assert session.exec(select(IssuedCredential)).all() == []
        assert [e for e in session.exec(select(AuditEvent)).all() if e.action == "export"] == []
    after.close()


def test_keys_rotate_keeps_old_bundles_valid(tmp_path: Path, passphrase: str) -> None:
    opened = Lerkit.open()
    sample = make_sample(opened, tmp_path)
    opened.close()
    old = tmp_path / "old.json"
    assert ler("export", "--person", sample.person_id, "--out", str(old)).code == 0
    old_did = ler("keys", "show", "--person", sample.person_id).stdout.strip()
    rotated = ler("keys", "rotate", "--person", sample.person_id)
    assert rotated.code == 0, rotated.stderr
    new_did = rotated.stdout.strip()
    assert new_did != old_did
    shown = json.loads(ler("keys", "show", "--person", sample.person_id, "--json").stdout)
    assert shown == {"person": sample.person_id, "did": new_did, "retired": [old_did]}
    new = tmp_path / "new.json"
    assert ler("export", "--person", sample.person_id, "--out", str(new)).code == 0
    assert ler("verify", str(old)).code == 0
    assert json.loads(ler("verify", str(new), "--json").stdout)["holder"] == new_did
    again = ler("keys", "init", "--person", sample.person_id)
    assert again.code == 2 and "already has a key" in again.stderr


def test_verify_unreadable_and_tampered(tmp_path: Path, passphrase: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert ler("verify", str(bad)).code == 2
    assert ler("verify", str(tmp_path / "missing.json")).code == 2
    for name, doc in (("someone.resume.json", {"basics": {"name": "Someone"}, "work": []}),
                      ("someone.ler-rs.json", {"type": "LER-RS", "person": {}})):
        other = tmp_path / name  # files saved next to the bundle: nothing of a credential
        other.write_text(json.dumps(doc), "utf-8")
        wrong = ler("verify", str(other))
        assert wrong.code == 2 and "the signed file is the one ending in .bundle.json" in (
            " ".join(wrong.stderr.split())), wrong.stderr
    opened = Lerkit.open()
    sample = make_sample(opened, tmp_path)
    opened.close()
    out = tmp_path / "b.json"
    assert ler("export", "--person", sample.person_id, "--out", str(out)).code == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    doc["credentialSubject"]["verifiableCredential"][1]["name"] = "Brain surgery"
    out.write_text(json.dumps(doc), encoding="utf-8")
    result = ler("verify", str(out), "--json")
    assert result.code == 1
    assert json.loads(result.stdout)["valid"] is False
    assert "Traceback" not in result.stdout + result.stderr


def test_exported_bundles_pass_the_reference_verifier(tmp_path: Path, passphrase: str) -> None:
    need_interop()  # before any work: skips or fails at once without the verifier
    opened = Lerkit.open()
    sample = make_sample(opened, tmp_path)
    opened.close()
    files = []
    for suite in ("eddsa-rdfc-2022", "eddsa-jcs-2022"):
        out = tmp_path / f"{suite}.json"
        result = ler("export", "--person", sample.person_id, "--out", str(out),
                     "--cryptosuite", suite)
        assert result.code == 0, result.stderr
        files.append(str(out))
    lines = reference_verdicts(*files)
    assert len(lines) == 8 and all(line.startswith("OK ") for line in lines)
