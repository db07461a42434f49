"""Benchmark: how long an endorser takes to countersign 5 skills in ``ler endorse``.

A worker's bundle with 5 accepted skills is exported, an endorser profile is made,
and the endorser's screen runs headless at 80×24 (Textual's pilot). A script then
does what an endorser does, key by key: choose the 5 skills, say how they know the
person, write a comment, sign with the passphrase. Two flows: one comment for all 5
skills (the default), and a comment per skill (Ctrl+O). Every key press and every
screen shown is counted; the file written must hold 5 endorsements that verify.

A person's time is estimated from the counts with a stated model (the script cannot
time a person): reading each skill's details before choosing it, typing text at 30
words a minute, and about a second for every other key (finding it, pressing it).

Figures go to the "Endorsing" section of docs/benchmarks.md.

Run: python bench/endorse_bench.py [--no-write]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _setup import REPO  # noqa: F401  (makes ``import lerkit`` work from a checkout)
from docs_section import write_block

SKILLS = ["Shipping and receiving", "Inventory control", "Dispatch and vehicle coordination",
          "Forklift operation", "Shift supervision"]
WORKER_PASSPHRASE = "worker passphrase 1"
PASSPHRASE = "endorser passphrase"
RELATIONSHIP_KEYS = ["s", "u", "p", "right"]  # "sup" and → takes "supervisor"
COMMENT = "Ran our night dock for two years; every count was right."
COMMENTS = ["Checked in every truck on his shift.", "Kept the counts right to the box.",
            "Booked drivers and routes each day.", "Certified; drove with no incident.",
            "Led four people on the night shift."]
READ_S = 15.0  # reading one skill's details before choosing it
CHARS_PER_S = 2.5  # 30 words a minute, a slow typist
KEY_S = 1.0  # finding and pressing any other key
TARGET_S = 180.0


@dataclass
class Count:
    """Key presses (text characters apart) and the screens seen."""

    text: int = 0
    other: int = 0
    screens: list[str] = field(default_factory=list)

    @property
    def keys(self) -> int:
        """Every key press."""
        return self.text + self.other

    def estimate(self, skills: int) -> float:
        """A person's time in seconds, by the model above."""
        return skills * READ_S + self.text / CHARS_PER_S + self.other * KEY_S


def make_bundle(folder: Path) -> Path:
    """A worker with 5 accepted skills in one experience, exported and signed."""
    from lerkit.core.records import ExperienceRecord, LifeArea
    from lerkit.services import bundles, claims, keys, people
    from lerkit.services.context import Lerkit

    ler = Lerkit.open(f"sqlite:///{folder / 'worker.db'}")
    person = people.add_person(ler, "Dana Reyes")
    job = claims.add_experience(ler, person.id, ExperienceRecord(
        id="", life_area=LifeArea.PAID_WORK, title="Night dock lead", organization="Valley Foods",
        started="2019", ended="2023", narrative="Ran the night dock and its crew."))
    for n, label in enumerate(SKILLS):
        claims.add_claim(ler, person.id, job, "lerkit", f"bench.skill-{n}", label)
    keys.init_key(ler, person.id, WORKER_PASSPHRASE)
    path = folder / "bundle.json"
    bundles.export_bundle(ler, person.id, path, WORKER_PASSPHRASE)
    ler.close()
    return path


