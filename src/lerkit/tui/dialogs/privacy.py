"""The privacy check before an export: each passage that names a health condition, a
disability, a child or a religion, and the person's choice for it (keep it, leave it
out, or reword it). See docs/privacy-check.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from lerkit.core.i18n import N_, _, current_language, ngettext
from lerkit.core.records import ClaimRecord
from lerkit.services.privacy import Action, Choice, Passage, left_out_together
from lerkit.tui.language import add_bindings
from lerkit.tui.widgets.marked_list import MarkedList, Row
from lerkit.tui.wording import area_words

FIELD_WORDS = {  # marked; shown with _()
    ("experience", "title"): N_("title"),
    ("experience", "organization"): N_("organization"),
    ("experience", "place"): N_("place"),
    ("experience", "narrative"): N_("story"),
    ("evidence", "name"): N_("name"),
    ("evidence", "narrative"): N_("note"),
}
CHOICE_WORDS = {Action.KEEP: N_("KEEP"), Action.OMIT: N_("LEAVE OUT"),
                Action.REWORD: N_("REWORD")}
Chosen = list[tuple[Passage, Choice]]
# A language whose words for keep and leave out start with other letters has those keys
# as well (the hint line in its catalog names them); K, O and R work in every language.
WORD_KEYS = {"es": {"privacy-keep": "c", "privacy-omit": "q"}}  # conservar, quitar


def where_words(passage: Passage, claims: Sequence[ClaimRecord]) -> str:
    """Where a passage is, in the words the person knows: "the story of Line cook" or
    "the note of the evidence “Food handler card” (Food safety)"; never an id."""
    field = _(FIELD_WORDS.get((passage.entity, passage.field), passage.field))
    for claim in claims:
        exp = claim.experience
        if passage.entity == "experience" and exp is not None and exp.id == passage.entity_id:
            title = exp.title or area_words(exp.life_area).capitalize()
            return _("the {field} of “{title}”").format(field=field, title=title)
        for ev in claim.evidence:
            if passage.entity == "evidence" and ev.id == passage.entity_id:
                name = ev.name or ev.file_name or ev.url or _("a note")
                return _("the {field} of the evidence “{name}” ({skill})").format(
                    field=field, name=name, skill=claim.label)
    return _("a {field}").format(field=field)


def can_leave_out(passage: Passage) -> bool:
    """Every field can be left out of an export except an experience's title."""
    return not (passage.entity == "experience" and passage.field == "title")


def passage_text(passage: Passage, choice: Choice, where: str) -> str:
    """One passage as a row: the choice, what was found and where, then the sentence."""
    said = _(CHOICE_WORDS[choice.action])
    if choice.action == Action.REWORD:
        said = (_("{choice} as “{words}”").format(choice=said, words=choice.text) if choice.text
                else _("{choice}: take the sentence out").format(choice=said))
    found = f"{', '.join(_(k) for k in passage.kinds)} ({', '.join(passage.words)})"
    where_found = _("{found}, in {where}").format(found=found, where=where)
    return f"{said:<10} {where_found}\n           “{passage.sentence}”"


