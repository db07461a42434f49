"""A separate process answering interview questions one by one, printing each saved step.

Run as: python interview_writer.py DB_URL PERSON_ID   (answers until killed or finished)
"""

from __future__ import annotations

import sys

from lerkit.core.interview import Kind
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview


def run(db_url: str, person_id: str) -> None:
    ler = Lerkit.open(db_url)
    live = LiveInterview.open(ler, person_id, ["caregiving", "volunteering"])
    n = 0
    while (step := live.current()) is not None:
        n += 1
        if step.kind is Kind.YESNO:
            value = "no"
        elif step.kind in (Kind.CHOICE, Kind.MULTI):
            value = "1"
        else:
            value = f"answer number {n}: I kept track of medications and appointments"
        live.answer(value)
        sys.stdout.write(f"{step.key}\t{value}\n")  # only after the transaction committed
        sys.stdout.flush()
    ler.close()


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2])
