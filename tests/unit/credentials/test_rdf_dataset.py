"""RDF datasets kept from signing: they must canonicalize exactly as JSON-LD does."""

from __future__ import annotations

import dataclasses
import hashlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lerkit.core.credentials import BundleOptions, EndorserProfile, build_endorsement
from lerkit.core.credentials.badges import Holder, build_claim_credential
from lerkit.core.credentials.bundle import clr_hash, sign_bundle_with_datasets
from lerkit.core.credentials.canon import canonicalize_rdfc
from lerkit.core.credentials.kept import KeptDataset
from lerkit.core.credentials.keys import Identity
from lerkit.core.credentials.proofs import JCS, RDFC, sign_document, sign_with_datasets
from lerkit.core.credentials.rdf_dataset import (
    Dataset,
    DatasetError,
    canonical_with_embedded,
    parse_nquads,
    signed_dataset,
)
from lerkit.core.records import ClaimRecord
from tests.unit.credentials.factory import ENDORSER_SEED, ISSUED, claim, worker

STAMP = "2025-03-01T09:30:00Z"


def _unsigned(record: ClaimRecord, omit: frozenset[str] = frozenset()) -> dict[str, Any]:
    return build_claim_credential(Holder(did=worker().did, name="Alex Example"), record,
                                  valid_from=STAMP, omit=omit)


def _kept(document: dict[str, Any]) -> tuple[dict[str, Any], str]:
    [(signed, dataset)] = sign_with_datasets([document], worker(), created=STAMP)
    assert dataset is not None
    return signed, dataset


def _canonical(nquads: str) -> str:
    dataset = Dataset()
    dataset.add(parse_nquads(nquads, "x"))
    return dataset.canonical()


@pytest.mark.parametrize("omit", [frozenset(), frozenset({"dates", "organization"}),
                                  frozenset({"evidence:file-0", "evidence:note-0"})])
def test_a_signed_claims_dataset_is_its_json_ld_dataset(omit: frozenset[str]) -> None:
    signed, dataset = _kept(_unsigned(claim(0), omit))
    assert _canonical(dataset) == canonicalize_rdfc(signed)


def test_an_ongoing_claim_without_a_file_too() -> None:
    signed, dataset = _kept(_unsigned(claim(1, ongoing=True, with_file=False)))
    assert _canonical(dataset) == canonicalize_rdfc(signed)


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(label=TEXT.filter(str.strip), narrative=TEXT)
def test_any_text_survives_the_round_trip(label: str, narrative: str) -> None:
    """Quotes, backslashes, control characters and U+2028 in literals come back exact."""
    record = claim(2, label=label)
    record = dataclasses.replace(record, experience=dataclasses.replace(
        record.experience, narrative=narrative) if record.experience else None)
    signed, dataset = _kept(_unsigned(record))
    assert _canonical(dataset) == canonicalize_rdfc(signed)


def test_a_bundle_hash_from_datasets_equals_the_full_canonicalization() -> None:
    endorser_key = Identity.from_seed(ENDORSER_SEED)
    endorser = EndorserProfile(did=endorser_key.did, name="Sam Supervisor",
                               organization="Riverside Food Bank")
    records = [claim(i) for i in range(4)]
    first = sign_bundle_with_datasets(worker(), records, BundleOptions(
        holder_name="Alex Example", issued=ISSUED))
    credentials = first.credential["credentialSubject"]["verifiableCredential"]
    assert sorted(first.datasets) == [r.id for r in records]
    endorsement = build_endorsement(endorser, credentials[1], relationship="supervisor",
                                    comment="Ran the counts.", valid_from=STAMP)
    signed_endorsement = sign_document(endorsement, endorser_key, created=STAMP)
    options = BundleOptions(
        holder_name="Alex Example", issued=ISSUED, list_achievements=True, partial=True,
        signed={r.id: c for r, c in zip(records, credentials, strict=True)},
        datasets=first.datasets, endorsements=[signed_endorsement])
    again = sign_bundle_with_datasets(worker(), records, options)
    assert again.datasets == {}  # every kept dataset was used as it is
    clr = {k: v for k, v in again.credential.items() if k != "proof"}
    made: dict[str, KeptDataset] = {}
    want = hashlib.sha256(canonicalize_rdfc(clr).encode("utf-8")).digest()
    assert clr_hash(clr, records, first.datasets, made) == want
    assert made == {}


