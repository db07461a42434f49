"""Canonical forms for signing: RDFC-1.0 N-Quads (via pyld) and JCS (RFC 8785).

pyld is used with three guards (standards notes §5):

- its N-Quads literal escaping is replaced by the RDFC-1.0 one (``\\b``, ``\\f``
  and ``\\u00XX`` for the other control characters), otherwise text with such
  characters would hash differently from other implementations;
- pyld has no JSON-LD safe mode, so an undefined term, a relative ``@id`` or
  ``@type``, or an IRI that cannot be written in N-Quads is refused instead of
  being silently dropped (dropped data would not be signed);
- contexts come only from the offline loader.

N-Quads are split on ``"\\n"`` only, never with ``str.splitlines``.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import Any

import pyld.nquads
from pyld import jsonld

from lerkit.core.credentials import jcs
from lerkit.core.credentials.context_memo import install_context_memo
from lerkit.core.credentials.loader import document_loader
from lerkit.core.errors import BadInputError, LerError


class CanonicalizationError(BadInputError):
    """A document that cannot be canonicalized without losing or bending data."""


_ECHAR = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_NEEDS_ESCAPE = re.compile(r'[\x00-\x1f\x7f"\\]')


def _escape_char(match: re.Match[str]) -> str:
    char = match.group(0)
    return _ECHAR.get(char) or f"\\u{ord(char):04X}"


def rdfc_escape(value: str) -> str:
    """Escape a literal's lexical form as canonical N-Quads (RDFC-1.0) requires."""
    return _NEEDS_ESCAPE.sub(_escape_char, value)


_install_lock = threading.Lock()


def install_rdfc_escaping() -> None:
    """Make pyld's N-Quads serializer (used by URDNA2015) escape per RDFC-1.0.

    ``pyld.nquads.serialize_nquad`` looks ``escape`` up in its module at call
    time, so replacing the module attribute fixes both the hashing of blank
    nodes and the final output. Checked once; raises if pyld changed shape.
    """
    with _install_lock:
        if getattr(pyld.nquads, "escape", None) is rdfc_escape:
            return
        if not hasattr(pyld.nquads, "escape") or not hasattr(pyld.nquads, "serialize_nquad"):
            raise LerError("this pyld version has no pyld.nquads.escape to make RDFC-1.0 exact")
        pyld.nquads.escape = rdfc_escape
        probe = {
            "subject": {"type": "IRI", "value": "urn:x"},
            "predicate": {"type": "IRI", "value": "urn:p"},
            "object": {
                "type": "literal",
                "value": "\x07\x0b\x0c\x7f",
                "datatype": "http://www.w3.org/2001/XMLSchema#string",
            },
        }
        if pyld.nquads.serialize_nquad(probe) != '<urn:x> <urn:p> "\\u0007\\u000B\\f\\u007F" .\n':
            raise LerError("pyld's N-Quads serializer did not take the RDFC-1.0 escaping")


# An IRI usable in N-Quads: a scheme, then no space, control or <>"{}|^`\ characters.
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\\x7f]*")
_BLANK = re.compile(r"_:[A-Za-z0-9_][A-Za-z0-9_.\-]*")
_LANGUAGE = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")
_CONTAINERS = frozenset({"@list", "@set", "@graph", "@included"})


def is_absolute_iri(value: object) -> bool:
    """True for an absolute IRI that N-Quads can carry unescaped."""
    return isinstance(value, str) and _absolute(value)


@functools.lru_cache(maxsize=8192)
def _absolute(value: str) -> bool:
    # the same property and type IRIs recur in every credential of a bundle
    return _IRI.fullmatch(value) is not None


def _check_iri(value: object, what: str, blank_ok: bool = False) -> None:
    if is_absolute_iri(value) or (blank_ok and isinstance(value, str) and _BLANK.fullmatch(value)):
        return
    shown = value if isinstance(value, str) else type(value).__name__
    raise CanonicalizationError(
        f"{what} {shown!r} is not an absolute IRI; JSON-LD would drop it, so it would not be signed"
    )


