"""Worker exports, endorser endorses 2 of 3 claims, worker imports and exports again.

The worker's database runs on SQLite and PostgreSQL; the endorser has their own home.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from lerkit.core.credentials.badges import credential_id
from lerkit.core.records import Proficiency
from lerkit.services import claims
from lerkit.services.context import Lerkit
from tests.cli.runner import Result, ler
from tests.conftest import need_interop, reference_verdicts
from tests.services.sample import PASSPHRASE, make_sample

ENDORSER_PASSPHRASE = "endorser passphrase"


@dataclass
class Flow:
    """The files and ids of one worker/endorser round trip."""

    db: str
    endorser_db: str
    folder: Path
    person_id: str
    claim_ids: list[str]
    did: str
    endorser_did: str
    first: Path
    endorsements: Path
    monkeypatch: pytest.MonkeyPatch

    def worker(self, *args: str) -> Result:
        self.monkeypatch.setenv("LER_PASSPHRASE", PASSPHRASE)
        return ler("--db", self.db, *args)

    def endorser(self, *args: str) -> Result:
        self.monkeypatch.setenv("LER_PASSPHRASE", ENDORSER_PASSPHRASE)
        return ler("--db", self.endorser_db, *args)

    def credential(self, number: int) -> str:
        return credential_id(self.did, self.claim_ids[number])

    def report(self, bundle: Path, *extra: str) -> dict[str, Any]:
        result = ler("verify", str(bundle), "--json", *extra)
        data: dict[str, Any] = json.loads(result.stdout)
        data["exit"] = result.code
        return data


def _flow(db: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> Flow:
    opened = Lerkit.open(db)
    sample = make_sample(opened, folder)
    opened.close()
    flow = Flow(db, f"sqlite:///{folder / 'endorser.db'}", folder, sample.person_id,
                sample.claim_ids, "", "", folder / "first.json", folder / "endorsements.json",
                monkeypatch)
    flow.did = flow.worker("keys", "show", "--person", flow.person_id).stdout.strip()
    assert flow.worker("export", "--person", flow.person_id, "--out", str(flow.first)).code == 0
    made = flow.endorser("endorser", "init", "--name", "Jordan Coach", "--organization",
                         "Riverside Workforce Center", "--role", "Job coach", "--url",
                         "https://example.org/jordan")
    assert made.code == 0, made.stderr
    flow.endorser_did = made.stdout.strip()
    return flow


@pytest.fixture
def flow(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Flow:
    return _flow(db_url, tmp_path, monkeypatch)


def _endorse_two(flow: Flow) -> None:
    ids = [flow.report(flow.first)["claims"][n]["id"] for n in range(3)]
    assert set(ids) == {flow.credential(n) for n in range(3)}
    done = flow.endorser("endorse", str(flow.first), "--out", str(flow.endorsements),
                         "--claim", flow.credential(0), "--claim", flow.credential(1),
                         "--comment", "Planned our convoys for two years.",
                         "--relationship", "commanding officer")
    assert done.code == 0, done.stderr
    imported = flow.worker("endorsements", "import", str(flow.endorsements),
                           "--person", flow.person_id)
    assert imported.code == 0, imported.stderr
    assert imported.stdout.strip() == "2"


def _endorsed(report: dict[str, Any]) -> dict[str, list[str]]:
    return {c["id"]: [e["endorser_name"] for e in c["endorsements"] if e["valid"]]
            for c in report["claims"] if c["endorsements"]}


def test_round_trip_two_of_three_claims(flow: Flow) -> None:
    _endorse_two(flow)
    second = flow.folder / "second.json"
    exported = flow.worker("export", "--person", flow.person_id, "--out", str(second))
    assert exported.code == 0, exported.stderr
    assert "With 2 endorsements" in exported.stderr
    report = flow.report(second)
    assert report["valid"] and report["exit"] == 0, report["errors"]
    assert _endorsed(report) == {flow.credential(0): ["Jordan Coach"],
                                 flow.credential(1): ["Jordan Coach"]}
    tiers = {c["id"]: c["tier"] for c in report["claims"]}
    assert tiers == {flow.credential(0): "endorsed-unknown",
                     flow.credential(1): "endorsed-unknown",
                     flow.credential(2): "self-attested"}
    entry = report["claims"][0]["endorsements"][0] if report["claims"][0]["endorsements"] else \
        report["claims"][1]["endorsements"][0]
    assert entry["endorser"] == flow.endorser_did
    assert entry["relationship"] == "commanding officer"
    trust = flow.folder / "trust.yaml"
    trust.write_text("endorsers:\n  - organization: Riverside Workforce Center\n"
                     "    name: Riverside WFC (transition center)\n    accredited: true\n"
                     f"    dids: [{flow.endorser_did}]\n", encoding="utf-8")
    accredited = flow.report(second, "--trust", str(trust))
    assert {c["tier"] for c in accredited["claims"]} == {"endorsed-accredited", "self-attested"}
    trust.write_text(f"endorsers:\n  - did: {flow.endorser_did}\n    name: Jordan\n",
                     encoding="utf-8")
    assert {c["tier"] for c in flow.report(second, "--trust", str(trust))["claims"]} == {
        "endorsed-trusted", "self-attested"}
    text = ler("verify", str(second), "--trust", str(trust)).stdout
    assert "endorsed by a trusted endorser" in text and "self-attested only" in text
    assert "Jordan Coach (commanding officer, Riverside Workforce Center)" in text
    doc = json.loads(second.read_text(encoding="utf-8"))
    doc["endorsement"][0]["credentialSubject"]["endorsementComment"] += " Brain surgery too."
    tampered = flow.folder / "tampered.json"
    tampered.write_text(json.dumps(doc), encoding="utf-8")
    rejected = flow.report(tampered)
    assert rejected["exit"] == 1 and not rejected["valid"]
    assert any("does not verify" in e for e in rejected["errors"])
    listed = json.loads(flow.worker("endorsements", "list", "--person", flow.person_id,
                                    "--json").stdout)
    assert sorted(c["tier"] for c in listed) == ["endorsed-unknown"] * 2 + ["self-attested"]


@pytest.mark.interop
def test_reference_verifier_accepts_endorsed_bundle_and_endorser_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    need_interop()  # before any work: skips or fails at once without the verifier
    flow = _flow(f"sqlite:///{tmp_path / 'worker.db'}", tmp_path, monkeypatch)
    _endorse_two(flow)
    second = tmp_path / "second.json"
    assert flow.worker("export", "--person", flow.person_id, "--out", str(second)).code == 0
    some = tmp_path / "some.json"
    assert flow.worker("export", "--person", flow.person_id, "--out", str(some), "--claims",
                       f"{flow.claim_ids[0]},{flow.claim_ids[1]}").code == 0
    lines = reference_verdicts(second, flow.endorsements, some)
    # second: CLR + 3 claims + 2 endorsements; endorser's file: 2; selective: CLR + 2 + 2
    assert len(lines) == 6 + 2 + 5 and all(line.startswith("OK ") for line in lines), lines


def test_selective_export_keeps_endorsements_and_a_changed_claim_loses_its_own(
    flow: Flow,
) -> None:
    _endorse_two(flow)
    some = flow.folder / "some.json"
    chosen = f"{flow.claim_ids[0]},{flow.claim_ids[1]}"
    assert flow.worker("export", "--person", flow.person_id, "--out", str(some),
                       "--claims", chosen).code == 0
    report = flow.report(some)
    assert report["valid"], report["errors"]
    assert set(_endorsed(report)) == {flow.credential(0), flow.credential(1)}
    assert len(report["claims"]) == 2
    opened = Lerkit.open(flow.db)
    claims.set_claim(opened, flow.claim_ids[1], proficiency=Proficiency.WITH_HELP)
    opened.close()
    later = flow.folder / "later.json"
    exported = flow.worker("export", "--person", flow.person_id, "--out", str(later))
    assert exported.code == 0 and "has changed since it was endorsed" in exported.stderr
    report = flow.report(later)
    assert report["valid"], report["errors"]
    assert set(_endorsed(report)) == {flow.credential(0)}
    omitted = flow.folder / "omitted.json"
    assert flow.worker("export", "--person", flow.person_id, "--out", str(omitted),
                       "--omit", f"{flow.claim_ids[0]}:dates").code == 0
    assert _endorsed(flow.report(omitted)) == {}


def test_import_errors_are_clear(flow: Flow) -> None:
    _endorse_two(flow)
    data = json.loads(flow.endorsements.read_text(encoding="utf-8"))
    tampered = flow.folder / "tampered.json"
    data[1]["credentialSubject"]["endorsementComment"] += " Also brain surgery."
    tampered.write_text(json.dumps(data), encoding="utf-8")
    result = flow.worker("endorsements", "import", str(tampered), "--person", flow.person_id)
    assert result.code == 1 and "endorsement 2" in result.stderr
    assert "invalid signature" in result.stderr
    (flow.folder / "other").mkdir()
    opened = Lerkit.open(flow.db)
    other = make_sample(opened, flow.folder / "other")
    opened.close()
    wrong = flow.worker("endorsements", "import", str(flow.endorsements),
                        "--person", other.person_id)
    assert wrong.code == 2
    assert f"a claim of person {flow.person_id}, not of person {other.person_id}" in wrong.stderr
    third = f"sqlite:///{flow.folder / 'third.db'}"
    sam = ler("--db", third, "person", "add", "Sam").stdout.strip()
    assert ler("--db", third, "keys", "init", "--person", sam).code == 0
    unknown = ler("--db", third, "endorsements", "import", str(flow.endorsements),
                  "--person", sam)
    assert unknown.code == 2 and "is this the right person" in unknown.stderr
    assert flow.worker("export", "--person", other.person_id, "--out",
                       str(flow.folder / "other.json")).code == 0
    fresh = flow.folder / "fresh.json"
    assert flow.endorser("endorse", str(flow.folder / "other.json"), "--out", str(fresh),
                         "--claim", credential_id(
                             flow.worker("keys", "show", "--person", other.person_id)
                             .stdout.strip(), other.claim_ids[2]),
                         "--comment", "ok", "--relationship", "pastor").code == 0
    crossed = flow.worker("endorsements", "import", str(fresh), "--person", flow.person_id)
    assert crossed.code == 2 and f"of person {other.person_id}" in crossed.stderr
    again = flow.worker("endorsements", "import", str(flow.endorsements),
                        "--person", flow.person_id)
    assert again.code == 0 and "already held" in again.stderr
    garbage = flow.folder / "garbage.json"
    garbage.write_text('{"not": "an endorsement"', encoding="utf-8")
    result = flow.worker("endorsements", "import", str(garbage), "--person", flow.person_id)
    assert result.code == 2 and "Traceback" not in result.stderr


def test_endorse_refuses_what_it_cannot_vouch_for(flow: Flow) -> None:
    bad = flow.folder / "bad.json"
    doc = json.loads(flow.first.read_text(encoding="utf-8"))
    doc["credentialSubject"]["verifiableCredential"][2]["name"] = "Brain surgery"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    out = flow.folder / "never.json"
    args = ["--comment", "ok", "--relationship", "co-worker"]
    result = flow.endorser("endorse", str(bad), "--out", str(out), "--claim",
                           flow.credential(0), *args)
    assert result.code == 1 and "cannot be endorsed" in result.stderr
    result = flow.endorser("endorse", str(flow.first), "--out", str(out), "--claim",
                           "urn:uuid:nope", *args)
    assert result.code == 2 and "not a claim in this bundle" in result.stderr
    elsewhere = flow.folder / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "convoy-plan.txt").write_text("a different plan\n", encoding="utf-8")
    result = flow.endorser("endorse", str(flow.first), "--out", str(out), "--claim",
                           flow.credential(0), "--evidence", str(elsewhere), *args)
    assert result.code == 1 and "DOES NOT MATCH" in result.stderr
    result = flow.endorser("endorse", str(flow.first), "--out", str(out), "--claim",
                           flow.credential(0))
    assert result.code == 2 and "--relationship" in result.stderr
    flow.monkeypatch.setenv("LER_PASSPHRASE", "wrong passphrase")
    result = ler("--db", flow.endorser_db, "endorse", str(flow.first), "--out", str(out),
                 "--claim", flow.credential(0), *args)
    assert result.code == 2 and "wrong passphrase" in result.stderr
    assert not out.exists()
    nobody = flow.worker("endorse", str(flow.first), "--out", str(out), "--claim",
                         flow.credential(0), *args)
    assert nobody.code == 2 and "ler endorser init" in nobody.stderr
    twice = flow.endorser("endorser", "init", "--name", "Again")
    assert twice.code == 2 and "already has an endorser profile" in twice.stderr
    shown = flow.endorser("endorser", "show")
    assert "Riverside Workforce Center" in shown.stdout and flow.endorser_did in shown.stdout


def test_verify_checks_an_endorsers_file_on_its_own(flow: Flow) -> None:
    _endorse_two(flow)
    found = flow.report(flow.endorsements)
    assert found["exit"] == 0 and found["valid"] and found["kind"] == "endorsements"
    assert found["claims"] == []
    assert sorted(e["endorses"] for e in found["endorsements"]) == sorted(
        [flow.credential(0), flow.credential(1)])
    assert {e["endorser"] for e in found["endorsements"]} == {flow.endorser_did}
    text = ler("verify", str(flow.endorsements))
    assert text.code == 0
    assert "Endorsements: 2, VALID" in text.stdout and "Jordan Coach" in text.stdout
    # one of them on its own (not in an array) is an endorser's file too
    single = flow.folder / "one.json"
    items = json.loads(flow.endorsements.read_text(encoding="utf-8"))
    single.write_text(json.dumps(items[0]), encoding="utf-8")
    assert flow.report(single)["kind"] == "endorsements"
    assert flow.report(single)["exit"] == 0


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("[]", "no endorsements"),
        ("[1, 2]", "not a JSON object"),
        ('[{"type": ["VerifiableCredential", "OpenBadgeCredential"]}]', "EndorsementCredential"),
    ],
)
def test_verify_refuses_endorser_files_that_hold_no_valid_endorsement(
    tmp_path: Path, content: str, needle: str
) -> None:
    path = tmp_path / "endorsements.json"
    path.write_text(content, encoding="utf-8")
    result = ler("verify", str(path), "--json")
    assert result.code == 1
    found = json.loads(result.stdout)
    assert not found["valid"] and any(needle in error for error in found["errors"])


def test_verify_rejects_a_changed_endorsement_in_an_endorsers_file(flow: Flow) -> None:
    _endorse_two(flow)
    items = json.loads(flow.endorsements.read_text(encoding="utf-8"))
    items[1]["credentialSubject"]["id"] = flow.credential(2)  # points it at another claim
    flow.endorsements.write_text(json.dumps(items), encoding="utf-8")
    found = flow.report(flow.endorsements)
    assert found["exit"] == 1 and not found["valid"]
    assert [e["valid"] for e in found["endorsements"]] == [True, False]
