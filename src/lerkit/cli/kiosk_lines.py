"""The kiosk's line-by-line parts: welcome, start questions, plain dialogue, save offer.

Every wait for input runs under the guard's idle timer; the signals it turns into
:class:`~lerkit.cli.kiosk_guard.KioskEnded` end the session from any of them.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import shutil
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from lerkit.cli.kiosk_guard import Guard
from lerkit.cli.plain_interview import run_plain
from lerkit.core.errors import LerError, PassphraseError
from lerkit.core.i18n import N_, _
from lerkit.core.interview import load_answers
from lerkit.services import interview, kiosk_session
from lerkit.services.context import Lerkit
from lerkit.services.keys import MIN_PASSPHRASE
from lerkit.services.kiosk import Workspace
from lerkit.services.kiosk_session import KioskSession, SavedFiles

WELCOME = N_(
    "Welcome to lerkit on a shared computer.\n"
    "What you enter is kept in a private temporary folder and wiped when you finish, when "
    "the computer is left alone for {time}, or when this window closes.\n"
    "When you finish you can save two files to your USB stick: your profile (locked with "
    "your passphrase, to go on another day) and your signed record (to hand to employers)."
)
TRIES = 3
NO_WORDS = ("no", "n")  # the same in English and Spanish


def say(text: str = "") -> None:
    """Print text, each paragraph wrapped between words to the terminal's width; a
    terminal that has gone is not an error."""
    width = min(shutil.get_terminal_size((80, 24)).columns, 100) - 1
    lines = [textwrap.fill(p, width=max(width, 20), break_long_words=False,
                           break_on_hyphens=False) if p else p for p in text.split("\n")]
    with contextlib.suppress(OSError):
        typer.echo("\n".join(lines))


def read(guard: Guard, prompt: str, *, hidden: bool = False, rearm: bool = True) -> str | None:
    """One line typed by the person (None at end of input), under the idle timer."""
    if rearm:
        guard.arm()
    if hidden:
        try:
            return getpass.getpass(prompt)
        except EOFError:
            return None
    say_inline(prompt)
    line = sys.stdin.readline()
    return None if line == "" else line.rstrip("\n")


def say_inline(text: str) -> None:
    """Print without a line break."""
    with contextlib.suppress(OSError):
        typer.echo(text, nl=False)


def _passphrase(guard: Guard, prompt: str) -> str:
    env = os.environ.get("LER_PASSPHRASE")
    if env is not None:
        return env
    value = read(guard, prompt, hidden=True)
    if value is None:
        raise PassphraseError(_("no passphrase was typed"))
    return value


def _new_passphrase(guard: Guard) -> str:
    if "LER_PASSPHRASE" in os.environ:
        return os.environ["LER_PASSPHRASE"]
    while True:
        first = _passphrase(guard, _("Choose a passphrase ({count} or more characters; you "
                                     "will need it to open your profile again): ").format(
                                         count=MIN_PASSPHRASE))
        if len(first) < MIN_PASSPHRASE:
            say(_("That is too short: use at least {count} characters.").format(
                count=MIN_PASSPHRASE))
        elif _passphrase(guard, _("Type it again: ")) != first:
            say(_("The two were not the same; please try again."))
        else:
            return first


def _name(guard: Guard, answers: Path | None) -> str:
    if answers is not None:
        named = load_answers(answers, interview.prompt_bank()).person.get("name")
        if named:
            return named
    while True:
        line = read(guard, _("Your name, as it should appear on your record: "))
        if line is None:
            raise PassphraseError(_("no name was typed"))
        if line.strip():
            return line


def start(ler: Lerkit, workspace: Workspace, guard: Guard, *, resume: Path | None,
          answers: Path | None, save_to: Path | None) -> KioskSession:
    """Open the person's session: from a saved profile, or new."""
    idle = guard.idle_seconds
    time = (_("{count} minutes").format(count=f"{idle / 60:g}") if idle >= 120
            else _("{count} seconds").format(count=f"{idle:g}"))
    say(_(WELCOME).format(time=time))
    say()
    if resume is not None:
        session = _resume(ler, workspace, guard, resume)
    else:
        session = kiosk_session.start_new(ler, workspace, _name(guard, answers),
                                          _new_passphrase(guard))
    if answers is not None:
        result = interview.replay_answers(ler, session.person_id, answers)
        say(_("Loaded {experiences} experiences and {accepted} skills from the answers "
              "file.").format(experiences=result.experiences, accepted=result.accepted))
    if save_to is not None:
        session.choose(save_to)
    else:
        _ask_destination(session, guard)
    return session


