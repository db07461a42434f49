"""The endorser's review: who the worker is, each skill and its evidence, pick and sign.

Tab goes list → *How you know them* → comment → details. The box or field that has
the keys is marked with ▶ in its title or label (never by colour alone). Nothing typed
is lost: letters typed on the list go into the first empty field, the comment mode
is switched with Ctrl+O (no tick box that a stray Space flips), a comment per skill
is kept when the mode or the skill changes, and leaving with work on the screen asks
for a second Esc.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from lerkit.core.errors import LerError
from lerkit.core.i18n import N_, _, ngettext
from lerkit.services import endorsing
from lerkit.services.context import Lerkit
from lerkit.services.endorsing import BundleReview, ClaimReview, EndorseResult
from lerkit.tui.dialogs.prompt import PromptModal
from lerkit.tui.endorse_wording import (
    claim_detail,
    claim_row,
    comment_name,
    detail_title,
    field_label,
    first_status,
    list_subtitle,
    list_title,
    mode_line,
    relationships,
    skill_list,
    who_text,
)
from lerkit.tui.language import speak_bindings
from lerkit.tui.wording import in_sentence

LEAVE_AGAIN = 10.0  # seconds within which a second Esc leaves


class SkillChoices(OptionList):
    """The skills. Space is a binding, not a key handler: bindings run in the order the
    keys came, so Space, Down, Space chooses two skills however fast it is typed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", N_("Choose"), id="endorse-choose", show=False,
                tooltip=N_("Choose or un-choose the highlighted skill")),
    ]


