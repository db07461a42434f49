"""The cache file: round trip, invalidation by content hash, damaged files, determinism."""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
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
from lerkit.core.matching.index import INDEX_VERSION
from lerkit.core.matching.store import MAGIC
from tests.unit.matching.conftest import small_taxonomy

REPO = Path(__file__).resolve().parents[3]
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


# Builds the small taxonomy's lexical and meaning indexes from scratch, writes both into
# the cache folder given, reads them back, and prints what the hybrid matcher and the
# lexical search found for QUERIES.
_BUILD_AND_MATCH = """
import json, sys
from pathlib import Path
from lerkit.core.matching import build_index, content_hash, load_index, save_index, search
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.meaning import load_model, unavailable_reason
from lerkit.core.matching.vectors import (build_meaning_index, load_meaning_index,
                                          save_meaning_index)
from lerkit.core.taxonomy.model import fingerprint
from tests.unit.matching.conftest import small_taxonomy

cache, queries = Path(sys.argv[1]), json.loads(sys.argv[2])
taxonomy = small_taxonomy()
model = load_model()
if model is None:
    sys.exit(unavailable_reason())
save_index(build_index(taxonomy), cache / "small.idx")
save_meaning_index(build_meaning_index(taxonomy, model, fingerprint(taxonomy)),
                   cache / "small.npz")
lexical = load_index(cache / "small.idx", content_hash(taxonomy))
matcher = Matcher(lexical, model=model, meaning=load_meaning_index(
    cache / "small.npz", fingerprint(taxonomy), model.model_id))
print(json.dumps({
    "search": [[[m.competency_id, m.score, m.matched_words] for m in search(lexical, q, top=8)]
               for q in queries],
    "hybrid": [[[m.competency_id, m.score, m.matched_via, m.matched_text, m.matched_words]
                for m in matcher.match(q, top=8)] for q in queries],
}))
"""


Found = dict[str, list[list[list[object]]]]  # "search" / "hybrid" -> per query, matches


def _in_fresh_process(cache: Path, hash_seed: str) -> Found:
    cache.mkdir()
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run([sys.executable, "-c", _BUILD_AND_MATCH, str(cache),
                           json.dumps(QUERIES)], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr + done.stdout
    assert {p.name for p in cache.iterdir()} == {"small.idx", "small.npz"}
    found: Found = json.loads(done.stdout)
    return found


def test_match_is_deterministic(tmp_path: Path) -> None:
    """Two processes (each with its own string hashing) build, cache and reload the
    indexes from scratch, in two cache folders, and find exactly the same, score for
    score; so does this process with an index of its own."""
    first = _in_fresh_process(tmp_path / "one", "1")
    second = _in_fresh_process(tmp_path / "two", "2")
    assert first == second
    one, two = tmp_path / "one" / "small.idx", tmp_path / "two" / "small.idx"
    assert one.read_bytes() == two.read_bytes()
    assert all(first["hybrid"][:-1]) and first["hybrid"][-1] == [], first  # "" finds nothing
    fresh = build_index(small_taxonomy())
    here = [[[m.competency_id, m.score, list(m.matched_words)] for m in search(fresh, q, top=8)]
            for q in QUERIES]
    assert first["search"] == here


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
        lambda data: data.replace(f'"version": {INDEX_VERSION}'.encode(), b'"version": 99'),
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
