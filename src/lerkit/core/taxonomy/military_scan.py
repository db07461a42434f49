"""Military jobs named inside any answer: codes and titles of the crosswalk in free text.

"Transportation Management Coordinator, later Automated Logistical Specialist (92A)"
names two jobs: 92A by its code and 88N by its title. A code that mixes letters and
digits ("92A", "88N30", "2T071", "LS2") or a title of two words or more is recognised
anywhere. A code of letters or digits only ("LS", "BM", "0311") and a one-word title
("grunt", "corpsman") are recognised only where the text speaks of military service
(``military_context``), since "IT", "MA" or "2011" mean other things in everyday text.

A title inside a longer one found ("cook" in "navy cook") is not a job of its own, nor is
one that takes part of a branch's name ("infantería", the Army's 11B, in "infantería de
marina", the Marine Corps). A title several branches use ("cocinero") is taken for the
branch the answer names, when it names one of them. Once a job is named by its code or a
longer title, a one-word title that belongs only to branches the answer does not name is
not taken ("91B ... we pulled services" in an Army answer is not the Air Force's 3F1X1,
Services; "a corpsman with the Marines" alone is still the Navy's). Titles are compared
without Spanish articles
("policía militar de la infantería de marina").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lerkit.core.taxonomy.military import (
    MilitaryCrosswalk,
    MilitaryHit,
    MilitaryOccupation,
    branch_names,
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
_ARTICLES = frozenset({"el", "la", "los", "las"})  # left out when titles are compared


def _title_key(words: list[str]) -> str:
    return " ".join(w for w in words if w not in _ARTICLES)


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
                words = _title_key(title_words(title).split())
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
        words = [w for w in title_words(text).split() if w not in _ARTICLES]
        branches = branch_names(words)
        named = {branch for _start, _end, branch in branches}
        taken: list[tuple[int, int]] = []  # the words of the titles found
        for n in range(min(MAX_TITLE_WORDS, len(words)), 0, -1):
            if n == 1 and not relaxed:
                break
            for start in range(len(words) - n + 1):
                end = start + n
                phrase = " ".join(words[start:end])
                owners = self.titles.get(phrase, [])
                if not owners or any(s <= start and end <= e for s, e in taken) or any(
                        start < e and s < end and not (start <= s and e <= end)
                        for s, e, _branch in branches):
                    continue
                if n == 1 and found and named and not any(o.branch in named for o in owners):
                    continue  # the job is named already; one word of another branch is not
                taken.append((start, end))
                for occ in [o for o in owners if o.branch in named] or owners:
                    add(occ, f'title "{phrase}"', phrase)
        return list(found.values())
