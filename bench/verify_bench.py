"""Benchmark: ``ler verify`` against the reference ``verify-vc`` on the same bundle files.

Bundles of 10, 50 and 500 accepted claims (each with a note and a link as evidence,
eddsa-rdfc-2022, signed in-process) are verified by whole processes, start-up included:
``ler verify FILE`` and the reference verifier ``verify-vc FILE``. Each round runs both
on each file, their order alternating, so a slow spell of this shared machine slows both
alike; the ratio is the median of each round's pair (ours / reference). Figures go to
the ``verify-speed`` block of docs/benchmarks.md ("Signed bundles").

Targets: at most 0.6x the reference's time at 10 claims, 0.4x at 50, 0.25x at 500.

Run: python bench/verify_bench.py [--sizes 10 50 500] [--rounds 11] [--pause 2]
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import shared_root
from docs_section import write_block

TARGETS = {10: 0.6, 50: 0.4, 500: 0.25}


def write_bundle(path: Path, claims: int) -> None:
    """A signed bundle of ``claims`` accepted claims from two experiences."""
    from lerkit.core.credentials import BundleOptions, Identity, sign_bundle
    from lerkit.core.records import (
        ClaimRecord,
        ClaimStatus,
        EvidenceKind,
        EvidenceRecord,
        ExperienceRecord,
        LifeArea,
        Proficiency,
    )

    work = ExperienceRecord(id="exp-work", life_area=LifeArea.PAID_WORK, title="Warehouse lead",
                            organization="Depot", place="Leeds", started="2015", ended="2022",
                            narrative="Ran the night shift.")
    help_out = ExperienceRecord(id="exp-help", life_area=LifeArea.VOLUNTEERING,
                                title="Stock coordinator", organization="Food Bank",
                                started="2019-03", ongoing=True)
    records = [ClaimRecord(
        id=f"claim-{n}", taxonomy="lerkit", competency_id=f"area.skill-{n}",
        label=f"Skill number {n}", description=f"What skill {n} is about.",
        status=ClaimStatus.ACCEPTED, proficiency=Proficiency.ON_MY_OWN,
        experience=work if n % 2 else help_out,
        evidence=[EvidenceRecord(id=f"note-{n}", kind=EvidenceKind.NOTE, name="Note",
                                 narrative=f"Did it {n} times."),
                  EvidenceRecord(id=f"link-{n}", kind=EvidenceKind.URL, name="Link",
                                 url=f"https://example.org/work/{n}")],
        target_url=f"http://data.europa.eu/esco/skill/example-{n}", framework="ESCO",
    ) for n in range(claims)]
    bundle = sign_bundle(Identity.from_seed(bytes(range(32))), records,
                         BundleOptions(holder_name="Benchmark Person"))
    path.write_text(json.dumps(bundle, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{command[-1]} did not verify: {proc.stdout[-400:]}{proc.stderr[-400:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 50, 500])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--pause", type=float, default=2.0)
    parser.add_argument("--no-doc", action="store_true", help="print only, do not write docs")
    args = parser.parse_args()
    verify_vc = shared_root() / "interop" / "verify-vc"
    if not verify_vc.exists():
        raise SystemExit(f"the reference verifier is not at {verify_vc} (set LER_SHARED)")
    import lerkit

    compileall.compile_dir(Path(lerkit.__file__).parent, quiet=1)
    ours: dict[int, list[float]] = {n: [] for n in args.sizes}
    theirs: dict[int, list[float]] = {n: [] for n in args.sizes}
    sizes: dict[int, int] = {}
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        files = {n: Path(tmp) / f"bundle-{n}.json" for n in args.sizes}
        for n, path in files.items():
            write_bundle(path, n)
            sizes[n] = path.stat().st_size
            timed([str(verify_vc), str(path)])  # warm-up (the first call may install)
            timed([sys.executable, "-m", "lerkit", "verify", str(path)])
        for number in range(args.rounds):
            if number:
                time.sleep(args.pause)
            for n, path in files.items():
                pair = [("ours", [sys.executable, "-m", "lerkit", "verify", str(path)]),
                        ("theirs", [str(verify_vc), str(path)])]
                for who, command in pair if number % 2 == 0 else reversed(pair):
                    (ours if who == "ours" else theirs)[n].append(timed(command))
    rows = []
    for n in args.sizes:
        ratio = statistics.median(a / b for a, b in zip(ours[n], theirs[n], strict=True))
        target = TARGETS.get(n)
        verdict = "" if target is None else ("met" if ratio <= target else "NOT met")
        rows.append(f"| {n} | {sizes[n] / 1024:.0f} KiB | {statistics.median(ours[n]):.2f} s | "
                    f"{min(ours[n]):.2f} s | {statistics.median(theirs[n]):.2f} s | "
                    f"{ratio:.2f}× | {'' if target is None else f'≤ {target}×'} {verdict} |")
    body = "\n".join([
        "`ler verify` and the reference `verify-vc` on the same bundle files: whole processes, "
        "start-up included, each bundle eddsa-rdfc-2022 with every claim's note and link as "
        f"evidence; {args.rounds} rounds {args.pause:g} s apart, each running both on every "
        "file in alternating order; 2-core shared machine, load average "
        f"{load:.1f} at the start and {os.getloadavg()[0]:.1f} at the end; one run of "
        "`python bench/verify_bench.py`.",
        "",
        "| claims | file | `ler verify` median | best | `verify-vc` median | "
        "ours / reference (median of pairs) | target |",
        "|---:|---:|---:|---:|---:|---:|---|",
        *rows,
        "",
        "`ler verify` imports only `lerkit.core` (no SQLAlchemy or SQLModel), and builds the "
        "CLR's canonical dataset from the datasets of its embedded credentials, which "
        "checking their own proofs canonicalizes anyway (docs/credentials.md, "
        "\"Verifying a bundle\").",
    ])
    print(body)
    if not args.no_doc:
        write_block("verify-speed", body, heading="## Signed bundles")


if __name__ == "__main__":
    main()
