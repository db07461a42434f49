"""Stored rows as plain JSON data, and back: for portable profiles and backups.

Values are encoded by column type: times as ISO 8601 in UTC, binary as base64, JSON
columns as they are. Decoding checks every value against its column, so a crafted file
cannot put a list where a name belongs. Each table's columns and their kinds are worked
out once (:func:`plan`). From one SQLite database to another, rows are copied as stored
(:func:`select_raw`, :func:`insert_raw`), each value checked against its column all the
same, without turning it into a Python object and back.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

from lerkit.core.errors import BadInputError
from lerkit.storage import tables  # noqa: F401  (registers every table)

LEDGER = "schema_migration"
BATCH = 500


def data_tables() -> list[sa.Table]:
    """Every table holding data, parents before children (the ledger excluded)."""
    return [t for t in SQLModel.metadata.sorted_tables if t.name != LEDGER]


def table(name: str) -> sa.Table:
    """A data table by name; BadInputError for an unknown one."""
    found = SQLModel.metadata.tables.get(name)
    if found is None or name == LEDGER:
        raise BadInputError(f"unknown table {name!r}")
    return found


_KINDS: tuple[tuple[type[sa.types.TypeEngine[Any]], type], ...] = (
    (sa.JSON, object), (sa.DateTime, datetime), (sa.LargeBinary, bytes), (sa.Boolean, bool),
    (sa.Float, float), (sa.Integer, int), (sa.String, str),
)
_KIND_OF: dict[sa.Column[Any], type] = {}


def column_kind(column: sa.Column[Any]) -> type:
    """The Python type a column holds (``object`` for JSON columns); worked out once."""
    found = _KIND_OF.get(column)
    if found is not None:
        return found
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    for sa_type, python_type in _KINDS:
        if isinstance(kind, sa_type):
            _KIND_OF[column] = python_type
            return python_type
    raise TypeError(f"column {column.name}: unsupported type {column.type!r}")


@dataclass(frozen=True)
class Field:
    """What rows need to know of one column, worked out once per table."""

    name: str
    kind: type
    nullable: bool
    has_default: bool


_PLANS: dict[sa.Table, tuple[Field, ...]] = {}


def plan(tbl: sa.Table) -> tuple[Field, ...]:
    """The table's columns, in order, with their kinds (cached)."""
    found = _PLANS.get(tbl)
    if found is None:
        found = _PLANS[tbl] = tuple(
            Field(c.name, column_kind(c), bool(c.nullable), c.default is not None)
            for c in tbl.columns)
    return found


_NAMES: dict[sa.Table, frozenset[str]] = {}


def _names(tbl: sa.Table) -> frozenset[str]:
    found = _NAMES.get(tbl)
    if found is None:
        found = _NAMES[tbl] = frozenset(f.name for f in plan(tbl))
    return found


def _encode(kind: type, value: Any) -> Any:
    if value is None:
        return None
    if kind is datetime:
        moment = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat()
    if kind is bytes:
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def encode_value(column: sa.Column[Any], value: Any) -> Any:
    """One stored value as JSON data."""
    return _encode(column_kind(column), value)


def encode(tbl: sa.Table, row: Mapping[Any, Any]) -> dict[str, Any]:
    """A row (column name -> value) as JSON data."""
    return {f.name: (row[f.name] if f.kind in _AS_IS else _encode(f.kind, row[f.name]))
            for f in plan(tbl)}


_AS_IS = frozenset({object, bool, float, int, str})


def _decode(kind: type, nullable: bool, value: Any) -> Any:
    if value is None:
        if not nullable:
            raise ValueError("must not be empty")
        return None
    if kind is object:
        return value
    if kind is datetime:
        if not isinstance(value, str):
            raise ValueError("must be a time")
        moment = datetime.fromisoformat(value)
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    if kind is bytes:
        if not isinstance(value, str):
            raise ValueError("must be base64 text")
        return base64.b64decode(value, validate=True)
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if kind is int and isinstance(value, bool):
        raise ValueError("must be a number")
    if not isinstance(value, kind):
        raise ValueError(f"must be of type {kind.__name__}")
    return value


def decode_value(column: sa.Column[Any], value: Any) -> Any:
    """One JSON value back to what the column stores; ValueError if it does not fit."""
    return _decode(column_kind(column), bool(column.nullable), value)


