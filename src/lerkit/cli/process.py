"""Process-wide settings for a ``ler`` command: how Python's cycle collector is used.

A command runs once and exits. Start-up loads about 100,000 long-lived objects
(SQLAlchemy, pydantic, pyld), and reference counting frees nearly everything a command
makes as soon as it is done with it, so the cycle collector mostly re-scans objects
that will live until exit. Measured on ``ler export`` of 50 claims: a fraction of the
collection work while it runs, and 0.2 s of final collection at exit (docs/benchmarks.md).
"""

from __future__ import annotations

import gc

# Collect young objects every 50,000 allocations instead of every 700.
GC_THRESHOLDS = (50_000, 20, 100)


def start() -> None:
    """Tune the collector for a process that runs one command."""
    gc.set_threshold(*GC_THRESHOLDS)


def finish() -> None:
    """Before exit: freeze the heap so the interpreter's last collections skip it.

    Files and the database are closed by then (commands close what they open); frozen
    objects are simply released with the process.
    """
    gc.freeze()
