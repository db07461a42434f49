"""Dates the way people say them: "2015", "spring 2019", "about 3 years", "still doing it",
and in Spanish: "desde 2015", "primavera de 2019", "como 3 años", "todavía".

Nothing here refuses an answer. :func:`parse_when` pulls out what it can (a year, a
month, a length of time, whether it is still going on or happened on and off) and keeps
the person's own words; the engine writes a year or year-month into the experience and
keeps the words in the narrative when they were vague.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "enero": 1, "ene": 1, "febrero": 2, "marzo": 3, "abril": 4, "abr": 4, "mayo": 5,
    "junio": 6, "julio": 7, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10,
    "noviembre": 11, "diciembre": 12, "dic": 12,
}  # fmt: skip
_SEASONS = {
    "winter": 1, "spring": 4, "summer": 7, "fall": 10, "autumn": 10,
    "invierno": 1, "primavera": 4, "verano": 7, "otono": 10,
}  # fmt: skip
_NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "a couple of": 2, "a couple": 2, "couple of": 2,
    "a few": 3, "few": 3, "several": 4,
    "un": 1, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6,
    "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15,
    "veinte": 20, "un par de": 2, "par de": 2, "unos cuantos": 3, "unas cuantas": 3,
    "algunos": 3, "algunas": 3, "varios": 4, "varias": 4, "medio": 0.5,
}  # fmt: skip
_SPORADIC = re.compile(
    r"\b(?:on and off|off and on|on-and-off|off-and-on|now and then|here and there|"
    r"from time to time|every so often|sometimes|sporadic(?:ally)?|once in a while|"
    r"when(?:ever)? (?:needed|i could|i can)|"
    r"de vez en cuando|de cuando en cuando|a veces|algunas veces|a ratos|por ratos|"
    r"por temporadas|de temporada|no siempre|intermitente(?:mente)?|va y viene|"
    r"cuando (?:se )?(?:necesitaba|necesita|podia|puedo|pude|habia|hay))\b"
)
_ONGOING = re.compile(
    r"\b(?:still|ongoing|on-going|present|presently|current|currently|now|today|"
    r"to this day|not (?:done|over|finished)|never stopped|continuing|"
    r"todavia|aun|sigo|sigue|seguimos|hasta (?:ahora|hoy|la fecha|el presente)|ahora|"
    r"actualmente|hoy(?: en dia)?|presente|en curso|a la fecha|en la actualidad|"
    r"no he (?:parado|dejado)|nunca (?:pare|he parado|deje))\b"
)
_APPROX = re.compile(
    r"\b(?:about|around|roughly|approximately|approx|circa|maybe|probably|ish|"
    r"or so|early|mid|late|sometime|some time|"
    r"como|unos|unas|mas o menos|aproximadamente|alrededor de|cerca de|quizas?|"
    r"tal vez|a lo mejor|por ahi|creo|casi|principios|mediados|finales|fines de|"
    r"a eso de|y pico|algo asi)\b|~|\?"
)
_ISO = re.compile(r"\b((?:19|20)\d\d)-(0?[1-9]|1[0-2])(?:-(0?[1-9]|[12]\d|3[01]))?\b")
_SLASH = re.compile(r"\b(0?[1-9]|1[0-2])/((?:19|20)\d\d)\b")
_YEAR = re.compile(r"\b((?:19|20)\d\d)s?\b")
_SHORT_YEAR = re.compile(r"(?:'|\u2019)(\d\d)\b"
                         # "got out in 06", "since 98": a bare two-digit year after a
                         # word that leads to a date, and no unit after it ("in 10 days")
                         r"|\b(?:in|since|until|till|til|en|desde|hasta|"
                         # "spring of 19", "summer 09", "june of 19" (not "june 19")
                         r"(?:winter|spring|summer|fall|autumn)(?:\s+of)?|"
                         r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|"
                         r"aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
                         r"\s+of)"
                         r"\s+(\d\d)\b"
                         r"(?!\s*(?:%|(?:years?|months?|weeks?|days?|hours?|hrs?|minutes?"
                         r"|mins?|anos?|meses|mes|semanas?|dias?|horas?|minutos?)\b))")
_DECADE = re.compile(r"\blos (?:anos )?([5-9]0)s?\b")  # "los 90", "los años 80"
_MONTH = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:uary|ruary|ch|il|e|y|ust|"
    r"ember|ober)?\b\.?|\b(enero|ene|febrero|marzo|abril|abr|mayo|junio|julio|agosto|"
    r"septiembre|setiembre|octubre|noviembre|diciembre|dic)\b"
)
_SEASON = re.compile(r"\b(winter|spring|summer|fall|autumn|invierno|primavera|verano|otono)\b")
_NUM = r"\b(\d+(?:\.\d+)?|" + "|".join(
    sorted(map(re.escape, _NUMBERS), key=len, reverse=True)) + ")"
_HALF = r"(?:\s+(?:and|y)\s+(a half|medio|media))?"
_DURATION = re.compile(
    _NUM + _HALF + r"\s+(years?|yrs?|months?|mos?|weeks?|wks?|anos?|meses|mes|semanas?)\b"
    + _HALF
)
_AGO = re.compile(r"\b(?:ago|hace)\b")
_YEAR_AND_A_HALF = re.compile(r"\b(?:a year and a half|ano y medio)\b")
_LAST_YEAR = re.compile(r"\b(?:last year|(?:el )?ano pasado)\b")
_THIS_YEAR = re.compile(r"\b(?:this year|este ano)\b")
# "til last spring": the latest such season that has begun by today
_LAST_SEASON = re.compile(
    r"\b(?:last (winter|spring|summer|fall|autumn)|"
    r"(?:el |la )?(invierno|primavera|verano|otono) pasad[oa])\b")


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


def _fold(text: str) -> str:
    """Lower case without accents, so "todavía" and "todavia" read the same."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _number(word: str) -> float:
    return float(word) if word[0].isdigit() else float(_NUMBERS[word])


