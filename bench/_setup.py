"""Make ``import lerkit`` work from a source checkout and find the shared data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
try:
    import lerkit  # noqa: F401
except ImportError:  # not installed: use the source tree
    sys.path.insert(0, str(REPO / "src"))


def shared_root() -> Path:
    """``LER_SHARED`` or ``../shared`` next to the repository."""
    env = os.environ.get("LER_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def dev_dir() -> Path:
    """The folder of the dev evaluation sets."""
    return shared_root() / "data" / "eval" / "dev"
