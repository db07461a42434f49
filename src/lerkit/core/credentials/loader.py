"""Offline JSON-LD document loader: serves only the bundled, hash-checked contexts.

lerkit never touches the network. Every context a credential may name is shipped
byte for byte in ``contexts/`` and listed in ``contexts/manifest.json`` with its
sha256; a file whose hash does not match is refused, and so is any other URL.
"""

from __future__ import annotations

import hashlib
import json
import threading
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from lerkit.core.errors import BadInputError

VC_V2 = "https://www.w3.org/ns/credentials/v2"
OB_V3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CLR_V2 = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"

_lock = threading.Lock()
_manifest: dict[str, tuple[str, str]] | None = None
_documents: dict[str, str] = {}


def _folder() -> Traversable:
    return resources.files("lerkit.core.credentials").joinpath("contexts")


def manifest() -> dict[str, tuple[str, str]]:
    """URL -> (bundled file name, expected sha256 hex), read once."""
    global _manifest
    with _lock:
        if _manifest is None:
            raw = json.loads(_folder().joinpath("manifest.json").read_text("utf-8"))
            _manifest = {
                url: (str(entry["file"]), str(entry["sha256"]))
                for url, entry in raw["contexts"].items()
            }
        return _manifest


def known_contexts() -> list[str]:
    """The context URLs lerkit can load offline."""
    return sorted(manifest())


def load_context(url: str) -> Any:
    """The parsed context document for ``url`` (a private copy).

    Raises BadInputError naming the URL when it is not bundled, or when the
    bundled file does not match its recorded sha256.
    """
    entries = manifest()
    if not isinstance(url, str) or url not in entries:
        raise BadInputError(
            f"unknown JSON-LD context {url!r}: lerkit works offline and only loads "
            "its bundled contexts"
        )
    with _lock:
        cached = _documents.get(url)
    if cached is None:
        file_name, expected = entries[url]
        data = _folder().joinpath(file_name).read_bytes()
        actual = hashlib.sha256(data).hexdigest()
        if actual != expected:
            raise BadInputError(
                f"bundled JSON-LD context {url!r} ({file_name}) is damaged: "
                f"sha256 {actual} does not match {expected}"
            )
        cached = data.decode("utf-8")
        with _lock:
            _documents[url] = cached
    return json.loads(cached)  # parsing the checked text again is quicker than a deep copy


def document_loader(url: str, options: Any = None) -> dict[str, Any]:
    """A pyld ``documentLoader`` that never fetches anything.

    ``tag: static`` lets pyld keep the processed context between operations.
    """
    return {"contextUrl": None, "documentUrl": url, "document": load_context(url), "tag": "static"}
