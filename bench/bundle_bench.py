"""Benchmark: export and verify a 50-claim signed bundle, and lerkit vs the reference verifier.

Everything is measured in one run on the same machine, whole process (start-up included):
``ler export`` the first time (every claim signed), ``ler export`` again (unchanged claim
credentials are reused), ``ler verify``, and the reference ``verify-vc`` on the same file.
Figures go to the "Signed bundles" section of docs/benchmarks.md.

Run: python bench/bundle_bench.py [--claims 50] [--runs 9]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _setup import shared_root
from docs_section import write_block

PASSPHRASE = "benchmark passphrase"


def build_person(home: Path, claims: int) -> str:
    """A person with ``claims`` accepted claims, each with a file as evidence."""
    os.environ["LER_HOME"] = str(home)
    from lerkit.core.records import ClaimStatus, EvidenceKind, ExperienceRecord, LifeArea
    from lerkit.services import claims as claim_service
    from lerkit.services import keys, people, taxonomies
    from lerkit.services.context import Lerkit

    ler = Lerkit.open()
    person = people.add_person(ler, "Benchmark Person")
    entries = taxonomies.load(ler, "lerkit").competencies[:claims]
    exp = claim_service.add_experience(ler, person.id, ExperienceRecord(
        id="", life_area=LifeArea.PAID_WORK, title="Warehouse lead", organization="Depot",
        started="2015", ended="2022"))
    ids = []
    with ler.transaction() as session:
        for entry in entries:
            row = claim_service.suggest_claim(session, ler, person.id, exp, "lerkit", entry.id,
                                              entry.label, status=ClaimStatus.ACCEPTED)
            ids.append(row.id)
    for n, claim_id in enumerate(ids):
        evidence = home / f"evidence-{n}.txt"
        evidence.write_text(f"evidence {n}\n", encoding="utf-8")
        claim_service.add_evidence(ler, kind=EvidenceKind.FILE, claim_id=claim_id, file=evidence)
    keys.init_key(ler, person.id, PASSPHRASE)
    ler.close()
    return person.id


def timed(cmd: list[str], runs: int, env: dict[str, str],
          before: Callable[[], None] | None = None) -> tuple[float, int]:
    """Median wall time of a command over ``runs`` runs, and its last exit code.

    ``before`` runs ahead of each run, outside the timing (e.g. to restore a database).
    """
    times, code = [], 0
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        code = subprocess.run(cmd, env=env, capture_output=True, check=False).returncode
        times.append(time.perf_counter() - start)
    return statistics.median(times), code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=50)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    ler = [sys.executable, "-m", "lerkit"]
    verify_vc = shared_root() / "interop" / "verify-vc"
    with tempfile.TemporaryDirectory() as tmp:
        pristine, home = Path(tmp) / "pristine", Path(tmp) / "home"
        pristine.mkdir()
        person = build_person(pristine, args.claims)
        env = {**os.environ, "LER_HOME": str(home), "LER_PASSPHRASE": PASSPHRASE}
        out = Path(tmp) / "bundle.json"
        export_cmd = [*ler, "export", "--person", person, "--out", str(out)]

        def restore() -> None:  # a database that has never exported: every claim is signed
            shutil.rmtree(home, ignore_errors=True)
            shutil.copytree(pristine, home)

        floor = ("from lerkit.cli import process; process.start(); "
                 "import lerkit.services.bundles; process.finish()")
        floor_s, code = timed([sys.executable, "-c", floor], args.runs, env)
        assert code == 0, "import failed"
        first_s, code = timed(export_cmd, args.runs, env, before=restore)
        assert code == 0, "first export failed"
        again_s, code = timed(export_cmd, args.runs, env)
        assert code == 0, "export failed"
        size = out.stat().st_size
        ours_s, code = timed([*ler, "verify", str(out)], args.runs, env)
        assert code == 0, "ler verify failed"
        rows = [
            f"| `ler export`, first time: {args.claims} new signatures (whole process) "
            f"| {first_s:.2f} s |",
            f"| `ler export` again, claims unchanged and reused (whole process) "
            f"| {again_s:.2f} s |",
            f"| `ler verify` (whole process) | {ours_s:.2f} s |",
            f"| for scale: start Python and import what export needs, nothing else "
            f"| {floor_s:.2f} s |",
        ]
        ratio_line = "Reference verifier not available on this machine."
        if verify_vc.exists():
            timed([str(verify_vc), str(out)], 1, env)  # first call installs its packages
            ref_s, code = timed([str(verify_vc), str(out)], args.runs, env)
            assert code == 0, "verify-vc failed"
            rows.append(f"| reference `verify-vc` (whole process) | {ref_s:.2f} s |")
            ratio_line = (f"`ler verify` takes {ours_s / ref_s:.2f}× the reference verifier's "
                          f"time on the same file (below 1 means faster).")
    body = "\n".join([
        f"A bundle of {args.claims} accepted claims, each with a file as evidence, signed with "
        f"eddsa-rdfc-2022 ({size / 1024:.0f} KiB). Medians of {args.runs} runs; 2-core machine; "
        "one run of `python bench/bundle_bench.py`.",
        "",
        "| what | median time |",
        "|---|---:|",
        *rows,
        "",
        ratio_line,
        "Targets: export ≤ 1 s; `ler verify` faster than `verify-vc`.",
    ])
    write_block("bundles", body, heading="## Signed bundles")
    print(body)


if __name__ == "__main__":
    main()
