"""Hostile input: the matcher and the loaders raise only lerkit's own input errors."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lerkit.core.errors import BadInputError
from lerkit.core.matching import MatchIndex, load_index, save_index, search
from lerkit.core.matching.text import MAX_TEXT_CHARS
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from lerkit.core.taxonomy.table_format import load_table

ODD = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"]), max_size=400
) | st.sampled_from(
    [
        "\u200b\u200d\ufeff", "ﬁxed ﬂoors", "İstanbul ǅ ß ẞ", "𝐟𝐨𝐫𝐤𝐥𝐢𝐟𝐭", "a" * 5000,
        "x " * 3000, "C.D.L.C.D.L.C.D.L.", "...,,,;;;", "٣٤٥ ١٢", "e\u0301" * 100,
        "IT" * 100, "#+#+#+", "'s's's", "\x00\x01\x02", "CDL" + "\u0301" * 50,
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ODD, top=st.integers(min_value=-2, max_value=30), min_score=st.floats(0, 100))
def test_match_never_fails(small_index: MatchIndex, text: str, top: int, min_score: float) -> None:
    found = search(small_index, text, top=top, min_score=min_score)
    assert len(found) <= max(top, 0)
    for match in found:
        assert 0.0 < match.score <= 100.0
        assert all(word in text for word in match.matched_words)


def test_huge_text_is_refused_clearly(small_index: MatchIndex) -> None:
    with pytest.raises(BadInputError, match="too long"):
        search(small_index, "forklift " * (MAX_TEXT_CHARS // 9 + 1))


@settings(max_examples=150, deadline=None)
@given(raw=st.binary(max_size=600) | ODD.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_loaders_never_fail_on_bytes(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for name in ("t.csv", "t.jsonl", "t.yaml"):
            path = Path(folder) / name
            path.write_bytes(raw)
            try:
                if name.endswith(".yaml"):
                    load_lerkit_yaml(path)
                else:
                    load_table(path)
            except BadInputError:
                pass


YAML_PIECES = st.sampled_from(
    [
        "format: lerkit-taxonomy/1\n", "name: demo\n", "title: T\n", "categories:\n",
        "  - id: c\n", "    label: C\n", "competencies:\n", "  - id: a\n", "    label: A\n",
        "    category: c\n", "    alt_labels: [x, y]\n", "    phrasings: {a: b}\n",
        "    crosswalk:\n", "      esco: [u]\n", "    parent: a\n", "  - &anchor {id: b}\n",
        "  - *anchor\n", "- [[[[\n", "    label: !!python/object:os.system x\n", ": :\n",
        "    description: null\n", "    id: 12\n", "    label: 2024-01-01\n", "\t\n",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(pieces=st.lists(YAML_PIECES, max_size=14))
def test_yaml_loader_never_fails_on_near_valid_files(pieces: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.yaml"
        path.write_text("".join(pieces), encoding="utf-8")
        with contextlib.suppress(BadInputError):
            load_lerkit_yaml(path)


def test_deep_nesting_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("competencies: " + "[" * 20000 + "]" * 20000, encoding="utf-8")
    with pytest.raises(BadInputError):
        load_lerkit_yaml(path)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_cache_loader_never_fails_on_damaged_files(
    small_index: MatchIndex, data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "i.idx"
        save_index(small_index, path)
        raw = bytearray(path.read_bytes())
        for _ in range(data.draw(st.integers(1, 6))):
            position = data.draw(st.integers(0, len(raw) - 1))
            raw[position] = data.draw(st.integers(0, 255))
        path.write_bytes(bytes(raw[: data.draw(st.integers(0, len(raw)))]))
        try:
            index = load_index(path)
        except BadInputError:
            return
        search(index, "kept the family budget, drove a forkli")
