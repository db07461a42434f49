"""The full-screen interface in kiosk mode: lerkit's app, plus the ways a session ends.

* Ctrl+Q or Ctrl+C: "Finish" — offer to save (a folder, e.g. a USB stick), then wipe.
* F9: save now; the folder is also used if the session is cut off later.
* Idle: a warning, then the end of the session without saving.
* Signals reach the app through ``signal_arrived`` (called by the handler in
  ``lerkit.cli.kiosk_guard``), which defers them to the app's own message queue: SIGTERM
  opens the save offer with a countdown (a second SIGTERM, or the countdown running
  out, ends it with the folder chosen earlier); SIGHUP ends it at once.

The app only decides how the session ended (``outcome``); the ``ler kiosk``
command saves what is left to save and wipes the workspace.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from lerkit.core.i18n import N_, set_language
from lerkit.services.kiosk_session import KioskOutcome, KioskSession, warning_lead
from lerkit.tui.app import LerkitApp
from lerkit.tui.dialogs.kiosk_idle import IdleModal
from lerkit.tui.dialogs.kiosk_save import SaveModal
from lerkit.tui.dialogs.language import LanguageModal


class KioskApp(LerkitApp):
    """lerkit on a shared computer; ``outcome`` says how the session ended."""

    TITLE = N_("lerkit kiosk")
    SUB_TITLE = N_("everything is wiped when you finish")  # whole in the header at 80 columns
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", N_("Finish"), id="quit", priority=True,
                tooltip=N_("Offer to save, then wipe everything from this computer")),
        Binding("ctrl+c", "finish", N_("Finish"), show=False, priority=True, id="kiosk-finish",
                tooltip=N_("Offer to save, then wipe everything from this computer")),
        Binding("f9", "save_now", N_("Save to USB"), id="kiosk-save",
                tooltip=N_("Save now, to a folder that is also used if the session is cut "
                           "off")),
    ]

    @dataclass
    class Signalled(Message):
        """A signal asked the session to end (terminate, hangup, quit)."""

        reason: str

    def __init__(self, session: KioskSession, *, idle_seconds: float, offer_seconds: float,
                 interview: bool = True, high_contrast: bool = False) -> None:
        self.session = session
        self.idle_seconds = idle_seconds
        self.offer_seconds = offer_seconds
        self.pending: list[str] = []
        self._loop: asyncio.AbstractEventLoop | None = None
        self.last_input = time.monotonic()
        self.terminating = False
        self.outcome: KioskOutcome | None = None
        super().__init__(session.ler, high_contrast=high_contrast,
                         person_id=session.person_id, start_interview=interview)

    def open_screens(self) -> None:
        """A new session starts by choosing the language of the screens; a session
        resumed (or replayed) goes straight on (F8 changes the language there)."""
        if not self.start_interview:
            super().open_screens()
            return

        def chosen(language: str | None) -> None:
            if language is not None:
                set_language(language)
                self.speak()
            super(KioskApp, self).open_screens()

        self.push_screen(LanguageModal(), chosen)

    def export_folder(self) -> Path | None:
        """The folder the person chose for this session's files (their USB stick), if any."""
        return self.session.save_dir

    def run_session(self) -> None:
        """Run the app, then wait for its worker threads to finish.

        Textual may leave thread workers running after ``run`` returns; the session's
        folder is wiped next, and nothing may touch it afterwards.
        """
        try:
            self.run()
        finally:
            with contextlib.suppress(Exception):
                loop = asyncio.get_event_loop_policy().get_event_loop()
                if not loop.is_closed() and not loop.is_running():
                    loop.run_until_complete(loop.shutdown_default_executor())

    def on_mount(self) -> None:  # LerkitApp.on_mount runs too (Textual calls each class's)
        self._loop = asyncio.get_running_loop()
        for reason in self.pending:
            self.post_message(self.Signalled(reason))
        self.pending.clear()
        self.set_interval(0.5, self.idle_tick)

    def signal_arrived(self, reason: str) -> None:
        """From a signal handler (the main thread, at any moment): act at a safe point.

        The handler may interrupt the event loop anywhere, so it only schedules a
        callback; that callback puts a message on the app's queue, whose handler runs
        with the app's context like any other event.
        """
        loop = self._loop
        if loop is None or loop.is_closed():
            self.pending.append(reason)
            return
        try:
            loop.call_soon_threadsafe(self.post_message, self.Signalled(reason))
        except RuntimeError:  # the loop has just stopped
            self.pending.append(reason)

    def on_kiosk_app_signalled(self, message: Signalled) -> None:
        self.end_session(message.reason)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.MouseDown | events.MouseScrollDown
                      | events.MouseScrollUp | events.Paste):
            self.last_input = time.monotonic()
        await super().on_event(event)

    # --- ending -------------------------------------------------------------------------

    def _offer(self) -> SaveModal | None:
        found = [s for s in self.screen_stack if isinstance(s, SaveModal) and s.mode != "save"]
        return found[-1] if found else None

    def end(self, outcome: KioskOutcome) -> None:
        """Close the interface; the first way of ending wins."""
        if self.outcome is None:
            self.outcome = outcome
        self.exit()

    def _ended(self, outcome: KioskOutcome | None) -> None:
        if outcome is not None:
            self.end(outcome)

    async def action_quit(self) -> None:
        """Ctrl+Q finishes the session (with the save offer) instead of just closing."""
        self.action_finish()

    def action_finish(self) -> None:
        """Offer to save, then end the session."""
        if self._offer() is None:
            self.push_screen(SaveModal(self.session, "quit"), self._ended)

    def action_save_now(self) -> None:
        """Save now, to a folder that is also used if the session is cut off."""
        if not any(isinstance(s, SaveModal) for s in self.screen_stack):
            self.push_screen(SaveModal(self.session, "save"))

    def end_session(self, reason: str) -> None:
        """A signal arrived (called in the event loop, at a safe point)."""
        if reason == "hangup":
            self.end(KioskOutcome("hangup"))
        elif reason == "terminate" and self.terminating:  # twice: no more waiting
            self.end(KioskOutcome("terminate", handled=True, saved=self.session.autosave()))
        elif reason == "terminate":
            self.terminating = True
            offer = self._offer()
            if offer is not None:
                offer.to_terminate(self.offer_seconds)
            else:
                self.push_screen(SaveModal(self.session, "terminate", self.offer_seconds),
                                 self._ended)
        else:
            self.action_finish()

    def idle_tick(self) -> None:
        """Warn when the session has been left alone; end it when the time is up."""
        idle = time.monotonic() - self.last_input
        left = self.idle_seconds - idle
        warning = [s for s in self.screen_stack if isinstance(s, IdleModal)]
        if left <= 0:
            self.end(KioskOutcome("idle"))
        elif left <= warning_lead(self.idle_seconds):
            if warning:
                warning[-1].show_left(left)
            else:
                modal = IdleModal()
                self.push_screen(modal)
                self.call_after_refresh(modal.show_left, left)
        elif warning and self.screen is warning[-1]:
            self.pop_screen()
