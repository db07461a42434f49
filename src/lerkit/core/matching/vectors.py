"""The meaning index of one taxonomy: a vector for every text of every competency.

Each competency's label, alternative labels, everyday phrasings and its label joined to
its description are encoded once (when the taxonomy is imported, or on first use) and
stored next to the lexical index, named by the same content hash and the model's id, so a
changed taxonomy or model never uses stale vectors. A query is scored against one centroid
per competency first; the best candidates (and any the caller adds, such as the lexical
matches) are then scored exactly, by their closest text.

The cache file is a NumPy ``.npz`` archive read with ``allow_pickle=False``: a damaged or
foreign file gives a :class:`FileFormatError` and the caller rebuilds it.
"""

from __future__ import annotations

import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lerkit.core.errors import FileFormatError
from lerkit.core.matching.meaning import StaticModel
from lerkit.core.matching.types import MatchedVia
from lerkit.core.taxonomy.model import Taxonomy

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

VECTORS_VERSION = 1
KINDS = (MatchedVia.LABEL, MatchedVia.ALT_LABEL, MatchedVia.PHRASING, MatchedVia.DESCRIPTION)
MAX_TEXTS = 40  # per competency: a few ESCO skills list dozens of alternative labels
CANDIDATES = 60  # competencies scored by their closest text after the centroid pass...
EXACT_EXTRA = 30  # ...and as many of the lexical candidates


@dataclass(frozen=True, slots=True)
class Near:
    """A competency close in meaning: its number, cosine and closest text."""

    comp: int
    score: float
    entry: int


@dataclass
class MeaningIndex:
    """Vectors of a taxonomy's texts, grouped by competency (entries of one are contiguous)."""

    content_hash: str
    model_id: str
    entry_vectors: NDArray[np.float16]
    entry_kind: NDArray[np.uint8]
    offsets: NDArray[np.int64]  # competency c owns entries offsets[c]:offsets[c + 1]
    centroids: NDArray[np.float32]
    texts: list[str]

    def kind(self, entry: int) -> MatchedVia:
        """Which text of its competency an entry is."""
        return KINDS[int(self.entry_kind[entry])]

    def nearest(self, query: NDArray[np.float32], top: int = 50,
                extra: tuple[int, ...] = (), whole: float = 0.0) -> list[Near]:
        """The ``top`` competencies closest to ``query`` (a normalised vector); ``extra``
        competencies are always scored. A competency's score is its centroid's cosine,
        blended by ``1 - whole`` with the cosine of its closest text: a single phrasing
        that shares one noun with the query counts less than the competency as a whole.
        Closest texts are looked for among the ``CANDIDATES`` best centroids and the first
        ``EXACT_EXTRA`` of ``extra``; the rest of ``extra`` is scored by its centroid."""
        import numpy as np

        if not query.any() or not len(self.centroids):
            return []
        rough = self.centroids @ query
        keep = min(max(CANDIDATES, top), len(rough))
        valid = [c for c in extra if 0 <= c < len(rough)]
        chosen = np.union1d(np.argpartition(-rough, keep - 1)[:keep],
                            np.asarray(valid[:EXACT_EXTRA], dtype=np.int64))
        chosen = chosen[self.offsets[chosen + 1] > self.offsets[chosen]]
        starts = self.offsets[chosen]
        widths = self.offsets[chosen + 1] - starts
        firsts = np.cumsum(widths) - widths  # where each candidate's rows begin in ``rows``
        rows = np.repeat(starts - firsts, widths) + np.arange(int(widths.sum()))
        scores = self.entry_vectors[rows].astype(np.float32) @ query
        best = np.maximum.reduceat(scores, firsts)
        peaks = np.flatnonzero(scores == np.repeat(best, widths))
        at = rows[peaks[np.searchsorted(peaks, firsts)]]  # each candidate's closest text
        final = (1.0 - whole) * best + whole * rough[chosen]
        found = {int(c): Near(int(c), float(f), int(a))
                 for c, f, a in zip(chosen, final, at, strict=True)}
        for comp in valid[EXACT_EXTRA:]:
            if comp not in found and self.offsets[comp + 1] > self.offsets[comp]:
                found[comp] = Near(comp, float(rough[comp]), int(self.offsets[comp]))
        ranked = sorted(found.values(), key=lambda n: (-n.score, n.comp))
        wanted = set(valid)
        return ranked[:top] + [n for n in ranked[top:] if n.comp in wanted]


