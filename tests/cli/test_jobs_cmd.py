"""``ler jobs``, ``ler gap`` and ``ler training``: output, JSON, attribution, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.runner import ler


@pytest.fixture
def demo_id() -> str:
    result = ler("demo")
    assert result.code == 0, result.stderr
    return result.stdout.strip()


def test_jobs_lists_occupations_with_reasons_and_attribution(demo_id: str) -> None:
    result = ler("jobs", "--person", demo_id, "--top", "3")
    assert result.code == 0, result.stderr
    assert " 1. Freight Forwarders (43-5011.01, job zone 2): fit " in result.stdout
    assert "Route planning (" in result.stdout and "pieces of evidence" in result.stdout
    assert "Your 88N (Transportation Management Coordinator, Army) commonly leads here." in (
        result.stdout)
    assert " 4. " not in result.stdout
    assert "USDOL/ETA" in result.stdout and "CC BY 4.0" in result.stdout


def test_jobs_json_and_a_job_zone(demo_id: str) -> None:
    result = ler("jobs", "-p", demo_id, "--zone", "4", "--top", "5", "--json")
    assert result.code == 0, result.stderr
    found = json.loads(result.stdout)
    assert len(found["occupations"]) == 5
    assert {o["job_zone"] for o in found["occupations"]} == {4}
    first = found["occupations"][0]
    assert first["reasons"] and {"label", "evidence", "activities"} <= set(first["reasons"][0])
    assert first["fit"] >= found["occupations"][-1]["fit"]
    assert "USDOL/ETA" in found["attribution"]


def test_gap_shows_coverage_missing_work_skills_technology_and_programs(
        demo_id: str) -> None:
    imported = ler("training", "import", str(_example()))
    assert imported.code == 0, imported.stderr
    assert "6 programs imported" in imported.stdout
    result = ler("gap", "--person", demo_id, "--occupation", "13-1081.00")
    assert result.code == 0, result.stderr
    out = result.stdout
    assert out.startswith("Sam Rivera (sample) and Logisticians (13-1081.00, job zone 4): fit ")
    for part in ("Work activities already shown:", "Supervise employees: by Team leadership",
                 "Missing, the most central first:", "Prepare proposal documents (",
                 "than Freight Forwarders (your closest fit)", "Microsoft Excel",
                 "What to learn next", "Supply chain and logistics certificate (example)",
                 "USDOL/ETA"):
        assert part in out, part
    data = json.loads(ler("gap", "-p", demo_id, "-o", "Logisticians", "--json").stdout)
    assert data["occupation"]["code"] == "13-1081.00"
    assert data["missing"][0]["weight"] >= data["missing"][-1]["weight"]
    assert data["programs"][0]["id"] == "supply-chain-certificate"
    assert data["technology"] and data["skill_gaps"] and "USDOL/ETA" in data["attribution"]


def test_training_list_and_example() -> None:
    assert "No training catalogue yet" in ler("training", "list").stdout
    example = ler("training", "example")
    assert example.code == 0 and "format: lerkit-training/1" in example.stdout
    ler("training", "import", str(_example()))
    listed = json.loads(ler("training", "list", "--json").stdout)
    assert listed[0]["catalogue"] == "example" and listed[0]["example"] is True


@pytest.mark.parametrize("args", [
    ("jobs", "--person", "nosuchperson"),
    ("jobs", "--person", "x", "--zone", "7"),
    ("gap", "--person", "nosuchperson", "--occupation", "13-1081.00"),
    ("training", "import", "/nonexistent/catalogue.yaml"),
])
def test_bad_input_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = ler(*args)
    assert result.code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_catalogue_names_file_line_and_reason(tmp_path: Path, demo_id: str) -> None:
    bad = tmp_path / "coach.csv"
    bad.write_text("program,occupations\nGood,13-1081.00\nBad,99-0000.00\n", encoding="utf-8")
    result = ler("training", "import", str(bad))
    assert result.code == 2
    assert f"{bad}:3: Bad: unknown O*NET-SOC code '99-0000.00'" in result.stderr
    assert "No training catalogue yet" in ler("training", "list").stdout
    target = ler("gap", "-p", demo_id, "-o", "clerks")
    assert target.code == 2 and "give its O*NET-SOC code" in target.stderr


def _example() -> Path:
    from lerkit.core.resources import packaged

    return packaged("training-example.yaml")
