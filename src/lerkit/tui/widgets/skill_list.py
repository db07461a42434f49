"""The skills of the current part: new suggestions first, one line each.

Every row is one line; the row under the cursor also shows why the skill was suggested
(or how well the person can do it), and starts with a ``▶`` marker, so the cursor shows
without colour. Skills accepted or suggested at earlier questions of the part are left
out (folded: the screen says how many on one line under the list) until the person asks
to see them, so a new question starts with its own suggestions only;
a skill accepted from the suggestions in front of the person stays where it is, marked
ACCEPTED, so the cursor never jumps to a skill the person did not mean.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from lerkit.core.i18n import N_, _, ngettext
from lerkit.core.interview import AcceptedClaim
from lerkit.core.matching.types import Match
from lerkit.core.records import Proficiency
from lerkit.tui.widgets.marked_list import SCROLLBAR, MarkedList, Row
from lerkit.tui.wording import how_well, in_sentence, score_words, source, why_words

ACCEPTED, SUGGESTED, TURNED_DOWN = "accepted", "suggested", "turned down"
MARK, NO_MARK = "▶ ", "  "
FOLD_KEY = "F5"
Names = Callable[[str, str, str], str]


@dataclass(frozen=True)
class SkillItem:
    """One skill on the list and what the person decided about it.

    ``folded``: an accepted skill that is not among the suggestions shown now, or a
    suggestion of an earlier question; it is listed only when the person unfolds them.
    ``label`` is the name kept in the claim; ``name`` the one shown (in the language
    spoken), if another.
    """

    taxonomy: str
    competency_id: str
    label: str
    state: str
    match: Match | None = None
    proficiency: Proficiency | None = None
    folded: bool = False
    name: str = ""

    @property
    def shown(self) -> str:
        """The skill's name as the list shows it (a name, not a sentence: O*NET's
        activity titles end in a full stop)."""
        return in_sentence(self.name or self.label)

    @property
    def key(self) -> str:
        return f"{self.taxonomy}|{self.competency_id}"

    def line(self) -> str:
        """The row's one line: the decision or the score, then the skill."""
        origin = f"{source(self.match)}: " if self.match and source(self.match) else ""
        if self.state == ACCEPTED:
            return f"{_('ACCEPTED'):<10} {origin}{self.shown}"
        score = f"{score_words(self.match.score)}  " if self.match else ""
        lead = f"[{_('turned down')}] " if self.state == TURNED_DOWN else ""
        return f"{lead}{score}{origin}{self.shown}"

    def details(self) -> str:
        """What the row says under the cursor: why, how well, what the keys do."""
        why = why_words(self.match) if self.match else ""
        if self.state == ACCEPTED:
            return " · ".join(b for b in (how_well(self.proficiency), why) if b)
        if self.state == TURNED_DOWN:
            return " · ".join(b for b in (why, _("Enter accepts it after all")) if b)
        return why

    def text(self) -> str:
        """The line, then the details (shown under the cursor only)."""
        details = self.details()
        return self.line() + (f"\n    {details}" if details else "")


def skill_items(accepted: list[AcceptedClaim], rejected: list[str],
                matches: list[Match], earlier: list[Match] | None = None, limit: int = 12,
                names: Names | None = None) -> list[SkillItem]:
    """The live ``matches`` in the order given, each with the person's decision (a skill
    accepted or turned down stays in its row, so the row under the cursor never turns
    into another skill); then, folded, the accepted skills that are not among them and the
    suggestions of ``earlier`` questions, each in its place whatever was decided about
    it. ``names`` names each skill for the screen (taxonomy, id, stored name -> shown
    name)."""
    taken = {f"{a.taxonomy}|{a.competency_id}": a for a in accepted}
    seen: set[str] = set()

    def decided(found: list[Match], folded: bool) -> list[SkillItem]:
        """Each match not listed yet, with what the person decided about it."""
        out = []
        for m in found:
            key = f"{m.taxonomy}|{m.competency_id}"
            if key in seen:
                continue
            seen.add(key)
            claim = taken.get(key)
            state = (ACCEPTED if claim is not None else
                     TURNED_DOWN if m.competency_id in rejected else SUGGESTED)
            out.append(SkillItem(m.taxonomy, m.competency_id, m.label, state, m,
                                 claim.proficiency if claim is not None else None,
                                 folded=folded))
        return out

    shown = decided(matches, folded=False)
    before = decided(earlier or [], folded=True)
    # accepted skills that no answer suggested (found by name, or by a military code)
    # first; then the earlier suggestions in their own order, whatever was decided
    folded = [SkillItem(a.taxonomy, a.competency_id, a.label or a.competency_id, ACCEPTED,
                        proficiency=a.proficiency, folded=True)
              for key, a in taken.items() if key not in seen]
    items = shown[:limit] + folded + before
    if names is None:
        return items
    return [replace(i, name=names(i.taxonomy, i.competency_id, i.label)) for i in items]


