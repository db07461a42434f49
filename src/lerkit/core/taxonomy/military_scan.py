"""Military jobs named inside any answer: codes and titles of the crosswalk in free text.

"Transportation Management Coordinator, later Automated Logistical Specialist (92A)"
names two jobs: 92A by its code and 88N by its title. A code that mixes letters and
digits ("92A", "88N30", "2T071", "LS2") or a title of two words or more is recognised
anywhere. A code of letters or digits only ("LS", "BM", "0311") and a one-word title
("grunt", "corpsman") are recognised only where the text speaks of military service
(``military_context``), since "IT", "MA" or "2011" mean other things in everyday text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lerkit.core.taxonomy.military import (
    MilitaryCrosswalk,
    MilitaryHit,
    MilitaryOccupation,
    code_keys,
    title_words,
)

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9\-]*")
_CONTEXT = re.compile(
    r"\b(army|navy|naval|marines?|usmc|air force|space force|coast guard|national guard|"
    r"reserves|military|service ?member|enlisted|deploy(ed|ment|ments)|mos|afsc|nec|"
    r"dd-?214|veterans?|sailors?|soldiers?|airm[ae]n|platoon|battalion|squadron|brigade|"
    # Spanish, as the text reads without accents
    r"ejercito|(la|en|de) marina|infanteria de marina|fuerza aerea|fuerza espacial|"
    r"guardia (nacional|costera)|militar(es)?|soldad[oa]s?|veteran[oa]s?|sargento|"
    r"(fui|era|como|de) cabo|desplegad[oa]s?|despliegues?|batallon|peloton|escuadron|"
    r"reservistas?)\b",
    re.IGNORECASE)
MAX_TITLE_WORDS = 6


def military_context(text: str) -> bool:
    """Whether the text speaks of military service (in English or Spanish)."""
    return _CONTEXT.search(title_words(text)) is not None


def _mixed(token: str) -> bool:
    return any(c.isdigit() for c in token) and any(c.isalpha() for c in token)


@dataclass(frozen=True)
class Found:
    """A military job found in text, and the words that named it."""

    hit: MilitaryHit
    said: str


class MilitaryScanner:
    """Finds the crosswalk's codes and titles inside free text."""

    def __init__(self, crosswalk: MilitaryCrosswalk) -> None:
        self.by_key: dict[str, list[MilitaryOccupation]] = {}
        for occ in crosswalk.occupations:
            for key in code_keys(occ.code):
                self.by_key.setdefault(key, []).append(occ)
        self.titles: dict[str, list[MilitaryOccupation]] = {}
        for occ in crosswalk.occupations:
            for title in (occ.title, *occ.alt_titles):
                words = title_words(title)
                if words and occ not in self.titles.get(words, []):
                    self.titles.setdefault(words, []).append(occ)

    def find(self, text: str, *, context: bool | None = None) -> list[Found]:
        """The jobs the text names, codes first, each once; ``context`` (found from the
        text when None) allows codes of letters or digits only and one-word titles."""
        relaxed = military_context(text) if context is None else context
        found: dict[tuple[str, str], Found] = {}

        def add(occ: MilitaryOccupation, how: str, said: str) -> None:
            found.setdefault((occ.branch, occ.code), Found(MilitaryHit(occ, 100.0, how), said))

        for token in _TOKEN.findall(text):
            if not (_mixed(token) or (relaxed and (token.isupper() or token.isdigit()))):
                continue
            for key in code_keys(token):
                if key in self.by_key:
                    for occ in self.by_key[key]:
                        add(occ, f"code {key}", token)
                    break
        words = title_words(text).split()
        for n in range(min(MAX_TITLE_WORDS, len(words)), 0, -1):
            if n == 1 and not relaxed:
                break
            for start in range(len(words) - n + 1):
                phrase = " ".join(words[start:start + n])
                for occ in self.titles.get(phrase, []):
                    add(occ, f'title "{phrase}"', phrase)
        return list(found.values())
