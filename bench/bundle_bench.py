"""Benchmark: export and verify a 50-claim signed bundle, and lerkit vs the reference verifier.

Everything is measured in one run on the same machine, whole process (start-up included):
``ler export`` the first time (every claim signed), ``ler export`` again (unchanged claim
credentials are reused), ``ler verify``, and the reference ``verify-vc`` on the same file.
Then, with valgrind, the instructions of an export and of the bare start-up, which other
load does not change.
Figures go to the "Signed bundles" section of docs/benchmarks.md.

Run: python bench/bundle_bench.py [--claims 50] [--runs 21] [--pause 8] [--no-instructions]
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
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
    ids = [claim_service.add_claim(ler, person.id, exp, "lerkit", entry.id, entry.label,
                                   status=ClaimStatus.ACCEPTED) for entry in entries]
    for n, claim_id in enumerate(ids):
        evidence = home / f"evidence-{n}.txt"
        evidence.write_text(f"evidence {n}\n", encoding="utf-8")
        claim_service.add_evidence(ler, kind=EvidenceKind.FILE, claim_id=claim_id, file=evidence)
    keys.init_key(ler, person.id, PASSPHRASE)
    ler.close()
    return person.id


def count_instructions(commands: dict[str, tuple[list[str], dict[str, str]]]
                       ) -> dict[str, int]:
    """Instructions each whole process executes (valgrind's callgrind), run side by side.

    Counts do not depend on what else the machine is doing. Empty without valgrind.
    """
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return {}
    running = {label: subprocess.Popen(
        [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for label, (cmd, env) in commands.items()}
    counts = {}
    for label, process in running.items():
        _, err = process.communicate()
        found = re.search(r"Collected : (\d+)", err)
        if process.returncode != 0 or found is None:
            raise SystemExit(f"callgrind run of {label} failed: {err[-500:]}")
        counts[label] = int(found.group(1))
    return counts


@dataclass
class Step:
    """One command of a round, and its wall times."""

    label: str
    cmd: list[str]
    before: Callable[[], None] | None = None
    times: list[float] = field(default_factory=list)

    def run(self, env: dict[str, str]) -> None:
        """Time one run (``before`` runs first, untimed); a failure stops the benchmark."""
        if self.before is not None:
            self.before()
        start = time.perf_counter()
        done = subprocess.run(self.cmd, env=env, capture_output=True, check=False)
        self.times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"{self.label} failed: {done.stderr.decode(errors='replace')}")

    def row(self) -> str:
        """A table row: median and best time."""
        return f"| {self.label} | {statistics.median(self.times):.2f} s | {min(self.times):.2f} s |"


def instruction_counts(pristine: Path, tmp: Path, export: list[str], floor: str,
                       env: dict[str, str]) -> dict[str, int]:
    """Callgrind counts of a first export, an export again and the bare start-up."""
    homes = {label: tmp / f"count-{label}" for label in ("first", "again")}
    for home in homes.values():
        shutil.copytree(pristine, home)
    again_env = {**env, "LER_HOME": str(homes["again"])}
    subprocess.run([*export, "--out", str(homes["again"] / "b.json")], env=again_env,
                   capture_output=True, check=True)
    return count_instructions({
        "first": ([*export, "--out", str(homes["first"] / "b.json")],
                  {**env, "LER_HOME": str(homes["first"])}),
        "again": ([*export, "--out", str(homes["again"] / "b.json")], again_env),
        "start-up": ([sys.executable, "-c", floor], env),
    })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=50)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--pause", type=float, default=8.0,
                        help="seconds between rounds, so they sample several minutes")
    parser.add_argument("--no-instructions", action="store_true",
                        help="skip the instruction counts (valgrind; about two minutes)")
    args = parser.parse_args()
    ler = [sys.executable, "-m", "lerkit"]
    verify_vc = shared_root() / "interop" / "verify-vc"
    # As after `pip install`: every module compiled to bytecode once (a source checkout run
    # with PYTHONDONTWRITEBYTECODE would otherwise recompile changed modules every run).
    import lerkit

    compileall.compile_dir(Path(lerkit.__file__).parent, quiet=1)
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
        first = Step(f"`ler export`, first time: {args.claims} new signatures", export_cmd,
                     before=restore)
        again = Step("`ler export` again: claims unchanged, their credentials reused",
                     export_cmd)
        ours = Step("`ler verify`", [*ler, "verify", str(out)])
        start_up = Step("for scale: start Python, import what export needs, exit",
                        [sys.executable, "-c", floor])
        steps = [first, again, ours, start_up]
        reference = Step("reference `verify-vc`", [str(verify_vc), str(out)])
        if verify_vc.exists():
            steps.append(reference)
            restore()
            Step("warm-up", export_cmd).run(env)
            reference.run(env)  # the first call installs its packages
            reference.times.clear()
        # Rounds, each running every command once: a slow spell of this shared machine
        # then slows all of them alike, and their ratios stay comparable. The pauses spread
        # the rounds over a few minutes, so the medians are not one spell's.
        for round_number in range(args.runs):
            if round_number:
                time.sleep(args.pause)
            for step in steps:
                step.run(env)
        size = out.stat().st_size
        counts = {} if args.no_instructions else instruction_counts(
            pristine, Path(tmp), [*ler, "export", "--person", person], floor, env)
    own = [statistics.median(a - b for a, b in zip(step.times, start_up.times, strict=True))
           for step in (first, again)]
    own_line = (f"Export's own work beyond start-up (each round's export minus its start-up "
                f"run, median): {own[0]:.2f} s first time, {own[1]:.2f} s again.")
    ratio_line = "Reference verifier not available on this machine."
    if reference.times:
        ratio = statistics.median(ours.times) / statistics.median(reference.times)
        ratio_line = (f"`ler verify` takes {ratio:.2f}× the reference verifier's time on the "
                      "same file (below 1 means faster).")
    count_line = "Instructions were not counted (no valgrind, or --no-instructions)."
    if counts:
        share = counts["start-up"] / counts["again"]
        count_line = (
            "Instructions per whole process (valgrind's callgrind; unlike times, not disturbed "
            f"by other load): first export {counts['first'] / 1e9:.2f} G (the Argon2id thread "
            f"included), export again {counts['again'] / 1e9:.2f} G, start-up alone "
            f"{counts['start-up'] / 1e9:.2f} G: start-up is {share:.0%} of an export again.")
    body = "\n".join([
        f"A bundle of {args.claims} accepted claims, each with a file as evidence, signed with "
        f"eddsa-rdfc-2022 ({size / 1024:.0f} KiB). Whole processes, start-up included; "
        f"{args.runs} rounds {args.pause:g} s apart, each running every command once; 2-core "
        "shared machine; one run of `python bench/bundle_bench.py`.",
        "",
        "| what (whole process) | median | best |",
        "|---|---:|---:|",
        *(step.row() for step in steps),
        "",
        own_line,
        count_line,
        ratio_line,
        "Targets: export ≤ 1 s; `ler verify` faster than `verify-vc`.",
    ])
    write_block("bundles", body, heading="## Signed bundles")
    print(body)


if __name__ == "__main__":
    main()
