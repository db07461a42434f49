"""The military crosswalk: occupation codes and titles -> civilian occupations and skills.

A code is recognised however a veteran writes it: an Army MOS with or without its skill
level ("88N", "88N30"), a Marine Corps MOS ("0481"), a Navy or Coast Guard rating with its
pay grade ("LS2", "LSC", "BM1"), or an Air Force AFSC with any skill level ("2T071",
"2T0X1"). Titles are matched fuzzily ("transportation management coordinator"),
ignoring case and accents (the Spanish titles: "policía militar", "policia militar").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from lerkit.core.errors import FileFormatError
from lerkit.core.files import read_yaml

FORMAT = "lerkit-military-crosswalk/1"
BRANCHES = ("army", "marine-corps", "navy", "air-force", "space-force", "coast-guard")
_NAVY_GRADE = re.compile(
    r"^([A-Z]{2,3}?)(1|2|3|C|CS|CM|SN|SA|FN|FA|AN|AA|HN|HA|CN|CA|FR|SR|AR)$"
)
# title words that are everyday words too: "IT specialist", but "it was ..."
WORD_ACRONYMS = frozenset({"it", "uh"})
TITLE_MARGIN = 3.0
_AFSC = re.compile(r"^(\d[A-Z]\d)[\dX](\d)([A-Z])?$")
_MOS = re.compile(r"^(\d{2}[A-Z])(\d{1,2}[A-Z0-9]?)?$")


# How answers name the branches, as :func:`title_words` reads them. "Infantería de
# marina" is the Marine Corps: neither "infantería" (the Army's 11B) nor "marina" (the
# Navy) inside it is what was said.
BRANCH_WORDS = {
    "army": "army", "us army": "army", "ejercito": "army",
    "navy": "navy", "us navy": "navy", "naval": "navy", "marina": "navy", "armada": "navy",
    "marines": "marine-corps", "marine corps": "marine-corps", "usmc": "marine-corps",
    "infanteria de marina": "marine-corps", "cuerpo de marines": "marine-corps",
    "air force": "air-force", "usaf": "air-force", "fuerza aerea": "air-force",
    "space force": "space-force", "fuerza espacial": "space-force",
    "coast guard": "coast-guard", "uscg": "coast-guard", "guardia costera": "coast-guard",
}  # fmt: skip
_LINKS = frozenset({"de", "del"})  # words of a branch's name that are no part of a title


def branch_names(words: list[str]) -> list[tuple[int, int, str]]:
    """Where ``words`` (from :func:`title_words`) name a branch: start, end and branch,
    each longest name first and none inside another."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for n in (3, 2, 1):
        for start in range(len(words) - n + 1):
            span = range(start, start + n)
            branch = BRANCH_WORDS.get(" ".join(words[start:start + n]))
            if branch is not None and taken.isdisjoint(span):
                found.append((start, start + n, branch))
                taken.update(span)
    return found


def cuts_branch(title: str, query: str) -> bool:
    """Whether ``title`` takes part of a branch's name said in ``query`` without the
    whole name ("infanteria" of "infanteria de marina"); both read by :func:`title_words`."""
    words, own = query.split(), set(title.split())
    for start, end, _branch in branch_names(words):
        name = words[start:end]
        if len(name) > 1 and f" {' '.join(name)} " not in f" {title} " and not own.isdisjoint(
                set(name) - _LINKS):
            return True
    return False


@dataclass
class MilitaryOccupation:
    """One military occupation and where it leads in civilian work."""

    code: str
    branch: str
    title: str
    alt_titles: list[str] = field(default_factory=list)
    onet_soc: list[str] = field(default_factory=list)
    competencies: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MilitaryHit:
    """A crosswalk entry found for some text, and how it was found."""

    occupation: MilitaryOccupation
    score: float
    how: str


