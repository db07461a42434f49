"""Choose the language of the screens: each language named in its own words, so that
someone who reads only one of them finds it."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from lerkit.core.i18n import LANGUAGES, N_, _, current_language
from lerkit.tui.widgets.choice_list import ChoiceList

HINT = N_("Up and Down choose · Enter (or the number) picks · Escape keeps this one")


class LanguageModal(ModalScreen[str | None]):
    """Dismissed with the code of the language picked ("en", "es"), or None."""

    CSS_PATH = "language.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", N_("Cancel"), id="language-cancel",
                tooltip=N_("Keep the language as it is")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.done = False

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            # Each language is named in its own words: the person may not read this one.
            yield Label(_("The language of the screens:"), id="language-question",
                        markup=False)
            yield ChoiceList(id="languages")
            yield Static(_(HINT), id="language-hint", classes="hint", markup=False)

    def on_mount(self) -> None:
        chooser = self.query_one("#languages", ChoiceList)
        chooser.set_choices(list(LANGUAGES.items()), [current_language()])
        chooser.highlighted = list(LANGUAGES).index(current_language())
        chooser.focus()

    def on_choice_list_changed(self, message: ChoiceList.Changed) -> None:
        if message.picked:  # Enter, Space or a number ticks a language: that is the choice
            self._pick(message.picked[0])

    def on_choice_list_submitted(self, message: ChoiceList.Submitted) -> None:
        self._pick(message.picked[0] if message.picked else None)

    def _pick(self, language: str | None) -> None:
        if not self.done:  # once: Enter both ticks and submits
            self.done = True
            self.dismiss(language)

    def action_cancel(self) -> None:
        """Keep the language as it is."""
        self.dismiss(None)