def _texts(taxonomy: Taxonomy) -> tuple[list[str], list[int], list[int]]:
    texts: list[str] = []
    kinds: list[int] = []
    offsets = [0]
    for c in taxonomy.competencies:
        mine: list[tuple[int, str]] = [(0, c.label)]
        mine += ([(1, a) for a in c.alt_labels] + [(2, p) for p in c.phrasings])[: MAX_TEXTS - 2]
        if c.description:
            mine.append((3, f"{c.label}. {c.description}"))
        seen: set[str] = set()
        for kind, text in mine:
            clean = " ".join(text.split())
            if clean and clean.casefold() not in seen:
                seen.add(clean.casefold())
                texts.append(clean)
                kinds.append(kind)
        offsets.append(len(texts))
    return texts, kinds, offsets


def build_meaning_index(taxonomy: Taxonomy, model: StaticModel,
                        content_hash: str) -> MeaningIndex:
    """Encode every text of ``taxonomy`` (deterministic: same inputs, same vectors)."""
    import numpy as np

    texts, kinds, offsets = _texts(taxonomy)
    vectors = model.encode(texts)
    bounds = np.asarray(offsets, dtype=np.int64)
    centroids = np.zeros((len(taxonomy.competencies), model.dims), dtype=np.float32)
    for comp in range(len(taxonomy.competencies)):
        if bounds[comp + 1] > bounds[comp]:
            centroids[comp] = vectors[bounds[comp] : bounds[comp + 1]].mean(axis=0)
    norms = np.linalg.norm(centroids, axis=1, keepdims=True)
    np.divide(centroids, norms, out=centroids, where=norms > 0.0)
    return MeaningIndex(
        content_hash=content_hash, model_id=model.model_id,
        entry_vectors=vectors.astype(np.float16), entry_kind=np.asarray(kinds, dtype=np.uint8),
        offsets=bounds, centroids=centroids, texts=texts,
    )


def save_meaning_index(index: MeaningIndex, path: Path) -> None:
    """Write ``index`` atomically (a temporary file renamed into place)."""
    import numpy as np

    header = {"version": VECTORS_VERSION, "content_hash": index.content_hash,
              "model_id": index.model_id, "texts": index.texts}
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp.npz")
    np.savez(
        temporary, header=np.frombuffer(json.dumps(header).encode(), dtype=np.uint8),
        entry_vectors=index.entry_vectors, entry_kind=index.entry_kind,
        offsets=index.offsets, centroids=index.centroids,
    )
    os.replace(temporary, path)


def load_meaning_index(path: Path, content_hash: str, model_id: str) -> MeaningIndex:
    """Read an index written by :func:`save_meaning_index` for this taxonomy and model."""
    import numpy as np

    source = str(path)
    try:
        with np.load(path, allow_pickle=False) as data:
            header = json.loads(data["header"].tobytes().decode())
            arrays = {k: data[k] for k in ("entry_vectors", "entry_kind", "offsets", "centroids")}
    except (OSError, ValueError, KeyError, UnicodeDecodeError, EOFError,
            zipfile.BadZipFile) as exc:
        raise FileFormatError(source, f"damaged meaning index ({type(exc).__name__})") from None
    if header.get("version") != VECTORS_VERSION or header.get("model_id") != model_id:
        raise FileFormatError(source, "meaning index of another version or model")
    if header.get("content_hash") != content_hash:
        raise FileFormatError(source, "meaning index is out of date (the taxonomy changed)")
    index = MeaningIndex(content_hash=content_hash, model_id=model_id,
                         texts=list(header.get("texts", [])), **arrays)
    _check(index, source)
    return index


def _check(index: MeaningIndex, source: str) -> None:
    import numpy as np

    entries = len(index.texts)
    offsets = index.offsets
    ok = (
        index.entry_vectors.ndim == 2 and index.centroids.ndim == 2
        and index.entry_vectors.shape == (entries, index.centroids.shape[1])
        and index.entry_kind.shape == (entries,) and offsets.ndim == 1
        and len(offsets) == len(index.centroids) + 1
        and (len(offsets) == 0 or (offsets[0] == 0 and offsets[-1] == entries))
        and bool(np.all(np.diff(offsets) >= 0))
        and bool(np.all(index.entry_kind < len(KINDS)))
        and bool(np.all(np.isfinite(index.centroids)))
        and all(isinstance(t, str) for t in index.texts)
    )
    if not ok:
        raise FileFormatError(source, "damaged meaning index: its parts do not fit together")
