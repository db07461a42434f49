"""The interview: one question at a time, live skill suggestions, accept and evidence.

Keys never wait on the database or the matcher: opening the interview, every step and
every live preview run in worker threads (through :class:`InterviewDriver`) and post a
message back. Suggestions are looked up once the typing pauses (``DEBOUNCE``).
"""

from __future__ import annotations

import gc
import time
from collections import deque
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Footer, Header, Static
from textual.worker import get_current_worker

from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _, ngettext
from lerkit.core.interview import Step
from lerkit.core.matching.bilingual import WORDS_ONLY_NOTE
from lerkit.core.matching.types import Match
from lerkit.services import interview, people
from lerkit.services.context import Lerkit
from lerkit.services.interview import TAXONOMY
from lerkit.tui.dialogs.parts import PartsModal
from lerkit.tui.interview_driver import InterviewDriver, Snapshot, Timing
from lerkit.tui.language import speak_bindings
from lerkit.tui.messages import (
    InterviewOpened,
    PartsWanted,
    ServiceFailed,
    StepFailed,
    StepSaved,
    SuggestionsFound,
)
from lerkit.tui.navigation import RecordWanted
from lerkit.tui.screens.interview.steps import InterviewSteps
from lerkit.tui.widgets.answer_box import AnswerBox, Draft
from lerkit.tui.widgets.choice_list import ChoiceList
from lerkit.tui.widgets.skill_list import SUGGESTED, SkillList, skill_items, turned_down_last
from lerkit.tui.wording import parts_added

DEBOUNCE = 0.2
TYPING_HINT = N_("Type your answer; Ctrl+S saves. F2: find a skill by name. F1: help.")


