"""Sentence meaning as vectors: lerkit's static embedding model, loaded and used offline.

The model is a table with one vector per token of a WordPiece vocabulary; a text's vector
is the mean of its tokens' vectors, normalised, so texts close in meaning have a high
cosine similarity even when they share no word ("ran the nebulizer" / "breathing
treatments"). It was distilled from all-MiniLM-L6-v2 and trained further on taxonomy
text (see ``MODEL.md`` beside the model files and the build script
``scripts/build_meaning_model.py``). Encoding a sentence takes a fraction of a
millisecond and needs only NumPy and the ``tokenizers`` library.

The model is optional at run time: :func:`load_model` returns ``None`` and
:func:`unavailable_reason` says why when the libraries or the files are missing, or when
``LER_MEANING=off``; matching then works by words alone and says so.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lerkit.core.errors import FileFormatError
from lerkit.core.i18n import N_, _
from lerkit.core.resources import packaged

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

MODEL_DIR = packaged("meaning-model")
MODEL_FILES = ("vectors.npy", "scales.npy", "tokenizer.json", "model.json")
MAX_TOKENS = 256  # longer texts are cut: the mean of the first 256 tokens
OFF_VALUES = frozenset({"off", "0", "no", "false", "lexical"})
TURNED_OFF = N_("matching by meaning is turned off (LER_MEANING=off)")
_lock = threading.Lock()
_loaded: dict[str, StaticModel | None] = {}
_reasons: dict[str, str] = {}


@dataclass
class StaticModel:
    """A token-vector table and its tokenizer; ``model_id`` names the exact weights."""

    model_id: str
    dims: int
    vectors: NDArray[np.float32]
    tokenizer: Any
    skip_ids: frozenset[int]

    def encode(self, texts: list[str]) -> NDArray[np.float32]:
        """One normalised row per text (a zero row for a text with no known token)."""
        import numpy as np

        out = np.zeros((len(texts), self.dims), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        for row, encoding in enumerate(encodings):
            ids = [i for i in encoding.ids[:MAX_TOKENS] if i not in self.skip_ids]
            if ids:
                out[row] = self.vectors[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        np.divide(out, norms, out=out, where=norms > 0.0)
        return out

    def knows(self, word: str) -> bool:
        """Whether ``word`` is one token of the vocabulary (else it is read in pieces)."""
        return len(self.tokenizer.encode(word, add_special_tokens=False).ids) == 1

    def encode_one(self, text: str) -> NDArray[np.float32]:
        """The normalised vector of one text."""
        row: NDArray[np.float32] = self.encode([text])[0]
        return row


def meaning_enabled() -> bool:
    """False when ``LER_MEANING`` turns matching by meaning off."""
    return os.environ.get("LER_MEANING", "").strip().lower() not in OFF_VALUES


def load_model(folder: Path | None = None) -> StaticModel | None:
    """The model in ``folder`` (the shipped one by default), loaded once per process;
    ``None`` when it cannot be used (see :func:`unavailable_reason`)."""
    where = folder or MODEL_DIR
    key = str(where)
    if not meaning_enabled():
        _reasons[key] = TURNED_OFF
        return None
    with _lock:
        if key not in _loaded:
            try:
                _loaded[key] = _read(where)
            except (ImportError, OSError, FileFormatError) as exc:
                _loaded[key] = None
                _reasons[key] = _reason(exc)
        return _loaded[key]


def unavailable_reason(folder: Path | None = None) -> str:
    """Why the model could not be loaded ("" if it was, or was not tried)."""
    if not meaning_enabled():
        return _(TURNED_OFF)
    return _reasons.get(str(folder or MODEL_DIR), "")


def _reason(exc: Exception) -> str:
    if isinstance(exc, ImportError):
        return _("matching by meaning needs NumPy and tokenizers ({name} is missing)").format(
            name=exc.name or exc)
    if isinstance(exc, FileFormatError):
        return _("the meaning model is damaged: {reason}").format(reason=exc.message)
    return _("the meaning model cannot be read: {reason}").format(reason=exc)


def _read(folder: Path) -> StaticModel:
    import numpy as np
    from tokenizers import Tokenizer

    missing = [name for name in MODEL_FILES if not (folder / name).is_file()]
    if missing:
        raise OSError(f"{folder} has no {', '.join(missing)}")
    meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    digest = hashlib.sha256()
    for name in MODEL_FILES[:3]:
        digest.update((folder / name).read_bytes())
    if meta.get("sha256") != digest.hexdigest():
        raise FileFormatError(str(folder), "its files do not match model.json's sha256")
    quantized = np.load(folder / "vectors.npy", allow_pickle=False)
    scales = np.load(folder / "scales.npy", allow_pickle=False)
    if quantized.ndim != 2 or scales.shape != (quantized.shape[0],):
        raise FileFormatError(str(folder), "vectors and scales do not fit together")
    vectors = quantized.astype(np.float32) * scales.astype(np.float32)[:, None]
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    if tokenizer.get_vocab_size() > vectors.shape[0]:
        raise FileFormatError(str(folder), "the tokenizer has more tokens than the vectors")
    skip = {tokenizer.token_to_id(t) for t in ("[UNK]", "[PAD]", "[CLS]", "[SEP]")}
    return StaticModel(
        model_id=str(meta.get("id", "unknown"))[:40] + "-" + digest.hexdigest()[:12],
        dims=int(vectors.shape[1]),
        vectors=vectors,
        tokenizer=tokenizer,
        skip_ids=frozenset(i for i in skip if i is not None),
    )
