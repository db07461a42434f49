"""The layers hold: import-linter contracts, and no UI library loaded by headless code."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import lerkit

REPO = Path(__file__).resolve().parents[2]
HEADLESS = ("lerkit.core", "lerkit.storage", "lerkit.services")
UI_LIBRARIES = ("textual", "typer", "rich")


def _modules(package: str) -> list[str]:
    root = Path(lerkit.__file__).parent / package.split(".", 1)[1].replace(".", "/")
    found = [package]
    for info in pkgutil.walk_packages([str(root)], prefix=package + "."):
        found.append(info.name)
    return found


HEADLESS_MODULES = [m for p in HEADLESS for m in _modules(p)]


def test_there_are_headless_modules_to_check() -> None:
    assert "lerkit.storage.db" in HEADLESS_MODULES
    assert "lerkit.services.people" in HEADLESS_MODULES


@pytest.mark.parametrize("module", HEADLESS_MODULES)
def test_headless_module_loads_no_ui_library(module: str) -> None:
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {UI_LIBRARIES!r})\n"
        "print(','.join(bad))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "", f"{module} loaded {proc.stdout.strip()}"


def test_core_loads_no_database_library() -> None:
    core = [m for m in HEADLESS_MODULES if m.startswith("lerkit.core")]
    code = (
        "import importlib, sys\n"
        f"for m in {core!r}: importlib.import_module(m)\n"
        "print(','.join(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'psycopg'))))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == ""


def test_import_linter_contracts_are_kept() -> None:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    proc = subprocess.run(
        [exe, "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "broken" in proc.stdout and "0 broken" in proc.stdout
