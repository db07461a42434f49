"""Strict JSON: what a file may not hold, refused with the file, the line and the place.

Python's ``json`` module accepts things that are not JSON, or that lerkit cannot keep:
``NaN`` and ``Infinity``, numbers too large for a double, integers too long to convert
back to text, a key given twice in one object (the last one silently wins, so two
readers can see two different documents), and ``\\ud800`` escapes that decode to half
of a character (such text can be neither printed nor stored). :func:`parse_json`
refuses all of them. The common case stays fast: the C parser reads the document and
its hooks notice a problem; only then is the text walked again to find where it is.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from lerkit.core.errors import FileFormatError
from lerkit.core.i18n import N_, _

# Python refuses to convert longer integers to and from text (sys.int_info)
MAX_INT_DIGITS = 4300
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TOKEN = re.compile(r"""
    (?P<space>[ \t\n\r]+)
  | (?P<text>"[^"\\]*(?:\\.[^"\\]*)*")
  | (?P<number>-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)
  | (?P<word>true|false|null|NaN|-?Infinity)
  | (?P<mark>[][{}:,])
""", re.VERBOSE)
_NAME = re.compile(r"[A-Za-z_@$][A-Za-z0-9_@$-]*")
_DIGITS = re.compile(r"-?[0-9]+")
# Kept in English; translated when a problem is reported.
LONG_NUMBER = N_("a number with more than {digits} digits")
HUGE_NUMBER = N_("a number too large for a double")
HALF_IN_KEY = N_("a key holds half of a character (a lone surrogate escape)")
HALF_IN_TEXT = N_("a text holds half of a character (a lone surrogate escape)")


class _Refused(Exception):
    """Raised by the parser's hooks; the text is then walked to say where."""


def _int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _Refused(_(LONG_NUMBER).format(digits=MAX_INT_DIGITS))
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        raise _Refused(_(HUGE_NUMBER))
    return value


def _constant(name: str) -> Any:
    raise _Refused(_("{word} is not allowed in JSON").format(word=name))


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        raise _Refused(_("a key appears twice in one object"))
    return result


def _has_half_character(value: Any) -> bool:
    """True if a text anywhere in ``value`` (keys included) holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def parse_json(text: str, source: str, line: int | None = None) -> Any:
    """Parse one JSON document strictly; ``line`` is its line when it is one of many."""
    try:
        value = json.loads(text, object_pairs_hook=_pairs, parse_int=_int,
                           parse_float=_float, parse_constant=_constant)
        if _SURROGATE_ESCAPE.search(text) and _has_half_character(value):
            raise _Refused(_(HALF_IN_TEXT))
        return value
    except json.JSONDecodeError as exc:
        at = line if line is not None else exc.lineno
        raise FileFormatError(source, _("invalid JSON: {reason}").format(reason=exc.msg),
                              at) from None
    except RecursionError:
        raise FileFormatError(source, _("JSON nested too deeply"), line) from None
    except _Refused as refused:
        found = locate(text)
        reason, at = found if found is not None else (str(refused), 1)
        where = line if line is not None else at
        raise FileFormatError(source, reason, where) from None


class _Walk:
    """A slow walk through JSON tokens that knows where each one stands."""

    def __init__(self) -> None:
        self.stack: list[list[Any]] = []  # ["{", seen keys, key, wants key] or ["[", index]

    def path(self) -> str:
        parts = []
        for frame in self.stack:
            if frame[0] == "[":
                parts.append(f"[{frame[1]}]")
            elif frame[2] is not None:
                key = frame[2]
                parts.append(f".{key}" if _NAME.fullmatch(key) else f"[{key!r}]")
        where = "".join(parts).lstrip(".")
        return _("at {path}").format(path=where) if where else _("at the top level")

    def problem(self, kind: str, token: str) -> str | None:
        """What is wrong with one token, where it stands."""
        top = self.stack[-1] if self.stack else None
        if kind == "text":
            value = json.loads(token)
            if top is not None and top[0] == "{" and top[3]:
                top[3] = False
                top[2] = value
                if _SURROGATE.search(value):
                    return f"{_(HALF_IN_KEY)}, {self.path()}"
                if value in top[1]:
                    twice = _("the key {key!r} appears twice in one object").format(key=value)
                    return f"{twice}, {self.path()}"
                top[1].add(value)
                return None
            if _SURROGATE.search(value):
                return f"{_(HALF_IN_TEXT)}, {self.path()}"
        elif kind == "number":
            if _DIGITS.fullmatch(token):
                if len(token.lstrip("-")) > MAX_INT_DIGITS:
                    return f"{_(LONG_NUMBER).format(digits=MAX_INT_DIGITS)}, {self.path()}"
            elif math.isinf(float(token)):
                return f"{_(HUGE_NUMBER)}, {self.path()}"
        elif kind == "word" and token not in ("true", "false", "null"):
            refused = _("{word} is not allowed in JSON").format(word=token)
            return f"{refused}, {self.path()}"
        elif token in "{[":
            self.stack.append(["{", set(), None, True] if token == "{" else ["[", 0])
        elif token in "}]":
            if self.stack:
                self.stack.pop()
        elif token == "," and top is not None:
            if top[0] == "[":
                top[1] += 1
            else:
                top[3] = True
        return None


def locate(text: str) -> tuple[str, int] | None:
    """The first thing :func:`parse_json` refuses in ``text``, and its line."""
    walk = _Walk()
    at = 0
    while at < len(text):
        match = _TOKEN.match(text, at)
        if match is None:
            return None  # not JSON from here on: the parser will say so
        kind = match.lastgroup or ""
        if kind != "space":
            reason = walk.problem(kind, match.group())
            if reason is not None:
                return reason, text.count("\n", 0, at) + 1
        at = match.end()
    return None
