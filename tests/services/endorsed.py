"""Give the sample's first claim a real endorsement (signed by a fixed test endorser)."""

from __future__ import annotations

import json
from pathlib import Path

from lerkit.core.credentials import EndorserProfile, Identity, build_endorsement, sign_document
from lerkit.services import bundles, endorsements
from lerkit.services.context import Lerkit
from tests.services.sample import PASSPHRASE, Sample

ENDORSER = Identity.from_seed(bytes(range(7, 39)))
PROFILE = EndorserProfile(did=ENDORSER.did, name="Sgt. Dana Ortiz",
                          organization="Fort Carson Transition Center")
STAMP = "2025-04-01T09:00:00Z"
COMMENT = "Ran our convoy planning for two years; trained six new coordinators."


def endorse_first_claim(ler: Lerkit, sample: Sample, folder: Path) -> None:
    """Export, have the endorser sign the first claim as supervisor, import it."""
    first = folder / "for-endorser.json"
    bundles.export_bundle(ler, sample.person_id, first, PASSPHRASE)
    credentials = json.loads(first.read_text(encoding="utf-8"))["credentialSubject"][
        "verifiableCredential"]
    skill = next(c for c in credentials if c["credentialSubject"]["achievement"]["name"]
                 == "Shipping and receiving")
    unsigned = build_endorsement(PROFILE, skill, relationship="supervisor", comment=COMMENT,
                                 valid_from=STAMP, worker_name="Marcus Bell")
    signed = sign_document(unsigned, ENDORSER, created=STAMP)
    received = folder / "endorsements.json"
    received.write_text(json.dumps([signed]), encoding="utf-8")
    endorsements.import_endorsements(ler, received, sample.person_id)
    first.unlink()
