"""O*NET alignments of a claim: the work activities its competency is, or is part of.

A claim on an O*NET Detailed Work Activity aligns to the DWA (its own taxonomy entry),
and also to the IWA and GWA above it; a claim on another taxonomy's entry aligns to the
DWAs that entry's crosswalk names (lerkit's competencies each name a few). The names come
from the shipped O*NET pack; each alignment links O*NET's documentation of its level.
"""

from __future__ import annotations

from lerkit.core.records import AlignmentTarget
from lerkit.core.taxonomy.onet_pack import (
    DWA_TAXONOMY,
    FRAMEWORK,
    Activity,
    OnetPack,
    dictionary_url,
    shipped_pack,
)

MAX_ALIGNED = 4  # O*NET work activities named per claim through a crosswalk


def alignments(pack: OnetPack, dwa_ids: list[str], *, own: bool) -> tuple[AlignmentTarget, ...]:
    """O*NET alignments for a claim: with ``own`` (the claim *is* a DWA, aligned already)
    the IWA and GWA it belongs to; otherwise each DWA of ``dwa_ids`` (a crosswalk) with
    the IWA it is part of named in its description."""
    dwas = {a.id: a for a in pack.dwas}
    iwas = {a.id: a for a in pack.iwas}
    gwas = {a.id: a for a in pack.gwas}
    found: list[AlignmentTarget] = []
    for dwa_id in dwa_ids[: 1 if own else MAX_ALIGNED]:
        dwa = dwas.get(dwa_id)
        if dwa is None:
            continue
        iwa = iwas.get(dwa.parent, Activity(dwa.parent, ""))
        gwa = gwas.get(iwa.parent, Activity(iwa.parent, ""))
        if own:
            found += [
                AlignmentTarget(iwa.title, dictionary_url(pack.release, "iwa"), iwa.id, FRAMEWORK,
                                "O*NET Intermediate Work Activity"),
                AlignmentTarget(gwa.title, dictionary_url(pack.release, "gwa"), gwa.id, FRAMEWORK,
                                "O*NET Generalized Work Activity"),
            ]
        else:
            found.append(AlignmentTarget(
                dwa.title, dictionary_url(pack.release, "dwa"), dwa.id, FRAMEWORK,
                f"O*NET Detailed Work Activity, part of: {iwa.title} ({iwa.id}); "
                f"{gwa.title} ({gwa.id})"))
    return tuple(a for a in found if a.name)


def claim_alignments(taxonomy: str, code: str,
                     crosswalk: dict[str, list[str]]) -> tuple[AlignmentTarget, ...]:
    """The O*NET alignments of a claim on entry ``code`` of ``taxonomy``: a DWA's IWA and
    GWA, or the DWAs another taxonomy's entry crosswalks to."""
    if taxonomy == DWA_TAXONOMY:
        return alignments(shipped_pack(), [code], own=True)
    dwa_ids = crosswalk.get("onet_dwa", [])
    return alignments(shipped_pack(), list(dwa_ids), own=False) if dwa_ids else ()