class EndorseScreen(Screen[None]):
    """Choose skills with Space, say how you know the person, comment, Ctrl+S to sign."""

    CSS_PATH = "endorse.tcss"
    AUTO_FOCUS = "#claims"
    HELP = N_(
        "## Endorse\n\nThe list shows each skill the person claims; ▶ marks the highlighted "
        "one, and the box or field your keys go to. **Space** chooses or un-chooses the "
        "highlighted skill. **Tab** moves to *How you know them* (supervisor, co-worker, "
        "pastor...), then to the comment, then to the details. Letters typed on the list "
        "go into the first empty field. **Ctrl+O** switches between one comment for every "
        "chosen skill and a comment per skill (the box then follows the list; **Enter** "
        "there moves on to the next chosen skill without a comment). **Ctrl+S** (or Enter "
        "in the comment) signs with your passphrase and writes the endorsements file. "
        "**Esc** twice leaves without signing. **F8** shows the screens in English or in "
        "Spanish."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "sign", N_("Sign"), id="endorse-sign",
                tooltip=N_("Sign the chosen skills with your passphrase")),
        Binding("ctrl+o", "comment_mode", N_("One/each comment"), id="endorse-comment-mode",
                tooltip=N_("One comment for every chosen skill, or a comment per skill")),
        Binding("escape", "quit_review", N_("Leave"), id="endorse-quit",
                tooltip=N_("Leave without signing (twice, when something is chosen or "
                           "typed)")),
    ]

    @dataclass
    class Finished(Message):
        """The review is over: the endorsements written, or None (left without signing)."""

        result: EndorseResult | None

    @dataclass
    class Failed(Message):
        """Signing was refused (a wrong passphrase, a file that cannot be written)."""

        text: str

    def __init__(self, ler: Lerkit, review: BundleReview, out: Path, signer: str = "") -> None:
        super().__init__()
        speak_bindings(self)
        self.ler = ler
        self.review = review
        self.out = out
        self.signer = signer
        self.chosen: set[str] = set()
        self.same = True
        self.shared_comment = ""
        self.comments: dict[str, str] = {}
        self.current: ClaimReview | None = review.claims[0] if review.claims else None
        self.here = 0
        self.leave_asked = 0.0
        self.typing_into: Input | None = None  # where letters typed off the fields go
        self.relationship_text = ""  # filled in when the screen is shown

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(who_text(self.review), id="who", markup=False)
        yield SkillChoices(*self._options(), id="claims", markup=False)
        with Horizontal(classes="field", id="relationship-row"):
            yield Label(field_label(_("How you know them:") + " ", False),
                        id="relationship-label", markup=False)
            yield Input(id="relationship", compact=True, select_on_focus=False,
                        suggester=SuggestFromList(relationships(), case_sensitive=False),
                        placeholder=_("supervisor, co-worker, pastor... (→ completes)"))
        yield Static(mode_line(self.same), id="mode", markup=False)
        with Horizontal(classes="field", id="comment-row"):
            yield Label(field_label(comment_name(True, None), False), id="comment-label",
                        markup=False)
            yield Input(id="comment", compact=True, select_on_focus=False,
                        placeholder=_("What you saw them do"))
        with VerticalScroll(id="detail-box"):
            yield Static(claim_detail(self.current), id="detail", markup=False)
        yield Static(first_status(self.review, self.signer), id="status", classes="hint",
                     markup=False)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        if self.relationship_text:
            self.query_one("#relationship", Input).value = self.relationship_text
        if self.shared_comment or self.comments or not self.same:
            self._show_comment()
        self._titles()

    def take_over(self, other: EndorseScreen) -> None:
        """Go on with what was chosen and typed on ``other`` (the same review shown in
        another language); call it before this screen is shown."""
        self.chosen, self.same = set(other.chosen), other.same
        self.shared_comment, self.comments = other.shared_comment, dict(other.comments)
        self.relationship_text = other.query_one("#relationship", Input).value

    # --- what the screen shows ----------------------------------------------------------

    def _options(self) -> list[Option]:
        return [Option(claim_row(c, c.credential_id in self.chosen, n == self.here),
                       id=c.credential_id) for n, c in enumerate(self.review.claims)]

    def _row(self, index: int) -> None:
        claims = self.query_one("#claims", OptionList)
        if 0 <= index < len(self.review.claims):
            claim = self.review.claims[index]
            claims.replace_option_prompt_at_index(
                index, claim_row(claim, claim.credential_id in self.chosen, index == self.here))

    def _say(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    def _titles(self) -> None:
        """Box titles and field labels: the one with the keys says so with ▶."""
        focused = self.focused
        claims = self.query_one("#claims", OptionList)
        claims.border_title = list_title(focused is claims, len(self.chosen),
                                         len(self.review.claims))
        claims.border_subtitle = list_subtitle(focused is claims)
        box = self.query_one("#detail-box", VerticalScroll)
        box.border_title = detail_title(self.current, focused is box)
        relationship = self.query_one("#relationship", Input)
        self.query_one("#relationship-label", Label).update(
            field_label(_("How you know them:") + " ", focused is relationship))
        comment = self.query_one("#comment", Input)
        self.query_one("#comment-label", Label).update(
            field_label(comment_name(self.same, self.current), focused is comment))

    def _detail(self) -> None:
        said = self._comment_for(self.current.credential_id) if self.current else ""
        self.query_one("#detail", Static).update(claim_detail(self.current, said))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.focused is not self.typing_into:
            self.typing_into = None  # the person moved on: Space chooses again on the list
        self._titles()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self._titles()

    # --- the list -----------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#claims")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        before, self.here = self.here, event.option_index
        self._row(before)
        self._row(self.here)
        self.current = self.review.claim(event.option.id or "")
        if not self.same:
            self._show_comment()
        self._detail()
        self._titles()

    @on(OptionList.OptionSelected, "#claims")
    def toggle(self, event: OptionList.OptionSelected) -> None:
        claim = self.review.claim(event.option.id or "")
        if claim is None:
            return
        if not self.review.valid:
            self._say(_("This bundle does not verify, so it cannot be endorsed."))
            return
        if claim.evidence_problem:
            self._say(_("Cannot choose {skill}: {why}.").format(
                skill=in_sentence(claim.skill), why=claim.evidence_problem))
            return
        self.chosen ^= {claim.credential_id}
        self.leave_asked = 0.0
        self._row(event.option_index)
        self._titles()
        state = _("chosen") if claim.credential_id in self.chosen else _("not chosen")
        self._say(_("{skill}: {state}. Chosen: {count}. Tab: next box.").format(
            skill=in_sentence(claim.skill), state=state, count=len(self.chosen)))

    def on_key(self, event: events.Key) -> None:
        """A letter that reached the screen was typed off the fields (a field keeps its
        own): it goes into the first empty field, and so does every key typed before the
        focus gets there, spaces too. Otherwise Space is left to the list's binding."""
        if not (event.is_printable and event.character):
            return
        if event.key == "space" and self.typing_into is None:
            return
        event.stop()
        event.prevent_default()
        relationship = self.query_one("#relationship", Input)
        field = self.typing_into or (relationship if not relationship.value.strip()
                                     else self.query_one("#comment", Input))
        self.typing_into = field
        if self.focused is not field:
            field.focus()
        field.insert_text_at_cursor(event.character)

    # --- relationship and comments ------------------------------------------------------

    def _show_comment(self) -> None:
        comment = self.query_one("#comment", Input)
        with comment.prevent(Input.Changed):
            comment.value = self._comment_for(self.current.credential_id if self.current
                                              else "")
        comment.placeholder = (_("What you saw them do (for every chosen skill)") if self.same
                               else _("What you saw them do, for this skill"))

    def _comment_for(self, credential_id: str) -> str:
        if self.same:
            return self.shared_comment
        return self.comments.get(credential_id, self.shared_comment)

    @on(Input.Changed, "#relationship")
    def relationship_changed(self) -> None:
        self.leave_asked = 0.0  # new work: the next Esc asks again

    @on(Input.Changed, "#comment")
    def comment_changed(self, event: Input.Changed) -> None:
        self.leave_asked = 0.0
        if self.same:
            self.shared_comment = event.value
        elif self.current is not None:
            self.comments[self.current.credential_id] = event.value
        self._detail()

    @on(Input.Submitted, "#relationship")
    def relationship_done(self) -> None:
        self.query_one("#comment", Input).focus()

    @on(Input.Submitted, "#comment")
    def comment_done(self) -> None:
        """Enter: with a comment per skill, on to the next chosen skill without one;
        otherwise sign."""
        if not self.same:
            waiting = [n for n, c in enumerate(self.review.claims)
                       if c.credential_id in self.chosen
                       and not self._comment_for(c.credential_id).strip()]
            if waiting:
                self.query_one("#claims", OptionList).highlighted = waiting[0]
                self._say(_("Now the comment on {skill}.").format(
                    skill=in_sentence(self.review.claims[waiting[0]].skill)))
                return
        self.action_sign()

    def action_comment_mode(self) -> None:
        """One comment for every chosen skill, or one per skill; no words are dropped."""
        self.same = not self.same
        self.query_one("#mode", Static).update(mode_line(self.same))
        self._show_comment()
        self._titles()
        self._detail()
        self._say(_("One comment for every chosen skill.") if self.same else
                  _("A comment per skill: the box follows the list. Enter: next skill."))

    # --- signing and leaving ------------------------------------------------------------

    def _ready(self) -> tuple[str, Widget | None] | None:
        if not self.review.valid:
            return _("This bundle does not verify, so it cannot be endorsed."), None
        if not self.chosen:  # the keys stay where they are: typing goes on safely
            return _("Choose at least one skill first (Shift+Tab, then Space)."), None
        relationship = self.query_one("#relationship", Input)
        if not relationship.value.strip():
            return _("Say how you know the person (for example: supervisor)."), relationship
        missing = [c.skill for c in self.review.claims
                   if c.credential_id in self.chosen
                   and not self._comment_for(c.credential_id).strip()]
        if missing:
            return (_("Write a comment for: {skills}.").format(skills=skill_list(missing)),
                    self.query_one("#comment", Input))
        return None

    def action_sign(self) -> None:
        """Ask for the passphrase, then sign in a worker thread."""
        problem = self._ready()
        if problem:
            text, where = problem
            self._say(_("Not signed yet: {why}").format(why=text))
            if where is not None:
                where.focus()
            return
        picked = [c for c in self.review.claims if c.credential_id in self.chosen]
        chosen = [c.credential_id for c in picked]
        relationship = self.query_one("#relationship", Input).value
        comments = {cid: self._comment_for(cid) for cid in chosen}

        def got(passphrase: str | None) -> None:
            if passphrase:
                self._say(_("Signing..."))
                self.sign(passphrase, chosen, relationship, comments)
            else:
                self._say(_("Not signed. Everything you chose and typed is still here."))

        asked = ngettext("Your endorser passphrase, to sign {n} endorsement:",
                         "Your endorser passphrase, to sign {n} endorsements:",
                         len(picked)).format(n=len(picked))
        names = skill_list([c.skill for c in picked], limit=56)  # the dialog is 58 wide
        self.app.push_screen(PromptModal(
            f"{asked}\n{names}",
            secret=True, hint=_("Enter signs, Escape goes back without signing.")), got)

    @work(thread=True, exclusive=True, exit_on_error=False, group="endorse")
    def sign(self, passphrase: str, chosen: list[str], relationship: str,
             comments: dict[str, str]) -> None:
        """Sign and write the endorsements file; the app exits with the result."""
        try:
            result = endorsing.endorse(self.ler, self.review, self.out, passphrase,
                                       claim_ids=chosen, relationship=relationship,
                                       comments=comments)
        except LerError as exc:
            self.post_message(self.Failed(exc.message))
            return
        self.post_message(self.Finished(result))

    def on_endorse_screen_failed(self, message: Failed) -> None:
        self._say(_("Not signed: {why}. Everything you typed is still here.").format(
            why=message.text))
        self.notify(message.text, title=_("Not signed"), severity="error")

    def _work_on_screen(self) -> bool:
        typed = (self.query_one("#relationship", Input).value, self.shared_comment,
                 *self.comments.values())
        return bool(self.chosen) or any(text.strip() for text in typed)

    def action_quit_review(self) -> None:
        """Leave without signing; with skills chosen or words typed, Esc twice."""
        now = time.monotonic()
        if self._work_on_screen() and now - self.leave_asked > LEAVE_AGAIN:
            self.leave_asked = now
            self._say(_("Esc again leaves WITHOUT signing; what you chose and typed is lost."))
            return
        self.post_message(self.Finished(None))
