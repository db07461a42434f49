"""F1 on the interview: the question's help, its examples, and what the keys do."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from lerkit.core.i18n import N_, _
from lerkit.core.interview import Step

KEYS = N_(
    "Keys: Ctrl+S save the answer · Ctrl+N skip the question · Ctrl+B go back · "
    "F4 skip the rest of this part · Ctrl+L move between the answer and the skills "
    "(there: Enter accept, Delete or R turn down, P how well) · F5 show or fold the skills "
    "accepted or suggested at earlier questions · F2 find a skill by name · "
    "F3 add evidence · Escape leave (an answer not saved yet is asked about) · F8 English "
    "or Spanish (the "
    "answer being typed stays) · Ctrl+P all commands."
)


def help_text(step: Step) -> str:
    """The plain-text help for a question."""
    parts = [step.progress, "", step.text, ""]
    parts.append(step.help or _("There is no extra help for this question. Say it in your "
                                "own words."))
    if step.examples:
        parts += ["", _("For example:"), *(f"  - {e}" for e in step.examples)]
    return "\n".join(parts)


class QuestionHelpModal(ModalScreen[None]):
    """Read-only help; any of Escape, Enter or F1 closes it."""

    CSS_PATH = "question_help.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter,f1", "close", N_("Close"), id="help-close",
                tooltip=N_("Back to the question")),
    ]

    def __init__(self, step: Step) -> None:
        super().__init__()
        self.step = step

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(help_text(self.step), id="help-text", markup=False)
            yield Static(_(KEYS), classes="hint", markup=False)
            yield Static(_("Escape, Enter or F1 closes this."), classes="hint")

    def action_close(self) -> None:
        """Back to the question."""
        self.dismiss(None)
