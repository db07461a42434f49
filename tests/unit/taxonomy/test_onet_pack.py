"""The O*NET pack: built from the real O*NET files, exactly what ships, no evaluation text."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.resources import packaged
from lerkit.core.taxonomy.onet import load_onet
from lerkit.core.taxonomy.onet_alignment import claim_alignments
from lerkit.core.taxonomy.onet_pack import build_pack, dwa_taxonomy, read_pack, write_pack
from tests.conftest import need_shared

SHIPPED = packaged("onet-pack.json.gz")


def test_the_shipped_pack_is_what_the_build_makes_from_onet(tmp_path: Path) -> None:
    release = need_shared("data/onet")
    pack = build_pack(release, need_shared("data/onet/29.3-xlsx/Skills.xlsx"))
    assert (len(pack.gwas), len(pack.iwas), len(pack.dwas)) == (37, 332, 2087)
    assert len(pack.occupations) == 1016
    assert pack.release == "30.1"
    built = tmp_path / "pack.json.gz"
    write_pack(pack, built)
    assert built.read_bytes() == SHIPPED.read_bytes()  # scripts/build_onet_pack.py made it


def test_occupations_carry_weighted_activities() -> None:
    pack = read_pack(SHIPPED)
    nurses = next(o for o in pack.occupations if o.code == "29-1141.00")
    assert nurses.title == "Registered Nurses"
    assert nurses.job_zone == 4
    assert sum(w for _dwa, w in nurses.dwas) == pytest.approx(1.0, abs=0.01)
    assert nurses.dwas == tuple(sorted(nurses.dwas, key=lambda d: (-d[1], d[0])))
    assert "O*NET 30.1 Database" in pack.attribution


def _strings(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {s for item in value for s in _strings(item)}
    if isinstance(value, dict):
        return {s for item in value.values() for s in _strings(item)}
    return set()


def test_no_task_statement_or_reported_title_is_shipped() -> None:
    pack = read_pack(SHIPPED)
    titles = {a.title for a in [*pack.gwas, *pack.iwas, *pack.dwas]}
    titles |= {o.title for o in pack.occupations}  # a few tasks are worded as a DWA title
    shipped = _strings(json.loads(gzip.decompress(SHIPPED.read_bytes()))) - titles
    for name, column in (("Task Statements.txt", "Task"),
                         ("Sample of Reported Titles.txt", "Reported Job Title")):
        with need_shared(f"data/onet/{name}").open(encoding="utf-8") as handle:
            header = handle.readline().rstrip("\n").split("\t")
            at = header.index(column)
            values = {line.rstrip("\n").split("\t")[at] for line in handle}
        assert values & shipped == set(), name


def test_shipped_dwas_match_the_evaluation_taxonomy() -> None:
    shipped = dwa_taxonomy(read_pack(SHIPPED))
    path = need_shared("data/eval/dev/onet_task_dwa.taxonomy.jsonl")
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    assert [c.id for c in shipped.competencies] == [r["id"] for r in rows]
    assert [c.label for c in shipped.competencies] == [r["label"] for r in rows]
    assert [c.description for c in shipped.competencies] == [r["iwa_label"] for r in rows]
    imported = next(t for t in load_onet(need_shared("data/onet")) if t.name == "onet-dwa")
    assert [(c.id, c.label, c.description) for c in imported.competencies] == [
        (c.id, c.label, c.description) for c in shipped.competencies]


def test_alignments_name_the_activity_and_what_it_is_part_of() -> None:
    own = claim_alignments("onet-dwa", "4.A.3.a.2.I21.D01", {})
    assert [(a.code, a.name) for a in own] == [
        ("4.A.3.a.2.I21", "Apply hygienic or cosmetic agents to skin or hair."),
        ("4.A.3.a.2", "Handling and Moving Objects")]
    through = claim_alignments("lerkit", "caregiving.medication-management",
                               {"onet_dwa": ["4.A.4.a.5.I03.D06", "no.such.id"]})
    assert [(a.code, a.framework) for a in through] == [("4.A.4.a.5.I03.D06", "O*NET")]
    assert through[0].name == "Administer non-intravenous medications."
    assert "part of: Administer basic health care or medical treatments." in (
        through[0].description)
    assert all(a.url.startswith("https://www.onetcenter.org/dictionary/30.1/") for a in
               [*own, *through])
    assert claim_alignments("lerkit", "x", {}) == ()


def test_damaged_or_missing_files(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(FileFormatError, match="damaged O\\*NET pack"):
        read_pack(bad)
    bad.write_bytes(gzip.compress(b'{"format": "other"}'))
    with pytest.raises(FileFormatError, match="not a lerkit-onet-pack/1 file"):
        read_pack(bad)
    with pytest.raises(BadInputError, match=r"DWA Reference\.txt"):
        build_pack(tmp_path)


def test_a_pack_from_before_technology_and_skills_still_reads(tmp_path: Path) -> None:
    old = {"format": "lerkit-onet-pack/1", "release": "30.0", "attribution": "",
           "gwa": [["4.A.1", "G"]], "iwa": [["4.A.1.I1", "I", "4.A.1"]],
           "dwa": [["4.A.1.I1.D1", "D", "4.A.1.I1"]],
           "occupations": [["11-1011.00", "Chief Executives", 5, [["4.A.1.I1.D1", 1.0]]]]}
    path = tmp_path / "old.json.gz"
    path.write_bytes(gzip.compress(json.dumps(old).encode()))
    pack = read_pack(path)
    assert pack.occupations[0].technology == () and pack.occupations[0].skills == ()
    assert pack.skills == [] and "O*NET 30.0 Database" in pack.attribution
