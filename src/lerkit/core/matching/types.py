"""What the matcher returns: a ranked competency with the reason it matched."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lerkit.core.i18n import N_, _


class MatchedVia(StrEnum):
    """Which text of the competency the input matched, or what else carried it."""

    LABEL = "label"
    ALT_LABEL = "alt_label"
    PHRASING = "phrasing"
    DESCRIPTION = "description"
    CROSSWALK = "crosswalk"  # a military occupation's crosswalk
    MEANING = "meaning"  # close in meaning (sentence embeddings), no shared word needed
    BRIDGE = "bridge"  # through a lerkit competency whose crosswalk names this entry
    PICKED = "picked"  # a choice the person picked, matched by its words for the matcher


_KIND_WORDS = {
    MatchedVia.LABEL: N_("the skill name"),
    MatchedVia.ALT_LABEL: N_("another name for it"),
    MatchedVia.PHRASING: N_("an everyday way to say it"),
    MatchedVia.DESCRIPTION: N_("its description"),
    MatchedVia.CROSSWALK: N_("a crosswalk"),
}


@dataclass(frozen=True)
class Match:
    """One suggested competency.

    ``score`` is 0-100. ``matched_text`` is the text of the competency that the input
    matched (a label, alternative label, everyday phrasing or description); ``matched_via``
    says which, or that the match was carried by meaning (``MEANING``: ``matched_text`` is
    the closest text of the competency) or came through a lerkit competency's crosswalk
    (``BRIDGE``: ``through`` names that competency, ``matched_text`` what the input matched
    of it), or from a choice the person picked (``PICKED``: ``matched_text`` is the choice
    as the person read it; the matcher was given the choice's own words for it).
    ``matched_words`` are the words of the person's input that carry the match, as typed;
    never words without meaning of their own.
    """

    taxonomy: str
    competency_id: str
    label: str
    score: float
    matched_via: MatchedVia
    matched_text: str
    matched_words: tuple[str, ...]
    through: str = ""

    @property
    def why(self) -> str:
        """A one-line explanation a person can read, in the current language."""
        words = ", ".join(f'"{w}"' for w in self.matched_words)
        text = self.matched_text
        if self.matched_via is MatchedVia.BRIDGE:
            said = f" ({words})" if words else ""
            return _('through lerkit\'s "{through}"{said}: "{text}"').format(
                through=self.through, said=said, text=text)
        if self.matched_via is MatchedVia.PICKED:
            return _('you picked "{text}"').format(text=text)
        if self.matched_via is MatchedVia.CROSSWALK:
            return _("from your military job {job}").format(job=text)
        if self.matched_via is MatchedVia.MEANING:  # the text quoted is the skill's, not theirs
            also = _("; shares {words}").format(words=words) if words else ""
            if _plain(text) == _plain(self.label):
                return _("close in meaning to this skill{also}").format(also=also)
            return _('close in meaning to the example "{text}"{also}').format(text=text,
                                                                               also=also)
        kind = _(_KIND_WORDS[self.matched_via])
        return _('{words} matched {kind}: "{text}"').format(
            words=words or _("the whole text"), kind=kind, text=text)


def _plain(text: str) -> str:
    """A text as compared with a skill's name: case and a closing full stop aside."""
    return text.strip().rstrip(".").casefold()