class InterviewScreen(InterviewSteps):
    """One question at a time; suggestions and the part's accepted skills below it."""

    CSS_PATH = "interview.tcss"
    HELP = N_(
        "## Interview\n\nType your answer (Enter starts a new line) and press **Ctrl+S** to "
        "save it. Skills it may show appear below as you type, newest first, one line each; "
        "the one marked ▶ also says why. **Ctrl+L** moves to them: **Enter** accepts, "
        "**Delete** turns down, **P** sets how well you can do it. Skills accepted or "
        "suggested at earlier questions are folded into one line: **F5** shows them. "
        "**F1** explains the question. Every step is saved at once. **F8** shows the "
        "screens in English or in Spanish; the interview goes on where it was."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        # The footer shows the main keys (it must fit 80 columns); F1 and Ctrl+P list all.
        Binding("ctrl+s", "save_answer", N_("Save"), id="save-answer",
                tooltip=N_("Save the answer and go to the next question")),
        Binding("ctrl+n", "skip_question", N_("Skip"), id="skip-question",
                tooltip=N_("Leave this question unanswered")),
        Binding("ctrl+b", "go_back", N_("Back"), id="go-back",
                tooltip=N_("Back to the question before")),
        Binding("f2", "find_skill", N_("Find"), id="find-skill",
                tooltip=N_("Find a skill by name"), show=False),
        # Priority: the dialog opens as the key arrives, so keys typed straight after F3
        # go into the dialog, not into the answer.
        Binding("f3", "add_evidence", N_("Evidence"), id="add-evidence", show=False,
                priority=True, tooltip=N_("Add a note, a link or a file to this part")),
        Binding("f4", "skip_part", N_("Skip part"), id="skip-part", show=False,
                tooltip=N_("Skip the rest of this part")),
        Binding("escape", "leave", N_("Leave"), id="leave-interview",
                tooltip=N_("Leave the interview (an answer not saved yet is asked about)")),
        Binding("ctrl+l", "switch_focus", N_("Answer/skills"), id="switch-focus", show=False,
                tooltip=N_("Move between the answer and the list of skills")),
        Binding("f5", "show_accepted", N_("Accepted skills"), id="show-accepted", show=False,
                tooltip=N_("Show or fold the skills accepted or suggested at earlier "
                           "questions of this part")),
        Binding("f1", "question_help", N_("Help"), id="question-help",
                tooltip=N_("Explain the question; list every key")),
    ]

    def __init__(self, ler: Lerkit, person_id: str, *, modules: list[str] | None = None,
                 new: bool = False, taxonomy: str | None = None,
                 draft: Draft | None = None) -> None:
        super().__init__()
        speak_bindings(self)
        self.ler = ler
        self.person_id = person_id
        self.modules = modules
        self.new = new
        self.asked_taxonomy = taxonomy
        """The taxonomy asked for (None: the default search over every shipped one)."""
        self.taxonomy = taxonomy or TAXONOMY
        """The taxonomy that finding a skill by name (F2) searches."""
        self.driver: InterviewDriver | None = None
        self.snapshot: Snapshot | None = None
        self.busy = False
        self.accepted = 0
        """The person's accepted skills so far (every part, every interview)."""
        self.live_matches: list[Match] = []
        self.found_here = []
        self.declined_here = []
        self.live_texts: tuple[str, ...] = ()
        self.live_note = ""  # how the answer is matched, when the person should know
        self.timings: deque[Timing] = deque(maxlen=500)
        self._timer: Timer | None = None
        self.draft = draft
        """An answer typed before a change of language and not saved: shown again."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="question-box"):
            yield Static(_("Opening the interview (the first time takes a few seconds)..."),
                         id="progress", classes="hint")
            yield Static("", id="question", markup=False)
            yield Static("", id="examples", classes="hint", markup=False)
        yield AnswerBox(id="answer-box")
        yield SkillList(id="skills")
        yield Static("", id="kept", classes="hint", markup=False)
        yield Static("", id="status", classes="hint", markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._titles()
        self.open_interview()

    def on_unmount(self) -> None:
        gc.unfreeze()  # see open_interview

    def on_descendant_focus(self) -> None:
        self._titles()

    def on_descendant_blur(self) -> None:
        self._titles()

    def _titles(self) -> None:
        """Box titles; the box with the keyboard focus says so in words."""
        self.query_one(AnswerBox).set_titles()
        snap, skills = self.snapshot, self.query_one("#skills", SkillList)
        title = _("Skills this may show")
        if snap:
            title += " · " + ngettext("{n} skill accepted so far", "{n} skills accepted so far",
                                      self.accepted).format(n=self.accepted)
        evidence = (ngettext("{n} evidence item for this part",
                             "{n} evidence items for this part",
                             snap.evidence).format(n=snap.evidence) + " · "
                    if snap and snap.evidence else "")
        focused = skills.has_focus
        skills.border_title = (_("▶ {title} (keys go here)").format(title=title) if focused
                               else title)
        skills.border_subtitle = (_("Enter accept · Del turn down · P how well") if focused
                                  else evidence + _("Ctrl+L: go here"))
        if self.live_note and not focused:  # said in full in the status line when it came
            tag = (_("by words only") if _(WORDS_ONLY_NOTE) in self.live_note
                   else _("Spanish: roughly by meaning"))
            skills.border_subtitle = tag + " · " + skills.border_subtitle

    # --- worker threads -----------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="interview-open")
    def open_interview(self) -> None:
        """Resume or start the interview (may build the match index)."""
        try:
            name = people.require_person(self.ler, self.person_id).name
            if self.modules is None and not self.new:
                if interview.returning(self.ler, self.person_id):
                    self.post_message(PartsWanted(name, interview.parts()))
                    return
                if interview.first_time(self.ler, self.person_id):
                    self.post_message(PartsWanted(name, interview.parts(), first=True))
                    return
            driver = InterviewDriver.open(self.ler, self.person_id, self.modules,
                                          new=self.new, taxonomy=self.asked_taxonomy)
            snapshot = driver.snapshot()
            counts = people.show_person(self.ler, self.person_id).summary.counts
        except LerError as exc:
            self.post_message(ServiceFailed(exc.message))
            return
        # The match index is a large set of long-lived objects: keep the garbage collector
        # from walking it again (a full collection over a big taxonomy pauses 100 ms+).
        gc.freeze()
        self.post_message(InterviewOpened(driver, snapshot, name, counts.accepted_skills))

    @work(thread=True, exclusive=True, exit_on_error=False, group="suggest")
    def find_suggestions(self, key: str, texts: tuple[str, ...], asked_at: float) -> None:
        """Live suggestions for what is typed; never blocks a key."""
        assert self.driver is not None
        try:
            matches = self.driver.preview(texts)
            note = self.driver.notice(texts)
        except LerError as exc:
            self.post_message(ServiceFailed(exc.message))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(SuggestionsFound(key, texts, matches, asked_at,
                                               time.perf_counter(), note))

    # --- messages from the workers ---------------------------------------------------------

    def on_parts_wanted(self, message: PartsWanted) -> None:
        def chosen(modules: list[str] | None) -> None:
            if modules is None:
                self.app.pop_screen()
                return
            self.modules, self.new = modules, True
            self.open_interview()

        self.app.push_screen(PartsModal(message.name, message.parts, first=message.first),
                             chosen)

    def on_interview_opened(self, message: InterviewOpened) -> None:
        self.driver, self.accepted = message.driver, message.accepted
        self.sub_title = _("Interview: {name}").format(name=message.name)
        self._show(message.snapshot, new_question=True)
        box = self.query_one(AnswerBox)
        self._say(_(TYPING_HINT) if box.is_text else
                  _("Space (or the number) ticks a choice; Ctrl+S saves. F1 explains the "
                    "question."))

    def on_step_saved(self, message: StepSaved) -> None:
        self.busy = False
        if self.after_save is not None:
            leave, self.after_save = self.after_save, None
            self.notify(_("Your answer is saved."), title=_("Saved"))
            leave()
            return
        before, after = self.snapshot, message.snapshot
        if before is not None and before.run == after.run:  # a skill accepted or taken back
            self.accepted += len(after.accepted) - len(before.accepted)
        old = before.key if before else None
        skills = self.query_one("#skills", SkillList)
        folded_before = sum(i.state == SUGGESTED for i in skills.folded)
        self._show(after, new_question=after.key != old)
        waiting = sum(i.state == SUGGESTED for i in skills.folded)
        said = " ".join(b for b in (message.said, parts_added(
            before.step if before is not None else None, after.step)) if b)
        if after.key != old and waiting > folded_before:  # the new ones are folded, not lost
            self._say(said + " " + ngettext(
                "{n} suggestion not decided yet is folded under the list: F5 shows it.",
                "{n} suggestions not decided yet are folded under the list: F5 shows them.",
                waiting).format(n=waiting))
        else:
            self._say(said)
        self.said_step = True  # until the person types: "Saved." is about the last answer

    def on_step_failed(self, message: StepFailed) -> None:
        self.busy = False
        self.after_save = None
        self._say(_("Not saved: {text}").format(text=message.text))
        self.notify(message.text, title=_("Not saved"), severity="warning")

    def on_service_failed(self, message: ServiceFailed) -> None:
        self._say(_("Error: {text}").format(text=message.text))
        self.notify(message.text, title=_("Error"), severity="error")

    def on_suggestions_found(self, message: SuggestionsFound) -> None:
        step = self.snapshot.step if self.snapshot else None
        box = self.query_one(AnswerBox)
        if step is None or message.key != step.key or message.texts != box.texts():
            return  # the person has typed on or moved on; a newer lookup is coming
        rejected = self.snapshot.rejected if self.snapshot is not None else []
        self.live_matches = turned_down_last(message.matches, rejected)
        self.live_texts = message.texts
        if message.note != self.live_note:
            self.live_note = message.note
            self._titles()
            if message.note:
                self._say(message.note)
        self._show_skills()
        timing = Timing(message.asked_at, time.perf_counter(), message.found_at)
        self.timings.append(timing)
        self.call_after_refresh(timing.painted)

    # --- showing ---------------------------------------------------------------------------

    def _show(self, snapshot: Snapshot, *, new_question: bool) -> None:
        self.snapshot = snapshot
        step = snapshot.step
        if step is None:
            self._finish()
            return
        if new_question:
            self._load_question(step)
        self._show_skills()

    def _load_question(self, step: Step) -> None:
        self.query_one("#progress", Static).update(step.progress)
        self.query_one("#question", Static).update(step.text)
        example = (_("For example: {example}").format(example=step.examples[0])
                   if step.examples else "")
        if len(step.examples) > 1:
            example += "  " + _("(F1: more)")
        self.query_one("#examples", Static).update(example)
        self.query_one("#examples").display = bool(example)
        self.live_matches, self.live_texts = [], ()
        self.found_here, self.declined_here = [], []
        self.query_one("#skills", SkillList).fold()
        self.query_one(AnswerBox).load(step, self.draft)
        self.draft = None
        self._schedule_preview(0)

    def _show_skills(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        items = skill_items(snap.accepted, snap.rejected,
                            [*self.found_here, *self.live_matches, *self.declined_here],
                            snap.earlier,
                            names=self.driver.names if self.driver is not None else None)
        self.query_one("#skills", SkillList).show(items)
        self.show_kept()
        self._titles()

    def _finish(self) -> None:
        self.notify(_("The interview is finished. Here is your record."), title=_("Thank you"))
        self.action_open_person()

    def unsaved(self) -> Draft | None:
        """The answer in the box (saved or not), for the same screen in another
        language."""
        return self.query_one(AnswerBox).draft() or self.draft

    def action_open_person(self) -> None:
        """Review the record (the interview stays where it is)."""
        self.post_message(RecordWanted(self.person_id, instead=True))

    # --- typing and live suggestions ------------------------------------------------------

    @on(AnswerBox.Changed)
    def answer_changed(self) -> None:
        box = self.query_one(AnswerBox)
        if self.said_step and box.unsaved():  # what the last step said is old news once
            self.said_step = False            # they change the answer (not when it loads)
            self._say(_(TYPING_HINT) if box.is_text else "")
        self._schedule_preview(DEBOUNCE)

    def _schedule_preview(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(delay, self._preview_now) if delay else None
        if not delay:
            self._preview_now()

    def _preview_now(self) -> None:
        step = self.snapshot.step if self.snapshot else None
        if step is None or self.driver is None:
            return
        texts = self.query_one(AnswerBox).texts()
        if texts == self.live_texts:
            return
        if not any(texts):
            self.live_matches, self.live_texts = [], texts
            self._show_skills()
            return
        self.find_suggestions(step.key, texts, time.perf_counter())

    @on(ChoiceList.Typed, "#choices")
    def typed_at_a_list(self) -> None:
        self._say(_("This is a list: arrows move, Space or the number ticks, Ctrl+S saves."))

    @on(AnswerBox.Submitted)
    def picked(self) -> None:
        self.action_save_answer()
