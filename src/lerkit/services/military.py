"""Military occupation codes and titles -> lerkit competencies, with the reason."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from lerkit.core import resources
from lerkit.core.i18n import N_, _
from lerkit.core.matching.best import best_matches
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.military import (
    MilitaryCrosswalk,
    MilitaryHit,
    MilitaryOccupation,
    load_military,
)
from lerkit.core.taxonomy.military_scan import MilitaryScanner

CROSSWALK_FILE = "crosswalks/military.yaml"
# Kept in English; shown with ``_()``.
BRANCH_NAMES = {
    "army": N_("Army"), "marine-corps": N_("Marine Corps"), "navy": N_("Navy"),
    "air-force": N_("Air Force"), "space-force": N_("Space Force"),
    "coast-guard": N_("Coast Guard"),
}


@lru_cache(maxsize=1)
def crosswalk() -> MilitaryCrosswalk:
    """The shipped crosswalk, loaded once per process."""
    return load_military(resources.data_file("taxonomies", CROSSWALK_FILE))


@lru_cache(maxsize=1)
def scanner() -> MilitaryScanner:
    """Finds the crosswalk's codes and titles inside any answer (built once)."""
    return MilitaryScanner(crosswalk())


@lru_cache(maxsize=1)
def _labels() -> dict[str, str]:
    taxonomy = load_lerkit_yaml(resources.data_dir("taxonomies") / "lerkit")
    return {c.id: c.label for c in taxonomy.competencies}


@dataclass(frozen=True)
class MilitaryResult:
    """The occupations found for some text and the competencies they map to."""

    hits: list[MilitaryHit]
    matches: list[Match]


def job_words(occ: MilitaryOccupation) -> str:
    """How a military job is named to the person: "92A (Automated Logistical Specialist,
    Army)"."""
    return f"{occ.code} ({occ.title}, {_(BRANCH_NAMES.get(occ.branch, occ.branch))})"


def _named(hits: list[tuple[MilitaryHit, str]]) -> dict[str, str]:
    """Words naming a job -> how the suggestions it brings name it: the job, or, for a
    title that jobs of several branches share and no branch was said ("diesel
    mechanic"), the title and each of them, none taken for the person's own."""
    jobs: dict[str, list[MilitaryOccupation]] = {}
    for hit, said in hits:
        jobs.setdefault(said, []).append(hit.occupation)
    named = {}
    for said, occs in jobs.items():
        if len({o.branch for o in occs}) == 1:
            continue
        each = [f"{o.code} {_(BRANCH_NAMES.get(o.branch, o.branch))}" for o in occs]
        listed = _("{some} or {last}").format(some=", ".join(each[:-1]), last=each[-1])
        named[said] = f'"{said}" ({listed})'
    return named


def _suggestions(hits: list[tuple[MilitaryHit, str]], per_job: int | None) -> list[Match]:
    labels = _labels()
    named = _named(hits)
    matches: list[Match] = []
    for hit, said in hits:
        occ = hit.occupation
        known = [c for c in occ.competencies if c in labels][:per_job]
        for rank, comp_id in enumerate(known):
            matches.append(Match(
                taxonomy="lerkit", competency_id=comp_id, label=labels[comp_id],
                score=max(0.0, hit.score - rank), matched_via=MatchedVia.CROSSWALK,
                matched_text=named.get(said) or job_words(occ), matched_words=(said,),
            ))
    return best_matches(matches)


def lookup(text: str, top: int = 10) -> MilitaryResult:
    """Find the occupation(s) a code or title names and suggest their competencies."""
    hits = crosswalk().lookup(text)
    ranked = _suggestions([(h, text.strip()) for h in hits], None)[:top]
    return MilitaryResult(hits=hits, matches=ranked)


PER_JOB_IN_TEXT = 5  # a job named in passing: its most telling skills


def in_text(text: str) -> list[Match]:
    """Suggestions from the military jobs an answer names by code or title, anywhere in
    it (see :mod:`lerkit.core.taxonomy.military_scan`)."""
    found = scanner().find(text)
    return _suggestions([(f.hit, f.said) for f in found], PER_JOB_IN_TEXT)
