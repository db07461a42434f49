"""Correct when an experience happened: when it started, when it ended, or that it still
goes on. Each date is checked as it is typed; what is wrong is said under the field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from lerkit.core.errors import BadInputError
from lerkit.core.evidence_checks import check_date
from lerkit.core.i18n import N_, _
from lerkit.core.records import ExperienceRecord
from lerkit.tui.widgets.choice_list import ChoiceList
from lerkit.tui.wording import area_words

HINT = N_("e.g. 2019, May 2019 or spring 2019")  # an example, not a date already set


@dataclass(frozen=True)
class DatesChange:
    """The dates as typed ("" clears one) and whether it still goes on."""

    started: str
    ended: str
    ongoing: bool


def date_problem(value: str) -> str:
    """What is wrong with a date, in a sentence ("" when it is fine or empty)."""
    try:
        check_date(value)
    except BadInputError as exc:
        return f"{exc.message[:1].upper()}{exc.message[1:]}."
    return ""


class DatesModal(ModalScreen[DatesChange | None]):
    """Ctrl+S saves (when both dates read as dates), Escape leaves them as they were."""

    CSS_PATH = "dates.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", N_("Save"), id="dates-save",
                tooltip=N_("Save the dates, unless one of them says what is wrong with it")),
        Binding("escape", "cancel", N_("Cancel"), id="dates-cancel",
                tooltip=N_("Change nothing")),
    ]

    def __init__(self, experience: ExperienceRecord) -> None:
        super().__init__()
        self.experience = experience

    def compose(self) -> ComposeResult:
        exp = self.experience
        with Vertical(id="dialog"):
            title = exp.title or area_words(exp.life_area).capitalize()
            yield Label(_("When was “{title}”?").format(title=title), id="dates-title",
                        markup=False)
            for field, label, value in (("started", _("Started:"), exp.started or ""),
                                        ("ended", _("Ended:"), exp.ended or "")):
                with Horizontal(classes="field"):
                    yield Label(label, classes="field-label")
                    yield Input(value, id=field, compact=True, select_on_focus=False,
                                placeholder=_(HINT))
                yield Static("", id=f"{field}-problem", classes="problem", markup=False)
            yield ChoiceList(multiple=True, numbered=False, id="ongoing")
            yield Static(_("Ctrl+S save · Escape cancel · Tab next field · Space ticks"),
                         classes="hint")

    def on_mount(self) -> None:
        self.query_one("#ongoing", ChoiceList).set_choices(
            [("ongoing", _("It still goes on"))],
            ["ongoing"] if self.experience.ongoing else [])
        self.query_one("#ended", Input).disabled = self.experience.ongoing
        self.query_one("#started", Input).focus()

    @on(Input.Changed)
    def check_field(self, event: Input.Changed) -> None:
        self.query_one(f"#{event.input.id}-problem", Static).update(date_problem(event.value))

    def ongoing(self) -> bool:
        """Whether "It still goes on" is ticked."""
        return bool(self.query_one("#ongoing", ChoiceList).picked)

    @on(ChoiceList.Changed, "#ongoing")
    def ongoing_changed(self) -> None:
        ended = self.query_one("#ended", Input)
        ended.disabled = self.ongoing()
        if ended.disabled:
            ended.value = ""

    @on(Input.Submitted)
    def next_field(self) -> None:
        self.focus_next()

    def action_save(self) -> None:
        """Save the dates, unless one of them says what is wrong with it."""
        started = self.query_one("#started", Input).value
        ended = self.query_one("#ended", Input).value
        for field, value in (("started", started), ("ended", ended)):
            said = date_problem(value)
            if said:
                self.query_one(f"#{field}-problem", Static).update(said)
                self.query_one(f"#{field}", Input).focus()
                return
        self.dismiss(DatesChange(started, ended, self.ongoing()))

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)
