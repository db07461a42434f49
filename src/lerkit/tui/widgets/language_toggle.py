"""A choice of language on one line: ``(*) English  ( ) Español``, changed by a key.

Nothing opens over the screen (a drop-down menu would cover the footer on a small
terminal, and would bring Textual's own English words with it). Each language is named
in its own words; the chosen one is marked ``(*)``, not by colour alone.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from lerkit.core.i18n import LANGUAGES, N_, _

HINT = N_("Space changes")


class LanguageToggle(Widget, can_focus=True):
    """One of :data:`LANGUAGES`; Space, Enter or an arrow moves to the next one."""

    DEFAULT_CSS = """
    LanguageToggle {
        width: 1fr;
        height: 1;
    }
    LanguageToggle:focus {
        text-style: bold;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space,enter,right", "change(1)", N_("Other language"), id="language-next",
                show=False, tooltip=N_("Make the record in the other language")),
        Binding("left", "change(-1)", N_("Other language"), id="language-before",
                show=False, tooltip=N_("Make the record in the other language")),
    ]

    value: reactive[str] = reactive("en")

    def __init__(self, value: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(LanguageToggle.value, value if value in LANGUAGES else "en")

    def render(self) -> Content:
        marks = "  ".join(f"{'(*)' if code == self.value else '( )'} {name}"
                          for code, name in LANGUAGES.items())
        return Content(f"> {marks}  · {_(HINT)}" if self.has_focus else f"  {marks}")

    def action_change(self, step: int) -> None:
        """Choose the next (or the previous) language."""
        codes = list(LANGUAGES)
        self.value = codes[(codes.index(self.value) + step) % len(codes)]

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_change(1)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
