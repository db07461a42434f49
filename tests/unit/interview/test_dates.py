"""Vague dates: kept in the person's words, with whatever can be read from them."""

from __future__ import annotations

from datetime import date

import pytest

from lerkit.core.interview import parse_when

TODAY = date(2026, 5, 1)


@pytest.mark.parametrize(
    ("text", "iso", "exact"),
    [
        ("2015", "2015", True),
        ("March 2012", "2012-03", True),
        ("Sept. 2015", "2015-09", True),
        ("03/2012", "2012-03", True),
        ("2012-03-15", "2012-03-15", True),
        ("spring 2019", "2019-04", False),
        ("about 2010", "2010", False),
        ("the 1990s", "1990", False),
        ("'09", "2009", True),
        ("3 years ago", "2023", False),
        ("last year", "2025", False),
        ("about 3 years", None, False),
        ("on and off", None, False),
        ("still doing it", None, False),
        ("married in 2015", "2015", True),
        ("got out in 06", "2006", True),
        ("since 98", "1998", True),
        ("in 10 days", None, False),
        ("in 30 minutes", None, False),
        ("en 05", "2005", True),
        ("spring of 19 when mom got sick", "2019-04", False),
        ("june of 19", "2019-06", True),
        ("june 19", None, False),  # a day, not a year
        ("the market of 19 vendors", None, False),
        ("til last spring", "2026-04", False),  # the latest spring begun by TODAY
        ("el verano pasado", "2025-07", False),  # summer has not begun by TODAY
    ],
)
def test_parse_when(text: str, iso: str | None, exact: bool) -> None:
    when = parse_when(text, TODAY)
    assert when.text == text
    assert when.iso == iso
    assert when.exact is exact


def test_ongoing_sporadic_and_lengths() -> None:
    assert parse_when("still doing it").ongoing
    assert parse_when("still serving").ongoing
    assert parse_when("ongoing").ongoing
    now_and_then = parse_when("now and then")
    assert now_and_then.sporadic and not now_and_then.ongoing
    both = parse_when("on and off, still doing it")
    assert both.sporadic and both.ongoing
    assert parse_when("about 3 years").months_long == 36
    assert parse_when("2 and a half years").months_long == 30
    assert parse_when("a few months").months_long == 3
    assert parse_when("six weeks").months_long == 1
    assert parse_when("").iso is None
