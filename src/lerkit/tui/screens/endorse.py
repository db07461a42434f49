"""The endorser's review: who the worker is, each claim and its evidence, pick and sign."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Checkbox, Footer, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from lerkit.core.errors import LerError
from lerkit.services import endorsing
from lerkit.services.context import Lerkit
from lerkit.services.endorsing import BundleReview, ClaimReview
from lerkit.tui.screens.endorse_text import claim_detail, claim_row, same_label, who_text
from lerkit.tui.screens.prompt import PromptModal


class EndorseScreen(Screen[None]):
    """Choose claims with Space, say how you know the person, comment, Ctrl+S to sign."""

    CSS_PATH = "endorse.tcss"
    HELP = (
        "## Endorse\n\nThe list shows each skill the person claims. **Space** chooses or "
        "un-chooses the highlighted one. **Tab** moves to the details, then to *How you know "
        "them* (supervisor, co-worker, pastor...) and the comment. Untick *One comment for "
        "all* to write a comment per claim: the comment box then follows the highlighted "
        "claim. **Ctrl+S** signs with your passphrase and writes the endorsements file."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "sign", "Sign", id="endorse-sign"),
        Binding("escape", "quit_review", "Quit", id="endorse-quit"),
    ]

    def __init__(self, ler: Lerkit, review: BundleReview, out: Path) -> None:
        super().__init__()
        self.ler = ler
        self.review = review
        self.out = out
        self.chosen: set[str] = set()
        self.shared_comment = ""
        self.comments: dict[str, str] = {}
        self.current: ClaimReview | None = review.claims[0] if review.claims else None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(who_text(self.review), id="who", markup=False)
        yield OptionList(*self._options(), id="claims", markup=False)
        with VerticalScroll(id="detail-box"):
            yield Static(claim_detail(self.current), id="detail", markup=False)
        with Horizontal(classes="field"):
            yield Label("How you know them: ")
            yield Input(id="relationship", compact=True,
                        placeholder="supervisor, co-worker, pastor, teacher...")
        yield Checkbox(same_label(True), True, id="same", compact=True)
        with Horizontal(classes="field"):
            yield Label("Comment: ")
            yield Input(id="comment", compact=True,
                        placeholder="Your comment for every chosen claim")
        yield Static("Space: choose  Tab: next field  Ctrl+S: sign  Esc: quit", id="status",
                     classes="hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#claims", OptionList).focus()

    def _options(self) -> list[Option]:
        return [Option(claim_row(c, c.credential_id in self.chosen), id=c.credential_id)
                for c in self.review.claims]

    def _say(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    def _refresh_rows(self) -> None:
        claims = self.query_one("#claims", OptionList)
        at = claims.highlighted
        claims.set_options(self._options())
        claims.highlighted = at

    @on(OptionList.OptionHighlighted, "#claims")
    def highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.current = self.review.claim(event.option.id or "")
        self.query_one("#detail", Static).update(claim_detail(self.current))
        if not self.query_one("#same", Checkbox).value and self.current is not None:
            comment = self.query_one("#comment", Input)
            comment.value = self.comments.get(self.current.credential_id, "")
            comment.placeholder = f"Your comment on: {self.current.skill}"

    @on(OptionList.OptionSelected, "#claims")
    def toggle(self, event: OptionList.OptionSelected) -> None:
        claim = self.review.claim(event.option.id or "")
        if claim is None:
            return
        if not self.review.valid:
            self._say("This bundle does not verify, so it cannot be endorsed.")
            return
        if claim.evidence_problem:
            self._say(f"Cannot choose {claim.skill}: {claim.evidence_problem}.")
            return
        self.chosen ^= {claim.credential_id}
        self._refresh_rows()
        state = "chosen" if claim.credential_id in self.chosen else "not chosen"
        self._say(f"{claim.skill}: {state}. Claims chosen: {len(self.chosen)}.")

    def key_space(self) -> None:
        """Space chooses the highlighted claim when the list has the focus."""
        claims = self.query_one("#claims", OptionList)
        if self.focused is claims and claims.highlighted is not None:
            claims.action_select()

    @on(Checkbox.Changed, "#same")
    def same_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = same_label(event.value)
        comment = self.query_one("#comment", Input)
        if event.value:
            comment.value = self.shared_comment
            comment.placeholder = "Your comment for every chosen claim"
        elif self.current is not None:
            comment.value = self.comments.get(self.current.credential_id, self.shared_comment)
            comment.placeholder = f"Your comment on: {self.current.skill}"

    @on(Input.Changed, "#comment")
    def comment_changed(self, event: Input.Changed) -> None:
        if self.query_one("#same", Checkbox).value:
            self.shared_comment = event.value
        elif self.current is not None:
            self.comments[self.current.credential_id] = event.value

    def _comment_for(self, credential_id: str) -> str:
        if self.query_one("#same", Checkbox).value:
            return self.shared_comment
        return self.comments.get(credential_id, "")

    def _ready(self) -> str | None:
        if not self.review.valid:
            return "This bundle does not verify, so it cannot be endorsed."
        if not self.chosen:
            return "Choose at least one claim first (Space on a claim)."
        if not self.query_one("#relationship", Input).value.strip():
            return "Say how you know the person (for example: supervisor)."
        missing = [c.skill for c in self.review.claims
                   if c.credential_id in self.chosen and not self._comment_for(c.credential_id)
                   .strip()]
        if missing:
            return f"Write a comment for: {', '.join(missing)}."
        return None

    def action_sign(self) -> None:
        """Ask for the passphrase, then sign in a worker thread."""
        problem = self._ready()
        if problem:
            self._say(problem)
            self.notify(problem, title="Not signed yet", severity="warning")
            return

        chosen = [c.credential_id for c in self.review.claims if c.credential_id in self.chosen]
        relationship = self.query_one("#relationship", Input).value
        comments = {cid: self._comment_for(cid) for cid in chosen}

        def got(passphrase: str | None) -> None:
            if passphrase:
                self._say("Signing...")
                self.sign(passphrase, chosen, relationship, comments)

        count = len(self.chosen)
        self.app.push_screen(PromptModal(
            f"Your passphrase, to sign {count} endorsements", secret=True,
            hint="Enter signs, Escape goes back without signing."), got)

    @work(thread=True, exclusive=True, exit_on_error=False, group="endorse")
    def sign(self, passphrase: str, chosen: list[str], relationship: str,
             comments: dict[str, str]) -> None:
        """Sign and write the endorsements file; the app exits with the result."""
        try:
            result = endorsing.endorse(self.ler, self.review, self.out, passphrase,
                                       claim_ids=chosen, relationship=relationship,
                                       comments=comments)
        except LerError as exc:
            self.app.call_from_thread(self._failed, exc.message)
            return
        self.app.call_from_thread(self.app.exit, result)

    def _failed(self, message: str) -> None:
        self._say(f"Not signed: {message}")
        self.notify(message, title="Not signed", severity="error")

    def action_quit_review(self) -> None:
        """Leave without signing."""
        self.app.exit(None)
