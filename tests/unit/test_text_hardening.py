"""Control characters and bidirectional overrides: removed from entered text, shown as escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from lerkit.core.text_safety import BIDI_CONTROLS, clean_text, is_clean, needs_cleaning, visible
from tests.cli.runner import ler


@pytest.mark.parametrize(("raw", "one_line", "several_lines"), [
    ("Marcus Bell", "Marcus Bell", "Marcus Bell"),
    ("Bell\x1b]0;owned\x07\x1b[2J", "Bell]0;owned[2J", "Bell]0;owned[2J"),
    ("pay\u202egnp.exe", "paygnp.exe", "paygnp.exe"),
    ("a\u2066b\u2069c\u202ad\u202ce", "abcde", "abcde"),
    ("first\r\nsecond\rthird\u2028fourth", "first second third fourth",
     "first\nsecond\nthird\nfourth"),
    ("tab\there\x00\x7f\x85", "tab here ", "tab here\n"),  # tabs: spaces everywhere
    ("half \ud800 character", "half \ufffd character", "half \ufffd character"),
    ("שלום\u200f (RTL mark kept)", "שלום\u200f (RTL mark kept)", "שלום\u200f (RTL mark kept)"),
])
def test_clean_text(raw: str, one_line: str, several_lines: str) -> None:
    assert clean_text(raw) == one_line
    assert clean_text(raw, multiline=True) == several_lines
    assert is_clean(one_line)
    assert is_clean(several_lines, multiline=True)
    assert clean_text(one_line) == one_line  # cleaning twice changes nothing more


def test_is_clean_and_needs_cleaning() -> None:
    assert is_clean("two\nlines", multiline=True) and not is_clean("two\nlines")
    assert not is_clean("crlf\r\n", multiline=True)
    assert not needs_cleaning("plain,csv\r\nwith\ttabs\n")
    assert all(needs_cleaning(f"x{ch}y") for ch in BIDI_CONTROLS + "\x1b\x00\u2028\ud800")


def test_visible_shows_instead_of_obeying() -> None:
    assert visible("Bell\x1b[2J") == "Bell\\x1b[2J"
    assert visible("a\u202eb\nc\ud800") == "a\\u202eb\\x0ac\\ud800"
    assert visible("Zoë Ortiz") == "Zoë Ortiz"
    assert visible("x" * 10) == "x" * 10
    assert visible("two\nlines\tand\x1b", multiline=True) == "two\nlines\tand\\x1b"


def test_verify_shows_escapes_from_the_file_instead_of_obeying_them(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.json"
    hostile.write_text(json.dumps({"id": "urn:x\u001b[2J\u202e",
                                   "credentialSubject": {"id": "did:x\u001b]0;title\u0007"}}),
                       encoding="utf-8")
    result = ler("verify", str(hostile))
    assert result.code == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "Bundle urn:x\\x1b[2J\\u202e: NOT VALID" in result.stdout
    assert "Holder: did:x\\x1b]0;title\\x07" in result.stdout
