"""What one interview answer costs to save: rows written and time, this tree against an
earlier one.

A scripted person answers 50 questions over several parts of the interview (text answers
from everyday sentences, the first choice of a choice, "no" to a yes/no question) in a
fresh SQLite database. Each answer is timed and the rows it inserted, updated or deleted
are counted (audit rows included), by listening to the database engine. Both trees run
in separate processes (``--before PATH``, e.g. a ``git worktree`` of an earlier commit),
alternating, and the figures are medians over ``--rounds``. Writes a block into
``docs/benchmarks.md`` unless ``--no-write``.

    .venv/bin/python bench/interview_writes.py --before ../lerkit-before [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from _setup import REPO
from docs_section import write_block

ANSWERS = 50
SENTENCES = (
    "I drove my father to dialysis three times a week and kept his pills sorted",
    "I ran the food pantry every Saturday and trained the new volunteers",
    "I planned convoys and kept track of every vehicle and its fuel",
    "I cooked for forty people at the church supper and ordered the food",
    "I fixed the neighbours' bikes and lawn mowers in my garage",
    "I kept the books for my brother's landscaping business",
    "I coached my daughter's soccer team and set up the game schedule",
    "I learned spreadsheets from videos and made a budget for the house",
)

# Runs in a child process with the tree's ``src`` first on the path.
CHILD = r"""
import json, re, sys, tempfile, time
from pathlib import Path
from sqlalchemy import event
from lerkit.core.interview import Kind
from lerkit.services import people
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview, parts

answers, sentences = int(sys.argv[1]), json.loads(sys.argv[2])
write = re.compile(r'^\s*(INSERT|UPDATE|DELETE)\b', re.I)
count = [0]
statements = [0]
def seen(conn, cursor, statement, parameters, context, executemany):
    statements[0] += 1
    if write.match(statement):
        rows = cursor.rowcount if cursor.rowcount and cursor.rowcount > 0 else 0
        count[0] += len(parameters) if executemany and rows <= 0 else max(rows, 1)
with tempfile.TemporaryDirectory() as folder:
    ler = Lerkit.open(f"sqlite:///{Path(folder) / 'bench.db'}")
    pid = people.add_person(ler, "Bench Person").id
    modules = ["military", "caregiving", "volunteering", "faith", "paid-work",
               "small-business", "self-taught"]
    known = {p.id for p in parts()}
    live = LiveInterview.open(ler, pid, [m for m in modules if m in known])
    event.listen(ler.db.engine, "after_cursor_execute", seen)
    out = []
    n = 0
    while n < answers and (step := live.current()) is not None:
        if step.kind is Kind.YESNO:
            value = "no"
        elif step.kind in (Kind.CHOICE, Kind.MULTI):
            value = "1"
        else:
            value = sentences[n % len(sentences)]
        count[0] = statements[0] = 0
        started = time.perf_counter()
        live.answer(value)
        out.append((time.perf_counter() - started, count[0], statements[0]))
        n += 1
    ler.close()
print(json.dumps(out))
"""


Run = list[tuple[float, int, int]]  # per answer: seconds, rows written, SQL statements


def _run(tree: Path) -> Run:
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    with tempfile.TemporaryDirectory() as home:
        env["LER_HOME"] = home
        done = subprocess.run([sys.executable, "-c", CHILD, str(ANSWERS),
                               json.dumps(SENTENCES)], env=env, capture_output=True,
                              text=True, check=True)
    return [(float(t), int(r), int(q)) for t, r, q in json.loads(done.stdout.splitlines()[-1])]


def _summary(runs: list[Run]) -> dict[str, float]:
    return {
        "answers": len(runs[0]),
        "rows_mean": statistics.mean(r for run in runs for _, r, _ in run),
        "rows_total": statistics.median(sum(r for _, r, _ in run) for run in runs),
        "sql_mean": statistics.mean(q for run in runs for _, _, q in run),
        "sql_late": statistics.mean(q for run in runs for _, _, q in run[-10:]),
        "ms_median": statistics.median(t for run in runs for t, _, _ in run) * 1000,
        "ms_late": statistics.median(t for run in runs for t, _, _ in run[-10:]) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    trees = {"before": args.before.resolve(), "now": REPO}
    runs: dict[str, list[Run]] = {k: [] for k in trees}
    for _ in range(args.rounds):
        for label, tree in trees.items():
            runs[label].append(_run(tree))
    found = {label: _summary(r) for label, r in runs.items()}
    b, n = found["before"], found["now"]
    lines = [
        "## Interview: what one answer writes",
        "",
        f"A scripted person answers {n['answers']:.0f} questions over seven parts of the "
        "interview in a fresh SQLite database (`bench/interview_writes.py`); rows are those "
        "inserted, updated or deleted by the answer's transaction, audit rows included; "
        f"medians over {args.rounds} rounds, both trees run alternately in one session.",
        "",
        "| | rows written per answer | rows for all answers | SQL statements per answer "
        "| statements, last 10 | ms per answer | ms, last 10 |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for label, s in (("before (the whole record re-synced at each step)", b),
                     ("now (only what the step changed)", n)):
        lines.append(f"| {label} | {s['rows_mean']:.1f} | {s['rows_total']:.0f} | "
                     f"{s['sql_mean']:.0f} | {s['sql_late']:.0f} | {s['ms_median']:.1f} | "
                     f"{s['ms_late']:.1f} |")
    lines += ["", f"Now against before: rows written {n['rows_total'] / b['rows_total']:.2f}×, "
              f"SQL statements per answer {n['sql_mean'] / b['sql_mean']:.2f}×, time per "
              f"answer {n['ms_median'] / b['ms_median']:.2f}× (last 10: "
              f"{n['ms_late'] / b['ms_late']:.2f}×).",
              "", "Rows written were already few before (the database layer writes only rows "
              "whose values changed): what one answer writes is mostly its new suggestions "
              "and their audit events. What the redesign removed is re-reading and "
              "re-deriving the whole record at every step, which grew with the record."]
    text = "\n".join(lines)
    print(text)
    if not args.no_write:
        write_block("interview_writes", text, heading="## Interview latency")


if __name__ == "__main__":
    main()
