"""A seeded mutator: from one valid file, many hostile ones (same seed, same files).

Byte mutations (flips, cuts, repeats, insertions) test the readers' framing; structural
mutations of JSON and YAML put the values that broke lerkit before where the readers
look: numbers too long to print, lone surrogates, NaN, duplicate keys, control and
bidirectional characters, wrong types and deep nesting.
"""

from __future__ import annotations

import json
import random
from typing import Any

HUGE_INT = "9" * 5000
HOSTILE_TEXTS = [
    "\ud800", "a\udfffb", "\x1b]0;owned\x07\x1b[2J", "\u202eevil\u202c", "\u2066x\u2069",
    "\x00", "line\rbreak", "\u2028", "x" * 70_000, "", " ", "é" * 3, "../../etc/passwd",
    "urn:uuid:not-a-uuid", "did:key:z6Mk", "https://", "2099-13-45T25:61:61Z", "{}",
]
HOSTILE_VALUES: list[Any] = [
    None, True, False, 0, -1, 1.5, 1e308, 2**70, [], {}, [[[]]], {"": None},
    "\ud800", "\x1b[31m", "\u202e", ["\ud800"], [1.5], {"a": "\u2066"},
]
# written as text, since json.dumps cannot make them
RAW_VALUES = [HUGE_INT, "-" + HUGE_INT, "1e999", "-1e999", "NaN", "Infinity", "-Infinity",
              '"\\ud800"', '"\\udc00x"', '"\\u0000"', "[" * 60 + "]" * 60, "0." + "1" * 5000]


class Mutator:
    """Hostile variants of valid files, from a seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    # --- bytes ----------------------------------------------------------------------

    def bytes_(self, data: bytes) -> bytes:
        """One byte-level change: flip, cut, repeat, insert or truncate."""
        rng = self.rng
        if not data:
            return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
        at = rng.randrange(len(data))
        choice = rng.randrange(6)
        if choice == 0:
            out = bytearray(data)
            for _ in range(rng.randrange(1, 8)):
                out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
            return bytes(out)
        if choice == 1:
            return data[:at]
        if choice == 2:
            end = min(len(data), at + rng.randrange(1, 200))
            return data[:at] + data[end:]
        if choice == 3:
            end = min(len(data), at + rng.randrange(1, 200))
            return data[:end] + data[at:end] * rng.randrange(2, 5) + data[end:]
        if choice == 4:
            junk = rng.choice([b"\x00", b"\xff\xfe", b"\xed\xa0\x80", b"\x1b[2J", b"\r",
                               b'"', b"{", b"]", b",", b"\\u", b"\xe2\x80\xae"])
            return data[:at] + junk + data[at:]
        return data + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 32)))

    # --- JSON -----------------------------------------------------------------------

    def json_text(self, doc: Any) -> str:
        """A JSON document with one structural change, as text."""
        rng = self.rng
        doc = json.loads(json.dumps(doc))
        paths = list(_paths(doc))
        path = rng.choice(paths) if paths else []
        marker = "\x00MARKER\x00"
        choice = rng.randrange(5)
        if choice == 0:
            _set(doc, path, rng.choice(HOSTILE_VALUES))
        elif choice == 1:
            _set(doc, path, rng.choice(HOSTILE_TEXTS))
        elif choice == 2:
            _set(doc, path, marker)
        elif choice == 3:
            _set(doc, path, _nest(rng.randrange(1, 400)))
        else:
            _drop(doc, path)
        text = json.dumps(doc, ensure_ascii=rng.random() < 0.5)
        if choice == 2:
            text = text.replace(json.dumps(marker), rng.choice(RAW_VALUES), 1)
        if rng.random() < 0.15:
            text = _duplicate_a_key(text, rng)
        return text

    def json_lines(self, lines: list[Any]) -> str:
        """JSON Lines with one line changed structurally."""
        index = self.rng.randrange(len(lines))
        out = [json.dumps(line) for line in lines]
        out[index] = self.json_text(lines[index]).replace("\n", " ")
        return "\n".join(out) + "\n"

    # --- YAML and other text --------------------------------------------------------

    def text(self, text: str) -> str:
        """A text file with one line-level change."""
        rng = self.rng
        lines = text.splitlines()
        at = rng.randrange(len(lines)) if lines else 0
        choice = rng.randrange(7)
        if choice == 0 and lines:
            lines.insert(at, lines[at])  # a repeated line: a duplicate key in YAML
        elif choice == 1 and lines:
            del lines[at]
        elif choice == 2 and lines:
            word = rng.choice([HUGE_INT, ".nan", "\x1b[2J", "\u202e", '"\\ud800"', "*a",
                               "&a [*a, *a]", "!!python/object:os.system", "{", "- ", ":"])
            lines[at] = lines[at] + " " + word
        elif choice == 3 and lines:
            lines[at] = "\t" + lines[at]
        elif choice == 4:
            lines.insert(at, _alias_bomb())
        elif choice == 5 and lines:
            cut = rng.randrange(len(lines[at]) + 1)
            lines[at] = lines[at][:cut] + rng.choice(HOSTILE_TEXTS[:8]) + lines[at][cut:]
        else:
            return text[: rng.randrange(len(text) + 1)]
        return "\n".join(lines) + "\n"


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> Any:
    yield list(prefix)
    if isinstance(doc, dict):
        for key, value in doc.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(doc, list):
        for index, value in enumerate(doc):
            yield from _paths(value, (*prefix, index))


def _set(doc: Any, path: list[Any], value: Any) -> None:
    if not path:
        return
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value


def _drop(doc: Any, path: list[Any]) -> None:
    if not path:
        return
    parent = doc
    for step in path[:-1]:
        parent = parent[step]
    del parent[path[-1]]


def _nest(depth: int) -> Any:
    value: Any = "deep"
    for _ in range(depth):
        value = [value]
    return value


def _duplicate_a_key(text: str, rng: random.Random) -> str:
    """Repeat one ``"key": `` with another value right after an opening brace."""
    at = text.find("{", rng.randrange(max(1, len(text))))
    at = text.find("{") if at < 0 else at
    if at < 0:
        return text
    return text[: at + 1] + '"id": 1, "id": 2, ' + text[at + 1:]


def _alias_bomb() -> str:
    """A YAML document that grows exponentially if aliases are expanded."""
    lines = ['b0: &b0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"b{n}: &b{n} [{', '.join([f'*b{n - 1}'] * 9)}]" for n in range(1, 9)]
    return "\n".join(lines)