class PrivacyModal(ModalScreen[Chosen | None]):
    """K keeps, O leaves out, R rewords the highlighted passage; Ctrl+S goes on (in
    Spanish C conserva, Q quita as well)."""

    CSS_PATH = "privacy.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "choose('keep')", N_("Keep"), id="privacy-keep",
                tooltip=N_("Keep the highlighted passage")),
        Binding("o", "choose('omit')", N_("Leave out"), id="privacy-omit",
                tooltip=N_("Leave the highlighted passage out of the export")),
        Binding("r", "choose('reword')", N_("Reword"), id="privacy-reword",
                tooltip=N_("Reword the highlighted passage")),
        Binding("ctrl+s", "done", N_("Go on"), id="privacy-done",
                tooltip=N_("Go on with the export, with these choices")),
        Binding("escape", "cancel", N_("Cancel"), id="privacy-cancel",
                tooltip=N_("Close the reword box, or stop: nothing is exported")),
    ]

    def __init__(self, passages: Sequence[Passage], claims: Sequence[ClaimRecord]) -> None:
        super().__init__()
        words = WORD_KEYS.get(current_language(), {})
        add_bindings(self, [replace(b, key=words[b.id], id=f"{b.id}-{words[b.id]}")
                            for b in self.BINDINGS
                            if isinstance(b, Binding) and b.id in words])
        self.passages = list(passages)
        self.where = [where_words(p, claims) for p in self.passages]
        self.choices = [Choice(Action.KEEP) for _ in self.passages]
        self.rewording: int | None = None

    def compose(self) -> ComposeResult:
        count = len(self.passages)
        with Vertical(id="dialog"):
            yield Label(ngettext(
                "Before signing: {n} passage of your record names something an employer "
                "may not need to know. For each, choose: keep it, leave it out, or reword it.",
                "Before signing: {n} passages of your record name something an employer "
                "may not need to know. For each, choose: keep it, leave it out, or reword it.",
                count).format(n=count), id="privacy-intro", markup=False)
            yield MarkedList(id="passages")
            with Horizontal(id="reword-row"):
                yield Label(_("New words:"), id="reword-label")
                yield Input(id="reword", compact=True, select_on_focus=False,
                            placeholder=_("Enter saves; empty takes the sentence out"))
            yield Static("", id="privacy-said", markup=False)
            yield Static(_("K keep · O leave out · R reword · Ctrl+S go on · Escape cancel"),
                         classes="hint")

    def on_mount(self) -> None:
        self.query_one("#reword-row").display = False
        self._show()
        self.query_one("#passages", MarkedList).focus()

    def _show(self, keep: int | None = None) -> None:
        rows = [Row(passage_text(p, c, w), id=str(n)) for n, (p, c, w)
                in enumerate(zip(self.passages, self.choices, self.where, strict=True))]
        passages = self.query_one("#passages", MarkedList)
        passages.set_rows(rows, keep=None if keep is None else str(keep))

    @on(MarkedList.OptionHighlighted, "#passages")
    def _where_in_list(self) -> None:
        """The list's title says which passage is highlighted, of how many: the list
        scrolls, and the ones below the first few are easy to miss."""
        index, count = self._current(), len(self.passages)
        self.query_one("#passages", MarkedList).border_title = (
            _("passage {i} of {n} · ↑↓ for the others").format(i=index + 1, n=count)
            if index is not None and count > 1 else "")

    def _current(self) -> int | None:
        row = self.query_one("#passages", MarkedList).current_row()
        return None if row is None or row.id is None else int(row.id)

    def action_choose(self, action: str) -> None:
        """Keep, leave out or reword the highlighted passage."""
        index = self._current()
        if index is None:
            return
        passage = self.passages[index]
        said = self.query_one("#privacy-said", Static)
        if action == Action.OMIT and not can_leave_out(passage):
            said.update(_("A title cannot be left out of an export: keep it, or reword it "
                          "(R)."))
            return
        said.update(_("Leaving this out removes the whole piece of evidence from the export "
                      "(its file or link too); R rewords only these words.")
                    if action == Action.OMIT and passage.entity == "evidence" else
                    _("Leaving this out removes the whole story from the export; R rewords "
                      "only this sentence.") if action == Action.OMIT
                    and passage.field == "narrative" else "")
        if action == Action.REWORD:
            self.rewording = index
            self.query_one("#reword-row").display = True
            reword = self.query_one("#reword", Input)
            reword.value = self.choices[index].text or passage.sentence
            reword.focus()
            return
        self._choose(index, Choice(Action(action)))
        self._show(keep=index)

    def _choose(self, index: int, choice: Choice) -> None:
        """Set a passage's choice, and the same for the passages it takes along: leaving
        one out leaves out every passage of its story (or evidence); keeping or rewording
        one of those brings the others back as kept."""
        was = self.choices[index].action
        self.choices[index] = choice
        passage = self.passages[index]
        for other, theirs in enumerate(self.choices):
            if other == index or not left_out_together(passage, self.passages[other]):
                continue
            if choice.action == Action.OMIT:
                self.choices[other] = Choice(Action.OMIT)
            elif was == Action.OMIT and theirs.action == Action.OMIT:
                self.choices[other] = Choice(Action.KEEP)

    @on(Input.Submitted, "#reword")
    def reworded(self) -> None:
        index = self.rewording
        if index is not None:
            words = " ".join(self.query_one("#reword", Input).value.split())
            self._choose(index, Choice(Action.REWORD, words))
        self._close_reword(index)

    def _close_reword(self, index: int | None) -> None:
        self.rewording = None
        self.query_one("#reword-row").display = False
        self._show(keep=index)
        self.query_one("#passages", MarkedList).focus()

    def action_done(self) -> None:
        """Go on with the export, with these choices."""
        if self.rewording is not None:
            self.reworded()
        self.dismiss(list(zip(self.passages, self.choices, strict=True)))

    def action_cancel(self) -> None:
        """Close the reword box, or stop: nothing is exported and nothing changes."""
        if self.rewording is not None:
            self._close_reword(self.rewording)
            return
        self.dismiss(None)
