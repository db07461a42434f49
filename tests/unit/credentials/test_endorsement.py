"""Endorsements: building, digest binding, rejection of every kind of forgery, tiers."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from lerkit.core.credentials import (
    BundleOptions,
    EndorserProfile,
    Identity,
    build_endorsement,
    credential_digest,
    parse_trust_list,
    verify_bundle,
)
from lerkit.core.credentials.bundle import sign_bundle
from lerkit.core.credentials.endorsement import (
    binding_errors,
    check_profile,
    check_relationship,
    comment_of,
    relationship_of,
)
from lerkit.core.credentials.proofs import sign_document
from lerkit.core.errors import BadInputError, FileFormatError
from tests.unit.credentials.factory import (
    ENDORSER_SEED,
    ISSUED,
    LATER,
    OTHER_SEED,
    claim,
    worker,
)

STAMP = "2025-04-01T09:00:00Z"
ENDORSER = Identity.from_seed(ENDORSER_SEED)
PROFILE = EndorserProfile(did=ENDORSER.did, name="Jordan Coach", organization="Riverside Center",
                          role="shift manager")


def _plain() -> dict[str, Any]:
    return sign_bundle(worker(), [claim(0), claim(1), claim(2)],
                       BundleOptions(holder_name="Alex", issued=ISSUED))


def _inner(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    inner: list[dict[str, Any]] = bundle["credentialSubject"]["verifiableCredential"]
    return inner


def _endorse(credential: dict[str, Any], signer: Identity = ENDORSER,
             profile: EndorserProfile = PROFILE) -> dict[str, Any]:
    unsigned = build_endorsement(profile, credential, relationship="supervisor",
                                 comment="Ran the stock room with me.", valid_from=STAMP,
                                 worker_name="Alex")
    return sign_document(unsigned, signer, created=STAMP)


def _endorsed(endorsements: list[dict[str, Any]], plain: dict[str, Any]) -> dict[str, Any]:
    inner = _inner(plain)
    options = BundleOptions(holder_name="Alex", issued=ISSUED, endorsements=endorsements,
                            signed={f"claim-{n}": inner[n] for n in range(3)})
    return sign_bundle(worker(), [claim(0), claim(1), claim(2)], options)


def test_the_endorsement_names_and_binds_its_claim() -> None:
    credential = _inner(_plain())[0]
    endorsement = _endorse(credential)
    assert endorsement["type"] == ["VerifiableCredential", "EndorsementCredential"]
    assert endorsement["credentialSubject"]["id"] == credential["id"]
    assert endorsement["relatedResource"] == [
        {"id": credential["id"], "digestSRI": credential_digest(credential)}
    ]
    assert credential_digest(credential).startswith("sha384-")
    assert endorsement["issuer"]["parentOrg"]["name"] == "Riverside Center"
    assert endorsement["issuer"]["description"] == "Shift manager at Riverside Center."
    assert "supervisor" in endorsement["name"] and "supervisor" in endorsement["description"]
    assert relationship_of(endorsement) == "supervisor"
    assert comment_of(endorsement) == "Ran the stock room with me."
    assert binding_errors(endorsement, credential) == []


def test_endorsed_bundle_verifies_and_the_claim_credentials_are_unchanged() -> None:
    plain = _plain()
    endorsements = [_endorse(_inner(plain)[0]), _endorse(_inner(plain)[1])]
    bundle = _endorsed(endorsements, plain)
    assert _inner(bundle) == _inner(plain)
    report = verify_bundle(bundle, now=LATER)
    assert report.valid, report.all_errors()
    assert [c.tier for c in report.claims] == ["endorsed-unknown"] * 2 + ["self-attested"]
    assert report.claims[0].endorsements[0].who == "Jordan Coach (supervisor, Riverside Center)"


def _inject(bundle: dict[str, Any], endorsements: list[dict[str, Any]]) -> dict[str, Any]:
    """What a worker could do: put any endorsements in and sign the CLR again."""
    changed = {k: v for k, v in copy.deepcopy(bundle).items() if k != "proof"}
    changed["endorsement"] = endorsements
    return sign_document(changed, worker(), created=ISSUED)


def _first_error(bundle: dict[str, Any]) -> str:
    report = verify_bundle(bundle, now=LATER)
    assert not report.valid
    return " | ".join(report.all_errors())


def test_an_endorsement_moved_to_another_claim_is_invalid() -> None:
    plain = _plain()
    bundle = _endorsed([_endorse(_inner(plain)[0])], plain)
    third = _inner(plain)[2]["id"]
    moved = copy.deepcopy(bundle["endorsement"][0])
    moved["credentialSubject"]["id"] = third
    moved["relatedResource"][0]["id"] = third
    errors = _first_error(_inject(bundle, [moved]))
    assert "invalid signature" in errors and "Inventory management 2" in errors
    # signed by the endorser but over the first claim's digest: the digest gives it away
    forged = {k: v for k, v in moved.items() if k != "proof"}
    forged["relatedResource"][0]["digestSRI"] = credential_digest(_inner(plain)[0])
    resigned = sign_document(forged, ENDORSER, created=STAMP)
    assert "digest does not match" in _first_error(_inject(bundle, [resigned]))


def test_an_endorsement_does_not_survive_a_change_to_its_claim() -> None:
    plain = _plain()
    endorsement = _endorse(_inner(plain)[0])
    edited = sign_bundle(worker(), [claim(0, label="Brain surgery")],
                         BundleOptions(holder_name="Alex", issued=ISSUED))
    assert _inner(edited)[0]["id"] == _inner(plain)[0]["id"]
    assert "digest does not match" in _first_error(_inject(edited, [endorsement]))
    with pytest.raises(BadInputError, match="digest does not match"):
        sign_bundle(worker(), [claim(0, label="Brain surgery")],
                    BundleOptions(issued=ISSUED, endorsements=[endorsement]))


def test_tampered_foreign_key_and_self_endorsements_are_rejected() -> None:
    plain = _plain()
    target = _inner(plain)[0]
    tampered = _endorse(target)
    tampered["credentialSubject"]["endorsementComment"] += " And brain surgery."
    assert "invalid signature" in _first_error(_inject(plain, [tampered]))
    other_key = _endorse(target, signer=Identity.from_seed(OTHER_SEED))
    assert "is not the signer" in _first_error(_inject(plain, [other_key]))
    me = worker()
    own = _endorse(target, signer=me, profile=EndorserProfile(did=me.did, name="Alex"))
    assert "own key" in _first_error(_inject(plain, [own]))
    with pytest.raises(BadInputError, match="own key"):
        sign_bundle(me, [claim(0)], BundleOptions(issued=ISSUED, endorsements=[own],
                                                   signed={"claim-0": target}))


def test_an_embedded_or_stray_endorsement_is_not_counted() -> None:
    plain = _plain()
    endorsement = _endorse(_inner(plain)[0])
    bundle = copy.deepcopy(plain)
    _inner(bundle)[0]["endorsement"] = [endorsement]
    assert "digest does not match" in _first_error(bundle)
    selective = sign_bundle(worker(), [claim(1)], BundleOptions(issued=ISSUED))
    assert "not in this bundle" in _first_error(_inject(selective, [endorsement]))


def test_trust_list_gives_tiers() -> None:
    plain = _plain()
    bundle = _endorsed([_endorse(_inner(plain)[0])], plain)
    by_did = parse_trust_list({"endorsers": [{"did": ENDORSER.did, "name": "Jordan"}]})
    assert verify_bundle(bundle, now=LATER, trust=by_did).claims[0].tier == "endorsed-trusted"
    by_org = parse_trust_list({"endorsers": [
        {"organization": "riverside   CENTER", "name": "RC", "accredited": True}]})
    report = verify_bundle(bundle, now=LATER, trust=by_org)
    assert report.claims[0].tier == "endorsed-accredited"
    assert report.claims[0].endorsements[0].trusted_as == "RC"
    pinned = parse_trust_list({"endorsers": [{"organization": "Riverside Center", "name": "RC",
                                              "accredited": True, "dids": ["did:key:zOther"]}]})
    assert verify_bundle(bundle, now=LATER, trust=pinned).claims[0].tier == "endorsed-unknown"
    assert verify_bundle(bundle, now=LATER).claims[2].tier == "self-attested"


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        ([], "mapping"),
        ({"endorsers": [{"name": "x"}]}, "exactly one"),
        ({"endorsers": [{"did": "z6Mk", "name": "x"}]}, "not a DID"),
        ({"endorsers": [{"did": "did:key:z", "name": "x", "accredited": "yes"}]}, "true or false"),
        ({"endorsers": [{"did": "did:key:z"}]}, "display 'name'"),
        ({"endorsers": [{"did": "did:key:z", "name": "x", "trusted": True}]}, "unknown key"),
        ({"endorsers": [{"did": "did:key:z", "name": "x", "dids": ["did:key:y"]}]}, "organization"),
    ],
)
def test_bad_trust_lists_are_refused(data: Any, needle: str) -> None:
    with pytest.raises(FileFormatError, match=needle):
        parse_trust_list(data, "trust.yaml")


def test_endorser_input_is_checked() -> None:
    assert check_relationship("  commanding   officer. ") == "commanding officer"
    with pytest.raises(BadInputError):
        check_relationship("")
    with pytest.raises(BadInputError):
        check_relationship("x" * 101)
    with pytest.raises(BadInputError, match="web address"):
        check_profile(EndorserProfile(did=ENDORSER.did, name="J", url="example.org"))
    with pytest.raises(BadInputError, match="email"):
        check_profile(EndorserProfile(did=ENDORSER.did, name="J", email="nobody"))
    with pytest.raises(BadInputError, match="name"):
        check_profile(EndorserProfile(did=ENDORSER.did, name=" "))


def test_a_repeated_endorsement_is_refused_not_counted_twice() -> None:
    plain = _plain()
    once = _endorse(_inner(plain)[0])
    again_same = _inject(plain, [once, copy.deepcopy(once)])
    assert "repeats an endorsement" in _first_error(again_same)
    other_words = _endorse(_inner(plain)[0])  # the same endorser, the same claim, re-signed
    other_words["id"] = other_words["id"] + "-2"
    twice = _inject(plain, [once, sign_document(
        {k: v for k, v in other_words.items() if k != "proof"}, ENDORSER, created=STAMP)])
    assert "repeats an endorsement" in _first_error(twice)
    report = verify_bundle(_inject(plain, [once]), now=LATER)
    assert report.valid and len(report.claims[0].endorsements) == 1
