"""The interview screen's steps: answer, skip, back, accept, evidence; each saved in a worker.

:class:`~lerkit.tui.screens.interview.InterviewScreen` builds on this class, which holds
the actions its key bindings and the command palette call.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from textual import work
from textual.screen import Screen
from textual.widgets import Static

from lerkit.core.errors import LerError
from lerkit.core.i18n import _
from lerkit.core.matching.types import Match, MatchedVia
from lerkit.core.records import Proficiency
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview
from lerkit.tui.dialogs.evidence import KIND_WORDS, EvidenceInput, EvidenceModal
from lerkit.tui.dialogs.leave import Leave, LeaveModal
from lerkit.tui.dialogs.question_help import QuestionHelpModal
from lerkit.tui.dialogs.skill_search import SkillSearchModal
from lerkit.tui.interview_driver import InterviewDriver, Snapshot
from lerkit.tui.messages import StepFailed, StepSaved
from lerkit.tui.widgets.answer_box import AnswerBox
from lerkit.tui.widgets.skill_list import (
    ACCEPTED,
    SUGGESTED,
    SkillItem,
    SkillList,
    fold_line,
)
from lerkit.tui.wording import in_sentence, level_words, next_proficiency

Change = Callable[[LiveInterview], object]


class InterviewSteps(Screen[None]):
    """Every change to the interview, run one at a time in a worker thread."""

    ler: Lerkit
    taxonomy: str
    driver: InterviewDriver | None
    snapshot: Snapshot | None
    busy: bool
    after_save: Callable[[], None] | None = None
    """Set when the person chose to save the answer and leave: how to leave."""
    said_step: bool = False
    """Whether the status line still says what the last step did."""
    found_here: list[Match]
    """Skills found by name (F2) and accepted at this question: listed with its own."""
    declined_here: list[Match]
    """Suggestions turned down at this question: listed last while the answer changes,
    so the person can still see them and change their mind."""

    def _say(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    @work(thread=True, exit_on_error=False, group="interview-step")
    def apply_step(self, change: Change, said: str) -> None:
        """Save one step; the service commits it in one transaction."""
        assert self.driver is not None
        result: list[object] = []
        try:
            snapshot = self.driver.do(lambda live: result.append(change(live)))
        except (LerError, ValueError) as exc:
            self.post_message(StepFailed(str(exc)))
            return
        override = result[0] if result and isinstance(result[0], str) else None
        self.post_message(StepSaved(snapshot, override or said))

    # --- steps ---------------------------------------------------------------------------

    def _run(self, change: Change, said: str) -> None:
        if self.driver is None or self.snapshot is None:
            self._say(_("The interview is still opening."))
            return
        if self.busy:
            self._say(_("Still saving the last step; one moment."))
            return
        self.busy = True
        self._say(_("Saving..."))
        self.apply_step(change, said)

    def action_save_answer(self) -> None:
        """Save the answer and go to the next question."""
        if self.snapshot is None or self.snapshot.step is None:
            return
        value = self.query_one(AnswerBox).value()
        if value is None:
            self._say(_("Pick one with Space or Enter first, or press Ctrl+N to skip."))
            return
        said = (_("Saved, but no year could be read in it, so the record shows no date: a "
                  "year such as 2006 puts one there (Ctrl+B goes back).")
                if self.snapshot.step.names_no_date(value) else _("Saved."))
        self._run(lambda live: live.answer(value), said)

    def action_skip_question(self) -> None:
        """Leave this question unanswered."""
        self._run(lambda live: live.skip(), _("Skipped. Ctrl+B goes back to it."))

    def action_go_back(self) -> None:
        """Back to the question before."""
        first = _("This is the first question.")
        self._run(lambda live: None if live.back() else first, _("Back one question."))

    def action_skip_part(self) -> None:
        """Skip the rest of this part."""
        self._run(lambda live: live.skip_part(), _("Skipped the rest of that part."))

    def on_skill_list_acted(self, message: SkillList.Acted) -> None:
        item, name = message.item, message.item.shown  # a name, without a full stop
        if message.action == "reject":
            if (item.match is not None and not item.folded
                    and item.match not in self.declined_here):  # one of this question's
                self.declined_here.append(item.match)
            self._run(lambda live: live.reject(item.competency_id, taxonomy=item.taxonomy,
                                               label=item.label),
                      _("Turned down: {skill}.").format(skill=name))
            return
        if message.action == "accept" and item.state == ACCEPTED:
            self._say(_("{skill} is accepted. P sets how well; Delete takes it back.").format(
                skill=name))
            return
        proficiency = item.proficiency
        if message.action == "proficiency":
            proficiency = next_proficiency(item.proficiency, item.state == ACCEPTED)
        said = (_("Accepted: {skill} ({level}).").format(skill=name,
                                                          level=level_words(proficiency))
                if proficiency else
                _("{skill}: how well is not set.").format(skill=name)
                if message.action == "proficiency" else
                _("Accepted: {skill}.").format(skill=name))
        self._accept(item, proficiency, said)

    def _accept(self, item: SkillItem | Match, proficiency: Proficiency | None,
                said: str) -> None:
        taxonomy, cid, label = item.taxonomy, item.competency_id, item.label
        self._run(lambda live: live.accept(cid, taxonomy=taxonomy, label=label,
                                           proficiency=proficiency), said)

    def action_switch_focus(self) -> None:
        """Move between the answer and the list of skills."""
        skills = self.query_one("#skills", SkillList)
        if skills.has_focus:
            self.query_one(AnswerBox).focus_input()
        else:
            skills.focus()
            if skills.items:  # the hint about typing is not what the keys do here
                self._say(_("Skills: Enter accepts, Delete turns down, P sets how well; "
                            "Ctrl+L goes back to the answer."))

    def action_show_accepted(self) -> None:
        """List (or fold again) the skills accepted at earlier questions of this part."""
        skills = self.query_one("#skills", SkillList)
        if not skills.toggle_fold():
            self._say(_("No other skills are accepted for this part yet."))
            return
        self.show_kept()
        if skills.unfolded:
            skills.focus()
            self._say(_("Skills of earlier questions listed at the top, accepted or not: "
                        "Enter accepts, P sets how well, Delete turns down."))
        else:
            self._say(_("Folded the skills of earlier questions into one line."))

    def show_kept(self) -> None:
        """The one line under the list for the skills of earlier questions."""
        skills, kept = self.query_one("#skills", SkillList), self.query_one("#kept", Static)
        folded = skills.folded
        accepted = sum(i.state == ACCEPTED for i in folded)
        waiting = sum(i.state == SUGGESTED for i in folded)
        kept.update(fold_line(accepted, waiting, skills.unfolded,
                              len(folded) - accepted - waiting) if folded else "")
        kept.display = bool(folded)

    def action_question_help(self) -> None:
        """Explain the question."""
        if self.snapshot is not None and self.snapshot.step is not None:
            self.app.push_screen(QuestionHelpModal(self.snapshot.step))

    def action_find_skill(self) -> None:
        """Search the skills list by name and accept one."""

        def chosen(match: Match | None) -> None:
            if match is not None:  # listed as picked, not as words of their answer
                self.found_here.insert(0, replace(match, matched_via=MatchedVia.PICKED,
                                                  matched_text=in_sentence(match.label)))
                self._accept(match, None, _("Accepted: {skill}.").format(
                    skill=in_sentence(match.label)))

        self.app.push_screen(SkillSearchModal(self.ler, self.taxonomy), chosen)

    def action_add_evidence(self) -> None:
        """Add a note, a link or a file to this part."""
        step = self.snapshot.step if self.snapshot else None
        if step is None:
            return

        def added(ev: EvidenceInput | None) -> None:
            if ev is not None:
                kind = _(KIND_WORDS[ev.kind])
                said = (_("Evidence added: {kind}, dated {date}.").format(kind=kind,
                                                                          date=ev.dated)
                        if ev.dated else _("Evidence added: {kind}.").format(kind=kind))
                self._run(lambda live: live.add_evidence(ev.kind, ev.value, name=ev.name,
                                                         dated=ev.dated), said)

        self.app.push_screen(EvidenceModal(step.module_title), added)

    def action_leave(self) -> None:
        """Leave the interview; everything saved so far stays. An answer typed (or a
        choice ticked) and not saved yet is not dropped without asking."""
        if not self.ask_before_leaving(quit_app=False):
            self.app.pop_screen()

    def ask_before_leaving(self, *, quit_app: bool = True) -> bool:
        """Whether an answer typed and not saved yet needs asking about before the
        interview is left (``quit_app``: lerkit is closed); if so, asks, and leaves as
        the person chooses (save, then leave; leave without it; or stay)."""
        if self.busy or not self.query_one(AnswerBox).unsaved():
            return False

        def leave() -> None:
            if quit_app:
                self.app.exit()
            else:
                self.app.pop_screen()

        def chosen(choice: Leave | None) -> None:
            if choice == "drop":
                leave()
            elif choice == "save":
                self.after_save = leave
                self.action_save_answer()
                if not self.busy:  # nothing to save after all (no choice picked)
                    self.after_save = None

        self.app.push_screen(LeaveModal(self.query_one(AnswerBox).has_saved_answer()), chosen)
        return True
