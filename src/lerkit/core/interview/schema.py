"""Small typed readers over located YAML, raising FileFormatError at the right line."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, NoReturn

from lerkit.core.errors import FileFormatError
from lerkit.core.interview.yamlnodes import YList, YMap

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_TRUE = frozenset({"true", "yes", "on"})
_FALSE = frozenset({"false", "no", "off"})


class Reader:
    """Reads one file's located values; every error names the file and a line."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, reason: str, line: int | None) -> NoReturn:
        raise FileFormatError(self.source, reason, line)

    def mapping(self, value: Any, what: str, line: int) -> YMap:
        if not isinstance(value, YMap):
            self.fail(f"{what} must be a mapping of keys to values", line)
        return value

    def keys(
        self, m: YMap, what: str, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> None:
        """Refuse unknown keys and report missing required ones."""
        allowed_set = set(allowed)
        for key in m:
            if key not in allowed_set:
                known = ", ".join(sorted(allowed_set))
                self.fail(f"unknown key {key!r} in {what} (allowed: {known})", m.line_of(key))
        for key in required:
            if m.get(key) is None:
                self.fail(f"{what} needs {key!r}", m.line)

    def text(self, m: YMap, key: str, what: str, *, required: bool = False) -> str:
        value = m.get(key)
        if value is None:
            if required:
                self.fail(f"{what} needs {key!r}", m.line_of(key))
            return ""
        if not isinstance(value, str):
            self.fail(f"{key!r} in {what} must be text", m.line_of(key))
        value = " ".join(value.split()) if "\n" not in value.strip() else value.strip()
        if required and not value:
            self.fail(f"{key!r} in {what} must not be empty", m.line_of(key))
        return value

    def ident(self, m: YMap, key: str, what: str) -> str:
        value = self.text(m, key, what, required=True)
        if not ID_PATTERN.match(value):
            self.fail(
                f"{key!r} in {what} must be lower-case letters, digits and dashes: {value!r}",
                m.line_of(key),
            )
        return value

    def integer(self, m: YMap, key: str, what: str, default: int) -> int:
        value = m.get(key)
        if value is None:
            return default
        if not isinstance(value, str) or not re.fullmatch(r"-?\d{1,9}", value):
            self.fail(f"{key!r} in {what} must be a whole number", m.line_of(key))
        return int(value)

    def boolean(self, m: YMap, key: str, what: str) -> bool:
        value = m.get(key)
        if isinstance(value, str) and value.lower() in _TRUE:
            return True
        if isinstance(value, str) and value.lower() in _FALSE:
            return False
        self.fail(f"{key!r} in {what} must be true or false", m.line_of(key))

    def sequence(self, m: YMap, key: str, what: str) -> YList:
        value = m.get(key)
        if value is None:
            return YList(m.line_of(key))
        if not isinstance(value, YList):
            self.fail(f"{key!r} in {what} must be a list", m.line_of(key))
        return value

    def texts(self, m: YMap, key: str, what: str) -> tuple[str, ...]:
        """A list of text items, or a single text treated as a one-item list."""
        value = m.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),) if value.strip() else ()
        items = self.sequence(m, key, what)
        out: list[str] = []
        for i, item in enumerate(items):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"item {i + 1} of {key!r} in {what} must be text", items.line_of(i))
            out.append(" ".join(item.split()))
        return tuple(out)
