"""Valid files of every format lerkit reads, made once for the fuzz tests to spoil."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lerkit.core import sealed_file
from lerkit.core.credentials import build_endorsement, sign_document
from lerkit.services import backup, bundles, profiles
from lerkit.services.context import Lerkit
from tests.services.endorsed import ENDORSER, PROFILE, STAMP
from tests.services.sample import PASSPHRASE, make_sample

REPO = Path(__file__).resolve().parents[2]
ANSWERS = REPO / "tests" / "data" / "answers" / "two-jobs-and-navy.yaml"
CASE = REPO / "tests" / "data" / "case_package.json"

RSD: dict[str, Any] = {
    "name": "Warehouse skills",
    "skills": [
        {"id": "https://example.org/rsd/1", "skillName": "Forklift operation",
         "skillStatement": "Operate a sit-down forklift safely.",
         "categories": [{"name": "Logistics"}], "keywords": [{"name": "forklift"}],
         "occupations": [{"code": "53-7051"}], "alignments": [{"id": "https://x.org/a"}],
         "authors": [{"name": "Riverside"}], "status": "published"},
        {"uuid": "b5b0c4d2-1", "skillName": "Inventory counts",
         "skillStatement": "Count stock and reconcile it."},
    ],
}
CSV = ("id,label,alt_labels,description,parent,region\n"
       "c1,Food pantry coordination,pantry|food bank,Runs a pantry,,north\n"
       "c2,Volunteer scheduling,rota,,c1,south\n")
JSONL: list[dict[str, Any]] = [
    {"id": "j1", "label": "Snow removal", "alt_labels": ["plowing"], "parent": "Outdoor"},
    {"id": "j2", "label": "Lawn care", "description": "Mowing and edging", "parent": "j1"},
]
LERKIT_YAML = """\
format: lerkit-taxonomy/1
name: demo
title: Demo taxonomy
version: 2.1
categories:
  - id: care
    label: Caregiving
competencies:
  - id: care.meds
    label: Medication management
    category: care
    description: Keeps track of medicines.
    alt_labels: [medication administration]
    crosswalk:
      esco: http://data.europa.eu/esco/skill/abc
  - id: care.visits
    label: Companionship
    parent: care.meds
"""
ESCO = ('conceptUri,preferredLabel,altLabels,description,skillType,reuseLevel\n'
        'http://data.europa.eu/esco/skill/1,use a forklift,"drive forklift\ndrive a lift",'
        'Operate forklifts.,skill/competence,sector-specific\n'
        'http://data.europa.eu/esco/skill/2,count stock,,Count it.,skill/competence,\n')
TRUST = "endorsers:\n  - did: {did}\n    name: Sgt. Dana Ortiz\n    accredited: true\n"


@dataclass
class Corpus:
    """The seed files and what the commands that read them need."""

    folder: Path
    db_url: str
    person_id: str
    bundle: dict[str, Any]
    credential: dict[str, Any]
    endorsements: list[dict[str, Any]]
    profile_payload: dict[str, Any]
    profile_sealed: bytes
    dump_lines: list[Any]
    claim: str


def build(folder: Path) -> Corpus:
    """Make a worker with a signed bundle, an endorsement, a profile and a backup."""
    db_url = f"sqlite:///{folder / 'worker.db'}"
    ler = Lerkit.open(db_url, home=folder / "home")
    try:
        sample = make_sample(ler, folder)
        out = folder / "bundle.json"
        bundles.export_bundle(ler, sample.person_id, out, PASSPHRASE)
        bundle = json.loads(out.read_text(encoding="utf-8"))
        credential = bundle["credentialSubject"]["verifiableCredential"][0]
        unsigned = build_endorsement(PROFILE, credential, relationship="supervisor",
                                     comment="Ran our convoy planning.", valid_from=STAMP,
                                     worker_name="Marcus Bell")
        signed = sign_document(unsigned, ENDORSER, created=STAMP)
        sealed, _ = profiles.seal_record(ler, sample.person_id, PASSPHRASE)
        plain = sealed_file.unseal(sealed, PASSPHRASE, kind=profiles.KIND)
        dump = folder / "backup.dump.gz"
        backup.backup(ler, dump, fmt="dump")
        lines = [json.loads(line) for line in gzip.decompress(dump.read_bytes()).splitlines()]
    finally:
        ler.close()
    return Corpus(folder, db_url, sample.person_id, bundle, credential, [signed],
                  json.loads(plain), sealed, lines, str(credential["id"]))
