"""Benchmark: a coach's caseload on a center's server, row-level security on and off.

A fresh PostgreSQL database is set up by ``ler center init`` and given 10,000 people
(each with two experiences, four accepted skills and one piece of evidence), all in one
coach's caseload, plus a supervisor. The same lerkit calls then run as:

* the coach: every row passes through the policies (the caseload's own check);
* the supervisor: the policies' "sees every caseload" branch;
* the administrator, who owns the tables: policies off (PostgreSQL skips them).

Each sees the same 10,000 people, so the difference is what the policies cost. Timed:
the whole caseload with its counts (``ler person list``), and one page of 50 with the
total (what the caseload screen reads). Median of the runs, after one warm-up run.

Needs a server: ``--url`` or ``LER_TEST_PG_URL`` (``.ci/pg-start`` starts one).
Figures go to the "Center" section of docs/benchmarks.md.

Run: python bench/center_bench.py [--people 10000] [--runs 9] [--no-write]
"""

from __future__ import annotations

import argparse
import io
import os
import secrets
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime

import psycopg
from sqlalchemy.engine import make_url

from _setup import REPO  # noqa: F401  (makes ``import lerkit`` work from a checkout)
from docs_section import write_block

TARGET = 1.2
PAGE = 50


def _conninfo(url: str, **change: str) -> str:
    return make_url(url).set(drivername="postgresql", **change).render_as_string(
        hide_password=False)


def _copy(conn: psycopg.Connection, table: str, columns: str, lines: list[str]) -> None:
    with conn.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        copy.write(io.StringIO("".join(lines)).getvalue())