def decode(tbl: sa.Table, data: Any, source: str, *, drop: frozenset[str] = frozenset()
           ) -> dict[str, Any]:
    """A JSON object back to a row; columns in ``drop`` are left for the database."""
    if not isinstance(data, dict):
        raise BadInputError(f"{source}: a {tbl.name} row is not an object")
    fields = plan(tbl)
    if not data.keys() <= _names(tbl):
        unknown = set(data) - _names(tbl)
        raise BadInputError(f"{source}: unknown {tbl.name} fields: {', '.join(sorted(unknown))}")
    row: dict[str, Any] = {}
    for f in fields:
        if f.name in drop:
            continue
        if f.name not in data and f.has_default:
            continue  # written by an older lerkit: the column's default applies
        value = data.get(f.name)
        if value is not None and type(value) is f.kind:
            row[f.name] = value  # the common case, already what the column holds
            continue
        try:
            row[f.name] = _decode(f.kind, f.nullable, value)
        except (ValueError, TypeError, binascii.Error) as exc:
            raise BadInputError(f"{source}: {tbl.name}.{f.name}: {exc}") from None
    return row


def select_rows(conn: Connection, tbl: sa.Table, where: Any = None) -> Iterator[dict[str, Any]]:
    """Rows of a table (optionally filtered), in primary-key order, as encoded data."""
    query = sa.select(tbl).order_by(*tbl.primary_key.columns)
    if where is not None:
        query = query.where(where)
    result = conn.execution_options(yield_per=BATCH).execute(query)
    for row in result.mappings():
        yield encode(tbl, row)


def insert_rows(conn: Connection, tbl: sa.Table, rows: Iterable[dict[str, Any]]) -> int:
    """Insert decoded rows in batches; returns how many."""
    count = 0
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            conn.execute(tbl.insert(), batch)
            count += len(batch)
            batch = []
    if batch:
        conn.execute(tbl.insert(), batch)
        count += len(batch)
    return count


# SQLite to SQLite: values as stored, never made Python objects and back again

_STORED_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d{6})?")
_STORED_TYPES: dict[type, frozenset[type]] = {
    str: frozenset({str}), bytes: frozenset({bytes}), int: frozenset({int}),
    bool: frozenset({int}), float: frozenset({float, int}), datetime: frozenset({str}),
    object: frozenset({str}),
}


def _column_problem(f: Field, values: tuple[Any, ...]) -> str | None:
    """Why one column's values in a batch, as SQLite stores them, do not all fit it."""
    present = [value for value in values if value is not None]
    if len(present) != len(values) and not f.nullable:
        return "must not be empty"
    if not set(map(type, present)) <= _STORED_TYPES[f.kind]:
        return f"must be of type {f.kind.__name__}"
    try:
        if f.kind is bool and not set(present) <= {0, 1}:
            return "must be true or false"
        if f.kind is datetime:  # the form SQLAlchemy writes, and a day that exists
            if not all(map(_STORED_TIME.fullmatch, present)):
                return "must be a time"
            all(map(datetime.fromisoformat, present))
        if f.kind is object:  # JSON, stored as its text
            parsed = list(map(json.loads, present))
            if not f.nullable and None in parsed:
                return "must not be empty"
    except (ValueError, RecursionError) as exc:
        return str(exc) or type(exc).__name__
    return None


def select_raw(conn: Connection, tbl: sa.Table, source: str) -> Iterator[tuple[Any, ...]]:
    """Rows of a table in a SQLite database as stored (primary-key order), each value
    checked against its column as :func:`decode` would; BadInputError if one does not fit.
    """
    fields = plan(tbl)
    columns = ", ".join(f'"{f.name}"' for f in fields)
    keys = ", ".join(f'"{c.name}"' for c in tbl.primary_key.columns)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(f'SELECT {columns} FROM "{tbl.name}" ORDER BY {keys}')
        while batch := cursor.fetchmany(BATCH):
            for f, values in zip(fields, zip(*batch, strict=True), strict=True):
                problem = _column_problem(f, values)
                if problem is not None:
                    raise BadInputError(f"{source}: {tbl.name}.{f.name}: {problem}")
            yield from batch
    finally:
        cursor.close()


def insert_raw(conn: Connection, tbl: sa.Table, rows: Iterable[tuple[Any, ...]]) -> int:
    """Insert rows of :func:`select_raw` (every column, in order) into a SQLite database."""
    fields = plan(tbl)
    columns = ", ".join(f'"{f.name}"' for f in fields)
    statement = f'INSERT INTO "{tbl.name}" ({columns}) VALUES ({", ".join("?" for _ in fields)})'

    count = 0
    batch: list[tuple[Any, ...]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            conn.exec_driver_sql(statement, batch)
            count += len(batch)
            batch = []
    if batch:
        conn.exec_driver_sql(statement, batch)
        count += len(batch)
    return count


def count_rows(conn: Connection, tbl: sa.Table) -> int:
    """How many rows a table holds."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(tbl)).scalar_one())
