"""Hostile input to every importer gives a clear lerkit error, never a crash."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lerkit.core.errors import LerError
from lerkit.core.taxonomy.case import load_case
from lerkit.core.taxonomy.esco import load_esco
from lerkit.core.taxonomy.onet import load_onet
from lerkit.core.taxonomy.rsd import load_rsd

KEYS = ["CFItems", "CFDocument", "identifier", "fullStatement", "skillName", "id", "uuid",
        "keywords", "categories", "occupations", "skills", "CFAssociations", "originNodeURI",
        "destinationNodeURI"]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(KEYS) | st.text(max_size=8),
        children, max_size=5,
    ),
    max_leaves=20,
)
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _try(loader: object, path: Path) -> None:
    try:
        loader(path)  # type: ignore[operator]
    except LerError as exc:
        if not exc.message:
            raise AssertionError("an error without a message") from exc


@FUZZ
@given(doc=json_values)
def test_case_and_rsd_survive_any_json(doc: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "doc.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        _try(load_case, path)
        _try(load_rsd, path)


@FUZZ
@given(raw=st.binary(max_size=400))
def test_every_importer_survives_any_bytes(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name in ("DWA Reference.txt", "IWA Reference.txt", "Occupation Data.txt",
                     "Content Model Reference.txt", "Alternate Titles.txt",
                     "Technology Skills.txt"):
            (folder / name).write_bytes(raw)
        _try(load_onet, folder)
        esco = folder / "esco"
        esco.mkdir()
        (esco / "skills_en.csv").write_bytes(raw)
        (esco / "occupations_en.csv").write_bytes(raw)
        _try(load_esco, esco)
        _try(load_esco, esco / "skills_en.csv")
        (folder / "doc.json").write_bytes(raw)
        _try(load_case, folder / "doc.json")
        _try(load_rsd, folder / "doc.json")


@FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=6))
def test_onet_tables_with_odd_rows(rows: list[list[str]]) -> None:
    header = "Element ID\tIWA ID\tDWA ID\tDWA Title\n"
    body = "\n".join("\t".join(r) for r in rows)
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "DWA Reference.txt").write_text(header + body, encoding="utf-8",
                                                     errors="surrogatepass")
        _try(load_onet, Path(tmp))