def _duration(text: str) -> int | None:
    found = _DURATION.search(text)
    if found is None:
        return 18 if _YEAR_AND_A_HALF.search(text) else None
    amount = _number(found.group(1))
    if found.group(2) or found.group(4):
        amount += 0.5
    unit = found.group(3)
    if unit.startswith(("y", "a")):  # years, años
        return round(amount * 12)
    if unit.startswith(("w", "s")):  # weeks, semanas
        return max(1, round(amount / 4.35))
    return round(amount)


def parse_when(text: str, today: date | None = None) -> WhenAnswer:
    """Read a date answer; unreadable answers keep their words and no year."""
    words = " ".join(text.split())
    low = _fold(words)
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
        two = int(short.group(1) or short.group(2))
        year = 2000 + two if two <= (today or date.today()).year % 100 else 1900 + two  # noqa: DTZ011
    elif decade := _DECADE.search(low):
        year, approximate = 1900 + int(decade.group(1)), True
    if year is not None and month is None:
        if m := _MONTH.search(low):
            month = _MONTHS[m.group(1) or m.group(2)]
        elif s := _SEASON.search(low):
            month = _SEASONS[s.group(1)]
    now = today or date.today()  # noqa: DTZ011 - a calendar date, no time zone involved
    if year is None:
        if season := _LAST_SEASON.search(low):
            month = _SEASONS[season.group(1) or season.group(2)]
            year, approximate = now.year if month < now.month else now.year - 1, True
        elif _LAST_YEAR.search(low):
            year, approximate = now.year - 1, True
        elif _THIS_YEAR.search(low):
            year = now.year
        elif months_long is not None and _AGO.search(low):
            total = now.year * 12 + now.month - 1 - months_long
            year, approximate = total // 12, True
            months_long = None
    return WhenAnswer(words, year, month, day, ongoing, sporadic, approximate, months_long)
