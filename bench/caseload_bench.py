"""Benchmark: the caseload screen with 100, 1,000 and 10,000 people.

For each size a fresh database gets that many people, each with two experiences, four
accepted skills and one piece of evidence (written in one transaction, outside the
timing). The real app then runs headless at 80×24 and we time:

* open: from starting the app to the list painted with its first rows and the count;
* filter as you type: a name is typed into the search box key by key, 80 ms apart; for
  each key, from the key event to the list painted with the people that match;
* adding a person: from Enter in the new-person box to the list highlighting them.

Figures go to the "Caseload" section of docs/benchmarks.md.

Run: python bench/caseload_bench.py [--sizes 100 1000 10000] [--runs 3] [--no-write]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
import time
from pathlib import Path

from _setup import REPO  # noqa: F401  (makes ``import lerkit`` work from a checkout)
from docs_section import write_block

SIZES = (100, 1_000, 10_000)
TARGET_OPEN_S = 1.0
KEY_GAP = 0.08
TYPED = "maria go"
FIRST = ("Maria", "James", "Aisha", "Chen", "Luis", "Fatima", "Olga", "Tomas", "Priya",
         "Kwame", "Sofia", "Marcus", "Ana", "Dmitri", "Grace", "Hiro", "Leila", "Noah",
         "Zainab", "Ivan")
LAST = ("Gonzalez", "Smith", "Okafor", "Nguyen", "Bell", "Ramirez", "Kowalski", "Haddad",
        "Goldberg", "Tanaka", "Mensah", "Silva", "Rossi", "Patel", "Johansson", "Moreau",
        "Gomez", "Kim", "Novak", "Ali")
POLL = 0.002


def fill(home: Path, size: int) -> None:
    """A caseload of ``size`` people with a small record each, in one transaction."""
    os.environ["LER_HOME"] = str(home)
    from lerkit.services.context import Lerkit
    from lerkit.storage.tables import Claim, Evidence, Experience, Person

    rng = random.Random(size)
    ler = Lerkit.open()
    with ler.transaction() as session:
        for n in range(size):
            person = Person(name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {n:05d}")
            session.add(person)
            session.flush()
            for k in range(2):
                exp = Experience(person_id=person.id, life_area="work", title=f"Job {k}")
                session.add(exp)
                session.flush()
                for j in range(2):
                    claim = Claim(person_id=person.id, experience_id=exp.id,
                                  taxonomy="lerkit", competency_id=f"skill.{k}.{j}",
                                  label=f"Skill {k}.{j}", status="accepted")
                    session.add(claim)
            session.add(Evidence(person_id=person.id, kind="note", name="A note",
                                 narrative="Did it well."))
    ler.close()


async def wait_until(check: object, limit: float = 30.0) -> None:
    """Poll (letting the app run) until ``check()`` is true."""
    deadline = time.perf_counter() + limit
    while not check():  # type: ignore[operator]
        if time.perf_counter() > deadline:
            raise TimeoutError("the caseload did not show in time")
        await asyncio.sleep(POLL)


async def measure(size: int) -> tuple[float, list[float], float]:
    """Seconds to open, milliseconds per key typed into the search box, and milliseconds
    from adding a person to the list highlighting them."""
    from textual import events
    from textual.widgets import Static

    from lerkit.services import people
    from lerkit.services.context import Lerkit
    from lerkit.tui.app import make_app
    from lerkit.tui.widgets.people_list import PeopleList

    ler = Lerkit.open()
    app = make_app(ler)
    start = time.perf_counter()
    keys: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        def shown(total: int) -> bool:
            listed = app.screen.query("#caseload").first(PeopleList)
            status = str(app.screen.query_one("#status", Static).render())
            if not total:
                return listed.total == 0 and status.startswith("Nobody")
            return (listed.total == total and listed.current() is not None
                    and status.startswith(f"{total} "))

        await wait_until(lambda: app.screen.query("#caseload") and shown(size))
        await pilot.pause()
        opened = time.perf_counter() - start
        added = await add_person(app, pilot, f"Aaron Aardvark {size}")
        await wait_until(lambda: shown(size + 1))
        app.screen.query_one("#search").focus()
        await pilot.pause(0.2)
        typed = ""
        for char in TYPED:
            typed += char
            total = people.count_people(ler, typed)  # what the list must come to show
            key = "space" if char == " " else char
            event = events.Key(key, char)
            event.set_sender(app)
            sent = time.perf_counter()
            app._driver.send_message(event)  # type: ignore[union-attr]
            await wait_until(lambda t=total, s=typed: shown(t) and _search(app) == s)
            await pilot.pause()
            keys.append((time.perf_counter() - sent) * 1000)
            await asyncio.sleep(KEY_GAP)
    ler.close()
    return opened, keys, added


async def add_person(app: object, pilot: object, name: str) -> float:
    """Ctrl+N, the name, Enter; milliseconds from Enter to the new person highlighted."""
    from lerkit.tui.widgets.people_list import PeopleList

    await pilot.press("ctrl+n")  # type: ignore[attr-defined]
    await pilot.pause(0.2)  # type: ignore[attr-defined]
    await pilot.press(*name)  # type: ignore[attr-defined]
    sent = time.perf_counter()
    await pilot.press("enter")  # type: ignore[attr-defined]

    def highlighted() -> bool:
        person = app.screen.query_one("#caseload", PeopleList).current()  # type: ignore[attr-defined]
        return person is not None and person.name == name

    await wait_until(highlighted)
    await pilot.pause()  # type: ignore[attr-defined]
    return (time.perf_counter() - sent) * 1000


def _search(app: object) -> str:
    from lerkit.tui.widgets.people_list import PeopleList

    return str(app.screen.query_one("#caseload", PeopleList).search)  # type: ignore[attr-defined]


def row(size: int, opens: list[float], keys: list[float], adds: list[float]) -> str:
    ordered = sorted(keys)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (f"| {size:,} | {statistics.median(opens) * 1000:.0f} ms | "
            f"{max(opens) * 1000:.0f} ms | {statistics.median(ordered):.1f} ms | "
            f"{p95:.1f} ms | {ordered[-1]:.1f} ms | {len(ordered)} | "
            f"{statistics.median(adds):.0f} ms |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    lines = []
    slowest = 0.0
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            home = Path(tmp) / "ler-home"
            fill(home, size)
            opens: list[float] = []
            keys: list[float] = []
            adds: list[float] = []
            for _ in range(args.runs):
                opened, typed, added = asyncio.run(measure(size + len(adds)))
                opens.append(opened)
                keys += typed
                adds.append(added)
        slowest = max(slowest, max(opens))
        lines.append(row(size, opens, keys, adds))
        print(lines[-1], flush=True)
    body = "\n".join([
        "Each person has two experiences, four accepted skills and one piece of evidence. "
        "The real app runs headless at 80×24. *Open*: from starting the app to the list "
        "painted with its first rows and the count. *Filter*: the search box gets "
        f"“{TYPED}” key by key, {KEY_GAP * 1000:.0f} ms apart; each key is timed from the "
        "key event to the list painted with the people that match. *Add a person*: from "
        "Enter in the new-person box to the list highlighting them (each run adds one). "
        f"{args.runs} runs per size of `python bench/caseload_bench.py` on a "
        f"{os.cpu_count()}-core machine (load average {os.getloadavg()[0]:.1f} at the "
        "end).",
        "",
        "| people | open (median) | open (slowest) | filter per key (median) | p95 | max "
        "| keys | add a person (median) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
        *lines,
        "",
        "The list draws only the rows on screen and reads people a page (100) at a time "
        "as it scrolls, so opening reads one count and one page whatever the size of the "
        "caseload; a search is a count and a page too.",
        f"Target: open in under {TARGET_OPEN_S:.0f} s and filter as you type at 10,000 "
        f"people (slowest open here: {slowest * 1000:.0f} ms).",
    ])
    if not args.no_write:
        write_block("caseload", body, heading="## Caseload")


if __name__ == "__main__":
    main()