def turned_down_last(matches: list[Match], rejected: list[str]) -> list[Match]:
    """New live ``matches`` with those already turned down (at an earlier question, or
    for an earlier wording of this answer) after the rest, each group in its order: a
    skill the person said no to does not take a place at the top again."""
    said_no = set(rejected)
    return sorted(matches, key=lambda m: m.competency_id in said_no)


def fold_line(accepted: int, suggested: int, unfolded: bool, turned_down: int = 0) -> str:
    """The one line that stands for the skills ``accepted`` at earlier questions of the
    part, those ``suggested`` there and not decided, and those ``turned_down``, listed
    only when unfolded."""
    if unfolded:
        what = (ngettext("{n} other skill accepted for this part is at the top",
                         "{n} other skills accepted for this part are at the top",
                         accepted).format(n=accepted) if not suggested else
                _("the skills from earlier questions are at the top"))
        if not (accepted or suggested) and turned_down:
            what = _("the skills from earlier questions are at the top")
        return "- " + what + " · " + _("{key} folds them").format(key=FOLD_KEY)
    parts = []
    if accepted:
        parts.append(ngettext("{n} other skill accepted for this part",
                              "{n} other skills accepted for this part",
                              accepted).format(n=accepted) if not suggested else
                     ngettext("{n} accepted", "{n} accepted", accepted).format(n=accepted))
    if suggested:
        parts.append(ngettext("{n} suggested at earlier questions",
                              "{n} suggested at earlier questions",
                              suggested).format(n=suggested))
    if turned_down and not parts:
        parts.append(ngettext("{n} turned down at earlier questions",
                              "{n} turned down at earlier questions",
                              turned_down).format(n=turned_down))
    return "+ " + ", ".join(parts) + " · " + _("{key} shows them").format(key=FOLD_KEY)


class SkillList(MarkedList):
    """Enter accepts, Delete turns down, P sets how well (and accepts)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer: the list's own border says them while it has the focus.
        Binding("enter", "act('accept')", N_("Accept"), id="skill-accept", show=False,
                tooltip=N_("Accept the highlighted skill")),
        Binding("delete,r", "act('reject')", N_("Turn down"), id="skill-reject", show=False,
                tooltip=N_("Turn down the highlighted skill")),
        Binding("p", "act('proficiency')", N_("How well"), id="skill-proficiency",
                show=False, tooltip=N_("Set how well you can do it (and accept it)")),
    ]

    @dataclass
    class Acted(Message):
        """The person asked to accept, turn down or rate a skill."""

        item: SkillItem
        action: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[SkillItem] = []
        self.unfolded = False
        """Whether the skills accepted at earlier questions are listed."""

    def show(self, items: list[SkillItem]) -> None:
        """Replace the list; a focused list keeps its cursor on the same row (or, if that
        skill left the list, on the row that took its place)."""
        row = self.current_row() if self.has_focus else None
        self.items = items
        self.set_rows(self._rows(), keep=row.id if row else None, reset=row is None)

    @property
    def folded(self) -> list[SkillItem]:
        """The skills accepted at earlier questions (listed only when unfolded)."""
        return [i for i in self.items if i.folded]

    def fold(self) -> None:
        """Leave the skills accepted at earlier questions out again (a new question)."""
        self.unfolded = False

    def toggle_fold(self) -> bool:
        """List (at the top) or leave out the skills accepted at earlier questions; False
        if there are none. Listed, the cursor goes to the first of them."""
        folded = self.folded
        if not folded:
            return False
        self.unfolded = not self.unfolded
        self.set_rows(self._rows(), keep=folded[0].key if self.unfolded else None,
                      reset=not self.unfolded)
        return True

    def _rows(self) -> list[Row]:
        rows = [Row(i.text(), id=i.key) for i in self.items if not i.folded]
        if self.unfolded:
            rows = [Row(i.text(), id=i.key) for i in self.folded] + rows
        return rows

    def row_text(self, key: str) -> str | None:
        """The whole text of a skill's row (line and details), if it is listed."""
        return next((r.text for r in self.rows if r.id == key), None)

    def current_item(self) -> SkillItem | None:
        """The skill under the cursor."""
        row = self.current_row()
        if row is None:
            return None
        return next((i for i in self.items if i.key == row.id), None)

    def action_act(self, action: str) -> None:
        """Post the request for the skill under the cursor."""
        item = self.current_item()
        if item is not None:
            self.post_message(self.Acted(item, action))

    # --- one line per row; the details under the cursor only ---------------------------

    def _prompt(self, row: Row, cursor: bool) -> str:
        if cursor:
            lines = self._wrap(row.text).split("\n")
            return "\n".join([MARK + lines[0], *(NO_MARK + line for line in lines[1:])])
        return NO_MARK + self._clip(row.text.split("\n", 1)[0])

    def _clip(self, line: str) -> str:
        width = self.content_size.width - SCROLLBAR - len(MARK)
        if width < 20 or len(line) <= width:
            return line
        return line[: width - 1].rstrip() + "…"
