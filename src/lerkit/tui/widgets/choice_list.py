"""Pick one or several choices by keyboard; ticks are written ``[x]`` / ``(*)``, not coloured."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message

from lerkit.core.i18n import N_
from lerkit.tui.widgets.marked_list import MarkedList, Row

# Someone who types letters at a list thinks it is a box to write in: the digits and
# spaces that follow ("feb 2019") are part of what they type, not ticks, until they stop
# typing for this long.
TYPING_PAUSE = 1.5


class ChoiceList(MarkedList):
    """Up and down move; Space or Enter ticks; a digit ticks that numbered choice."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", N_("Tick"), id="choice-toggle", show=False,
                tooltip=N_("Tick or untick the highlighted choice")),
        Binding("enter", "enter", N_("Pick"), id="choice-enter", show=False,
                tooltip=N_("Pick the highlighted choice")),
    ]

    @dataclass
    class Changed(Message):
        """The ticked choices changed."""

        choice_list: ChoiceList
        picked: list[str]

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    @dataclass
    class Submitted(Message):
        """Enter on a single-choice list: the choice is made."""

        choice_list: ChoiceList
        picked: list[str]

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def __init__(self, *, multiple: bool = False, numbered: bool = True,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.multiple = multiple
        self.numbered = numbered
        self.choices: list[tuple[str, str]] = []
        self.details: dict[str, str] = {}
        self.typing_until = 0.0
        """While letters are being typed at the list, digits and spaces do not tick."""
        self.picked: list[str] = []

    def set_choices(self, choices: Iterable[tuple[str, str]], picked: Iterable[str] = (),
                    *, multiple: bool | None = None) -> None:
        """Show ``(id, label)`` choices with ``picked`` ticked."""
        if multiple is not None:
            self.multiple = multiple
        self.choices = list(choices)
        known = {cid for cid, _ in self.choices}
        self.picked = [p for p in picked if p in known]
        self.details = {}
        self._render_rows(reset=True)

    def set_detail(self, choice_id: str, detail: str) -> None:
        """Words shown after a choice's label (e.g. what it leaves out)."""
        self.details[choice_id] = detail
        self._render_rows(keep=choice_id)

    def set_picked(self, picked: Iterable[str]) -> None:
        """Tick exactly these choices."""
        self.picked = [cid for cid, _ in self.choices if cid in set(picked)]
        self._render_rows()
        self.post_message(self.Changed(self, list(self.picked)))

    def highlighted_id(self) -> str | None:
        """The id of the choice under the cursor."""
        row = self.current_row()
        return row.id if row is not None else None

    def _mark(self, choice_id: str) -> str:
        ticked = choice_id in self.picked
        if self.multiple:
            return "[x]" if ticked else "[ ]"
        return "(*)" if ticked else "( )"

    def _render_rows(self, keep: str | None = None, reset: bool = False) -> None:
        rows = []
        for n, (cid, label) in enumerate(self.choices, start=1):
            number = f"{n}. " if self.numbered and n < 10 else ""
            detail = self.details.get(cid, "")
            text = f"{self._mark(cid)} {number}{label}" + (f"\n    {detail}" if detail else "")
            rows.append(Row(text, id=cid))
        self.set_rows(rows, keep=None if reset else keep or self.highlighted_id(), reset=reset)

    def toggle(self, choice_id: str) -> None:
        """Tick or untick a choice (a single choice unticks the others)."""
        if choice_id in self.picked:
            self.picked.remove(choice_id)
        elif self.multiple:
            self.picked = [cid for cid, _ in self.choices if cid in {*self.picked, choice_id}]
        else:
            self.picked = [choice_id]
        self._render_rows(keep=choice_id)
        self.post_message(self.Changed(self, list(self.picked)))

    def action_tick(self) -> None:
        """Tick or untick the highlighted choice."""
        choice_id = self.highlighted_id()
        if choice_id is not None:
            self.toggle(choice_id)

    def action_enter(self) -> None:
        """Multiple choices: tick. One choice: pick it and say it is made."""
        choice_id = self.highlighted_id()
        if choice_id is None:
            return
        if self.multiple:
            self.toggle(choice_id)
            return
        if choice_id not in self.picked:
            self.toggle(choice_id)
        self.post_message(self.Submitted(self, list(self.picked)))

    @dataclass
    class Typed(Message):
        """A letter was typed at the list, as if it were a box to write in."""

        choice_list: ChoiceList

        @property
        def control(self) -> ChoiceList:
            return self.choice_list

    def typing(self) -> bool:
        """Whether letters were typed at the list a moment ago."""
        return time.monotonic() < self.typing_until

    def on_key(self, event: events.Key) -> None:
        char = event.character
        if char and (char.isalpha() or (self.typing() and char.isprintable())):
            self.typing_until = time.monotonic() + TYPING_PAUSE
            self.post_message(self.Typed(self))  # a screen may say how a list is used
            if not char.isalpha():  # "feb 2019": the 2 is not a tick
                event.stop()
                event.prevent_default()
            return
        if self.numbered and char and char in "123456789":
            index = int(char) - 1
            if index < len(self.choices):
                event.stop()
                self.highlighted = index
                self.toggle(self.choices[index][0])
