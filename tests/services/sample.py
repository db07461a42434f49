"""A small, realistic record built through the services, for export and verify tests."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from lerkit.core.records import ClaimStatus, EvidenceKind, ExperienceRecord, LifeArea, Proficiency
from lerkit.services import claims, keys, people
from lerkit.services.context import Lerkit

PASSPHRASE = "correct horse battery"


@dataclass
class Sample:
    """Ids of what was created."""

    person_id: str
    claim_ids: list[str] = field(default_factory=list)
    evidence_file: Path | None = None


def make_sample(ler: Lerkit, folder: Path, n_claims: int = 3) -> Sample:
    """A veteran with logistics and caregiving stories, accepted claims and evidence."""
    person = people.add_person(ler, "Marcus Bell")
    sample = Sample(person.id)
    army = claims.add_experience(ler, person.id, ExperienceRecord(
        id="", life_area=LifeArea.MILITARY, title="Transportation Management Coordinator",
        organization="US Army", place="Fort Carson, Colorado", started="2009", ended="2021",
        narrative="Planned convoys and shipments across three deployments."))
    care = claims.add_experience(ler, person.id, ExperienceRecord(
        id="", life_area=LifeArea.CAREGIVING, title="Caregiver for my mother",
        started="2021", ongoing=True, narrative="Kept track of medications and appointments."))
    picks = [
        (army, "logistics.shipping-and-receiving", "Shipping and receiving"),
        (care, "caregiving.medication-management", "Medication management"),
        (army, "leadership.shift-supervision", "Shift supervision"),
    ]
    for i in range(n_claims):
        exp, comp, label = picks[i % len(picks)]
        sample.claim_ids.append(claims.add_claim(
            ler, person.id, exp, "lerkit", f"{comp}" if i < len(picks) else f"{comp}-{i}",
            label if i < len(picks) else f"{label} {i}", status=ClaimStatus.ACCEPTED))
    claims.set_claim(ler, sample.claim_ids[0], proficiency=Proficiency.TAUGHT_OR_LED)
    evidence = folder / "convoy-plan.txt"
    evidence.write_text("Convoy plan, 12 trucks, 3 days.\n", encoding="utf-8")
    sample.evidence_file = evidence
    claims.add_evidence(ler, kind=EvidenceKind.FILE, claim_id=sample.claim_ids[0], file=evidence,
                        name="Convoy plan")
    claims.add_evidence(ler, kind=EvidenceKind.URL, claim_id=sample.claim_ids[0],
                        url="https://example.org/award/1234", name="Army Achievement Medal")
    claims.add_evidence(ler, kind=EvidenceKind.NOTE, experience_id=care,
                        narrative="My sister can vouch for this.", name="Who saw it")
    keys.init_key(ler, person.id, PASSPHRASE)
    return sample


_RANDOM_IDS = re.compile(
    r"urn:uuid:[0-9a-fA-F-]+"  # credential and bundle ids
    r"|sha(?:256|384|512)[-:][A-Za-z0-9+/=]+"  # digests (SRI and sha256:HEX)
    r"|z[1-9A-HJ-NP-Za-km-z]{40,}"  # multibase keys and signatures
    r"|[0-9a-fA-F]{16,}"  # hex digests and random ids
)


def without_random_ids(text: str) -> str:
    """``text`` without ids, digests and signatures, whose random digits could look like
    a year (so that "2009 is left out" can be checked on what remains)."""
    return _RANDOM_IDS.sub("", text)
