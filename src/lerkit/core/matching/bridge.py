"""From everyday words into the taxonomies employers use, through lerkit's own competencies.

lerkit's competencies carry many everyday phrasings and a crosswalk to ESCO skills and
O*NET work activities. When text is matched against an imported taxonomy, whatever it
finds in lerkit's taxonomy also proposes the crosswalk targets that the imported taxonomy
holds, explained in words: *through lerkit's "Medication management": "kept track of my
son's medications"*. Which crosswalk scheme applies is read from the shape of the target
taxonomy's ids (ESCO URIs, O*NET DWA / IWA ids, O*NET-SOC codes).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from lerkit.core.matching.best import best_matches
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.taxonomy.model import Taxonomy


@dataclass(frozen=True)
class Weights:
    """How much a bridged target scores: the lerkit competency's score times ``factor``,
    times ``decay`` for each target listed before it in the crosswalk; an entry also
    matched directly adds ``agreement`` times the lower of its two scores."""

    factor: float
    decay: float
    agreement: float = 0.0


# O*NET's work activities are worded like the task statements that formal text
# resembles, so the direct match carries most (tuned on the O*NET dev sets). ESCO's
# transversal skills ("show empathy", "manage time") share few words with anyone's
# account of what they did, so the bridge carries as much as the lerkit match itself
# (chosen on half of the everyday / résumé register pairs; see docs/taxonomies.md).
WEIGHTS: dict[str, Weights] = {"esco": Weights(1.0, 0.95, 0.15)}
DEFAULT_WEIGHTS = Weights(0.6, 0.9)

_SHAPES = (
    ("esco", re.compile(r"^https?://data\.europa\.eu/esco/skill/")),
    ("onet_dwa", re.compile(r"^4\.A\.\d\.[a-z](\.\d)?\.I\d+\.D\d+$")),
    ("onet_iwa", re.compile(r"^4\.A\.\d\.[a-z](\.\d)?\.I\d+$")),
    ("onet_soc", re.compile(r"^\d\d-\d{4}\.\d\d$")),
)


def scheme_of(ids: Sequence[str]) -> str | None:
    """The crosswalk scheme most of ``ids`` belong to (None if no known one)."""
    votes: Counter[str] = Counter()
    for cid in ids[:2000]:
        for scheme, shape in _SHAPES:
            if shape.match(cid):
                votes[scheme] += 1
                break
    if not votes:
        return None
    scheme, count = votes.most_common(1)[0]
    return scheme if count * 2 >= min(len(ids), 2000) else None


def _targets(crosswalk: dict[str, list[str]], scheme: str) -> list[str]:
    if scheme == "onet_iwa":  # an IWA is the DWA's id without its last part
        return list(dict.fromkeys(d.rsplit(".", 1)[0] for d in crosswalk.get("onet_dwa", [])))
    return list(crosswalk.get(scheme, []))


@dataclass(frozen=True)
class Bridge:
    """lerkit competency id -> the ids it crosswalks to in one target taxonomy."""

    scheme: str
    targets: dict[str, tuple[str, ...]]

    @property
    def weights(self) -> Weights:
        """The weights of this bridge's scheme."""
        return WEIGHTS.get(self.scheme, DEFAULT_WEIGHTS)

    @classmethod
    def between(cls, own: Taxonomy, target_ids: Sequence[str]) -> Bridge | None:
        """The bridge from lerkit's taxonomy ``own`` into a taxonomy with ``target_ids``;
        None when the target's ids are of no scheme lerkit crosswalks to."""
        scheme = scheme_of(target_ids)
        if scheme is None:
            return None
        present = set(target_ids)
        targets = {
            c.id: tuple(t for t in _targets(c.crosswalk, scheme) if t in present)
            for c in own.competencies
        }
        return cls(scheme, {k: v for k, v in targets.items() if v})

    def reached(self, own_matches: Sequence[Match], taxonomy: str,
                labels: dict[str, str]) -> list[Match]:
        """The target entries that ``own_matches`` (lerkit matches) lead to, best first;
        one per target, from the best lerkit match that reaches it."""
        found: dict[str, Match] = {}
        weights = self.weights
        for own in own_matches:
            for rank, target in enumerate(self.targets.get(own.competency_id, ())):
                score = round(own.score * weights.factor * weights.decay**rank, 1)
                if target in found and found[target].score >= score:
                    continue
                found[target] = Match(
                    taxonomy=taxonomy, competency_id=target, label=labels.get(target, target),
                    score=score, matched_via=MatchedVia.BRIDGE,
                    matched_text=own.matched_text if own.matched_via is not MatchedVia.MEANING
                    else own.label,
                    matched_words=own.matched_words, through=own.label,
                )
        return sorted(found.values(), key=lambda m: (-m.score, m.competency_id))


def merge(direct: Sequence[Match], bridged: Sequence[Match], top: int,
          agreement: float = 0.0) -> list[Match]:
    """Direct and bridged matches of one taxonomy in one list. An entry reached both ways
    keeps the explanation of the higher score (a tie keeps the direct one) and scores the
    higher plus ``agreement`` times the lower: two independent ways agree on it."""
    reached = {m.competency_id: m for m in bridged}
    both: list[Match] = []
    for m in direct:
        other = reached.pop(m.competency_id, None)
        if other is None:
            both.append(m)
            continue
        high, low = (m, other) if m.score >= other.score else (other, m)
        both.append(replace(high, score=round(high.score + agreement * low.score, 1)))
    return best_matches([*both, *reached.values()], top)
