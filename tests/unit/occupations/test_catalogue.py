"""Training catalogues in YAML and CSV: what they hold, and errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from lerkit.core.errors import FileFormatError
from lerkit.core.occupations.catalogue import Known, read_catalogue
from lerkit.core.resources import data_dir, packaged
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.onet_pack import shipped_pack

KNOWN = Known({"43-5071.00", "53-3032.00"}, {"D.ship", "D.drive"}, {"logistics.dispatch"})


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_yaml_catalogue(tmp_path: Path) -> None:
    path = _write(tmp_path, "coach.yaml", """\
format: lerkit-training/1
name: Pueblo programs
programs:
  - program: Truck driving
    provider: A school
    place: Pueblo
    cost: "$4,500"
    length: 4 weeks
    occupations: ["53-3032"]
  - id: dispatch
    program: Dispatch basics
    activities: [D.ship]
    competencies: logistics.dispatch
""")
    found = read_catalogue(path, KNOWN)
    assert found.name == "pueblo-programs" and not found.example
    first, second = found.programs
    assert (first.id, first.cost, first.occupations) == (
        "truck-driving-a-school", "$4,500", ("53-3032.00",))
    assert (second.id, second.activities, second.competencies) == (
        "dispatch", ("D.ship",), ("logistics.dispatch",))


def test_a_csv_catalogue_with_several_values_in_a_cell(tmp_path: Path) -> None:
    path = _write(tmp_path, "programs.csv",
                  "program,provider,cost,occupations,activities\n"
                  "Warehouse basics,A center,free,43-5071.00,D.ship|D.drive\n")
    found = read_catalogue(path, KNOWN)
    assert found.name == "programs"
    assert found.programs[0].activities == ("D.ship", "D.drive")


@pytest.mark.parametrize(("name", "text", "where", "reason"), [
    ("bad.yaml", "format: lerkit-training/1\nprograms:\n  - program: X\n    activities: [D.no]\n",
     ":3:", "unknown O*NET DWA id 'D.no'"),
    ("bad.yaml",
     "format: lerkit-training/1\nprograms:\n  - provider: Y\n    activities: [D.ship]\n",
     ":3:", "needs its name"),
    ("bad.yaml", "format: lerkit-training/1\nprograms:\n  - program: X\n", ":3:",
     "say what it teaches"),
    ("bad.yaml", "format: other\nprograms: []\n", ":1:", "format must be lerkit-training/1"),
    ("bad.yaml", "format: lerkit-training/1\nprograms:\n  - program: X\n    price: 3\n", ":4:",
     "unknown key 'price'"),
    ("bad.csv", "program,occupations\nA,43-5071.00\nB,11-1111.00\n", ":3:",
     "unknown O*NET-SOC code '11-1111.00'"),
    ("bad.csv", "program,colour\nA,red\n", ":1:", "unknown column 'colour'"),
    ("bad.csv", "program,activities\nA,D.ship\nA,D.drive\n", ":3:", "another program"),
    ("bad.txt", "anything", "bad.txt", "a .yaml or .csv file"),
])
def test_errors_name_the_file_the_line_and_the_reason(
        tmp_path: Path, name: str, text: str, where: str, reason: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(FileFormatError) as caught:
        read_catalogue(path, KNOWN)
    assert where in str(caught.value) and reason in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_the_shipped_example_is_marked_as_one() -> None:
    path = packaged("training-example.yaml")
    assert "AN EXAMPLE" in path.read_text(encoding="utf-8")
    pack = shipped_pack()
    own = load_lerkit_yaml(data_dir("taxonomies") / "lerkit")
    known = Known({o.code for o in pack.occupations}, {d.id for d in pack.dwas},
                  {c.id for c in own.competencies})
    found = read_catalogue(path, known)
    assert found.example and len(found.programs) == 6
    assert all("(example)" in p.program for p in found.programs)
