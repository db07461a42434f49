"""Counting the rows a piece of work writes, by table: for benchmarks and tests."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

_WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)


@contextmanager
def counting_writes(engine: Engine) -> Iterator[Counter[str]]:
    """Count the rows inserted, updated or deleted through ``engine`` while the block
    runs, keyed ``"<table>"`` (and ``"*"`` for all tables)."""
    counts: Counter[str] = Counter()

    def seen(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
             executemany: bool) -> None:
        found = _WRITE.match(statement)
        if found is None:
            return
        rows = cursor.rowcount if cursor.rowcount is not None and cursor.rowcount >= 0 else 0
        if executemany and rows <= 0:
            rows = len(parameters)
        counts[found.group(2).lower()] += rows
        counts["*"] += rows

    event.listen(engine, "after_cursor_execute", seen)
    try:
        yield counts
    finally:
        event.remove(engine, "after_cursor_execute", seen)
