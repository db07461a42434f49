"""The skills of the current part: accepted ones first, then live and earlier suggestions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message

from lerkit.core.interview import AcceptedClaim
from lerkit.core.matching.types import Match
from lerkit.core.records import Proficiency
from lerkit.tui.widgets.marked_list import MarkedList, Row
from lerkit.tui.wording import how_well, match_line

ACCEPTED, SUGGESTED, TURNED_DOWN = "accepted", "suggested", "turned down"


@dataclass(frozen=True)
class SkillItem:
    """One skill on the list and what the person decided about it."""

    taxonomy: str
    competency_id: str
    label: str
    state: str
    match: Match | None = None
    proficiency: Proficiency | None = None

    @property
    def key(self) -> str:
        return f"{self.taxonomy}|{self.competency_id}"

    def text(self) -> str:
        if self.state == ACCEPTED:
            return f"ACCEPTED  {self.label}\n    {how_well(self.proficiency)}"
        body = match_line(self.match) if self.match else self.label
        return f"[turned down] {body}" if self.state == TURNED_DOWN else body


def skill_items(accepted: list[AcceptedClaim], rejected: list[str],
                matches: list[Match], limit: int = 12) -> list[SkillItem]:
    """Accepted skills, then matches not yet decided, then turned-down matches."""
    items = [SkillItem(a.taxonomy, a.competency_id, a.label or a.competency_id, ACCEPTED,
                       proficiency=a.proficiency) for a in accepted]
    seen = {i.key for i in items}
    later: list[SkillItem] = []
    for m in matches:
        item = SkillItem(m.taxonomy, m.competency_id, m.label,
                         TURNED_DOWN if m.competency_id in rejected else SUGGESTED, m)
        if item.key in seen:
            continue
        seen.add(item.key)
        (later if item.state == TURNED_DOWN else items).append(item)
    return (items + later)[: max(limit, len(accepted))]


class SkillList(MarkedList):
    """Enter accepts, Delete turns down, P sets how well (and accepts)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "act('accept')", "Accept", id="skill-accept"),
        Binding("delete,r", "act('reject')", "Turn down", id="skill-reject"),
        Binding("p", "act('proficiency')", "How well", id="skill-proficiency"),
    ]

    @dataclass
    class Acted(Message):
        """The person asked to accept, turn down or rate a skill."""

        item: SkillItem
        action: str

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.items: list[SkillItem] = []

    def show(self, items: list[SkillItem]) -> None:
        """Replace the list; a focused list keeps its cursor on the same skill."""
        current = self.current_item() if self.has_focus else None
        self.items = items
        self.set_rows([Row(i.text(), id=i.key) for i in items],
                      keep=current.key if current else None, reset=current is None)

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