def _check_value(node: dict[str, Any]) -> None:
    datatype = node.get("@type")
    if datatype is not None and datatype != "@json":
        _check_iri(datatype, "datatype")
    language = node.get("@language")
    if language is not None and not (isinstance(language, str) and _LANGUAGE.fullmatch(language)):
        raise CanonicalizationError(f"language tag {language!r} is not well-formed")
    if "@direction" in node:
        raise CanonicalizationError("@direction is not kept in RDF; remove it before signing")


def check_expanded(node: Any) -> None:
    """Refuse expanded JSON-LD that RDF conversion would silently drop or garble."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
            continue
        if not isinstance(item, dict):
            continue
        if "@value" in item:
            _check_value(item)
            continue
        for key, value in item.items():
            if key == "@id":
                _check_iri(value, "id", blank_ok=True)
            elif key == "@type":
                for entry in value if isinstance(value, list) else [value]:
                    _check_iri(entry, "type", blank_ok=True)
            elif key in _CONTAINERS:
                stack.append(value)
            elif key == "@reverse" and isinstance(value, dict):
                for prop, objects in value.items():
                    _check_iri(prop, "property")
                    stack.append(objects)
            elif key == "@index":
                continue
            elif key.startswith("@"):
                raise CanonicalizationError(f"JSON-LD keyword {key} is not supported when signing")
            else:
                _check_iri(key, "property")
                stack.append(value)


def _unwrap(exc: BaseException) -> str:
    """The most useful message in a pyld error chain (our own errors win)."""
    seen: BaseException | None = exc
    messages: list[str] = []
    while seen is not None and len(messages) < 20:
        if isinstance(seen, LerError):
            return seen.message
        messages.append(str(seen).split("\n", 1)[0])
        seen = seen.__cause__ or seen.__context__ or getattr(seen, "cause", None)
    return messages[-1] if messages else "JSON-LD processing failed"


class _StrictProcessor(jsonld.JsonLdProcessor):  # type: ignore[misc]
    """A pyld processor that records dropped terms and checks what it expands."""

    def __init__(self) -> None:
        self.dropped: list[str | None] = []
        super().__init__(on_property_dropped=self.dropped.append)

    def expand(self, input_: Any, options: Any) -> Any:
        expanded = super().expand(input_, options)
        check_expanded(expanded)
        return expanded


_OPTIONS = {"documentLoader": document_loader, "base": None}


def _refuse_dropped(processor: _StrictProcessor) -> None:
    if processor.dropped:
        names = ", ".join(sorted({repr(term) for term in processor.dropped}))
        raise CanonicalizationError(
            f"undefined term(s) {names}: not defined by the document's @context, "
            "so they would not be signed"
        )


def canonicalize_rdfc(document: Any) -> str:
    """RDFC-1.0 canonical N-Quads of a JSON-LD document, refusing any data loss.

    The document is expanded once: the same pass records undefined (dropped) terms and
    checks every id, type and value before RDF conversion.
    """
    install_rdfc_escaping()
    install_context_memo()
    if not isinstance(document, dict):
        raise CanonicalizationError("a JSON-LD document must be a JSON object")
    processor = _StrictProcessor()
    try:
        result = processor.normalize(
            document, {**_OPTIONS, "algorithm": "URDNA2015", "format": "application/n-quads"}
        )
    except (jsonld.JsonLdError, LerError) as exc:
        if isinstance(exc, CanonicalizationError):
            raise
        raise CanonicalizationError(f"RDF canonicalization failed: {_unwrap(exc)}") from None
    except RecursionError:
        raise CanonicalizationError("document is nested too deeply") from None
    _refuse_dropped(processor)
    if not isinstance(result, str):
        raise CanonicalizationError("RDF canonicalization gave no N-Quads")
    return result


def nquads_lines(nquads: str) -> list[str]:
    """Split canonical N-Quads into statements (on LF only)."""
    return [line + "\n" for line in nquads.split("\n")[:-1]]


def canonicalize_jcs(document: Any) -> bytes:
    """JCS (RFC 8785) bytes of a JSON value."""
    try:
        return jcs.canonicalize_jcs(document)
    except jcs.JcsError as exc:
        raise CanonicalizationError(exc.message) from None