def test_a_dataset_of_another_version_is_not_trusted() -> None:
    records = [claim(0), claim(1)]
    first = sign_bundle_with_datasets(worker(), records, BundleOptions(issued=ISSUED))
    credentials = first.credential["credentialSubject"]["verifiableCredential"]
    swapped = {records[0].id: first.datasets[records[1].id],
               records[1].id: first.datasets[records[0].id]}
    clr = {k: v for k, v in first.credential.items() if k != "proof"}
    made: dict[str, KeptDataset] = {}
    want = hashlib.sha256(canonicalize_rdfc(clr).encode("utf-8")).digest()
    assert clr_hash(clr, records, swapped, made) == want
    assert set(made) == {r.id for r in records}
    assert made[records[0].id].nquads == canonicalize_rdfc(credentials[0])


def test_claims_signed_with_jcs_get_a_dataset_when_an_rdfc_bundle_holds_them() -> None:
    records = [claim(0)]
    jcs = sign_bundle_with_datasets(worker(), records, BundleOptions(issued=ISSUED,
                                                                     cryptosuite=JCS))
    assert jcs.datasets == {}
    inner = jcs.credential["credentialSubject"]["verifiableCredential"][0]
    rdfc = sign_bundle_with_datasets(worker(), records, BundleOptions(
        issued=ISSUED, cryptosuite=RDFC, signed={records[0].id: inner}))
    assert rdfc.datasets[records[0].id].nquads == canonicalize_rdfc(inner)
    assert rdfc.datasets[records[0].id].fits(inner)


def test_statements_are_read_back_exactly() -> None:
    nquads = (
        '<urn:x:a> <urn:p:q> "tab\\there \\"quoted\\" \\\\ \\u0007 \u2028 end" .\n'
        '<urn:x:a> <urn:p:q> "hello"@en-GB .\n'
        '<urn:x:a> <urn:p:q> "2025-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
        '_:c14n0 <urn:p:q> <urn:x:a> _:c14n1 .\n'
    )
    statements = list(parse_nquads(nquads, "k"))
    assert statements[0].triple["object"]["value"] == 'tab\there "quoted" \\ \x07 \u2028 end'
    assert statements[1].triple["object"]["language"] == "en-GB"
    assert statements[3].graph == "_:kc14n1" and statements[3].line is None
    dataset = Dataset()
    dataset.add(statements)
    dataset.add(statements[:3])  # the same plain statements again are kept once
    assert sorted(dataset.nquads().split("\n")) == sorted(
        nquads.replace("_:c14n", "_:kc14n").split("\n"))


@pytest.mark.parametrize("bad", ["<urn:x> <urn:p> .\n", "<urn:x> <urn:p> <urn:o>\n",
                                 '<urn:x> <urn:p> "open .\n'])
def test_a_malformed_statement_is_refused(bad: str) -> None:
    with pytest.raises(DatasetError, match="line 1"):
        list(parse_nquads(bad, "x"))


def test_a_shell_without_the_placeholder_is_refused() -> None:
    with pytest.raises(DatasetError, match="placeholder"):
        canonical_with_embedded("<urn:x:a> <urn:p:q> <urn:x:b> .\n", "urn:x:missing", [])


def test_signed_dataset_needs_one_proof_node() -> None:
    with pytest.raises(DatasetError, match="one proof node"):
        signed_dataset("<urn:x:a> <urn:p:q> <urn:x:b> .\n", "urn:x:a",
                       "_:c14n0 <urn:p:q> _:c14n1 .\n_:c14n1 <urn:p:q> \"x\" .\n", "zabc")


def test_only_statements_with_blank_nodes_are_relabelled() -> None:
    dataset = Dataset()
    dataset.add_nquads('<urn:x:a> <urn:p:q> "looks like _:c14n0" .\n'
                       '_:c14n0 <urn:p:q> "x" .\n<urn:x:a> <urn:p:r> _:c14n0 .\n', "e0.")
    dataset.add_nquads('<urn:x:a> <urn:p:q> "looks like _:c14n0" .\n', "e1.")
    assert dataset.plain == {'<urn:x:a> <urn:p:q> "looks like _:c14n0" .\n'}
    assert dataset.canonical() == ('<urn:x:a> <urn:p:q> "looks like _:c14n0" .\n'
                                   '<urn:x:a> <urn:p:r> _:c14n0 .\n_:c14n0 <urn:p:q> "x" .\n')
    assert dataset.canonical() == dataset.canonical()  # canonicalizing changes nothing
    assert "_:e0.c14n0" in dataset.nquads()
    with pytest.raises(DatasetError, match="line 1"):
        dataset.add_nquads("<urn:x:a> <urn:p:q> <urn:x:b>\n", "e2.")
