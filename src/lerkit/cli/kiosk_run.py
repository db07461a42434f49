"""Running ``ler kiosk``: a session on a shared computer that leaves nothing behind.

The session lives in a private temporary folder (see ``lerkit.services.kiosk``). However
it ends, the person's files are saved only where they said, and the folder is wiped:

* quit (Ctrl+Q, Ctrl+C, ``quit`` in the plain dialogue): the save offer, then the wipe;
* SIGTERM: the save offer with a countdown (``--offer-seconds``); unanswered, the files
  go to the folder chosen earlier in the session, if any;
* SIGHUP (the terminal closed): nobody can answer, so the files go to the folder chosen
  earlier, if any; otherwise nothing is saved;
* idle (``--idle-minutes``): a warning, then the wipe without saving.
"""

from __future__ import annotations

import contextlib
import sys
from dataclasses import dataclass
from pathlib import Path

import typer

from lerkit.cli import kiosk_lines as lines
from lerkit.cli.errors import say_error
from lerkit.cli.kiosk_guard import EXIT_CODES, Guard, KioskEnded
from lerkit.core.errors import EXIT_BAD_INPUT, LerError
from lerkit.core.i18n import _
from lerkit.services import kiosk
from lerkit.services.kiosk_session import KioskOutcome, KioskSession, SavedFiles

CLEAR = "\x1b[H\x1b[2J\x1b[3J"  # home, clear the screen, clear the scrollback


@dataclass(frozen=True)
class Options:
    """What ``ler kiosk`` was asked to do (paths resolved before leaving the folder)."""

    resume: Path | None
    answers: Path | None
    save_to: Path | None
    idle_seconds: float
    offer_seconds: float
    plain: bool
    high_contrast: bool


def resolved(path: Path | None) -> Path | None:
    """An absolute path (resolved before the session leaves the current folder)."""
    return path.expanduser().resolve() if path is not None else None


def run(options: Options) -> int:
    """Run one session to its end; returns the exit code."""
    base = kiosk.base_folder()
    kiosk.sweep_stale(base)
    workspace = kiosk.Workspace.create(base)
    guard = Guard(options.idle_seconds, lines.say)
    guard.install()
    session: KioskSession | None = None
    outcome, saved, problem = KioskOutcome("quit"), None, ""
    try:
        workspace.isolate()
        ler = workspace.open()
        try:
            session = lines.start(ler, workspace, guard, resume=options.resume,
                                  answers=options.answers, save_to=options.save_to)
            outcome = _interact(session, guard, options)
        except KioskEnded as ended:
            outcome = KioskOutcome(ended.reason)
        except (KeyboardInterrupt, typer.Abort):
            outcome = KioskOutcome("quit")
        except LerError as exc:
            problem = exc.message
        if guard.hung_up and not outcome.handled:
            outcome = KioskOutcome("hangup")
        saved = _finish(session, guard, outcome, options)
        guard.quiet()
        ler.close()
    finally:
        guard.quiet()
        workspace.wipe()
        guard.restore()
    _farewell(outcome, saved)
    if problem:
        say_error(problem)
        return EXIT_BAD_INPUT
    return EXIT_CODES.get(outcome.reason, 0)


def _interact(session: KioskSession, guard: Guard, options: Options) -> KioskOutcome:
    if options.plain:
        lines.plain(session, guard)
        return KioskOutcome("quit")
    from lerkit.tui.kiosk import KioskApp

    guard.disarm()
    fresh = options.resume is None and options.answers is None
    app = KioskApp(session, idle_seconds=options.idle_seconds,
                   offer_seconds=options.offer_seconds, interview=fresh,
                   high_contrast=options.high_contrast)
    guard.app_hook = app.signal_arrived  # from now on signals go to the app
    try:
        app.run_session()
    except Exception as exc:  # the screen failed: the session still ends properly
        if not guard.hung_up:
            say_error(_("the full-screen interface stopped ({kind}: {error})").format(
                kind=type(exc).__name__, error=exc))
    finally:
        guard.app_hook = None
    if app.outcome is not None:
        return app.outcome
    # ended without deciding (a signal as it closed, or a failure): the signals decide
    return KioskOutcome("hangup" if guard.hung_up else "terminate" if guard.terminated
                        else "quit")


def _finish(session: KioskSession | None, guard: Guard, outcome: KioskOutcome,
            options: Options) -> SavedFiles | None:
    """Save what the person asks for, or what they chose earlier; nothing after idling."""
    if session is None or outcome.reason == "idle":
        return None
    if outcome.handled:
        return outcome.saved
    if outcome.reason != "hangup":
        try:
            return lines.offer(session, guard, outcome.reason, options.offer_seconds)
        except KioskEnded as ended:
            if ended.reason == "idle":
                return None
        except (KeyboardInterrupt, typer.Abort):
            return None
    guard.quiet()
    return session.autosave()


def _farewell(outcome: KioskOutcome, saved: SavedFiles | None) -> None:
    with contextlib.suppress(OSError, ValueError):
        if sys.stdout.isatty():
            sys.stdout.write(CLEAR)
            sys.stdout.flush()
        why = {"idle": _("The session ended after a time without activity."),
               "terminate": _("lerkit was closed by the computer."),
               "hangup": _("The terminal was closed.")}.get(outcome.reason, "")
        lines.say(" ".join(filter(None, [why, _("Everything from this session has been "
                                                "removed from this computer.")])))
        if saved is not None:
            lines.say(saved.describe())
