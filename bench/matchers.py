"""Matchers for the benchmarks, built straight from taxonomies (no database).

The same core objects the services build (:mod:`lerkit.services.matching`), without the
caches: lerkit's own taxonomy from ``taxonomies/lerkit``, O*NET's work activities from the
shipped pack, and any taxonomy passed in.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from _setup import REPO
from lerkit.core.matching.bridge import Bridge
from lerkit.core.matching.build import build_index
from lerkit.core.matching.fusion import DEFAULT_BLEND, Blend
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.meaning import StaticModel, load_model
from lerkit.core.matching.merged import MergedSearch
from lerkit.core.matching.vectors import build_meaning_index
from lerkit.core.resources import packaged
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.model import Taxonomy, fingerprint
from lerkit.core.taxonomy.onet_pack import dwa_taxonomy, read_pack


@lru_cache(maxsize=1)
def own_taxonomy() -> Taxonomy:
    """lerkit's own taxonomy, as shipped."""
    return load_lerkit_yaml(REPO / "taxonomies" / "lerkit")


@lru_cache(maxsize=1)
def shipped_dwas() -> Taxonomy:
    """O*NET's Detailed Work Activities from the shipped pack."""
    return dwa_taxonomy(read_pack(packaged("onet-pack.json.gz")))


def model(lexical: bool = False) -> StaticModel | None:
    """The shipped meaning model (None for lexical-only runs)."""
    return None if lexical else load_model()


def hybrid(taxonomy: Taxonomy, meaning: StaticModel | None, blend: Blend = DEFAULT_BLEND,
           bridge_from: Matcher | None = None) -> Matcher:
    """The hybrid matcher of ``taxonomy`` (lexical only when ``meaning`` is None); with
    ``bridge_from`` (lerkit's matcher) it is also reached through lerkit's crosswalks."""
    matcher = Matcher(build_index(taxonomy), blend=blend)
    if any(c.texts.get("es") for c in taxonomy.competencies):
        matcher.spanish = build_index(taxonomy, "es")
    if meaning is not None:
        matcher.model = meaning
        matcher.meaning = build_meaning_index(taxonomy, meaning, fingerprint(taxonomy))
    if bridge_from is not None:
        matcher.bridge = Bridge.between(own_taxonomy(), [c.id for c in taxonomy.competencies])
        matcher.own = bridge_from if matcher.bridge is not None else None
    return matcher


def default_search(meaning: StaticModel | None, blend: Blend = DEFAULT_BLEND) -> MergedSearch:
    """lerkit's taxonomy and the shipped DWAs, as the default search runs them."""
    own = own_taxonomy()
    crosswalks = {c.id: frozenset(x for ids in c.crosswalk.values() for x in ids)
                  for c in own.competencies}
    return MergedSearch(hybrid(own, meaning, blend), [hybrid(shipped_dwas(), meaning, blend)],
                        crosswalks)


def short_hash(text: str) -> str:
    """A short digest for labelling runs."""
    return hashlib.sha256(text.encode()).hexdigest()[:12]
