"""Each experience is shown once, with its skills under it; loose skills come last."""

from __future__ import annotations

import json
import re
from html import escape
from typing import Any

from lerkit.core.credentials.badges import credential_id
from lerkit.core.credentials.report import BundleReport, ClaimEntry
from lerkit.core.outputs import PageInput, RecordPage, build_page
from lerkit.core.outputs.html import render_html
from lerkit.core.outputs.jsonresume import render_json_resume
from lerkit.core.outputs.lerrs import render_ler_rs
from lerkit.core.outputs.markdown import render_markdown
from lerkit.core.outputs.wording import in_words_of, possessive
from lerkit.core.records import (
    ClaimRecord,
    ClaimStatus,
    EvidenceKind,
    EvidenceRecord,
    ExperienceRecord,
    LifeArea,
    Proficiency,
)
from tests.unit.outputs.factory import DID, DIGEST

STORY = ("I planned how our unit's trucks, containers and people got from one place to "
         "another, and tracked every shipment until it arrived.")
CARE = "I look after my father at home: meals, appointments and his paperwork."
SKILLS = ("Route planning", "Dispatch", "Shipping documents", "Inventory control",
          "Hazardous materials", "Unit leadership", "Work scheduling", "Training others")


def _claims() -> list[ClaimRecord]:
    army = ExperienceRecord(id="army", life_area=LifeArea.MILITARY,
                            title="Transportation Management Coordinator",
                            organization="U.S. Army", place="Fort Carson, Colorado",
                            started="2008", ended="2016-07", narrative=STORY)
    care = ExperienceRecord(id="care", life_area=LifeArea.CAREGIVING, title="Family caregiver",
                            started="2016-08", ongoing=True, narrative=CARE)
    medal = EvidenceRecord(id="medal", kind=EvidenceKind.NOTE, name="Commendation",
                           narrative="Army Commendation Medal, 2012")
    papers = EvidenceRecord(id="papers", kind=EvidenceKind.NOTE, name="Papers",
                            narrative="DD-214 and evaluation reports")
    found = [ClaimRecord(id=f"army-{i}", taxonomy="lerkit", competency_id=f"x.{i}",
                         label=label, status=ClaimStatus.ACCEPTED,
                         proficiency=Proficiency.ON_MY_OWN, experience=army,
                         evidence=[papers, medal] if i == 0 else [papers])
             for i, label in enumerate(SKILLS)]
    found.append(ClaimRecord(id="care-0", taxonomy="lerkit", competency_id="c.0",
                             label="Appointment scheduling", status=ClaimStatus.ACCEPTED,
                             experience=care))
    found.append(ClaimRecord(id="loose-0", taxonomy="lerkit", competency_id="l.0",
                             label="Typing", status=ClaimStatus.ACCEPTED))
    return found


def _page(name: str = "Sam Rivera (sample)") -> tuple[RecordPage, dict[str, Any]]:
    claims = _claims()
    report = BundleReport(valid=True, holder=DID, bundle_id="urn:uuid:b", claims=[
        ClaimEntry(credential_id=credential_id(DID, c.id), skill=c.label, valid=True,
                   tier="self-attested") for c in claims])
    bundle = {"id": "urn:uuid:b", "validFrom": "2026-03-01T09:30:00Z",
              "credentialSubject": {"verifiableCredential": [
                  {"id": credential_id(DID, c.id), "proof": {}} for c in claims]}}
    page = build_page(PageInput(person_name=name, claims=claims, bundle=bundle, report=report,
                                digest=DIGEST, bundle_file="sam.bundle.json"))
    return page, bundle


def test_html_shows_each_experience_and_its_story_once() -> None:
    page, _ = _page()
    text = render_html(page)
    assert text.count(escape(STORY)) == 1 and text.count(CARE) == 1
    assert text.count("Transportation Management Coordinator") == 1
    assert text.count("In Sam Rivera&#x27;s words") == 2
    assert "their words" not in text and "from their life" not in text
    assert "since August 2016 (ongoing)" in text
    army = text.index("Transportation Management Coordinator")
    care, loose = text.index("Family caregiver"), text.index("<h2>Other skills</h2>")
    assert care < army < loose  # ongoing first, then the latest; loose skills last
    for label in SKILLS:
        assert army < text.index(f"<h3>{label}</h3>") < loose, label
    assert care < text.index("<h3>Appointment scheduling</h3>") < army
    assert loose < text.index("<h3>Typing</h3>") < text.index('id="check"')
    assert text.count("Army Commendation Medal, 2012") == 1
    papers = text.index("DD-214 and evaluation reports")  # the experience's own note: once
    assert text.count("DD-214") == 1 and army < papers < text.index("<h3>Dispatch</h3>")
    assert text.count("Can do this without help") == len(SKILLS)


def test_markdown_shows_each_experience_and_its_story_once() -> None:
    page, _ = _page()
    text = render_markdown(page)
    assert text.count(STORY[:40]) == 1 and text.count("I look after my father") == 1
    headings = re.findall(r"^## (.*)$", text, re.MULTILINE)
    assert headings == ["Family caregiver", "Transportation Management Coordinator",
                        "Other skills", "How to check this record"]
    assert text.count("> *In Sam Rivera's words:*") == 2
    assert "their words" not in text
    assert "since August 2016 (ongoing)" in text
    assert text.count("DD-214") == 1 and text.count("Army Commendation Medal") == 1
    skills = re.findall(r"^### (.*)$", text, re.MULTILINE)
    assert skills == ["Appointment scheduling", *sorted(SKILLS, key=str.casefold), "Typing"]


def test_json_outputs_tell_each_story_once() -> None:
    page, bundle = _page()
    for doc in (render_json_resume(page), render_ler_rs(page, bundle)):
        text = json.dumps(doc, ensure_ascii=False)
        assert text.count(STORY) == 1 and text.count(CARE) == 1


def test_the_person_is_named_never_guessed() -> None:
    assert in_words_of("Sam Rivera (sample)") == "In Sam Rivera's words"
    assert in_words_of("  Chris   Jones ") == "In Chris Jones's words"
    assert in_words_of("") == "In the person's own words"
    assert possessive("(only brackets)") == "(only brackets)'s"
    assert possessive("") == "the person's"
    page, _ = _page(name="")
    assert "In the person&#x27;s own words" in render_html(page)