def title_words(text: str) -> str:
    """A title or a query as the matcher compares them: lower case, no accents, no
    punctuation ("Policía Militar" -> "policia militar")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return utils.default_process("".join(c for c in decomposed if not unicodedata.combining(c)))


def code_keys(text: str) -> list[str]:
    """The crosswalk keys a written code may stand for, most specific first."""
    raw = re.sub(r"[\s\-./]", "", text.upper())
    keys = [raw]
    if m := _AFSC.match(raw):
        keys.append(f"{m.group(1)}X{m.group(2)}")
    if m := _MOS.match(raw):
        keys.append(m.group(1))
    if m := _NAVY_GRADE.match(raw):
        keys.append(m.group(1))
    return list(dict.fromkeys(k for k in keys if k))


class MilitaryCrosswalk:
    """Look up military occupations by code or title."""

    def __init__(self, occupations: list[MilitaryOccupation]) -> None:
        self.occupations = occupations
        self._by_key: dict[str, list[MilitaryOccupation]] = {}
        for occ in occupations:
            for key in code_keys(occ.code):
                self._by_key.setdefault(key, []).append(occ)
        self._titles: list[str] = []
        self._title_owner: list[MilitaryOccupation] = []
        for occ in occupations:
            for title in (occ.title, *occ.alt_titles):
                self._titles.append(title_words(title))
                self._title_owner.append(occ)

    def lookup(self, text: str, limit: int = 3) -> list[MilitaryHit]:
        """Entries for a code or a title; codes win over titles."""
        text = text.strip()
        if not text:
            return []
        for token in self._code_candidates(text):
            for key in code_keys(token):
                found = self._by_key.get(key)
                if found:
                    return [MilitaryHit(o, 100.0, f"code {key}") for o in found[:limit]]
        query = title_words(text)
        if not query:
            return []
        exact = [i for i, title in enumerate(self._titles) if title == query]
        if exact:
            return [MilitaryHit(self._title_owner[i], 100.0, f'title "{self._titles[i]}"')
                    for i in exact[:limit]]
        if len(query) < 4:
            return []
        typed = frozenset(w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", text))
        return self._fuzzy_titles(query, limit, typed & WORD_ACRONYMS)

    @staticmethod
    def _code_candidates(text: str) -> list[str]:
        """The whole input, and words that look like codes: with a digit, or in capitals."""
        words = text.split()
        picked = [w for w in words if any(ch.isdigit() for ch in w)
                  or (len(w) >= 2 and w.isupper() and w.isalpha())]
        return [text, *picked] if len(words) > 1 else [text]

    def _fuzzy_titles(self, query: str, limit: int,
                      capitals: frozenset[str] = frozenset()) -> list[MilitaryHit]:
        """Titles close to ``query``; a title word that is also an everyday word ("it")
        counts only where it was typed in capitals (``capitals``, in lower case)."""
        hits: dict[str, MilitaryHit] = {}
        for _, set_score, idx in process.extract(
            query, self._titles, scorer=fuzz.token_set_ratio, limit=limit * 8, score_cutoff=80
        ):
            # containment alone scores 100; the closeness of the whole titles breaks ties
            score = 0.6 * set_score + 0.4 * fuzz.token_sort_ratio(query, self._titles[idx])
            if cuts_branch(self._titles[idx], query) or (
                    set(self._titles[idx].split()) & WORD_ACRONYMS) - capitals:
                continue
            occ = self._title_owner[idx]
            key = f"{occ.branch}:{occ.code}"
            if key not in hits or hits[key].score < score:
                hits[key] = MilitaryHit(occ, round(score, 1), f'title "{self._titles[idx]}"')
        ranked = sorted(hits.values(), key=lambda h: -h.score)[:limit]
        # a title named equally well by several jobs (one per branch) keeps them all; one
        # that trails the best is another job sharing a word ("specialist")
        return [h for h in ranked if h.score >= ranked[0].score - TITLE_MARGIN]


def _strings(value: object, where: str, source: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FileFormatError(source, f"{where}: expected a list of text (quote numbers)")
    return [str(v).strip() for v in value if str(v).strip()]


def load_military(path: Path | str) -> MilitaryCrosswalk:
    """Load and validate a crosswalk YAML file."""
    source = str(path)
    data = read_yaml(path)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise FileFormatError(source, f"not a military crosswalk (format: {FORMAT})", 1)
    items = data.get("occupations")
    if not isinstance(items, list):
        raise FileFormatError(source, "occupations: expected a list")
    found: list[MilitaryOccupation] = []
    seen: set[tuple[str, str]] = set()
    for i, item in enumerate(items):
        where = f"occupations[{i}]"
        if not isinstance(item, dict):
            raise FileFormatError(source, f"{where}: expected a mapping")
        raw = [item.get(k, "") for k in ("code", "branch", "title")]
        if not all(isinstance(v, str) for v in raw):
            raise FileFormatError(
                source, f"{where}: code, branch and title must be text (write codes in quotes)"
            )
        code, branch, title = (str(v).strip() for v in raw)
        if not code or not title:
            raise FileFormatError(source, f"{where}: code and title are required")
        if branch not in BRANCHES:
            raise FileFormatError(source, f"{where} ({code}): branch must be one of {BRANCHES}")
        if (branch, code) in seen:
            raise FileFormatError(source, f"{where}: duplicate code {code} for {branch}")
        seen.add((branch, code))
        found.append(MilitaryOccupation(
            code=code, branch=branch, title=title,
            alt_titles=_strings(item.get("alt_titles"), where, source),
            onet_soc=_strings(item.get("onet_soc"), where, source),
            competencies=_strings(item.get("competencies"), where, source),
        ))
    return MilitaryCrosswalk(found)
