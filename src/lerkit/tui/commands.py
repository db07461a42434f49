"""The command palette (Ctrl+P): lerkit's own commands for the screen in front."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

# (title, help, action name, on the app rather than the screen)
COMMANDS: tuple[tuple[str, str, str, bool], ...] = (
    ("Start interview", "Go on with (or start) the interview of this person",
     "start_interview", False),
    ("Review record", "All experiences and skills of this person, editable", "open_person",
     False),
    ("Export", "Write a signed record of the accepted skills", "export", False),
    ("Verify", "Check a signed record file", "verify_bundle", True),
    ("Toggle high contrast", "Switch between the normal and the high-contrast colours",
     "toggle_contrast", True),
)


class LerkitCommands(Provider):
    """Offers only the commands that the current screen can carry out."""

    def available(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        """Each usable command with the method that runs it."""
        for title, text, action, on_app in COMMANDS:
            target = self.app if on_app else self.screen
            method = getattr(target, f"action_{action}", None)
            if callable(method):
                yield title, text, partial(method)

    async def discover(self) -> Hits:
        for title, text, run in self.available():
            yield DiscoveryHit(title, run, help=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, text, run in self.available():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, text=title, help=text)
