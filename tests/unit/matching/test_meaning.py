"""The meaning model and the meaning index: loading, encoding, caching, refusing damage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from lerkit.core.errors import FileFormatError
from lerkit.core.matching import meaning
from lerkit.core.matching.meaning import MODEL_DIR, StaticModel, load_model, unavailable_reason
from lerkit.core.matching.types import MatchedVia
from lerkit.core.matching.vectors import (
    build_meaning_index,
    load_meaning_index,
    save_meaning_index,
)
from lerkit.core.taxonomy.model import Competency, Taxonomy, fingerprint


@pytest.fixture(scope="module")
def model() -> StaticModel:
    found = load_model()
    assert found is not None, unavailable_reason()
    return found


def _cosine(model: StaticModel, a: str, b: str) -> float:
    return float(model.encode_one(a) @ model.encode_one(b))


def test_shipped_model_encodes_meaning(model: StaticModel) -> None:
    vectors = model.encode(["ran the nebulizer", "", "???"])
    assert vectors.shape == (3, model.dims)
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any()
    care = _cosine(model, "looked after my sick mother at home", "caring for a parent")
    unrelated = _cosine(model, "looked after my sick mother at home", "repaired car engines")
    assert care > unrelated + 0.15
    assert _cosine(model, "planned convoys", "transportation planning") > _cosine(
        model, "planned convoys", "planned a wedding")


def test_meaning_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LER_MEANING", "off")
    assert load_model() is None
    assert "LER_MEANING=off" in unavailable_reason()


def test_a_missing_or_changed_model_is_refused_with_a_reason(tmp_path: Path) -> None:
    assert load_model(tmp_path / "nowhere") is None
    assert "has no vectors.npy" in unavailable_reason(tmp_path / "nowhere")
    changed = tmp_path / "changed"
    shutil.copytree(MODEL_DIR, changed)
    scales = np.load(changed / "scales.npy")
    np.save(changed / "scales.npy", scales * 2.0)
    assert load_model(changed) is None
    assert "do not match model.json" in unavailable_reason(changed)


def test_missing_libraries_are_a_reason_not_a_crash(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    def no_numpy(folder: Path) -> StaticModel:
        raise ImportError("No module named 'numpy'", name="numpy")

    monkeypatch.setattr(meaning, "_read", no_numpy)
    assert load_model(tmp_path) is None
    assert unavailable_reason(tmp_path) == (
        "matching by meaning needs NumPy and tokenizers (numpy is missing)")


def _taxonomy() -> Taxonomy:
    return Taxonomy(name="t", title="t", competencies=[
        Competency("air", "Airway clearance therapy", "Loosens mucus from the lungs.",
                   phrasings=["did the vest and the breathing treatments"]),
        Competency("books", "Bookkeeping", phrasings=["kept the books for the shop"]),
        Competency("convoy", "Convoy operations", alt_labels=["convoy planning"]),
    ])


def test_meaning_index_finds_the_closest_text(model: StaticModel) -> None:
    index = build_meaning_index(_taxonomy(), model, "hash")
    near = index.nearest(model.encode_one("breathing treatments twice a day"), top=2)
    assert near[0].comp == 0
    assert index.texts[near[0].entry] == "did the vest and the breathing treatments"
    assert index.kind(near[0].entry) is MatchedVia.PHRASING
    forced = index.nearest(model.encode_one("breathing treatments"), top=1, extra=(2,))
    assert {n.comp for n in forced} == {0, 2}  # an extra candidate is always scored


def test_meaning_index_cache_round_trip_and_refusals(model: StaticModel,
                                                    tmp_path: Path) -> None:
    taxonomy = _taxonomy()
    digest = fingerprint(taxonomy)
    index = build_meaning_index(taxonomy, model, digest)
    path = tmp_path / "t.npz"
    save_meaning_index(index, path)
    loaded = load_meaning_index(path, digest, model.model_id)
    assert loaded.texts == index.texts
    assert np.array_equal(loaded.entry_vectors, index.entry_vectors)
    with pytest.raises(FileFormatError, match="out of date"):
        load_meaning_index(path, "another hash", model.model_id)
    with pytest.raises(FileFormatError, match="another version or model"):
        load_meaning_index(path, digest, "another model")
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(FileFormatError, match="damaged"):
        load_meaning_index(path, digest, model.model_id)


def test_model_json_names_its_provenance() -> None:
    meta = json.loads((MODEL_DIR / "model.json").read_text(encoding="utf-8"))
    assert meta["license"] == "Apache-2.0"
    assert "all-MiniLM-L6-v2" in meta["teacher"]
    assert (MODEL_DIR / "LICENSE").read_text(encoding="utf-8").lstrip().startswith(
        "Apache License")
    assert "scripts/build_meaning_model.py" in (MODEL_DIR / "MODEL.md").read_text("utf-8")


def test_a_dish_name_the_model_reads_in_pieces_gets_its_kind(model: StaticModel) -> None:
    from lerkit.core.matching.text import for_meaning

    assert not model.knows("tamales") and model.knows("pizza")
    assert for_meaning("sold tamales after mass", model.knows).endswith("(food)")
    assert for_meaning("talked the pizza place into paying", model.knows) == (
        "talked the pizza place into paying")
    assert for_meaning("ran the forklift", model.knows) == "ran the forklift"
    hinted = _cosine(model, for_meaning("sold pupusas", model.knows), "selling food")
    assert hinted > _cosine(model, "sold pupusas", "selling food")