def _resume(ler: Lerkit, workspace: Workspace, guard: Guard, path: Path) -> KioskSession:
    from lerkit.services import profiles

    profiles.check_profile_file(path)  # a damaged or costly file: said before any passphrase
    for attempt in range(TRIES):
        passphrase = _passphrase(guard, _("Passphrase of your profile: "))
        try:
            session, opens = kiosk_session.start_from_profile(ler, workspace, path, passphrase)
            break
        except PassphraseError as exc:
            if attempt == TRIES - 1 or "LER_PASSPHRASE" in os.environ:
                raise
            say(_("{problem}. Please try again.").format(problem=exc.message))
    say(_("Your profile is open."))
    while not opens:
        key = read(guard, _("Passphrase of your signing key (Enter to skip; you can still save "
                            "your profile): "), hidden=True)
        if not key:
            break
        opens = kiosk_session.key_opens(session, key)
        session.key_passphrase = key if opens else None
    return session


def _ask_destination(session: KioskSession, guard: Guard) -> None:
    say(_("If this session is cut off (the window closes), lerkit can save your files to a "
          "folder you choose now, for example your USB stick."))
    while True:
        line = read(guard, _("Folder (or press Enter to decide when you finish): "))
        if not line or not line.strip():
            return
        try:
            say(_("If the session is cut off, your files go to {folder}.").format(
                folder=session.choose(line)))
            return
        except LerError as exc:
            say(exc.message)


class _WatchedInput:
    """Standard input whose every line restarts the idle timer."""

    def __init__(self, real: Any, guard: Guard) -> None:
        self._real = real
        self._guard = guard

    def readline(self, *args: Any) -> str:
        self._guard.arm()
        line = str(self._real.readline(*args))
        self._guard.arm()
        return line

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


@contextlib.contextmanager
def _watched(guard: Guard) -> Iterator[None]:
    real = sys.stdin
    sys.stdin = _WatchedInput(real, guard)
    try:
        yield
    finally:
        sys.stdin = real


def plain(session: KioskSession, guard: Guard) -> None:
    """The interview as a plain dialogue (``quit`` ends it)."""
    live = interview.LiveInterview.open(session.ler, session.person_id)
    with _watched(guard):
        run_plain(live, _("Stopped. Next you can save your work before the session is wiped."))


def offer(session: KioskSession, guard: Guard, reason: str, seconds: float
          ) -> SavedFiles | None:
    """Offer to save before the wipe; no answer (end of input) uses the earlier choice."""
    default = str(session.save_dir) if session.save_dir else ""
    say()
    if reason == "terminate":
        guard.deadline(seconds)
        closing = (_("This computer is closing lerkit. Answer within {seconds} seconds; "
                     "otherwise your files are saved to {folder} and everything is wiped.")
                   if default else
                   _("This computer is closing lerkit. Answer within {seconds} seconds; "
                     "otherwise nothing is saved and everything is wiped."))
        say(closing.format(seconds=f"{seconds:.0f}", folder=default))
    say(_("Before everything from this session is wiped: save your profile and your signed "
          "record? Type a folder (for example your USB stick), or 'no'."))
    while True:
        line = read(guard, _("Folder [{folder}]: ").format(folder=default) if default
                    else _("Folder: "), rearm=reason != "terminate")
        if line is None:
            return session.autosave()
        if line.strip().lower() in NO_WORDS:
            return None
        try:
            return session.save(line.strip() or default)
        except LerError as exc:
            say(exc.message)
