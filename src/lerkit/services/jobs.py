"""Where a person's skills lead: their profile of work activities, and occupations by fit.

The person's profile is made from their accepted claims and the military job codes they
gave in the interview (see :mod:`lerkit.core.occupations.profile`); occupations come from
the O*NET pack in use. Only skills and activities decide: nothing about who the person is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from lerkit.core import resources
from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.files import read_yaml
from lerkit.core.i18n import _, ngettext
from lerkit.core.occupations.fit import Fit, OccupationIndex
from lerkit.core.occupations.profile import CLAIM, MILITARY, Profile, Skill, build_profile
from lerkit.core.records import ClaimRecord, ClaimStatus, LifeArea
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.military import MilitaryOccupation
from lerkit.core.taxonomy.onet_pack import (
    DWA_TAXONOMY,
    SHIPPED,
    Occupation,
    read_pack,
    shipped_pack,
)
from lerkit.services import military, review, taxonomies
from lerkit.services.context import Lerkit


@dataclass
class Standing:
    """A person's profile and every occupation ranked by fit."""

    person_id: str
    name: str
    profile: Profile
    ranked: list[Fit]
    index: OccupationIndex

    @property
    def attribution(self) -> str:
        """O*NET's attribution, shown wherever occupation data is."""
        return self.index.pack.attribution


_indexes: dict[tuple[str, float], OccupationIndex] = {}


def occupation_index(ler: Lerkit) -> OccupationIndex:
    """The O*NET pack in use, prepared for ranking (once per process and pack)."""
    path = taxonomies.onet_pack_path(ler)
    key = (str(path), path.stat().st_mtime)
    if key not in _indexes:
        _indexes.clear()
        shipped = path == resources.packaged(SHIPPED)  # read once, shared with alignments
        _indexes[key] = OccupationIndex(shipped_pack() if shipped else read_pack(path))
    return _indexes[key]


@lru_cache(maxsize=1)
def _own() -> dict[str, tuple[str, tuple[str, ...]]]:
    taxonomy = load_lerkit_yaml(resources.data_dir("taxonomies") / "lerkit")
    return {c.id: (c.label, tuple(c.crosswalk.get("onet_dwa", [])))
            for c in taxonomy.competencies}


def crosswalk() -> dict[str, tuple[str, ...]]:
    """lerkit competency id -> the O*NET DWAs its crosswalk names."""
    return {k: dwas for k, (_label, dwas) in _own().items()}


@lru_cache(maxsize=1)
def code_labels() -> tuple[str, ...]:
    """How the interview writes a military job code into the story ("MOS: 88N"): the
    labels of the questions marked ``suggest: military``."""
    data: Any = read_yaml(resources.data_file("prompts", "military.yaml"))
    return tuple(str(q.get("label") or q["id"]) for q in data.get("questions", [])
                 if isinstance(q, dict) and q.get("suggest") == "military")


def claim_dwas(claim: ClaimRecord) -> tuple[str, ...]:
    """The DWAs a claim stands for: its own id, or its competency's crosswalk."""
    if claim.taxonomy == DWA_TAXONOMY:
        return (claim.competency_id,)
    found = [a.code for a in claim.alignments
             if a.framework == "O*NET" and a.code.rsplit(".", 1)[-1].startswith("D")]
    if claim.taxonomy == "lerkit":
        found += _own().get(claim.competency_id, ("", ()))[1]
    return tuple(dict.fromkeys(found))


def military_jobs(narrative: str) -> list[MilitaryOccupation]:
    """The crosswalk's jobs for the codes written in a military story's code lines."""
    labels = code_labels()
    found: list[MilitaryOccupation] = []
    for line in narrative.splitlines():
        label, _, value = line.partition(":")
        if label.strip() not in labels or not value.strip():
            continue
        for part in (value, *re.split(r"[,;]| and ", value)):  # "LS2, NEC 123"
            for hit in military.crosswalk().lookup(part.strip()):
                if hit.how.startswith("code") and hit.occupation not in found:
                    found.append(hit.occupation)
    return found


def person_profile(ler: Lerkit, person_id: str, known: set[str]) -> tuple[str, Profile]:
    """The person's name and profile: accepted claims, then the skills and occupations
    of the military job codes they gave (minus skills they turned down)."""
    view = review.record_view(ler, person_id)
    claims = [c for e in view.experiences for c in e.claims] + view.loose_claims
    declined = {f"{c.taxonomy}:{c.competency_id}" for c in claims
                if c.status == ClaimStatus.REJECTED}
    skills = [Skill(f"{c.taxonomy}:{c.competency_id}", c.label, claim_dwas(c),
                    len(c.evidence), CLAIM) for c in view.exportable]
    leads: dict[str, list[str]] = {}
    labels = {k: label for k, (label, _dwas) in _own().items()}
    for view_exp in view.experiences:
        if view_exp.experience.life_area != LifeArea.MILITARY:
            continue
        for job in military_jobs(view_exp.experience.narrative):
            words = military.job_words(job)
            for code in job.onet_soc:
                leads.setdefault(code, []).append(words)
            skills += [Skill(f"lerkit:{c}", labels[c], _own()[c][1], 0, MILITARY, words)
                       for c in job.competencies if c in labels and f"lerkit:{c}" not in declined]
    return view.name, build_profile(skills, known, leads)


def standing(ler: Lerkit, person_id: str, zone: int | None = None) -> Standing:
    """The person's profile and every occupation (of job ``zone``) ranked by fit."""
    if zone is not None and zone not in range(1, 6):
        raise BadInputError(_("job zone {zone} does not exist; O*NET's zones are 1 to 5")
                            .format(zone=zone))
    index = occupation_index(ler)
    name, profile = person_profile(ler, person_id, set(index.iwa_of))
    return Standing(person_id, name, profile, index.rank(set(profile.dwas), zone), index)


def find_occupation(index: OccupationIndex, text: str) -> Occupation:
    """One occupation by O*NET-SOC code or title; several that fit is an error."""
    found = index.find(text)
    if not found:
        raise NotFoundError(_("no O*NET occupation {text!r}; give an O*NET-SOC code "
                              "(like 43-5071.00) or words of its title").format(text=text))
    if len(found) > 1:
        named = "; ".join(f"{o.code} {o.title}" for o in found[:4])
        if len(found) > 4:
            named = ngettext("{named} and {n} more", "{named} and {n} more", len(found) - 4
                             ).format(named=named, n=len(found) - 4)
        raise BadInputError(_("{text!r} names {n} occupations ({named}); give its O*NET-SOC "
                              "code").format(text=text, n=len(found), named=named))
    return found[0]
