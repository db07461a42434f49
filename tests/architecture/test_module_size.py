"""Small modules: none of lerkit's own over 400 lines (the house style)."""

from __future__ import annotations

from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "lerkit"
LIMIT = 400


def test_no_module_is_over_400_lines() -> None:
    sizes = {p.relative_to(SRC).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in SRC.rglob("*.py")}
    assert len(sizes) > 100  # the package was found
    assert {name: n for name, n in sizes.items() if n > LIMIT} == {}
