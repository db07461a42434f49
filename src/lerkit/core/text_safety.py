"""Text from people and files, made safe to store, and safe to print on a terminal.

Two kinds of characters do harm in text that is shown again later:

* control characters (U+0000-U+001F, U+007F-U+009F): an escape sequence printed on a
  terminal can move the cursor, retitle the window or hide what follows;
* bidirectional embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069):
  they reorder what is displayed, so that a name or a comment reads differently from
  what it holds ("Trojan Source").

:func:`clean_text` removes them from text a person enters (tab and newline are kept in
text of several lines; line breaks become spaces in one-line text). The left-to-right
and right-to-left marks (U+200E, U+200F, U+061C) are kept: they are invisible, change the
direction of nothing but the neutral characters next to them, and right-to-left writing
needs them. :func:`visible` is for printing text lerkit did not write (a file being
verified): it shows each such character as an escape instead of obeying it.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_LINE_BREAKS = "\r\n|[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
_UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029\ud800-\udfff]")
_BREAK = re.compile(_LINE_BREAKS)
_DROP = re.compile(f"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f{BIDI_CONTROLS}]")
_HALF = re.compile("[\ud800-\udfff]")
_SHOWN_MULTILINE = re.compile(
    f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029\ud800-\udfff]")
_HARMFUL = re.compile(
    f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{BIDI_CONTROLS}\u2028\u2029\ud800-\udfff]")


def is_clean(text: str, *, multiline: bool = False) -> bool:
    """True if :func:`clean_text` would leave ``text`` as it is."""
    return _UNSAFE.search(text) is None or clean_text(text, multiline=multiline) == text


def needs_cleaning(text: str) -> bool:
    """True if :func:`clean_text` would change more than the line endings of ``text``.

    One quick scan of a whole file tells whether its cells need cleaning one by one.
    """
    return _HARMFUL.search(text) is not None


def clean_text(text: str, *, multiline: bool = False) -> str:
    """``text`` without control characters, bidi overrides and isolates, or half characters.

    In text of several lines, any line break becomes ``\\n``; in one-line text (a name, a
    title) line breaks become spaces. Tabs become spaces everywhere (some verifiers do
    not escape them when they canonicalize a signed text). Nothing else changes: callers
    trim and check lengths as before.
    """
    text = text.replace("\t", " ")
    if _UNSAFE.search(text) is None:
        return text
    text = _HALF.sub("\ufffd", text)
    if multiline:
        return _DROP.sub("", _BREAK.sub("\n", text))
    return _DROP.sub("", _BREAK.sub(" ", text).replace("\n", " ").replace("\t", " "))


def _escape(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, multiline: bool = False) -> str:
    """``text`` for a terminal: each control, bidi or half character as an escape.

    ``"\\x1b[2J"`` is printed as the six characters ``\\x1b[2J``, not obeyed. With
    ``multiline``, newlines and tabs are left as they are.
    """
    if _UNSAFE.search(text) is None:
        return text
    shown = _SHOWN_MULTILINE if multiline else _UNSAFE
    return shown.sub(_escape, text)
