"""Military occupation codes and titles -> lerkit competencies, with the reason."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lerkit.core import resources
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.military import MilitaryCrosswalk, MilitaryHit, load_military

CROSSWALK_FILE = "crosswalks/military.yaml"
BRANCH_NAMES = {
    "army": "Army", "marine-corps": "Marine Corps", "navy": "Navy", "air-force": "Air Force",
    "space-force": "Space Force", "coast-guard": "Coast Guard",
}


@lru_cache(maxsize=1)
def crosswalk() -> MilitaryCrosswalk:
    """The shipped crosswalk, loaded once per process."""
    return load_military(resources.data_file("taxonomies", CROSSWALK_FILE))


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    taxonomy = load_lerkit_yaml(resources.data_dir("taxonomies") / "lerkit")
    return {c.id: c.label for c in taxonomy.competencies}


@dataclass(frozen=True)
class MilitaryResult:
    """The occupations found for some text and the competencies they map to."""

    hits: list[MilitaryHit]
    matches: list[Match]


def lookup(text: str, top: int = 10) -> MilitaryResult:
    """Find the occupation(s) a code or title names and suggest their competencies."""
    hits = crosswalk().lookup(text)
    labels = _labels()
    matches: dict[str, Match] = {}
    for hit in hits:
        occ = hit.occupation
        described = f"{BRANCH_NAMES.get(occ.branch, occ.branch)} {occ.code} {occ.title}"
        for rank, comp_id in enumerate(occ.competencies):
            if comp_id in matches or comp_id not in labels:
                continue
            matches[comp_id] = Match(
                taxonomy="lerkit", competency_id=comp_id, label=labels[comp_id],
                score=max(0.0, hit.score - rank), matched_via=MatchedVia.CROSSWALK,
                matched_text=described, matched_words=(text.strip(),),
            )
    ranked = sorted(matches.values(), key=lambda m: -m.score)[:top]
    return MilitaryResult(hits=hits, matches=ranked)
