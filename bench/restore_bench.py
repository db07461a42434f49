"""Benchmark: restoring a center's backup (10,000 people) into an empty SQLite database.

A source database is filled with synthetic records (per person: the person, a caseload
entry, two experiences, three claims, one evidence item and one audit event; every
tenth person also a signing key, an interview session and an issued credential with its
kept RDF dataset), backed up in both formats (a SQLite snapshot and the logical dump),
and each backup is restored into a fresh, empty SQLite database, in-process, several
times. Every restore is checked to give back exactly the rows of the source (encoded,
as the backup tests compare them). Figures go to the ``restore-speed`` block of
docs/benchmarks.md ("Backups").

Target: a 10,000-person SQLite backup restored in at most 2 s (wall clock).

Run: python bench/restore_bench.py [--people 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import _setup  # noqa: F401  (makes lerkit importable from a checkout)
from docs_section import write_block

TARGET = 2.0
NQUADS = "".join(f'<urn:uuid:c-{n}> <https://schema.org/name> "Skill {n}" .\n'
                 for n in range(40))


def _rows(people: int) -> dict[str, list[dict[str, Any]]]:
    """Decoded rows, by table, parents first."""
    start = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)
    out: dict[str, list[dict[str, Any]]] = {name: [] for name in (
        "person", "caseload", "experience", "claim", "evidence", "auditevent", "signingkey",
        "interviewsession", "issuedcredential")}
    for p in range(people):
        pid = f"p{p:06d}"
        at = start + timedelta(minutes=p)
        out["person"].append({"id": pid, "name": f"Person {p} Ñúñez", "email": f"p{p}@x.org",
                              "notes": "Met at the fair.", "created_at": at, "updated_at": at})
        out["caseload"].append({"person_id": pid, "coach": f"coach{p % 7}", "added_at": at})
        for e in range(2):
            out["experience"].append({
                "id": f"{pid}-e{e}", "person_id": pid, "life_area": "paid-work",
                "title": "Warehouse lead", "organization": "Depot", "place": "Leeds",
                "started": "2015", "ended": None if e else "2019", "ongoing": bool(e),
                "narrative": "Ran the night shift; counted stock.", "created_at": at,
                "updated_at": at})
        for c in range(3):
            out["claim"].append({
                "id": f"{pid}-c{c}", "person_id": pid, "experience_id": f"{pid}-e{c % 2}",
                "taxonomy": "lerkit", "competency_id": f"logistics.skill-{c}",
                "label": f"Skill {c}", "proficiency": "on-my-own", "status": "accepted",
                "score": 0.5 + c / 10, "why": "said so", "created_at": at, "updated_at": at})
        out["evidence"].append({
            "id": f"{pid}-v0", "person_id": pid, "experience_id": f"{pid}-e0",
            "claim_id": f"{pid}-c0", "kind": "note", "name": "Note", "narrative": "Did it.",
            "url": None, "file_name": None, "media_type": None, "size": None, "sha256": None,
            "dated": "2019-03", "created_at": at})
        out["auditevent"].append({
            "id": p + 1, "at": at, "actor": "coach", "action": "add", "entity": "person",
            "entity_id": pid, "person_id": pid, "detail": {"name": f"Person {p}"}})
        if p % 10 == 0:
            out["signingkey"].append({
                "id": f"{pid}-k", "person_id": pid, "did": f"did:key:z6Mk{p:040d}",
                "public_key_multibase": f"z6Mk{p:040d}", "sealed_secret": os.urandom(120),
                "active": True, "created_at": at, "retired_at": None})
            out["interviewsession"].append({
                "id": f"{pid}-s", "person_id": pid, "status": "finished",
                "state": {"module": "work", "answers": list(range(20)), "done": True},
                "created_at": at, "updated_at": at})
            out["issuedcredential"].append({
                "id": f"{pid}-i", "person_id": pid, "claim_id": f"{pid}-c0",
                "credential_id": f"urn:uuid:{p:032d}", "claim_digest": "sha256:" + "a" * 64,
                "credential_digest": "sha384-" + "b" * 64,
                "credential": {"id": f"urn:uuid:{p:032d}", "name": "Skill 0",
                               "proof": [{"proofValue": "z" + "9" * 86}]},
                "issued_at": at, "rdf_nquads": NQUADS, "rdf_digest": "sha256:" + "c" * 64})
    return out


def fill(ler: Any, people: int) -> int:
    """Write the synthetic records into ``ler``'s (empty) database; returns the row count."""
    from lerkit.storage import rows

    data = _rows(people)
    with ler.transaction() as session:
        conn = session.connection()
        return sum(rows.insert_rows(conn, rows.table(name), items)
                   for name, items in data.items())


