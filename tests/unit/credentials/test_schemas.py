"""The published JSON Schemas ship verbatim, and every JSON lerkit writes validates.

The files and their SHA-256 are listed in ``lerkit/data/schemas/manifest.json`` with the
repository, commit and path each was published at (docs/credentials.md, "JSON Schemas").
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

import pytest

from lerkit.core.credentials import JCS, BundleOptions, Identity, sign_bundle, sign_document
from lerkit.core.credentials.endorsement import EndorserProfile, build_endorsement
from tests import published_schemas
from tests.unit.credentials.conftest import signed_bundle
from tests.unit.credentials.factory import ENDORSER_SEED, ISSUED, claim, worker


def test_every_shipped_schema_is_the_published_file() -> None:
    files = published_schemas.manifest()["files"]
    assert len(files) == 152
    for relative, entry in files.items():
        data = published_schemas.FOLDER.joinpath(*relative.split("/")).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], relative
        assert re.fullmatch(r"github\.com/1EdTech/[a-z-]+@[0-9a-f]{40}:\S+\.json",
                            entry["source"]), relative


def test_nothing_unlisted_ships_and_every_root_is_listed() -> None:
    manifest = published_schemas.manifest()
    shipped = set()
    stack = [(published_schemas.FOLDER, "")]
    while stack:
        folder, prefix = stack.pop()
        for item in folder.iterdir():
            if item.is_dir():
                stack.append((item, f"{prefix}{item.name}/"))
            elif item.name != "manifest.json":
                shipped.add(prefix + item.name)
    assert shipped == set(manifest["files"])
    assert set(manifest["roots"]) == {"AchievementCredential", "EndorsementCredential",
                                      "ClrCredential", "LER-RS"}
    assert set(manifest["roots"].values()) <= shipped


@pytest.mark.parametrize("suite", ["eddsa-rdfc-2022", JCS])
def test_bundles_and_their_credentials_validate(suite: str) -> None:
    bundle = signed_bundle(3, cryptosuite=suite)
    assert published_schemas.errors("ClrCredential", bundle) == []
    for credential in bundle["credentialSubject"]["verifiableCredential"]:
        assert published_schemas.errors("AchievementCredential", credential) == []


def test_a_bundle_listing_achievements_and_one_partial_validate() -> None:
    bundle = sign_bundle(worker(), [claim(0), claim(1, ongoing=True)], BundleOptions(
        issued=ISSUED, list_achievements=True, partial=True))
    assert published_schemas.errors("ClrCredential", bundle) == []


def _endorsement(credential: dict[str, Any]) -> dict[str, Any]:
    endorser = Identity.from_seed(ENDORSER_SEED)
    unsigned = build_endorsement(
        EndorserProfile(did=endorser.did, name="Jordan Coach", organization="Food Bank",
                        role="Shift manager", url="https://example.org/j",
                        email="j@example.org"),
        credential, relationship="supervisor", comment="Two years.",
        valid_from="2025-04-01T09:00:00Z")
    signed: dict[str, Any] = sign_document(unsigned, endorser, created="2025-04-01T09:00:05Z")
    return signed


def test_endorsements_and_an_endorsed_bundle_validate() -> None:
    first = signed_bundle(2)["credentialSubject"]["verifiableCredential"][0]
    endorsement = _endorsement(first)
    assert published_schemas.errors("EndorsementCredential", endorsement) == []
    bundle = sign_bundle(worker(), [claim(0), claim(1)], BundleOptions(
        issued=ISSUED, bundle_id="urn:uuid:00000000-0000-4000-8000-000000000002",
        holder_name="Alex Example", signed={"claim-0": first}, endorsements=[endorsement]))
    assert published_schemas.errors("ClrCredential", bundle) == []


def test_a_proof_object_is_what_the_ob_schema_refuses() -> None:
    """Why lerkit writes ``proof`` as an array: OB 3.0's schema asks for one."""
    credential = signed_bundle(1)["credentialSubject"]["verifiableCredential"][0]
    as_object = {**credential, "proof": credential["proof"][0]}
    problems = published_schemas.errors("AchievementCredential", as_object)
    assert problems and all(p.startswith("proof:") for p in problems)


def test_the_shipped_clr_schema_differs_from_vc2_in_issuance_date_only() -> None:
    """The CLR schema copy conformance tooling resolves is of the VC 1.1 era; lerkit
    writes VC 2.0 (validFrom, as CLR 2.0 requires now): its only complaint is that."""
    bundle = signed_bundle(2)
    strict = published_schemas.errors("ClrCredential", bundle, vc2=False)
    assert strict and all(p.endswith("'issuanceDate' is a required property") for p in strict)
