"""Find the shipped data folders (``taxonomies/`` and ``prompts/``).

One loader for every way lerkit is installed: a wheel carries the folders under
``lerkit/_data/``; a source checkout (editable install) has them at the repository root.
``LER_DATA_DIR`` points at another folder holding both, for coaches' own copies.
"""

from __future__ import annotations

import os
from pathlib import Path

from lerkit.core.errors import NotFoundError
from lerkit.core.i18n import _

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_KINDS = ("taxonomies", "prompts")


def data_dir(kind: str) -> Path:
    """The folder holding shipped data of ``kind`` ("taxonomies" or "prompts")."""
    if kind not in _KINDS:
        raise ValueError(f"unknown data kind {kind!r}")
    candidates: list[Path] = []
    override = os.environ.get("LER_DATA_DIR")
    if override:
        candidates.append(Path(override).expanduser() / kind)
    candidates.append(_PACKAGE_DIR / "_data" / kind)
    candidates.append(_PACKAGE_DIR.parent.parent / kind)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise NotFoundError(_("cannot find lerkit's {kind} folder (looked in {place})")
                        .format(kind=kind, place=candidates[0]))


def data_file(kind: str, relative: str) -> Path:
    """A file inside a shipped data folder; a clear error if it is missing."""
    path = data_dir(kind) / relative
    if not path.exists():
        raise NotFoundError(_("{kind}/{relative} is not shipped with this lerkit")
                            .format(kind=kind, relative=relative))
    return path


def packaged(relative: str) -> Path:
    """A file or folder of derived data that ships inside the package (``lerkit/data/``):
    the meaning model and the O*NET pack, each built by a script in ``scripts/``."""
    return _PACKAGE_DIR / "data" / relative
