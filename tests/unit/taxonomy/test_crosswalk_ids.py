"""lerkit's taxonomy: every competency crosswalks to real ESCO skills and O*NET work
activities (checked against the published files), and is described the way people talk."""

from __future__ import annotations

import csv
import json
from collections import Counter
from functools import lru_cache
from pathlib import Path

from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.model import Taxonomy
from tests.conftest import need_shared

REPO = Path(__file__).resolve().parents[3]


@lru_cache(maxsize=1)
def _own() -> Taxonomy:
    return load_lerkit_yaml(REPO / "taxonomies" / "lerkit")


def _tsv_column(relative: str, column: str) -> set[str]:
    with need_shared(relative).open(encoding="utf-8", newline="") as handle:
        return {row[column] for row in csv.DictReader(handle, delimiter="\t",
                                                      quoting=csv.QUOTE_NONE)}


def _esco_skills() -> set[str]:
    """Every ESCO v1.2.0 skill URI in the shared copy: the skill texts of the evaluation
    taxonomy (all 13,896 skills), the skill collections and the transversal subset."""
    found: set[str] = set()
    jsonl = need_shared("data/eval/dev/esco_skill_spans.taxonomy.jsonl")
    with jsonl.open(encoding="utf-8") as handle:
        found |= {json.loads(line)["id"] for line in handle}
    folder = need_shared("data/esco")
    for path in [*folder.glob("*Collection_en.csv"), *folder.glob("subsets/*.csv")]:
        with path.open(encoding="utf-8", newline="") as handle:
            found |= {row["conceptUri"] for row in csv.DictReader(handle)}
    return found


def test_every_crosswalk_id_is_real() -> None:
    dwas = _tsv_column("data/onet/DWA Reference.txt", "DWA ID")
    socs = _tsv_column("data/onet/Occupation Data.txt", "O*NET-SOC Code")
    elements = _tsv_column("data/onet/Content Model Reference.txt", "Element ID")
    esco = _esco_skills()
    known = {"onet_dwa": dwas, "onet_soc": socs, "onet_element": elements, "esco": esco}
    wrong = [
        f"{c.id}: {scheme} {target}"
        for c in _own().competencies
        for scheme, targets in c.crosswalk.items()
        for target in targets
        if scheme in known and target not in known[scheme]
    ]
    assert wrong == []


def test_every_competency_has_esco_and_onet_crosswalks() -> None:
    missing = [c.id for c in _own().competencies
               if not c.crosswalk.get("esco") or not c.crosswalk.get("onet_dwa")]
    assert missing == []


def test_every_competency_reaches_three_to_six_esco_skills_once_each() -> None:
    # the bridge is how everyday words reach ESCO (docs/taxonomies.md)
    wrong = [c.id for c in _own().competencies
             if not 3 <= len(c.crosswalk.get("esco", [])) <= 6
             or len(set(c.crosswalk["esco"])) != len(c.crosswalk["esco"])]
    assert wrong == []


def test_every_competency_says_how_people_put_it() -> None:
    taxonomy = _own()
    assert len(taxonomy.competencies) >= 450
    thin = [c.id for c in taxonomy.competencies if len(c.phrasings) < 6 or not c.description]
    assert thin == []
    labels = Counter(c.label.casefold() for c in taxonomy.competencies)
    assert [label for label, n in labels.items() if n > 1] == []
