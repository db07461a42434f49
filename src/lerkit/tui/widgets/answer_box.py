"""The answer to one question: a text box for words and dates, a tick list for choices."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import TextArea

from lerkit.core.i18n import N_, _
from lerkit.core.interview import Kind, Step
from lerkit.core.interview.values import AnswerInput
from lerkit.tui.widgets.choice_list import ChoiceList

YES_NO = [("yes", N_("Yes")), ("no", N_("No"))]


@dataclass(frozen=True)
class Draft:
    """What the box holds for a question and has not saved: kept over a change of
    language (the question's key is the same in every language)."""

    key: str
    text: str
    picked: tuple[str, ...]


class AnswerBox(Vertical):
    """Shows the right input for a question and reads the answer back from it."""

    DEFAULT_CSS = """
    AnswerBox {
        height: auto;
    }
    """

    class Changed(Message):
        """The answer was edited (typed, ticked or unticked)."""

    @dataclass
    class Submitted(Message):
        """Enter on a one-choice list: the answer is ready to save."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.step: Step | None = None

    def compose(self) -> ComposeResult:
        yield TextArea(id="answer", soft_wrap=True, tab_behavior="focus")
        yield ChoiceList(id="choices")

    def on_mount(self) -> None:
        self.query_one("#choices").display = False
        self.set_titles()

    @property
    def is_text(self) -> bool:
        return self.step is None or self.step.kind in (Kind.TEXT, Kind.DATE)

    def load(self, step: Step, draft: Draft | None = None) -> None:
        """Show the question's input, filled with its saved answer (or with ``draft``,
        when it is this question's), and focus it."""
        self.step = step
        area, choices = self.query_one("#answer", TextArea), self.query_one("#choices", ChoiceList)
        area.display, choices.display = self.is_text, not self.is_text
        answer = step.answer
        if draft is not None and draft.key == step.key:
            answer = draft.text if self.is_text else list(draft.picked)
        if self.is_text:
            area.load_text(answer if isinstance(answer, str) else "")
            area.move_cursor(area.document.end)
        else:
            options = ([(value, _(words)) for value, words in YES_NO]
                       if step.kind is Kind.YESNO else [(c.id, c.label) for c in step.choices])
            picked = answer if isinstance(answer, list) else [answer] if answer else []
            choices.set_choices(options, picked, multiple=step.kind is Kind.MULTI)
        self.focus_input()

    def draft(self) -> Draft | None:
        """The question's answer as it stands in the box, saved or not (None: no
        question yet)."""
        if self.step is None:
            return None
        return Draft(self.step.key, self.query_one("#answer", TextArea).text,
                     tuple(self.query_one("#choices", ChoiceList).picked))

    def _saved(self) -> str | set[str]:
        """The question's saved answer, as the box would hold it."""
        saved = self.step.answer if self.step is not None else None
        if self.is_text:
            return saved.strip() if isinstance(saved, str) else ""
        return set(saved) if isinstance(saved, list) else {saved} if saved else set()

    def unsaved(self) -> bool:
        """Whether the box holds something other than the question's saved answer."""
        if self.step is None:
            return False
        now: str | set[str] = (self.query_one("#answer", TextArea).text.strip() if self.is_text
                               else set(self.query_one("#choices", ChoiceList).picked))
        return now != self._saved()

    def has_saved_answer(self) -> bool:
        """Whether the question has an answer saved already."""
        return bool(self._saved())

    def focus_input(self) -> None:
        """Put the keyboard on the answer."""
        (self.query_one("#answer") if self.is_text else self.query_one("#choices")).focus()

    def value(self) -> AnswerInput | None:
        """The answer to save; None when a one-choice question has nothing picked."""
        if self.is_text:
            return self.query_one("#answer", TextArea).text
        picked = self.query_one("#choices", ChoiceList).picked
        if self.step is not None and self.step.kind is Kind.MULTI:
            return list(picked)
        return picked[0] if picked else None

    def texts(self) -> tuple[str, ...]:
        """What to look skills up with: the text, or the words of each ticked choice."""
        step = self.step
        if self.is_text:
            return (self.query_one("#answer", TextArea).text.strip(),)
        if step is None or step.kind is Kind.YESNO:
            return ()
        picked = set(self.query_one("#choices", ChoiceList).picked)
        return tuple(c.match_text for c in step.choices if c.id in picked)

    def set_titles(self) -> None:
        """Box titles; the box with the keyboard focus says so in words."""
        boxes = ((self.query_one("#answer", TextArea), _("Ctrl+S saves")),
                 (self.query_one("#choices", ChoiceList), _("Space ticks · Ctrl+S saves")))
        for box, keys in boxes:
            box.border_title = (_("▶ Your answer (keys go here)") if box.has_focus
                                else _("Your answer"))
            box.border_subtitle = keys if box.has_focus else ""

    @on(TextArea.Changed, "#answer")
    @on(ChoiceList.Changed, "#choices")
    def edited(self) -> None:
        self.post_message(self.Changed())

    @on(ChoiceList.Submitted, "#choices")
    def picked(self) -> None:
        self.post_message(self.Submitted())