def everything(ler: Any) -> dict[str, list[dict[str, Any]]]:
    from lerkit.storage import rows

    with ler.db.engine.connect() as conn:
        return {t.name: list(rows.select_rows(conn, t)) for t in rows.data_tables()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-doc", action="store_true", help="print only, do not write docs")
    args = parser.parse_args()
    from lerkit.services import backup, restore
    from lerkit.services.context import Lerkit

    load = os.getloadavg()[0]
    times: dict[str, list[tuple[float, float]]] = {"sqlite": [], "dump": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = Lerkit.open(f"sqlite:///{folder / 'source.db'}", home=folder / "home")
        try:
            count = fill(source, args.people)
            files = {fmt: folder / f"backup.{fmt}" for fmt in times}
            expected = {}
            for fmt, path in files.items():
                expected[fmt] = everything(source)  # what this backup holds
                backup.backup(source, path, fmt)
        finally:
            source.close()
        sizes = {fmt: path.stat().st_size for fmt, path in files.items()}
        for number in range(args.rounds):
            for fmt, path in files.items():
                target = Lerkit.open(f"sqlite:///{folder / f'{fmt}-{number}.db'}",
                                     home=folder / "home")
                try:
                    wall, cpu = time.perf_counter(), time.process_time()
                    restore.restore(target, path)
                    times[fmt].append((time.perf_counter() - wall, time.process_time() - cpu))
                    if number == 0:
                        got = everything(target)
                        want = expected[fmt]
                        if got["auditevent"][:-1] != want["auditevent"] or any(
                                got[name] != want[name] for name in want
                                if name != "auditevent"):
                            raise SystemExit(f"the {fmt} restore did not give back the rows")
                finally:
                    target.close()
    rows_line = []
    for fmt, pairs in times.items():
        walls, cpus = [w for w, _ in pairs], [c for _, c in pairs]
        verdict = ("met" if statistics.median(walls) <= TARGET else "NOT met") \
            if fmt == "sqlite" else ""
        rows_line.append(f"| {fmt} | {sizes[fmt] / 1e6:.1f} MB | {statistics.median(walls):.2f} s"
                         f" | {min(walls):.2f} s | {statistics.median(cpus):.2f} s | "
                         f"{f'≤ {TARGET:g} s ' + verdict if verdict else ''} |")
    body = "\n".join([
        f"Restoring a backup of {args.people:,} people ({count:,} rows: per person the person, "
        "a caseload entry, two experiences, three claims, an evidence item and an audit "
        "event; every tenth person a signing key, an interview session and an issued "
        "credential with its kept dataset) into a new, empty SQLite database, in-process; "
        f"{args.rounds} rounds; every restore gives back the source's rows exactly; 2-core "
        f"shared machine, load average {load:.1f} at the start and {os.getloadavg()[0]:.1f} "
        "at the end; one run of `python bench/restore_bench.py`.",
        "",
        "| backup format | file | wall, median | best | CPU, median | target |",
        "|---|---:|---:|---:|---:|---|",
        *rows_line,
        "",
        "SQLite to SQLite, values are copied as stored (each checked against its column's "
        "type, JSON parsed, times read), without converting them to Python objects and "
        "back; the dump is decoded once per value, by a per-table plan of the columns.",
    ])
    print(body)
    if not args.no_doc:
        write_block("restore-speed", body, heading="## Backups")


if __name__ == "__main__":
    main()
