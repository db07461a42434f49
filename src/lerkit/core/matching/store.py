"""The cache file of a :class:`MatchIndex`: versioned, compact, and safe to read.

Layout (little-endian)::

    b"LERKIDX1"                 magic and format version
    u32 length + JSON header    taxonomy name, content hash, array lengths
    u32 length + JSON strings   ids, labels, categories, entry texts, terms, words
    raw arrays                  int32 / float64 / bytes, in the order the header lists

Nothing is unpickled or evaluated: a damaged or foreign file gives a
:class:`FileFormatError`, and the caller rebuilds the index.
"""

from __future__ import annotations

import json
import math
import os
import struct
import sys
from array import array
from itertools import pairwise
from pathlib import Path
from typing import Any

from lerkit.core.errors import FileFormatError
from lerkit.core.files import read_bytes
from lerkit.core.matching.index import INDEX_VERSION, KINDS, MatchIndex

MAGIC = b"LERKIDX1"
CACHE_LIMIT = 512 * 1024 * 1024
_INT_ARRAYS = (
    "entry_comp", "entry_offsets", "entry_terms", "post_offsets", "post_entries", "word_terms",
)  # fmt: skip
_FLOAT_ARRAYS = ("entry_norm", "idf")
_STRINGS = ("ids", "labels", "categories", "entry_texts", "terms", "words")
_U32 = struct.Struct("<I")


def _raw(values: array[Any]) -> bytes:
    if sys.byteorder != "little":  # pragma: no cover - no big-endian test machine
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def save_index(index: MatchIndex, path: Path | str) -> None:
    """Write ``index`` atomically (a temporary file renamed into place)."""
    strings = json.dumps({k: getattr(index, k) for k in _STRINGS}, ensure_ascii=False).encode()
    arrays: list[tuple[str, bytes]] = [(k, _raw(getattr(index, k))) for k in _INT_ARRAYS]
    arrays += [(k, _raw(getattr(index, k))) for k in _FLOAT_ARRAYS]
    arrays.append(("entry_kind", bytes(index.entry_kind)))
    header = json.dumps(
        {
            "version": INDEX_VERSION,
            "taxonomy": index.taxonomy,
            "content_hash": index.content_hash,
            "language": index.language,
            "arrays": [[name, len(data)] for name, data in arrays],
        }
    ).encode()
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        handle.write(MAGIC)
        for block in (header, strings):
            handle.write(_U32.pack(len(block)))
            handle.write(block)
        for _name, data in arrays:
            handle.write(data)
    os.replace(temporary, target)


def _typed(name: str, data: bytes, source: str) -> array[Any]:
    code = "i" if name in _INT_ARRAYS else "d"
    values: array[Any] = array(code)
    if len(data) % values.itemsize:
        raise FileFormatError(source, f"damaged index: array {name} has a partial item")
    values.frombytes(data)
    if sys.byteorder != "little":  # pragma: no cover
        values.byteswap()
    return values


def load_index(path: Path | str, expected_hash: str | None = None) -> MatchIndex:
    """Read an index file; ``expected_hash`` (if given) must equal the stored hash."""
    source = str(path)
    data = read_bytes(path, CACHE_LIMIT)
    if not data.startswith(MAGIC):
        raise FileFormatError(source, "not a lerkit match index (or an older version)")
    try:
        cursor = len(MAGIC)
        blocks: list[Any] = []
        for _ in range(2):
            (length,) = _U32.unpack_from(data, cursor)
            cursor += _U32.size
            blocks.append(json.loads(data[cursor : cursor + length].decode()))
            cursor += length
        header, strings = blocks
        if header.get("version") != INDEX_VERSION:
            raise FileFormatError(source, "index written by another version of lerkit")
        if expected_hash is not None and header.get("content_hash") != expected_hash:
            raise FileFormatError(source, "index is out of date (the taxonomy changed)")
        fields: dict[str, Any] = {k: strings[k] for k in _STRINGS}
        for name, size in header["arrays"]:
            chunk = data[cursor : cursor + size]
            if len(chunk) != size:
                raise FileFormatError(source, "damaged index: file is truncated")
            cursor += size
            fields[name] = bytes(chunk) if name == "entry_kind" else _typed(name, chunk, source)
        if cursor != len(data):
            raise FileFormatError(source, "damaged index: unexpected bytes at the end")
        name, digest = str(header["taxonomy"]), str(header["content_hash"])
        language = str(header.get("language", "en"))
        index = MatchIndex(taxonomy=name, content_hash=digest, language=language, **fields)
    except FileFormatError:
        raise
    except (struct.error, ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError):
        raise FileFormatError(source, "damaged index file") from None
    _check(index, source)
    return index


def _check(index: MatchIndex, source: str) -> None:
    """Refuse an index whose arrays do not fit together (so queries never fail)."""
    entries = len(index.entry_texts)
    terms = len(index.terms)
    ok = (
        len(index.labels) == len(index.ids) == len(index.categories)
        and len(index.entry_comp) == len(index.entry_kind) == len(index.entry_norm) == entries
        and len(index.entry_offsets) == entries + 1
        and len(index.post_offsets) == terms + 1
        and len(index.idf) == terms
        and len(index.word_terms) == len(index.words)
        and (not index.entry_offsets or index.entry_offsets[-1] == len(index.entry_terms))
        and (not index.post_offsets or index.post_offsets[-1] == len(index.post_entries))
        and all(isinstance(s, str) for k in _STRINGS for s in getattr(index, k))
        and max(index.entry_kind, default=0) < len(KINDS)
        and _within(index.entry_comp, len(index.ids))
        and _within(index.entry_terms, terms)
        and _within(index.word_terms, terms)
        and _within(index.post_entries, entries)
        and _within(index.entry_offsets, len(index.entry_terms) + 1)
        and _within(index.post_offsets, len(index.post_entries) + 1)
        and _sorted(index.entry_offsets)
        and _sorted(index.post_offsets)
        and index.words == sorted(index.words)
        and all(math.isfinite(x) and x >= 0.0 for x in index.idf)
        and all(math.isfinite(x) and x >= 0.0 for x in index.entry_norm)
    )
    if not ok:
        raise FileFormatError(source, "damaged index: its parts do not fit together")


def _within(values: array[int], limit: int) -> bool:
    return not values or (min(values) >= 0 and max(values) < limit)


def _sorted(values: array[int]) -> bool:
    return all(a <= b for a, b in pairwise(values))
