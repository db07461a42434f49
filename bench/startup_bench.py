"""Start-up of commands that do not match, and wheel size: this tree against an earlier one.

Runs ``ler --help`` and ``ler person list`` as whole processes, alternating between the
two source trees (``--before PATH``, e.g. a ``git worktree`` of an earlier commit) so
that both meet the same load on this shared machine, and reports medians; builds both
wheels and reports their sizes. Writes a block into ``docs/benchmarks.md`` unless
``--no-write``.

    .venv/bin/python bench/startup_bench.py --before ../lerkit-before [--rounds 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import REPO
from docs_section import write_block

COMMANDS = (["--help"], ["person", "list"])


def _run(tree: Path, args: list[str], env: dict[str, str]) -> float:
    code = "import sys; sys.argv = ['ler', *sys.argv[1:]]; from lerkit.cli import main; main()"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], env={**env, "PYTHONPATH": str(
        tree / "src")}, capture_output=True, check=True)
    return time.perf_counter() - started


def _wheel(tree: Path, folder: Path) -> float:
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir",
                    str(folder), str(tree)], capture_output=True, check=True)
    [wheel] = folder.glob("*.whl")
    return wheel.stat().st_size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "now": REPO}
    times: dict[tuple[str, str], list[float]] = {}
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LER_HOME": home}
        for tree in trees.values():  # first runs create the database and caches
            for command in COMMANDS:
                _run(tree, command, env)
        for _ in range(args.rounds):
            for label, tree in trees.items():
                for command in COMMANDS:
                    times.setdefault((label, " ".join(command)), []).append(
                        _run(tree, command, env))
    with tempfile.TemporaryDirectory() as folder:
        sizes = {label: _wheel(tree, Path(folder) / label) for label, tree in trees.items()}
    rows = ["| | before | now |", "|---|---:|---:|"]
    for command in COMMANDS:
        name = " ".join(command)
        cells = [statistics.median(times[(label, name)]) for label in trees]
        rows.append(f"| `ler {name}`, median of {args.rounds} | {cells[0]:.2f} s | "
                    f"{cells[1]:.2f} s |")
    rows.append(f"| wheel | {sizes['before']:.1f} MB | {sizes['now']:.1f} MB |")
    body = "\n".join([
        "### Start-up and wheel size, before and after matching by meaning",
        "",
        f"Whole processes, the two source trees alternating ({args.rounds} rounds), on this "
        "shared 2-core machine. Neither command loads the meaning model or NumPy (a test "
        "checks it); the wheel now carries the meaning model (about 10 MB of it) and the "
        "O*NET pack (125 KiB).",
        "",
        *rows,
    ])
    print(body)
    if not args.no_write:
        write_block("startup", body)


if __name__ == "__main__":
    main()
