"""The bundled JSON-LD contexts and the offline loader."""

from __future__ import annotations

import hashlib
import json
from importlib import resources

import pytest

from lerkit.core.credentials import loader
from lerkit.core.errors import BadInputError
from tests.conftest import need_shared

FOLDER = resources.files("lerkit.core.credentials").joinpath("contexts")


def test_every_bundled_file_matches_its_manifest_hash() -> None:
    entries = loader.manifest()
    assert len(entries) == 16
    for url, (file_name, sha256) in entries.items():
        data = FOLDER.joinpath(file_name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha256, url


def test_bundled_files_are_the_interop_snapshot_byte_for_byte() -> None:
    snapshot = need_shared("interop/contexts/snapshot")
    reference = json.loads((snapshot / "manifest.json").read_text("utf-8"))
    ours = loader.manifest()
    assert set(ours) == set(reference)
    for url, entry in reference.items():
        file_name, sha256 = ours[url]
        assert sha256 == entry["sha256"], url
        assert FOLDER.joinpath(file_name).read_bytes() == (snapshot / entry["file"]).read_bytes()


def test_loader_serves_a_known_context() -> None:
    result = loader.document_loader(loader.VC_V2, {})
    assert result["documentUrl"] == loader.VC_V2
    assert "@context" in result["document"]


def test_loader_returns_private_copies() -> None:
    first = loader.load_context(loader.OB_V3)
    first["@context"]["id"] = "changed"
    assert loader.load_context(loader.OB_V3)["@context"]["id"] == "@id"


def test_unknown_context_is_refused_by_url() -> None:
    url = "https://example.org/unknown-context/v1"
    with pytest.raises(BadInputError, match="unknown-context/v1"):
        loader.document_loader(url, {})


def test_damaged_context_file_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = dict(loader.manifest())
    file_name, _ = entries[loader.CLR_V2]
    entries[loader.CLR_V2] = (file_name, "0" * 64)
    monkeypatch.setattr(loader, "_manifest", entries)
    monkeypatch.setattr(loader, "_documents", {})
    with pytest.raises(BadInputError, match="damaged"):
        loader.load_context(loader.CLR_V2)


def test_known_contexts_lists_the_three_lerkit_uses() -> None:
    assert {loader.VC_V2, loader.OB_V3, loader.CLR_V2} <= set(loader.known_contexts())
