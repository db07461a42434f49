"""Date and time values as credentials carry them (XML Schema dateTime, UTC ``Z``)."""

from __future__ import annotations

import calendar
import re
from datetime import UTC, datetime

from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _

_STAMP = re.compile(r"-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")
_PARTIAL = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def now_utc() -> datetime:
    """The current time in UTC, whole seconds."""
    return datetime.now(UTC).replace(microsecond=0)


def format_datetime(moment: datetime) -> str:
    """``2025-01-15T10:00:00Z``: UTC, seconds precision. Naive times count as UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_datetime_stamp(value: object) -> datetime | None:
    """An aware datetime for an xsd:dateTimeStamp string, or None if it is not one."""
    if not isinstance(value, str) or _STAMP.fullmatch(value) is None:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else None


def activity_datetime(value: str, *, end: bool = False) -> str:
    """A dateTime for a remembered date: ``2019``, ``2019-05``, ``2019-05-03``.

    A start becomes the first day of the period, an end its last day, both at
    midnight UTC. A full dateTime with a timezone is normalised to UTC.
    """
    text = value.strip()
    stamp = parse_datetime_stamp(text)
    if stamp is not None:
        return format_datetime(stamp)
    match = _PARTIAL.fullmatch(text)
    if match is None:
        raise BadInputError(_("date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
                            .format(value=value))
    year = int(match.group(1))
    if year < 1:
        raise BadInputError(_("date {value!r} has no year 0").format(value=value))
    month = int(match.group(2)) if match.group(2) else (12 if end else 1)
    if not 1 <= month <= 12:
        raise BadInputError(_("date {value!r} has no month {month}").format(value=value,
                                                                            month=month))
    last_day = calendar.monthrange(year, month)[1]
    day = int(match.group(3)) if match.group(3) else (last_day if end else 1)
    if not 1 <= day <= last_day:
        raise BadInputError(_("date {value!r} has no day {day}").format(value=value, day=day))
    return f"{year:04d}-{month:02d}-{day:02d}T00:00:00Z"
