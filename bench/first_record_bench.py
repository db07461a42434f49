"""Benchmark: the key presses and screens of a veteran's whole first record.

The e2e script ``tests/e2e/first_record.py`` runs the real ``ler`` in tmux at 80×24
from an empty lerkit home: add the person, tick *Military service* in the area picker,
answer the first two military questions (the second with a job title and its code,
92A), accept two skills suggested from the crosswalk, add a file as evidence, leave
the interview, open the record and export it (signed JSON, HTML and three more
formats), rewording the one passage the privacy check shows. Every key sent (a typed
character is one key) and every screen or dialog that comes to the front is counted.

Figures go to the "First record" section of docs/benchmarks.md.

Run: python bench/first_record_bench.py [--no-write]  (needs tmux)
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from _setup import REPO
from docs_section import write_block

BEFORE_KEYS, BEFORE_SCREENS = 260, 25  # the figures for a first record before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print, do not update docs")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))  # the script is the e2e test's
    from tests.e2e.first_record import SERVICE, first_record
    from tests.tui.tmux import Tmux, ler_env

    with tempfile.TemporaryDirectory(prefix="ler-") as tmp:
        root = Path(tmp)
        home, papers, usb = root / "home", root / "papers", root / "usb"
        for folder in (home, papers, usb):
            folder.mkdir()
        os.environ["LER_HOME"] = str(home)
        evidence = papers / "course-certificate.txt"
        evidence.write_text("Automated Logistical Specialist course, passed 2012.\n",
                            encoding="utf-8")
        term = Tmux(ler_env(home))
        started = time.perf_counter()
        try:
            run = first_record(term, evidence, usb)
        finally:
            term.close()
        elapsed = time.perf_counter() - started
        files = sorted("." + p.name.split(".", 1)[1] for p in usb.iterdir())
    text = sum(run.typed.values())
    paths = run.typed.get("paths", 0)
    typed = ", ".join(f"{what} {n}" for what, n in run.typed.items())
    body = "\n".join([
        "`python bench/first_record_bench.py` runs the script of the e2e test "
        "`tests/e2e/test_first_record.py` in the real `ler` in tmux at 80×24, from an "
        "empty lerkit home: a new person, the area picker (*Military service*), two "
        f"military questions (the second answered \"{SERVICE}\"), two skills accepted from "
        "the crosswalk's suggestions, a file as evidence, the record, and the export "
        "after the privacy check (one passage reworded). A typed character is one key.",
        "",
        "| | key presses | of which typed text | other keys | screens and dialogs in "
        "front (visits) | different ones |",
        "|---|---:|---:|---:|---:|---:|",
        f"| the issue's earlier figure for a first record (not this script) | about "
        f"{BEFORE_KEYS} | | | "
        f"about {BEFORE_SCREENS} | |",
        f"| this script | {run.keys} | {text} | {run.keys - text} | {len(run.screens)} | "
        f"{len(set(run.screens))} |",
        "",
        f"Typed characters: {typed} (the two paths depend on where the files are; without "
        f"them the record takes {run.keys - paths} keys). Screens in order: "
        f"{' → '.join(run.screens)}. Files written: {', '.join(files)}. Skills accepted: "
        f"{', '.join(run.accepted)}. Machine time {elapsed:.0f} s, most of it waiting for "
        "screens to show.",
    ])
    print(body)
    if not args.no_write:
        write_block("first-record", body, heading="## First record")


if __name__ == "__main__":
    main()
