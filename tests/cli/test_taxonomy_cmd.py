"""``ler taxonomy import`` for every format, idempotence, and malformed input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.runner import ler
from tests.conftest import need_shared

DATA = Path(__file__).resolve().parents[1] / "data"


def _sizes(db_url: str) -> dict[str, int]:
    listed = ler("--db", db_url, "taxonomy", "list", "--json")
    assert listed.code == 0, listed.stderr
    return {t["name"]: t["size"] for t in json.loads(listed.stdout)}


def _rows(db_url: str) -> int:
    return int(json.loads(ler("--db", db_url, "db", "info", "--json").stdout)["rows"]["competency"])


@pytest.mark.slow
def test_onet_import_is_idempotent(db_url: str) -> None:
    onet = need_shared("data/onet")
    first = ler("--db", db_url, "taxonomy", "import", "onet", str(onet))
    assert first.code == 0, first.stderr
    assert "onet-dwa: 2087 entries (2087 new, 0 removed)" in first.stdout
    rows = _rows(db_url)
    again = ler("--db", db_url, "taxonomy", "import", "onet", str(onet))
    assert again.code == 0
    assert "onet-dwa: 2087 entries (unchanged)" in again.stdout
    assert _rows(db_url) == rows
    sizes = _sizes(db_url)
    assert sizes["onet-iwa"] == 332 and sizes["onet-occupations"] == 1016
    shown = json.loads(ler("--db", db_url, "taxonomy", "show", "onet-occupations",
                           "53-1042.00", "--json").stdout)
    assert shown["label"]
    assert shown["alt_labels"], "alternate titles are imported"


@pytest.mark.slow
def test_esco_folder_and_single_skills_file() -> None:
    esco = need_shared("data/esco")
    result = ler("taxonomy", "import", "esco", str(esco))
    assert result.code == 0, result.stderr
    listed = {t["name"]: t for t in json.loads(ler("taxonomy", "list", "--json").stdout)}
    assert listed["esco-occupations"]["size"] == 3039
    assert listed["esco-skills"]["size"] > 5000
    single = esco / "subsets" / "skills_en_crosssector_transversal_subset.csv"
    one = ler("taxonomy", "import", "esco", str(single), "--name", "esco-transversal")
    assert one.code == 0, one.stderr
    found = json.loads(ler("taxonomy", "search", "esco-transversal", "teamwork", "--json").stdout)
    assert found and found[0]["why"]


def test_rsd_case_csv_and_jsonl(tmp_path: Path) -> None:
    rsd = need_shared("data/osmt_rsd/rsd_v3_skill_example.json")
    assert ler("taxonomy", "import", "rsd", str(rsd), "--name", "wgu").code == 0
    shown = json.loads(ler("taxonomy", "show", "wgu",
                           "http://localhost:8080/api/skills/c9d819b3-de84-401e-808a-ddcbfbdd4953",
                           "--json").stdout)
    assert shown["label"] == "Access and Security Levels Standardization"
    assert ler("taxonomy", "import", "case", str(DATA / "case_package.json")).code == 0
    case = json.loads(ler("taxonomy", "show", "riverside-warehouse-skills",
                          "b1c4a4d2-0000-4000-8000-000000000011", "--json").stdout)
    assert case["label"] == "Forklift operation"
    assert case["parent"] == "b1c4a4d2-0000-4000-8000-000000000010"
    csv_file = tmp_path / "coach.csv"
    csv_file.write_text("id,label,alt_labels,description,region\n"
                        "c1,Food pantry coordination,pantry|food bank,,north\n", encoding="utf-8")
    assert ler("taxonomy", "import", "csv", str(csv_file), "--name", "coach").code == 0
    entry = json.loads(ler("taxonomy", "show", "coach", "c1", "--json").stdout)
    assert entry["alt_labels"] == ["pantry", "food bank"]
    assert entry["attributes"] == {"region": "north"}
    jsonl = tmp_path / "list.jsonl"
    jsonl.write_text('{"id": "j1", "label": "Snow removal", "alt_labels": ["plowing"]}\n',
                     encoding="utf-8")
    assert ler("taxonomy", "import", "jsonl", str(jsonl)).code == 0
    assert "list" in _sizes_default()


def _sizes_default() -> dict[str, int]:
    return {t["name"]: t["size"] for t in json.loads(ler("taxonomy", "list", "--json").stdout)}


@pytest.mark.parametrize(
    ("fmt", "name", "content", "where"),
    [
        ("csv", "bad.csv", "id,label\nx1,Fine\nx2,\n", "bad.csv:3:"),
        ("jsonl", "bad.jsonl", '{"id": "a", "label": "A"}\n{"id": "b", "label": \n',
         "bad.jsonl:2:"),
        ("case", "bad.json", '{"CFItems": [{"identifier": "zz-1"}]}', "bad.json:1:"),
        ("rsd", "bad.json", "[1, 2", "bad.json:1:"),
        ("yaml", "bad.yaml", "format: lerkit-taxonomy/1\nname: x\ncompetencies:\n  - id: [\n",
         "bad.yaml:"),
    ],
)
def test_malformed_file_names_file_and_line_and_changes_nothing(
    tmp_path: Path, fmt: str, name: str, content: str, where: str
) -> None:
    before = _sizes_default()
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = ler("taxonomy", "import", fmt, str(path), "--name", "broken")
    assert result.code == 2, result.stdout + result.stderr
    assert where in result.stderr
    assert "Traceback" not in result.stderr
    assert _sizes_default() == before


def test_malformed_onet_row_names_the_line(tmp_path: Path) -> None:
    folder = tmp_path / "onet"
    folder.mkdir()
    (folder / "DWA Reference.txt").write_text(
        "Element ID\tIWA ID\tDWA ID\tDWA Title\n4.A.1\t4.A.1.I01\t4.A.1.I01.D01\tFine\n"
        "4.A.1\t4.A.1.I01\t\tMissing id\n", encoding="utf-8")
    result = ler("taxonomy", "import", "onet", str(folder))
    assert result.code == 2
    assert "DWA Reference.txt:3: empty value in column 'DWA ID'" in result.stderr


def test_unknown_format_and_missing_path(tmp_path: Path) -> None:
    assert ler("taxonomy", "import", "xml", str(tmp_path)).code == 2
    missing = ler("taxonomy", "import", "csv", str(tmp_path / "nope.csv"))
    assert missing.code == 2 and "no such file" in missing.stderr


def test_match_explains_and_batch_writes_jsonl(tmp_path: Path) -> None:
    shown = ler("match", "drove a forklift in the warehouse", "--json")
    assert shown.code == 0, shown.stderr
    matches = json.loads(shown.stdout)
    assert matches and all(m["why"] and m["score"] > 0 for m in matches)
    batch = tmp_path / "cases.jsonl"
    batch.write_text('{"id": 1, "text": "ran the bake sale"}\n\n{"id": "b", "text": "CPR"}\n',
                     encoding="utf-8")
    out = ler("match", "--batch", str(batch), "--top", "3")
    assert out.code == 0, out.stderr
    lines = [json.loads(x) for x in out.stdout.splitlines()]
    assert [x["id"] for x in lines] == [1, "b"]
    assert all(len(x["matches"]) <= 3 for x in lines)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    failed = ler("match", "--batch", str(bad))
    assert failed.code == 2 and "bad.jsonl:1:" in failed.stderr


@pytest.mark.parametrize(
    ("text", "code", "branch"),
    [("88N", "88N", "army"), ("LS2", "LS", "navy"), ("2T071", "2T0X1", "air-force"),
     ("Transportation Management Coordinator", "88N", "army")],
)
def test_match_military_code_or_title(text: str, code: str, branch: str) -> None:
    result = ler("match", "--military", text, "--json")
    assert result.code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["occupations"][0]["code"], data["occupations"][0]["branch"]) == (code, branch)
    assert data["occupations"][0]["onet_soc"]
    assert data["matches"] and all(m["via"] == "crosswalk" for m in data["matches"])
    assert all(code in m["why"] for m in data["matches"])


def test_match_military_unknown_says_so() -> None:
    result = ler("match", "--military", "ZZ9Q")
    assert result.code == 0
    assert "No military occupation found" in result.stdout
