"""Occupation fit: self-consistency on O*NET, veterans' codes, and speed.

- Self-consistency: for every occupation with at least 8 DWAs, a random half of its DWAs
  as a profile should rank it in the top 5 (target: 90% of cases), and a random fifth in
  the top 10 (target: 60%); several seeds.
- Veterans: for each military code in lerkit's crosswalk, the profile made from the
  code's competencies (their crosswalked DWAs; the code's own occupation list is *not*
  used) should rank at least one of the code's civilian occupations in the top 10.
- Speed: ranking every occupation for one person (target under 50 ms), and ``ler jobs``
  as a whole process for the demo person (target under 1 s).

Writes a block into ``docs/benchmarks.md`` unless ``--no-write``.

    .venv/bin/python bench/jobs_bench.py [--seeds 3] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

from _setup import REPO
from docs_section import write_block
from lerkit.core.occupations.fit import OccupationIndex
from lerkit.core.resources import packaged
from lerkit.core.taxonomy.onet_pack import shipped_pack
from lerkit.services import jobs, military

MIN_DWAS = 8


def self_consistency(index: OccupationIndex, seeds: int) -> dict[str, float]:
    """Share of cases where a sampled profile ranks its own occupation high enough."""
    cases = {"half_top5": [0, 0], "fifth_top10": [0, 0]}
    for seed in range(seeds):
        rng = random.Random(seed)
        for occ in index.occupations:
            if len(occ.dwas) < MIN_DWAS:
                continue
            dwas = [d for d, _ in occ.dwas]
            for name, share, top in (("half_top5", 0.5, 5), ("fifth_top10", 0.2, 10)):
                sample = set(rng.sample(dwas, max(1, round(len(dwas) * share))))
                ranked = [f.occupation.code for f in index.rank(sample)[:top]]
                cases[name][0] += occ.code in ranked
                cases[name][1] += 1
    return {name: hit / total for name, (hit, total) in cases.items()} | {
        "cases": cases["half_top5"][1]}


def veterans(index: OccupationIndex) -> dict[str, float]:
    """Share of military codes whose competencies rank one of their occupations high."""
    walk = jobs.crosswalk()
    top10 = top5 = total = 0
    for job in military.crosswalk().occupations:
        dwas = {d for c in job.competencies for d in walk.get(c, ())}
        codes = [f.occupation.code for f in index.rank(dwas)[:10]]
        total += 1
        top10 += any(code in codes for code in job.onet_soc)
        top5 += any(code in codes[:5] for code in job.onet_soc)
    return {"top10": top10 / total, "top5": top5 / total, "codes": total}


def rank_speed(index: OccupationIndex, dwas: set[str], runs: int = 50) -> float:
    """Median milliseconds to rank every occupation for one profile."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        index.rank(dwas)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def process_times(runs: int) -> tuple[list[float], set[str]]:
    """``ler jobs`` for the demo person, as whole processes; and the demo's DWAs."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LER_HOME": home, "PYTHONPATH": str(REPO / "src")}
        ler = [sys.executable, "-m", "lerkit"]
        person = subprocess.run([*ler, "demo"], env=env, capture_output=True, text=True,
                                check=True).stdout.strip()
        subprocess.run([*ler, "jobs", "-p", person], env=env, capture_output=True, check=True)
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            subprocess.run([*ler, "jobs", "-p", person], env=env, capture_output=True,
                           check=True)
            times.append(time.perf_counter() - started)
        os.environ["LER_HOME"] = home
        from lerkit.services.context import Lerkit

        opened = Lerkit.open()
        dwas = set(jobs.standing(opened, person).profile.dwas)
        opened.close()
    return times, dwas


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    index = OccupationIndex(shipped_pack())
    consistency = self_consistency(index, args.seeds)
    vets = veterans(index)
    times, demo_dwas = process_times(args.runs)
    speed = rank_speed(index, demo_dwas)
    size = packaged("onet-pack.json.gz").stat().st_size / 1024
    load = os.getloadavg()[0]
    body = f"""\
Written by `bench/jobs_bench.py` (O*NET {index.pack.release} pack as shipped, {size:.0f} KiB;
{len(index.occupations)} occupations with work activities). Fit is described in
[occupations.md](occupations.md).

| measure | result | target |
|---|---:|---:|
| half of an occupation's DWAs rank it in the top 5 ({consistency['cases']} cases, \
{args.seeds} seeds) | {consistency['half_top5']:.1%} | 90% |
| a fifth of its DWAs rank it in the top 10 | {consistency['fifth_top10']:.1%} | 60% |
| military codes whose competencies rank one of their occupations in the top 10 \
({vets['codes']} codes) | {vets['top10']:.1%} | reported |
| ... in the top 5 | {vets['top5']:.1%} | reported |
| ranking every occupation for the demo person ({len(demo_dwas)} DWAs), median \
| {speed:.1f} ms | < 50 ms |
| `ler jobs` for the demo person, whole process, median of {args.runs} (fastest) \
| {statistics.median(times):.2f} s ({min(times):.2f} s) | < 1 s |

Process times were taken with a load average of {load:.1f} on this machine.
"""
    print(body)
    if not args.no_write:
        write_block("jobs", body, heading="## Occupations and jobs")


if __name__ == "__main__":
    main()
