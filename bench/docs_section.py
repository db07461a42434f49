"""Write a benchmark's figures into its own block of ``docs/benchmarks.md``.

The matching benchmarks live under the ``## Matching`` heading; each script owns the
block between ``<!-- NAME:start -->`` and ``<!-- NAME:end -->`` and rewrites only that.
Other sections of the file (written by other benchmarks) are left as they are.
"""

from __future__ import annotations

from pathlib import Path

from _setup import REPO

DOC = REPO / "docs" / "benchmarks.md"
HEADING = "## Matching"
INTRO = (
    "Figures written by the scripts in `bench/` (`match_eval.py`, `match_speed.py`,\n"
    "`register_eval.py`); rerun them to refresh this section.\n"
)


def write_block(name: str, body: str, path: Path = DOC, heading: str = HEADING) -> None:
    """Replace (or add) the block ``name`` under ``heading`` in the benchmarks doc."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if heading not in text:
        intro = INTRO if heading == HEADING else ""
        text = text.rstrip() + f"\n\n{heading}\n\n{intro}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + block + after
    else:
        head, tail = text.split(heading, 1)
        next_section = tail.find("\n## ")
        if next_section == -1:
            text = head + heading + tail.rstrip() + "\n\n" + block + "\n"
        else:
            cut = next_section + 1
            text = head + heading + tail[:cut].rstrip() + "\n\n" + block + "\n\n" + tail[cut:]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
