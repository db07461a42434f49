"""A separate process that adds people one transaction at a time, printing each id.

Run as: python writer.py DB_URL PREFIX COUNT   (COUNT 0 = until killed)
"""

from __future__ import annotations

import itertools
import sys

from lerkit.services import people
from lerkit.services.context import Lerkit


def run(db_url: str, prefix: str, count: int) -> None:
    ler = Lerkit.open(db_url)
    numbers = range(count) if count else itertools.count()
    for i in numbers:
        person = people.add_person(ler, f"{prefix} {i}")
        sys.stdout.write(f"{person.id}\n")  # only after the commit returned
        sys.stdout.flush()
    ler.close()


if __name__ == "__main__":
    run(sys.argv[1], sys.argv[2], int(sys.argv[3]))
