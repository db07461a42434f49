"""How a kiosk session can end: signals, the idle timer, and a hung-up terminal.

While the full-screen interface runs, signals are handed to it (``app_hook``, the app's
``signal_arrived``), to act at a safe point of its event loop. Otherwise (prompts, the
plain dialogue) a signal raises :class:`KioskEnded` in the main thread, which unwinds
whatever was going on (rolling back an unfinished database write) before the session
is finished.

SIGHUP means the terminal is gone: standard input and output are pointed at
``/dev/null`` at once, so that nothing fails (or blocks) on the dead terminal while the
session is saved to the folder chosen earlier (if any) and wiped.
"""

from __future__ import annotations

import contextlib
import os
import signal
from collections.abc import Callable
from types import FrameType
from typing import Any

from lerkit.core.i18n import _
from lerkit.services.kiosk_session import warning_lead

HANDLED = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGALRM)
EXIT_CODES = {"quit": 0, "idle": 0, "terminate": 128 + signal.SIGTERM,
              "hangup": 128 + signal.SIGHUP}


class KioskEnded(Exception):
    """The session must end now, for ``reason`` (terminate, hangup, idle, timeout)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def detach_terminal() -> None:
    """Point stdin, stdout and stderr at /dev/null (the terminal has gone)."""
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)


class Guard:
    """Signal handlers and the idle timer for one kiosk process."""

    def __init__(self, idle_seconds: float, say: Callable[[str], None]) -> None:
        self.idle_seconds = idle_seconds
        self.say = say
        self.hung_up = False
        self.terminated = False
        self.app_hook: Callable[[str], None] | None = None
        self.ending = False
        self._stage = "off"
        self._previous: dict[int, Any] = {}

    def install(self) -> None:
        """Take over the signals a kiosk reacts to."""
        for sig in HANDLED:
            self._previous[sig] = signal.signal(sig, self._handle)

    def restore(self) -> None:
        """Give the signals back and stop the timer."""
        self.disarm()
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)

    # --- idle timer for prompts and the plain dialogue --------------------------------

    def arm(self) -> None:
        """(Re)start the idle timer: a warning first, then the end of the session."""
        lead = warning_lead(self.idle_seconds)
        self._stage = "warn"
        signal.setitimer(signal.ITIMER_REAL, max(self.idle_seconds - lead, 0.01))

    def deadline(self, seconds: float) -> None:
        """End with ``timeout`` after ``seconds`` (an offer nobody answers)."""
        self._stage = "timeout"
        signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.01))

    def disarm(self) -> None:
        """Stop the timer."""
        self._stage = "off"
        signal.setitimer(signal.ITIMER_REAL, 0)

    def quiet(self) -> None:
        """From now on signals are only noted: the last save and the wipe must finish."""
        self.disarm()
        self.ending = True

    # --- the one handler ----------------------------------------------------------------

    def _handle(self, signum: int, _frame: FrameType | None) -> None:
        if signum == signal.SIGALRM:
            self._alarm()
            return
        reason = {int(signal.SIGTERM): "terminate", int(signal.SIGHUP): "hangup"}.get(
            signum, "quit")
        if signum == signal.SIGHUP:
            self.hung_up = True
            detach_terminal()
        if signum == signal.SIGTERM:
            self.terminated = True
        if self.ending:
            return
        if self.app_hook is not None:
            self.app_hook(reason)
            return
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.disarm()
        raise KioskEnded(reason)

    def _alarm(self) -> None:
        if self.ending:
            return
        if self._stage == "warn":
            lead = warning_lead(self.idle_seconds)
            self._stage = "idle"
            signal.setitimer(signal.ITIMER_REAL, max(lead, 0.01))
            with contextlib.suppress(OSError, RuntimeError):  # RuntimeError: a reentrant print
                self.say("\n" + _("Are you still there? Press Enter to go on. In {seconds} "
                                  "seconds everything from this session is wiped, without "
                                  "saving.").format(seconds=f"{lead:.0f}"))
            return
        if self._stage in ("idle", "timeout"):
            reason = self._stage
            self._stage = "off"
            raise KioskEnded(reason)
