"""The cache file: round trip, invalidation by content hash, damaged files, determinism."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from lerkit.core.errors import BadInputError, FileFormatError
from lerkit.core.matching import (
    MatchIndex,
    build_index,
    content_hash,
    load_index,
    save_index,
    search,
)
from lerkit.core.matching.store import MAGIC
from tests.unit.matching.conftest import small_taxonomy

QUERIES = ["kept the family budget", "CDL", "forkl", "stock control", "cpr and first aid", ""]


def _results(index: MatchIndex) -> list[list[tuple[str, float, tuple[str, ...]]]]:
    return [
        [(m.competency_id, m.score, m.matched_words) for m in search(index, q, top=8)]
        for q in QUERIES
    ]


def test_round_trip_gives_the_same_answers(tmp_path: Path, small_index: MatchIndex) -> None:
    path = tmp_path / "cache" / "small.idx"
    save_index(small_index, path)
    assert path.read_bytes().startswith(MAGIC)
    loaded = load_index(path, content_hash(small_taxonomy()))
    assert loaded.content_hash == small_index.content_hash
    assert _results(loaded) == _results(small_index)
    assert not list(path.parent.glob(".*.tmp"))


def test_build_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.idx", tmp_path / "b.idx"
    save_index(build_index(small_taxonomy()), first)
    save_index(build_index(small_taxonomy()), second)
    assert first.read_bytes() == second.read_bytes()


def test_match_is_deterministic(small_index: MatchIndex) -> None:
    assert _results(small_index) == _results(small_index)


def test_content_hash_follows_what_matching_reads() -> None:
    taxonomy = small_taxonomy()
    before = content_hash(taxonomy)
    assert content_hash(copy.deepcopy(taxonomy)) == before
    changed = copy.deepcopy(taxonomy)
    changed.competencies[0].phrasings.append("gave mom her insulin")
    assert content_hash(changed) != before
    relabelled = copy.deepcopy(taxonomy)
    relabelled.competencies[3].label = "Forklift driving"
    assert content_hash(relabelled) != before
    crosswalked = copy.deepcopy(taxonomy)  # crosswalks do not change matching
    crosswalked.competencies[0].crosswalk = {"onet_soc": ["31-1122.00"]}
    assert content_hash(crosswalked) == before


def test_stale_cache_is_refused(tmp_path: Path, small_index: MatchIndex) -> None:
    path = tmp_path / "small.idx"
    save_index(small_index, path)
    changed = small_taxonomy()
    changed.competencies[0].label = "Medicine management"
    with pytest.raises(FileFormatError, match="out of date"):
        load_index(path, content_hash(changed))


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"PK\x03\x04" + data,
        lambda data: data[: len(data) // 2],
        lambda data: data[:12] + b"{not json" + data[21:],
        lambda data: data.replace(b'"version": 3', b'"version": 9'),
        lambda data: data[:-8] + b"\xff\xff\xff\x7f" * 2,
        lambda data: data + b"\x00" * 3,
    ],
)
def test_damaged_cache_gives_a_clear_error(
    tmp_path: Path, small_index: MatchIndex, damage: object
) -> None:
    path = tmp_path / "small.idx"
    save_index(small_index, path)
    assert callable(damage)
    path.write_bytes(damage(path.read_bytes()))
    with pytest.raises(FileFormatError):
        load_index(path)  # a damaged array must never reach a query


def test_missing_cache_file(tmp_path: Path) -> None:
    with pytest.raises(BadInputError):
        load_index(tmp_path / "nope.idx")
