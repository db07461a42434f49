"""Endorsement services on SQLite and PostgreSQL: import checks, reuse, per-claim listing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lerkit.core.credentials import (
    EndorserProfile,
    Identity,
    build_endorsement,
    credential_digest,
    parse_trust_list,
)
from lerkit.core.credentials.proofs import sign_document
from lerkit.core.errors import CheckFailedError
from lerkit.services import bundles, endorsements, keys
from lerkit.services.context import Lerkit
from lerkit.storage.endorsements import issued_for_claims
from tests.services.sample import PASSPHRASE, Sample, make_sample

STAMP = "2025-04-01T09:00:00Z"
ENDORSER = Identity.from_seed(bytes(range(5, 37)))
PROFILE = EndorserProfile(did=ENDORSER.did, name="Pastor Reyes", organization="St. Mark's")


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()


def _export(ler: Lerkit, sample: Sample, path: Path, **kw: Any) -> list[dict[str, Any]]:
    bundles.export_bundle(ler, sample.person_id, path, PASSPHRASE, **kw)
    doc = json.loads(path.read_text(encoding="utf-8"))
    inner: list[dict[str, Any]] = doc["credentialSubject"]["verifiableCredential"]
    return inner


def _file(path: Path, items: list[dict[str, Any]]) -> Path:
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


def _endorse(credential: dict[str, Any], signer: Identity = ENDORSER,
             profile: EndorserProfile = PROFILE, digest_of: dict[str, Any] | None = None
             ) -> dict[str, Any]:
    unsigned = build_endorsement(profile, credential, relationship="pastor",
                                 comment="Cared for her mother for years.", valid_from=STAMP)
    if digest_of is not None:
        unsigned["relatedResource"][0]["digestSRI"] = credential_digest(digest_of)
    return sign_document(unsigned, signer, created=STAMP)


def test_import_rejects_forgeries_and_stores_nothing(ler: Lerkit, tmp_path: Path) -> None:
    sample = make_sample(ler, tmp_path)
    inner = _export(ler, sample, tmp_path / "b.json")
    good = _endorse(inner[0])
    me = keys.unlock(ler, sample.person_id, PASSPHRASE)
    cases = [
        (_endorse(inner[0], digest_of=inner[1]), "digest does not match"),
        (_endorse(inner[0], signer=Identity.from_seed(bytes(range(9, 41)))), "is not the signer"),
        (_endorse(inner[0], signer=me, profile=EndorserProfile(did=me.did, name="Me")),
         "own key"),
    ]
    for bad, needle in cases:
        with pytest.raises(CheckFailedError, match=needle):
            endorsements.import_endorsements(ler, _file(tmp_path / "e.json", [good, bad]),
                                             sample.person_id)
    listed = endorsements.claim_endorsements(ler, sample.person_id)
    assert all(c.endorsements == [] and c.tier == "self-attested" for c in listed)


def test_endorsed_credential_is_reused_verbatim(ler: Lerkit, tmp_path: Path) -> None:
    sample = make_sample(ler, tmp_path)
    first = _export(ler, sample, tmp_path / "first.json")
    second = _export(ler, sample, tmp_path / "second.json", cryptosuite="eddsa-jcs-2022")
    endorsed = next(c for c in first if "Medication" in c["credentialSubject"]["achievement"]
                    ["name"])
    result = endorsements.import_endorsements(
        ler, _file(tmp_path / "e.json", [_endorse(endorsed)]), sample.person_id)
    assert result.imported == 1 and result.already_held == 0
    third = _export(ler, sample, tmp_path / "third.json", cryptosuite="eddsa-jcs-2022")
    assert endorsed in third  # the rdfc version the endorsement is bound to, byte for byte
    assert {c["proof"][0]["cryptosuite"] for c in third if c is not endorsed} >= {"eddsa-jcs-2022"}
    assert all(c in second for c in third if c["id"] != endorsed["id"])
    with ler.db.session() as session:
        rows = issued_for_claims(session=session, person_id=sample.person_id,
                                 claim_ids=sample.claim_ids)
    assert len(rows) == 6  # 3 rdfc + 3 jcs versions; the third export signed nothing new
    trust = parse_trust_list({"endorsers": [{"organization": "st. mark's", "name": "St Mark's",
                                             "accredited": False}]})
    listed = {c.skill: c for c in endorsements.claim_endorsements(ler, sample.person_id, trust)}
    medication = listed["Medication management"]
    assert medication.tier == "endorsed-trusted"
    [received] = medication.endorsements
    assert received.endorser_name == "Pastor Reyes" and received.relationship == "pastor"
    assert received.comment == "Cared for her mother for years." and received.trusted_as
    assert listed["Shipping and receiving"].tier == "self-attested"
