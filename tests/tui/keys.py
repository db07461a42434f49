"""Helpers for driving the app by keys in a headless terminal."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot

DEBOUNCE_WAIT = 0.3  # longer than the interview's typing pause (0.2 s)


async def settle(app: App[None], pilot: Pilot[None], wait: float = 0.0) -> None:
    """Let timers fire, every worker finish, and the messages they posted be handled."""
    await pilot.pause(wait)
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type text key by key."""
    await pilot.press(*text)
