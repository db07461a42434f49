"""What the matcher returns: a ranked competency with the reason it matched."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class MatchedVia(StrEnum):
    """Which text of the competency the input matched."""

    LABEL = "label"
    ALT_LABEL = "alt_label"
    PHRASING = "phrasing"
    DESCRIPTION = "description"
    CROSSWALK = "crosswalk"


@dataclass(frozen=True)
class Match:
    """One suggested competency.

    ``score`` is 0-100. ``matched_text`` is the label, alternative label or everyday
    phrasing that matched (``matched_via`` says which); ``matched_words`` are the words
    of the person's input that matched it, as they were typed.
    """

    taxonomy: str
    competency_id: str
    label: str
    score: float
    matched_via: MatchedVia
    matched_text: str
    matched_words: tuple[str, ...]

    @property
    def why(self) -> str:
        """A one-line explanation a person can read."""
        words = ", ".join(f'"{w}"' for w in self.matched_words) or "the whole text"
        kind = {
            MatchedVia.LABEL: "the skill name",
            MatchedVia.ALT_LABEL: "another name for it",
            MatchedVia.PHRASING: "an everyday way to say it",
            MatchedVia.DESCRIPTION: "its description",
            MatchedVia.CROSSWALK: "a crosswalk",
        }[self.matched_via]
        return f'{words} matched {kind}: "{self.matched_text}"'
