"""The Verify dialog's verdict in words, for a bundle and for an endorser's file."""

from __future__ import annotations

from lerkit.core.credentials.report import (
    KIND_ENDORSEMENTS,
    BundleReport,
    ClaimEntry,
    EndorsementEntry,
)
from lerkit.tui.dialogs.verify import report_text


def _entry(valid: bool) -> EndorsementEntry:
    return EndorsementEntry(credential_id="urn:uuid:e1", endorser="did:key:z6MkE",
                            endorser_name="Jordan Coach", subject_id="urn:uuid:c1",
                            valid=valid, relationship="supervisor")


def test_a_bundle_shows_its_holder_and_each_skill() -> None:
    claim = ClaimEntry(credential_id="urn:uuid:c1", skill="Forklift operation", valid=True,
                       endorsements=[_entry(True)], tier="endorsed-unknown")
    text = report_text(BundleReport(valid=True, holder="did:key:z6MkH", claims=[claim]))
    assert text.startswith("VALID")
    assert "Holder: did:key:z6MkH" in text
    assert "Forklift operation: valid, endorsed by an unknown endorser (Jordan Coach" in text


def test_an_endorsers_file_lists_each_endorsement_and_its_problems() -> None:
    bad = _entry(False)
    bad.errors.append("invalid signature")
    report = BundleReport(valid=False, holder=None, kind=KIND_ENDORSEMENTS,
                          endorsements=[_entry(True), bad])
    text = report_text(report)
    assert text.startswith("NOT VALID")
    assert "An endorser's file of 2 endorsements." in text
    assert "- by Jordan Coach (supervisor), of urn:uuid:c1: valid" in text
    assert "- by Jordan Coach (supervisor), of urn:uuid:c1: NOT valid" in text
    assert "urn:uuid:e1: invalid signature" in text
    assert "Holder" not in text