async def run_flow(folder: Path, bundle: Path, per_skill: bool) -> tuple[Count, float, Any]:
    """Script one endorser; returns the counts, the seconds the machine took, the result."""
    from lerkit.services import endorsers, endorsing
    from lerkit.services.context import Lerkit
    from lerkit.tui.endorse_app import make_endorse_app

    db = folder / f"endorser-{int(per_skill)}.db"
    ler = Lerkit.open(f"sqlite:///{db}")
    endorsers.init_endorser(ler, PASSPHRASE, name="Jordan Coach", organization="Valley Foods")
    review = endorsing.review_bundle(bundle)
    out = folder / f"endorsements-{int(per_skill)}.json"
    app = make_endorse_app(ler, review, out, signer="Jordan Coach (Valley Foods)")
    count = Count()
    started = time.perf_counter()
    async with app.run_test(size=(80, 24)) as pilot:

        async def press(*keys: str, text: bool = False) -> None:
            for key in keys:
                await pilot.press(key)
                name = type(app.screen).__name__
                if not count.screens or count.screens[-1] != name:
                    count.screens.append(name)
            if text:
                count.text += len(keys)
            else:
                count.other += len(keys)

        async def type_text(words: str) -> None:
            await press(*[" " if c == " " else c for c in words], text=True)

        await pilot.pause()
        count.screens.append(type(app.screen).__name__)
        await press("space")
        for _ in SKILLS[1:]:
            await press("down", "space")
        await press("tab")
        await press(*RELATIONSHIP_KEYS[:3], text=True)
        await press(*RELATIONSHIP_KEYS[3:], "enter")
        if per_skill:
            await press("ctrl+o")  # a comment per skill; each box starts empty
            for comment in COMMENTS:
                await type_text(comment)
                await press("enter")  # on to the next chosen skill without a comment
        else:
            await type_text(COMMENT)
            await press("enter")  # Enter in the comment signs
        await pilot.pause(0.2)
        await type_text(PASSPHRASE)
        await press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    elapsed = time.perf_counter() - started
    ler.close()
    return count, elapsed, app.return_value


def check(result: Any) -> None:
    """The file holds 5 endorsements and verifies."""
    from lerkit.core.credentials.bundle_file import verify_file

    if result is None or len(result.endorsements) != len(SKILLS):
        raise SystemExit(f"the flow did not sign {len(SKILLS)} endorsements: {result!r}")
    report = verify_file(result.path)
    if not report.valid:
        raise SystemExit(f"the endorsements do not verify: {report.all_errors()}")


def report(rows: list[tuple[str, Count, float]]) -> str:
    """The docs block."""
    lines = [
        f"`python bench/endorse_bench.py`: an endorser countersigns {len(SKILLS)} skills of "
        "a worker's bundle in `ler endorse` at 80×24 (the real screen, driven key by key by "
        "Textual's pilot); the file written holds 5 endorsements and verifies.",
        "",
        "| flow | key presses | of which text | other keys | screens | "
        "estimated time for a person | machine time |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, count, elapsed in rows:
        minutes, seconds = divmod(round(count.estimate(len(SKILLS))), 60)
        lines.append(f"| {name} | {count.keys} | {count.text} | {count.other} | "
                     f"{len(set(count.screens))} | {minutes} min {seconds:02d} s | "
                     f"{elapsed:.1f} s |")
    lines += [
        "",
        f"Estimate: {READ_S:.0f} s reading each skill's details before choosing it, text "
        f"typed at 30 words a minute ({CHARS_PER_S} characters a second), {KEY_S:.0f} s for "
        "every other key. Screens: the review and the passphrase prompt. The relationship "
        "takes 4 keys (`sup`, then → completes *supervisor*); Enter in the comment signs; "
        "with a comment per skill, Enter goes on to the next chosen skill without one.",
        f"Target: {len(SKILLS)} skills in under {TARGET_S / 60:.0f} minutes with one "
        "comment for all.",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print, do not update docs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["LER_HOME"] = str(folder / "home")
        bundle = make_bundle(folder)
        rows = []
        for name, per_skill in (("one comment for all", False), ("a comment per skill", True)):
            count, elapsed, result = asyncio.run(run_flow(folder, bundle, per_skill))
            check(result)
            rows.append((name, count, elapsed))
    body = report(rows)
    print(body)
    if not args.no_write:
        write_block("endorse", body, heading="## Endorsing")


if __name__ == "__main__":
    main()
