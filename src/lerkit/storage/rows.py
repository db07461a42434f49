"""Stored rows as plain JSON data, and back: for portable profiles and backups.

Values are encoded by column type: times as ISO 8601 in UTC, binary as base64, JSON
columns as they are. Decoding checks every value against its column, so a crafted file
cannot put a list where a name belongs.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Iterator, Mapping
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


def column_kind(column: sa.Column[Any]) -> type:
    """The Python type a column holds (``object`` for JSON columns)."""
    kind = column.type
    if isinstance(kind, sa.types.TypeDecorator):
        kind = kind.impl_instance
    for sa_type, python_type in _KINDS:
        if isinstance(kind, sa_type):
            return python_type
    raise TypeError(f"column {column.name}: unsupported type {column.type!r}")


def encode_value(column: sa.Column[Any], value: Any) -> Any:
    """One stored value as JSON data."""
    if value is None:
        return None
    kind = column_kind(column)
    if kind is datetime:
        moment = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return moment.astimezone(UTC).isoformat()
    if kind is bytes:
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


def encode(tbl: sa.Table, row: Mapping[Any, Any]) -> dict[str, Any]:
    """A row (column name -> value) as JSON data."""
    return {c.name: encode_value(c, row[c.name]) for c in tbl.columns}


def decode_value(column: sa.Column[Any], value: Any) -> Any:
    """One JSON value back to what the column stores; ValueError if it does not fit."""
    if value is None:
        if not column.nullable:
            raise ValueError("must not be empty")
        return None
    kind = column_kind(column)
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


def decode(tbl: sa.Table, data: Any, source: str, *, drop: frozenset[str] = frozenset()
           ) -> dict[str, Any]:
    """A JSON object back to a row; columns in ``drop`` are left for the database."""
    if not isinstance(data, dict):
        raise BadInputError(f"{source}: a {tbl.name} row is not an object")
    unknown = set(data) - set(tbl.columns.keys())
    if unknown:
        raise BadInputError(f"{source}: unknown {tbl.name} fields: {', '.join(sorted(unknown))}")
    row: dict[str, Any] = {}
    for column in tbl.columns:
        if column.name in drop:
            continue
        if column.name not in data and column.default is not None:
            continue  # written by an older lerkit: the column's default applies
        try:
            row[column.name] = decode_value(column, data.get(column.name))
        except (ValueError, TypeError, binascii.Error) as exc:
            raise BadInputError(f"{source}: {tbl.name}.{column.name}: {exc}") from None
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


def count_rows(conn: Connection, tbl: sa.Table) -> int:
    """How many rows a table holds."""
    return int(conn.execute(sa.select(sa.func.count()).select_from(tbl)).scalar_one())
