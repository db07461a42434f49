"""The privacy check for a person: find, reword (stored, audited), leave out of exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError
from lerkit.core.records import ClaimStatus, EvidenceKind, ExperienceRecord, LifeArea
from lerkit.services import claims, keys, outputs, people, privacy, taxonomies
from lerkit.services.context import Lerkit
from lerkit.storage import audit
from lerkit.storage.records import claim_records
from tests.services.sample import PASSPHRASE

CARE = ("My son has cystic fibrosis. I kept his medicines and appointments in one "
        "calendar. I handled the insurance calls every month.")
CHURCH = "I run the food pantry every Saturday. The pastor asked me to train volunteers."


def _person(ler: Lerkit) -> tuple[str, dict[str, str]]:
    taxonomies.ensure_builtin(ler, "lerkit")
    person = people.add_person(ler, "Dana Okafor")
    care = claims.add_experience(ler, person.id, ExperienceRecord(
        id="", life_area=LifeArea.CAREGIVING, title="Family caregiver", started="2019",
        ongoing=True, narrative=CARE))
    church = claims.add_experience(ler, person.id, ExperienceRecord(
        id="", life_area=LifeArea.FAITH, title="Food pantry lead",
        organization="Grace Baptist Church", narrative=CHURCH))
    ids = {
        "meds": claims.add_claim(ler, person.id, care, "lerkit",
                                 "caregiving.medication-management", "Medication management",
                                 status=ClaimStatus.ACCEPTED),
        "food": claims.add_claim(ler, person.id, church, "lerkit",
                                 "logistics.shipping-and-receiving", "Shipping and receiving",
                                 status=ClaimStatus.ACCEPTED),
        "care": care, "church": church,
    }
    ids["note"] = claims.add_evidence(ler, kind=EvidenceKind.NOTE, claim_id=ids["meds"],
                                      name="Calendar", narrative="A year of his therapy visits.")
    return person.id, ids


def _narrative(ler: Lerkit, person_id: str, experience_id: str) -> str:
    with ler.db.session() as session:
        found = claim_records(session=session, person_id=person_id)
    return next(c.experience.narrative for c in found
                if c.experience is not None and c.experience.id == experience_id)


def test_check_reword_and_omit(db_url: str) -> None:
    ler = Lerkit.open(db_url)
    try:
        person_id, ids = _person(ler)
        found = privacy.check(ler, person_id)
        where = {(p.entity_id, p.field, p.kind) for p in found}
        assert {(ids["care"], "narrative", "health"), (ids["church"], "organization", "religion"),
                (ids["church"], "narrative", "religion"),
                (ids["note"], "narrative", "health")} <= where
        first = next(p for p in found if p.sentence == "My son has cystic fibrosis.")
        church = [p for p in found if p.entity_id == ids["church"]]
        choices = [(first, privacy.Choice(privacy.Action.REWORD, "I care for a family member."))]
        choices += [(p, privacy.Choice(privacy.Action.OMIT)) for p in church]
        choices += [(p, privacy.Choice(privacy.Action.KEEP)) for p in found
                    if p is not first and p not in church]
        omit = privacy.apply(ler, person_id, choices)
        assert omit == {ids["food"]: frozenset({"narrative", "organization"})}
        assert _narrative(ler, person_id, ids["care"]).startswith(
            "I care for a family member. I kept his medicines")
        with ler.db.session() as session:
            events = audit.list_events(session=session, person_id=person_id, limit=5)
        assert events[0].entity_id == ids["care"]
        assert events[0].detail == {"fields": ["narrative"], "why": "privacy check"}
        again = privacy.check(ler, person_id)
        assert "cystic fibrosis" not in " ".join(p.sentence for p in again)
        with pytest.raises(BadInputError, match="check it again"):
            privacy.apply(ler, person_id, choices[:1])  # the sentence is gone now
        assert privacy.merge_omit(omit, {ids["meds"]: frozenset({"dates"})})[ids["meds"]] == \
            frozenset({"dates"})
    finally:
        ler.close()


def test_omitted_passages_stay_out_of_every_format(tmp_path: Path) -> None:
    ler = Lerkit.open()
    try:
        person_id, ids = _person(ler)
        keys.init_key(ler, person_id, PASSPHRASE)
        found = privacy.check(ler, person_id)
        omit = privacy.apply(ler, person_id, [
            (p, privacy.Choice(privacy.Action.OMIT)) for p in found
            if p.entity_id in (ids["church"], ids["note"])])
        result = outputs.export_to_folder(ler, person_id, tmp_path, PASSPHRASE, omit=omit)
    finally:
        ler.close()
    for name, path in result.files.items():
        text = path.read_text(encoding="utf-8")
        for hidden in ("pastor", "Grace Baptist", "therapy visits"):
            assert hidden not in text, (name, hidden)
    page = result.files["html"].read_text(encoding="utf-8")
    assert page.count("cystic fibrosis") == 1  # kept: the person's choice