def fill(admin_url: str, coach: str, size: int) -> None:
    """``size`` people in ``coach``'s caseload, each with a small record (COPY, untimed)."""
    now = datetime.now(UTC).replace(microsecond=0).isoformat()
    people, exps, claims, evidence, caseload = [], [], [], [], []
    for n in range(size):
        pid = f"p{n:07d}"
        people.append(f"{pid}\tClient {n:05d}\t\t{now}\t{now}\n")
        caseload.append(f"{pid}\t{coach}\t{now}\n")
        evidence.append(f"v{n:07d}\t{pid}\tnote\tA note\tDid it well.\t{now}\n")
        for k in range(2):
            eid = f"e{n:07d}{k}"
            exps.append(f"{eid}\t{pid}\twork\tJob {k}\t\t\tf\t\t{now}\t{now}\n")
            for j in range(2):
                claims.append(f"c{n:07d}{k}{j}\t{pid}\t{eid}\tlerkit\tskill.{k}.{j}\t"
                              f"Skill {k}.{j}\taccepted\t\t{now}\t{now}\n")
    with psycopg.connect(_conninfo(admin_url)) as conn:
        _copy(conn, "person", "id, name, notes, created_at, updated_at", people)
        _copy(conn, "experience", "id, person_id, life_area, title, organization, place, "
              "ongoing, narrative, created_at, updated_at", exps)
        _copy(conn, "claim", "id, person_id, experience_id, taxonomy, competency_id, label, "
              "status, why, created_at, updated_at", claims)
        _copy(conn, "evidence", "id, person_id, kind, name, narrative, created_at", evidence)
        _copy(conn, "caseload", "person_id, coach, added_at", caseload)
    # settled, as autovacuum would leave it (rather than autovacuum starting mid-run)
    with psycopg.connect(_conninfo(admin_url), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def _timed_ms(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def measure(urls: dict[str, str], size: int, runs: int) -> dict[str, dict[str, float]]:
    """Median milliseconds for the whole list and for one page, per role. The roles take
    turns within each round (in a rotating order), so that a busy moment of the machine
    falls on all of them alike."""
    from lerkit.services import people
    from lerkit.services.context import Lerkit

    opened = {who: Lerkit.open(url) for who, url in urls.items()}
    try:
        work: dict[str, Callable[[Lerkit], object]] = {
            "list": people.list_people,
            "page": lambda ler: (people.list_people(ler, limit=PAGE), people.count_people(ler)),
        }
        times: dict[str, dict[str, list[float]]] = {
            who: {key: [] for key in work} for who in opened}
        for who, ler in opened.items():  # warm-up, and every role sees every person
            assert len(people.list_people(ler)) == size, who
        order = list(opened)
        for n in range(runs):
            turn = order[n % len(order):] + order[:n % len(order)]
            for key, call in work.items():
                for who in turn:
                    ler = opened[who]
                    times[who][key].append(_timed_ms(lambda c=call, db=ler: c(db)))
        return {who: {key: statistics.median(found) for key, found in by_key.items()}
                for who, by_key in times.items()}
    finally:
        for ler in opened.values():
            ler.close()


def run(server: str, size: int, runs: int) -> dict[str, dict[str, float]]:
    """Set up a center in a new database, fill it, time each role; drop it all after."""
    from lerkit.services import center

    name = "lerkit_bench_" + secrets.token_hex(4)
    suffix = secrets.token_hex(3)
    coach, supervisor = f"bench_coach_{suffix}", f"bench_sup_{suffix}"
    with psycopg.connect(_conninfo(server), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    admin = make_url(server).set(drivername="postgresql+psycopg", database=name)
    admin_url = admin.render_as_string(hide_password=False)
    try:
        center.init(admin_url)
        from lerkit.services.context import Lerkit

        ler = Lerkit.open(admin_url)
        try:
            center.add_coach(ler, coach, secrets.token_hex(12))
            center.add_coach(ler, supervisor, secrets.token_hex(12), supervisor=True)
        finally:
            ler.close()
        fill(admin_url, coach, size)
        as_role = {who: admin.set(username=role).render_as_string(hide_password=False)
                   for who, role in (("coach", coach), ("supervisor", supervisor))}
        return measure({"off": admin_url, **as_role}, size, runs)
    finally:
        with psycopg.connect(_conninfo(server), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in (coach, supervisor):
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')


def _ms(value: float) -> str:
    return f"{value:.1f} ms" if value < 20 else f"{value:.0f} ms"


def report(found: dict[str, dict[str, float]], size: int, runs: int) -> str:
    """The Markdown block for docs/benchmarks.md."""
    off = found["off"]
    lines = [
        f"{size:,} people, all in one coach's caseload, each with 2 experiences, 4 accepted "
        f"skills and 1 piece of evidence; PostgreSQL on loopback; median of {runs} rounds "
        "after a warm-up, the three roles taking turns in each; 2-core shared machine; one "
        "run of `python bench/center_bench.py`.",
        "",
        "| what | policies off (administrator) | coach | × | supervisor | × |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for key, what in (("list", "whole caseload with counts (`ler person list`)"),
                      ("page", f"one page of {PAGE} and the total (caseload screen)")):
        coach, sup = found["coach"][key], found["supervisor"][key]
        lines.append(f"| {what} | {_ms(off[key])} | {_ms(coach)} | "
                     f"{coach / off[key]:.2f} | {_ms(sup)} | {sup / off[key]:.2f} |")
    lines += [
        "",
        f"Target: with policies on, at most {TARGET}× the time with them off. A page reads "
        f"its {PAGE} people from the index on their names, and their counts person by person; "
        "the total reads every person. Each person, and each record counted, is checked "
        "against the copy of the person's coaches kept in its own row (no lookup). A "
        "supervisor's policies say \"every row\", so their queries carry no check.",
    ]
    return "\n".join(lines)


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("LER_TEST_PG_URL"))
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if not args.url:
        parser.error("name a PostgreSQL server: --url or LER_TEST_PG_URL (.ci/pg-start)")
    found = run(args.url, args.people, args.runs)
    text = report(found, args.people, args.runs)
    print(text)
    if not args.no_write:
        write_block("center", text, heading="## Center")


if __name__ == "__main__":
    main()
