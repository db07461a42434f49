"""Building the reader's view: selective disclosure, tiers, grouping, mismatches."""

from __future__ import annotations

import pytest

from lerkit.core.credentials.badges import OMIT_FIELDS
from lerkit.core.errors import BadInputError
from lerkit.core.outputs import build
from lerkit.core.outputs.model import shell_quote
from lerkit.core.outputs.wording import date_words, period_words, tier_label, tier_sentence
from tests.unit.outputs.factory import DID, DIGEST, claims, page, report


def test_every_omittable_detail_is_handled() -> None:
    assert build.HANDLED_OMIT == OMIT_FIELDS


def test_areas_sorted_other_last_and_strongest_tier_first() -> None:
    built = page(areas={"c1": "Zeta", "c2": "Alpha"})
    assert [a.name for a in built.areas] == ["Alpha", "Zeta", build.OTHER_AREA]
    built = page(areas={"c1": "Same", "c2": "Same", "c3": "Same"})
    assert built.areas[0].skills[0].claim_id == "c1"  # endorsed-trusted first


def test_omit_removes_details_everywhere_in_the_view() -> None:
    omit = {"c1": frozenset({"dates", "organization", "place", "narrative", "evidence:ev-file"})}
    skill = next(s for s in page(omit=omit).skills if s.claim_id == "c1")
    assert skill.experience is not None
    exp = skill.experience
    assert (exp.organization, exp.place, exp.narrative) == ("", "", "")
    assert (exp.started, exp.ended, exp.ongoing) == (None, None, False)
    assert [e.kind for e in skill.evidence] == ["note", "url", "url"]
    other = next(s for s in page(omit=omit).skills if s.claim_id == "c2")
    assert other.experience is not None and other.experience.organization == "Org-2 & Sons"


def test_unknown_omit_is_refused() -> None:
    with pytest.raises(BadInputError, match="cannot omit"):
        page(omit={"c1": frozenset({"salary"})})


def test_claims_and_bundle_must_match() -> None:
    with pytest.raises(BadInputError, match="not in the signed bundle"):
        page(claims=[*claims()[:2], claims()[0].__class__(id="zz", taxonomy="t",
                                                          competency_id="c", label="x")])
    with pytest.raises(BadInputError, match="not in this record"):
        page(claims=claims()[:2])


def test_report_fields_carried_over() -> None:
    built = page()
    assert built.holder_did == DID and built.digest == DIGEST and built.valid
    assert built.issued == "2026-03-01T09:30:00Z"
    skill = next(s for s in built.skills if s.claim_id == "c1")
    assert skill.tier == "endorsed-trusted"
    names = [e.name for e in skill.endorsements]
    assert names[0].startswith("Dana") and not skill.endorsements[1].valid
    assert skill.endorsements[0].relationship in ("supervisor", "")
    assert built.digest_uri == f"sha256:{DIGEST}"
    assert built.verify_command == (
        f"ler verify 'zoë record.bundle.json' --expect-digest sha256:{DIGEST}")


def test_invalid_report_is_shown_as_invalid() -> None:
    bad = report()
    bad.valid = False
    bad.errors.append("proof does not verify")
    built = page(report=bad)
    assert not built.valid and "proof does not verify" in built.errors


@pytest.mark.parametrize(("started", "ended", "ongoing", "words"), [
    ("2009", "2021", False, "2009 to 2021"),
    ("2019-03", None, True, "since March 2019 (ongoing)"),
    (None, None, True, "ongoing"),
    (None, "2020-12-05", False, "until 5 December 2020"),
    ("2020", "2020", False, "2020"),
    (None, None, False, ""),
    ("last summer", None, False, "from last summer"),
])
def test_period_words(started: str | None, ended: str | None, ongoing: bool, words: str) -> None:
    assert period_words(started, ended, ongoing) == words


def test_words_for_unknown_values() -> None:
    assert tier_label("endorsed-by-martians") == "endorsed-by-martians"
    assert "endorsed-by-martians" in tier_sentence("endorsed-by-martians")
    assert date_words("2019-13") == "2019"


def test_shell_quote() -> None:
    assert shell_quote("a.bundle.json") == "a.bundle.json"
    assert shell_quote("my record.json") == "'my record.json'"
    assert shell_quote("it's.json") == "'it'\"'\"'s.json'"


def test_an_onet_activity_title_is_named_without_its_full_stop() -> None:
    from dataclasses import replace

    listed = claims()
    listed[2] = replace(listed[2], taxonomy="onet-dwa", label="Operate cash registers.")
    names = {s.claim_id: s.name for a in page(claims=listed).areas for s in a.skills}
    assert names["c3"] == "Operate cash registers"


def test_a_skill_of_two_experiences_is_named_once_at_a_glance() -> None:
    from dataclasses import replace

    from lerkit.core.outputs.grouping import at_a_glance
    from lerkit.core.outputs.markdown import render_markdown

    listed = claims()
    listed[2] = replace(listed[2], label=listed[1].label)  # the same skill, twice
    built = page(claims=listed, areas={"c1": "Care", "c2": "Care", "c3": "Care"})
    [area] = [a for a in built.areas if a.name == "Care"]
    assert len(area.skills) == 3 and len(at_a_glance(area.skills)) == 2
    glance = render_markdown(built).split("Skills at a glance:")[1].split("\n\n")[1]
    assert glance.count("Medication management") == 1, glance
