"""Benchmark: what reading back and verifying the written bundle adds to an export.

Every export writes its bundle under a temporary name, reads it back, parses it and
verifies every proof before the file takes its name. This measures ``export_bundle``
in-process (start-up aside) for people with 10 and 40 accepted claims, the first
export (every claim signed) and an export again (credentials and their kept datasets
reused), with the verify step and with it stubbed out. Both variants run in every
round, their order alternating, so a slow spell of the machine slows both alike; the
ratio is the median of each round's pair. Figures go to the ``export-verify`` block
of docs/benchmarks.md ("Signed bundles").

Run: python bench/export_bench.py [--sizes 10 40] [--rounds 9]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import _setup  # noqa: F401  (makes lerkit importable from a checkout)
from bundle_bench import PASSPHRASE, build_person
from docs_section import write_block

KINDS = ("first", "again")
MODES = ("without", "with")


def _stub(*_args: Any, **_kwargs: Any) -> Any:
    from lerkit.core.credentials.report import BundleReport

    return BundleReport(valid=True, holder=None)


class Timed:
    """The real verify step, timing each call."""

    def __init__(self, check: Callable[..., Any]) -> None:
        self.check = check
        self.times: list[float] = []

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return self.check(*args, **kwargs)
        finally:
            self.times.append(time.perf_counter() - start)


Took = tuple[float, float]  # wall time, and CPU time of the main thread (seconds)


def export_once(pristine: Path, home: Path, person: str) -> dict[str, Took]:
    """A fresh copy of the database, a first export, then an export again."""
    from lerkit.services import bundles
    from lerkit.services.context import Lerkit

    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(pristine, home)
    os.environ["LER_HOME"] = str(home)
    ler = Lerkit.open()
    took = {}
    try:
        for kind in KINDS:
            start, cpu = time.perf_counter(), time.thread_time()
            bundles.export_bundle(ler, person, home / f"{kind}.json", PASSPHRASE)
            took[kind] = (time.perf_counter() - start, time.thread_time() - cpu)
    finally:
        ler.close()
    return took


def measure(pristine: Path, home: Path, person: str, rounds: int
            ) -> tuple[dict[tuple[str, str], list[Took]], dict[str, list[float]]]:
    """Export times by (mode, kind), and the verify step's own times by kind."""
    from lerkit.core.credentials.written import check_written_bundle as real
    from lerkit.services import bundles

    names = vars(bundles)  # where export_bundle looks the verify step up at each call
    times: dict[tuple[str, str], list[Took]] = {(m, k): [] for m in MODES for k in KINDS}
    step: dict[str, list[float]] = {kind: [] for kind in KINDS}
    try:
        for number in range(rounds + 1):  # round 0 warms up and is not counted
            for mode in MODES if number % 2 else reversed(MODES):
                timed = Timed(real)
                names["check_written_bundle"] = timed if mode == "with" else _stub
                took = export_once(pristine, home, person)
                if number == 0:
                    continue
                for kind in KINDS:
                    times[mode, kind].append(took[kind])
                if mode == "with":
                    for kind, seconds in zip(KINDS, timed.times, strict=True):
                        step[kind].append(seconds)
    finally:
        names["check_written_bundle"] = real
    return times, step


def clr_share(path: Path, repeats: int = 5) -> float:
    """The CLR's own proof's share of verifying a bundle (medians of ``repeats`` runs)."""
    from lerkit.core.credentials.proofs import verify_proofs
    from lerkit.core.credentials.verify import verify_bundle
    from lerkit.services.bundles import read_bundle

    doc = read_bundle(path)
    took: dict[str, list[float]] = {"clr": [], "all": []}
    for _ in range(repeats):
        for name, check in (("clr", verify_proofs), ("all", verify_bundle)):
            start = time.perf_counter()
            check(doc)
            took[name].append(time.perf_counter() - start)
    return statistics.median(took["clr"]) / statistics.median(took["all"])


def _ratio(with_: list[Took], without: list[Took], clock: int) -> float:
    """The median of each round's ratio, on the wall (0) or CPU (1) clock."""
    return statistics.median(w[clock] / o[clock] for w, o in zip(with_, without, strict=True))


def rows(size: int, times: dict[tuple[str, str], list[Took]],
         step: dict[str, list[float]]) -> list[str]:
    """Table rows for one person: medians, and the medians of the paired ratios."""
    found = []
    for kind in KINDS:
        without, with_ = times["without", kind], times["with", kind]
        what = "first export" if kind == "first" else "export again"
        found.append(
            f"| {size} | {what} | {statistics.median(t[0] for t in without):.3f} s | "
            f"{statistics.median(t[0] for t in with_):.3f} s | "
            f"{statistics.median(step[kind]):.3f} s | {_ratio(with_, without, 0):.2f}× | "
            f"{_ratio(with_, without, 1):.2f}× |")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 40])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--no-docs", action="store_true", help="print, do not write the doc")
    args = parser.parse_args()
    table = []
    shares = []
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            pristine = Path(tmp) / f"pristine-{size}"
            pristine.mkdir()
            person = build_person(pristine, size)
            times, step = measure(pristine, Path(tmp) / "home", person, args.rounds)
            table += rows(size, times, step)
            shares.append(f"{clr_share(Path(tmp) / 'home' / 'again.json'):.0%} with {size}")
    load = os.getloadavg()[0]
    body = "\n".join([
        "What verifying each written bundle costs an export. `export_bundle` in-process "
        "(start-up aside; the Argon2id unlock included, on the other core), each claim with "
        f"a file as evidence, eddsa-rdfc-2022; {args.rounds} rounds, each running the export "
        "with the verify step and with it stubbed out, in alternating order; 2-core shared "
        f"machine, load average {load_before:.1f} at the start and {load:.1f} at the end "
        "(others were testing); one run of "
        "`python bench/export_bench.py`.",
        "",
        "| claims | export | without verify | with verify | verify step | with / without "
        "| same, main thread's CPU time |",
        "|---:|---|---:|---:|---:|---:|---:|",
        *table,
        "",
        "The verify step reads the file back, parses it and checks every proof (the CLR's "
        "and each claim credential's, through JSON-LD) and each endorsement's binding; "
        "times are medians (wall clock), each ratio the median of each round's pair; the "
        "CPU-time ratio leaves out the Argon2id thread and waiting for the machine, so it "
        "moves least with other load. The CLR's own proof is "
        f"{' and '.join(shares)} claims of the verify step: the verifier canonicalizes the "
        "CLR through JSON-LD as a whole, every embedded credential expanded again, "
        "independently of the kept datasets the signer used.",
    ])
    if not args.no_docs:
        write_block("export-verify", body, heading="## Signed bundles")
    print(body)


if __name__ == "__main__":
    main()
