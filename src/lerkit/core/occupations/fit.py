"""How well a profile fits each occupation: coverage of its weighted work activities.

An occupation's DWAs carry weights that add up to 1 (how central the tasks behind each
are). A DWA the person has shown counts in full; one they have not shown, but whose IWA
(the broader activity it is part of) they have shown through another DWA, counts
:data:`IWA_CREDIT`; any other counts nothing. The fit is the weighted sum, from 0 to 1:
the share of the occupation's work the person has shown. Only the activities decide:
ties go to the occupation with more activities covered, then by title.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lerkit.core.taxonomy.onet_pack import Occupation, OnetPack

IWA_CREDIT = 0.25
FULL = "shown"
PART = "related"


@dataclass(frozen=True)
class Credit:
    """One activity of an occupation: its weight, and the credit the person gets."""

    dwa: str
    weight: float
    credit: float  # 1, IWA_CREDIT or 0

    @property
    def kind(self) -> str:
        """"shown", "related" (through the IWA) or "" (missing)."""
        return FULL if self.credit >= 1 else PART if self.credit > 0 else ""


@dataclass(frozen=True)
class Fit:
    """An occupation and how much of its work the person has shown."""

    occupation: Occupation
    fit: float
    shown: int  # activities shown in full

    @property
    def percent(self) -> int:
        """The fit as a whole percentage."""
        return round(self.fit * 100)


class OccupationIndex:
    """The pack's occupations prepared for ranking (build once per pack)."""

    def __init__(self, pack: OnetPack) -> None:
        self.pack = pack
        self.iwa_of = {d.id: d.parent for d in pack.dwas}
        self.dwa_title = {d.id: d.title for d in pack.dwas}
        self.iwa_title = {a.id: a.title for a in pack.iwas}
        self.occupations = [o for o in pack.occupations if o.dwas]
        self.by_code = {o.code: o for o in pack.occupations}
        self._rows = [tuple((d, self.iwa_of.get(d, ""), w) for d, w in o.dwas)
                      for o in self.occupations]

    def iwas(self, dwas: Iterable[str]) -> set[str]:
        """The IWAs the given DWAs belong to."""
        return {self.iwa_of[d] for d in dwas if d in self.iwa_of}

    def rank(self, dwas: set[str], zone: int | None = None) -> list[Fit]:
        """Every occupation (of job ``zone``, if given) by fit, best first."""
        iwas = self.iwas(dwas)
        found = []
        for occ, row in zip(self.occupations, self._rows, strict=True):
            if zone is not None and occ.job_zone != zone:
                continue
            total = 0.0
            shown = 0
            for dwa, iwa, weight in row:
                if dwa in dwas:
                    total += weight
                    shown += 1
                elif iwa in iwas:
                    total += IWA_CREDIT * weight
            found.append(Fit(occ, min(1.0, total), shown))
        found.sort(key=lambda f: (-f.fit, -f.shown, f.occupation.title))
        return found

    def credits(self, occupation: Occupation, dwas: set[str]) -> list[Credit]:
        """Each activity of ``occupation`` with the credit the person gets for it."""
        iwas = self.iwas(dwas)
        return [Credit(d, w, 1.0 if d in dwas else
                       IWA_CREDIT if self.iwa_of.get(d) in iwas else 0.0)
                for d, w in occupation.dwas]

    def fit_of(self, occupation: Occupation, dwas: set[str]) -> float:
        """The fit of one occupation (see the module docstring)."""
        return min(1.0, sum(c.weight * c.credit for c in self.credits(occupation, dwas)))

    def find(self, text: str) -> list[Occupation]:
        """Occupations by O*NET-SOC code ("43-5071.00", "43-5071") or by words of the
        title ("shipping receiving"): an exact code or title first."""
        query = text.strip().lower()
        if not query:
            return []
        exact = [o for o in self.pack.occupations
                 if o.code == query or o.code.removesuffix(".00") == query
                 or o.title.lower() == query]
        if exact:
            return exact
        words = query.replace(",", " ").split()
        return [o for o in self.pack.occupations
                if all(w in o.title.lower() or o.code.startswith(w) for w in words)]
