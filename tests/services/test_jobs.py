"""Occupations that fit a person, the gap to a target, and training that closes it.

The demo person (an Army 88N transportation coordinator who then cared for a parent)
is the regression case: a coach expects logistics occupations first, explained by the
person's own logistics skills, and a logistics target whose gap is planning and business
work, with the supply chain program first.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.occupations.explain import reasons
from lerkit.core.records import ClaimStatus, ExperienceRecord, LifeArea
from lerkit.services import claims, gap, jobs, people, taxonomies, training
from lerkit.services.context import Lerkit
from lerkit.services.interview import create_demo

LOGISTICS = {"43-5011.00", "43-5011.01", "43-5071.00", "43-5032.00", "13-1081.00",
             "13-1081.02", "11-3071.00", "43-5061.00"}


@pytest.fixture
def ler(db_url: str) -> Iterator[Lerkit]:
    opened = Lerkit.open(db_url)
    yield opened
    opened.close()


def test_the_demo_person_fits_logistics_for_their_logistics_skills(ler: Lerkit) -> None:
    found = jobs.standing(ler, create_demo(ler))
    top = [f.occupation for f in found.ranked[:5]]
    assert top[0].title == "Freight Forwarders"
    assert sum(o.code in LOGISTICS for o in top) >= 2
    why = {r.skill.label: r for r in reasons(found.index, found.profile, top[0])}
    assert {"Route planning", "Shipping and customs paperwork"} <= set(why)
    paperwork = why["Shipping and customs paperwork"]
    assert paperwork.skill.evidence >= 1 and "Verify shipping documentation." in (
        paperwork.activities)
    assert found.profile.leads["43-5011.01"] == [
        "88N (Transportation Management Coordinator, Army)"]
    assert all(f.fit <= found.ranked[0].fit for f in found.ranked)
    assert "USDOL/ETA" in found.attribution


def test_the_demo_gap_to_logisticians_reads_as_a_coach_expects(ler: Lerkit) -> None:
    pid = create_demo(ler)
    training.import_catalogue(ler, training.example_path())
    report = gap.gap_report(ler, pid, "Logisticians")
    result = report.gap
    assert result.occupation.code == "13-1081.00"
    assert ("Supervise employees.", ("Team leadership",)) in [(a.title, a.by)
                                                             for a in result.shown]
    assert "Coordinate logistics or other business operations." in [a.title
                                                                     for a in result.related]
    missing = [a.title for a in result.missing]
    assert set(missing[:2]) == {"Prepare proposal documents.",
                                "Allocate physical resources within organizations."}
    assert [a.weight for a in result.missing] == sorted(
        (a.weight for a in result.missing), reverse=True)
    assert result.reference is not None and result.reference.title == "Freight Forwarders"
    assert "Operations Analysis" in [g.name for g in result.skill_gaps]
    assert "Microsoft Excel" in result.occupation.technology
    assert "Allocate physical resources within organizations." in [
        s.title for s in report.next_steps]
    first = report.programs[0]
    assert first.program.id == "supply-chain-certificate"
    assert first.target_fit == pytest.approx(1.0)
    assert "Prepare proposal documents." in first.adds


def test_profile_from_claims_military_codes_and_what_cannot_be_placed(
        ler: Lerkit, tmp_path: Path) -> None:
    taxonomies.ensure_builtin(ler, "onet-dwa")
    table = tmp_path / "mine.csv"
    table.write_text("id,label\nknit,Knitting\n", encoding="utf-8")
    taxonomies.import_taxonomy(ler, "csv", table, "mine")
    pid = people.add_person(ler, "Pat Lee").id
    army = claims.add_experience(ler, pid, ExperienceRecord(
        id="", life_area=LifeArea.MILITARY, title="Supply",
        narrative="I ran the supply room.\nMOS: 92Y\nHighest rank: Sergeant"))
    claims.add_claim(ler, pid, army, "onet-dwa", "4.A.4.c.3.I07.D04", "Monitor inventories")
    claims.add_claim(ler, pid, None, "mine", "knit", "Knitting")
    claims.add_claim(ler, pid, army, "lerkit", "logistics.purchasing", "Purchasing",
                     status=ClaimStatus.REJECTED)
    found = jobs.standing(ler, pid)
    keys = {s.key: s for s in found.profile.skills}
    assert keys["onet-dwa:4.A.4.c.3.I07.D04"].dwas == ("4.A.4.c.3.I07.D04",)
    military = [s for s in found.profile.skills if s.source == "military"]
    assert military and all(s.via.startswith("92Y (") for s in military)
    assert "lerkit:logistics.purchasing" not in keys  # turned down, so not counted
    assert [s.label for s in found.profile.unplaced] == ["Knitting"]
    assert any("92Y" in j for jobs_ in found.profile.leads.values() for j in jobs_)


def test_bad_targets_and_people_are_one_line_errors(ler: Lerkit) -> None:
    pid = people.add_person(ler, "Nobody Yet").id
    assert jobs.standing(ler, pid).profile.skills == []
    with pytest.raises(NotFoundError, match="no O\\*NET occupation"):
        gap.gap_report(ler, pid, "astronaut captain")
    with pytest.raises(BadInputError, match="give its O\\*NET-SOC code"):
        gap.gap_report(ler, pid, "clerks")
    with pytest.raises(BadInputError, match="job zone 9"):
        jobs.standing(ler, pid, zone=9)
    with pytest.raises(NotFoundError):
        jobs.standing(ler, "nosuchperson")


def test_codes_are_read_from_the_code_lines_of_a_military_story() -> None:
    story = ("I was a supply clerk, not an 11B.\nRating and NEC: LS2, NEC 123\n"
             "MOS: 88N and 92Y\nHighest rank: E-5")
    assert [j.code for j in jobs.military_jobs(story)] == ["LS", "88N", "92Y"]
    assert jobs.code_labels()[:2] == ("MOS", "MOS")
