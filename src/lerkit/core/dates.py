"""Dates the way people say them: "2015", "spring 2019", "about 3 years", "still doing it".

Nothing here refuses an answer. :func:`parse_when` pulls out what it can (a year, a
month, a length of time, whether it is still going on or happened on and off) and keeps
the person's own words; the engine writes a year or year-month into the experience and
keeps the words in the narrative when they were vague.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_SEASONS = {"winter": 1, "spring": 4, "summer": 7, "fall": 10, "autumn": 10}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a few": 3, "few": 3, "several": 4,
}  # fmt: skip
_SPORADIC = re.compile(
    r"\b(?:on and off|off and on|on-and-off|off-and-on|now and then|here and there|"
    r"from time to time|every so often|sometimes|sporadic(?:ally)?|once in a while|"
    r"when(?:ever)? (?:needed|i could|i can))\b"
)
_ONGOING = re.compile(
    r"\b(?:still|ongoing|on-going|present|presently|current|currently|now|today|"
    r"to this day|not (?:done|over|finished)|never stopped|continuing)\b"
)
_APPROX = re.compile(
    r"\b(?:about|around|roughly|approximately|approx|circa|maybe|probably|ish|"
    r"or so|early|mid|late|sometime|some time)\b|~|\?"
)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(0?[1-9]|1[0-2])(?:-(0?[1-9]|[12]\d|3[01]))?\b")
_SLASH = re.compile(r"\b(0?[1-9]|1[0-2])/((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)s?\b")
_SHORT_YEAR = re.compile(r"(?:'|\u2019)(\d\d)\b")
_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|"
    r"ember|ober)?\b\.?"
)
_SEASON = re.compile(r"\b(winter|spring|summer|fall|autumn)\b")
_NUM = r"(\d+(?:\.\d+)?|" + "|".join(sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + ")"
_DURATION = re.compile(
    _NUM + r"(?:\s+and\s+(a half))?\s+(years?|yrs?|months?|mos?|weeks?|wks?)\b"
    r"(?:\s+and\s+(a half))?"
)
_AGO = re.compile(r"\bago\b")


@dataclass(frozen=True)
class WhenAnswer:
    """What a date answer says, as far as it can be read."""

    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    ongoing: bool = False
    sporadic: bool = False
    approximate: bool = False
    months_long: int | None = None

    @property
    def iso(self) -> str | None:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` when a year is known."""
        if self.year is None:
            return None
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def exact(self) -> bool:
        """A plain date, nothing vague to keep in the person's own words."""
        return (
            self.year is not None
            and not self.approximate
            and not self.sporadic
            and self.months_long is None
        )


def _number(word: str) -> float:
    return float(word) if word[0].isdigit() else float(_NUMBERS[word])


def _duration(text: str) -> int | None:
    found = _DURATION.search(text)
    if found is None:
        return None
    amount = _number(found.group(1))
    if found.group(2) or found.group(4):
        amount += 0.5
    unit = found.group(3)
    if unit.startswith("y"):
        return round(amount * 12)
    if unit.startswith("w"):
        return max(1, round(amount / 4.35))
    return round(amount)


def parse_when(text: str, today: date | None = None) -> WhenAnswer:
    """Read a date answer; unreadable answers keep their words and no year."""
    words = " ".join(text.split())
    low = words.lower()
    sporadic = bool(_SPORADIC.search(low))
    ongoing = bool(_ONGOING.search(_SPORADIC.sub(" ", low)))
    approximate = bool(_APPROX.search(low)) or bool(_SEASON.search(low))
    months_long = _duration(low)
    year = month = day = None
    if iso := _ISO.search(low):
        year, month = int(iso.group(1)), int(iso.group(2))
        day = int(iso.group(3)) if iso.group(3) else None
    elif slash := _SLASH.search(low):
        year, month = int(slash.group(2)), int(slash.group(1))
    elif found := _YEAR.search(low):
        year = int(found.group(1))
        approximate = approximate or low[found.end(1) : found.end(1) + 1] == "s"
    elif short := _SHORT_YEAR.search(low):
        two = int(short.group(1))
        year = 2000 + two if two <= (today or date.today()).year % 100 else 1900 + two  # noqa: DTZ011
    if year is not None and month is None:
        if m := _MONTH.search(low):
            month = _MONTHS[m.group(1)]
        elif s := _SEASON.search(low):
            month = _SEASONS[s.group(1)]
    now = today or date.today()  # noqa: DTZ011 - a calendar date, no time zone involved
    if year is None:
        if re.search(r"\blast year\b", low):
            year, approximate = now.year - 1, True
        elif re.search(r"\bthis year\b", low):
            year = now.year
        elif months_long is not None and _AGO.search(low):
            total = now.year * 12 + now.month - 1 - months_long
            year, approximate = total // 12, True
            months_long = None
    return WhenAnswer(words, year, month, day, ongoing, sporadic, approximate, months_long)
