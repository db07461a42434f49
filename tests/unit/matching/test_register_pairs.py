"""The register pairs: enough of them, every life area, real ids, no copied phrasings."""

from __future__ import annotations

from pathlib import Path

import yaml
from rapidfuzz import fuzz, process
from rapidfuzz.utils import default_process

from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml

REPO = Path(__file__).resolve().parents[3]
NEAR_COPY = 75.0


def test_register_pairs_are_sound() -> None:
    taxonomy = load_lerkit_yaml(REPO / "taxonomies" / "lerkit")
    by_id = taxonomy.by_id()
    pairs = yaml.safe_load((REPO / "tests" / "data" / "register_pairs.yaml").read_text("utf-8"))
    pairs = pairs["pairs"]
    assert len(pairs) >= 60
    # the pairs were written for the first 16 areas; the areas added since are measured
    # by the ESCO register set and the persona answers
    assert len({p["area"] for p in pairs}) == 16
    assert {p["area"] for p in pairs} <= {c.id for c in taxonomy.categories}
    texts = [t for c in taxonomy.competencies for t in (c.label, *c.alt_labels, *c.phrasings)]
    for pair in pairs:
        assert pair["expected"] and all(e in by_id for e in pair["expected"]), pair
        for register in ("informal", "formal"):
            found = process.extractOne(
                pair[register], texts, scorer=fuzz.ratio, processor=default_process
            )
            assert found is not None
            assert found[1] < NEAR_COPY, f"{pair[register]!r} copies {found[0]!r}"
