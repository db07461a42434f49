"""A thread-safe handle on a live interview for the screen's worker threads.

The interview screen never calls the interview from the UI thread: every step (an
answer, a skip, accepting a skill...) and every live preview runs in a worker thread and
comes back as a :class:`Snapshot` or a list of matches. One lock keeps a preview from
reading the interview while a step changes it. Nothing here imports Textual.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from lerkit.core.interview import AcceptedClaim, Step
from lerkit.core.interview.claims import best_suggestions
from lerkit.core.matching.best import best_matches
from lerkit.core.matching.types import Match
from lerkit.services.context import Lerkit
from lerkit.services.interview import LiveInterview
from lerkit.services.skill_names import SkillNames


@dataclass(frozen=True)
class Snapshot:
    """What the screen shows after a step: the question and the part's skills."""

    step: Step | None
    run: str
    accepted: list[AcceptedClaim] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    earlier: list[Match] = field(default_factory=list)
    evidence: int = 0

    @property
    def key(self) -> str | None:
        return self.step.key if self.step is not None else None


def merge(found: Sequence[Sequence[Match]], top: int = 10) -> list[Match]:
    """One match per competency (the best score), best first."""
    return best_matches((m for matches in found for m in matches), top)


class InterviewDriver:
    """Serialises every call to a :class:`LiveInterview`."""

    def __init__(self, live: LiveInterview) -> None:
        self.live = live
        self.lock = threading.Lock()

    @classmethod
    def open(cls, ler: Lerkit, person_id: str, modules: list[str] | None = None,
             new: bool = False, taxonomy: str | None = None) -> InterviewDriver:
        """Resume (or start) the person's interview; builds the match indexes if needed.
        Suggestions come from the default search, or from ``taxonomy`` if given."""
        return cls(LiveInterview.open(ler, person_id, modules, new=new, taxonomy=taxonomy))

    @property
    def person_id(self) -> str:
        return self.live.person_id

    @property
    def names(self) -> SkillNames:
        """Names the skills in the language spoken (the claims keep their own)."""
        return self.live.names

    def snapshot(self) -> Snapshot:
        """The current question and the current part's decisions, read again from the
        record (the review screen may have changed them)."""
        with self.lock:
            self.live.reload_decisions()
            return self._snapshot()

    def preview(self, texts: Sequence[str]) -> list[Match]:
        """Live suggestions for what is typed (or picked); nothing is stored."""
        with self.lock:
            return merge([self.live.preview(t) for t in texts if t.strip()])

    def notice(self, texts: Sequence[str]) -> str:
        """How what is typed is matched, when the person should know ("" otherwise)."""
        with self.lock:
            return next((note for t in texts if (note := self.live.notice(t))), "")

    def do(self, change: Callable[[LiveInterview], object]) -> Snapshot:
        """Apply one step (saved by the service in one transaction); the new snapshot."""
        with self.lock:
            change(self.live)
            return self._snapshot()

    def _snapshot(self) -> Snapshot:
        iv = self.live.interview
        step = iv.current()
        if step is not None:
            run = f"{step.module_id}/{step.run}"
        else:
            runs = iv.walk.runs
            run = runs[-1].key if runs else ""
        state = iv.state
        accepted = [AcceptedClaim.from_dict(c) for c in state.accepted.get(run, [])]
        rejected = list(state.rejected.get(run, []))
        # accepted ones too, so that a decision never moves a row of the folded list
        earlier = [s.match for s in best_suggestions(iv.run_suggestions(run) if run else [])]
        named = [(a.taxonomy, a.competency_id, a.label) for a in accepted]
        for taxonomy, cid, label in named + [(m.taxonomy, m.competency_id, m.label)
                                             for m in earlier]:
            self.live.names(taxonomy, cid, label)  # names read here, not on the screen's thread
        return Snapshot(step, run, accepted, rejected, earlier,
                        len(state.evidence.get(run, [])))


@dataclass
class Timing:
    """One live lookup: the typing pause ended, the worker found matches, the list was
    updated, the screen painted (``time.perf_counter`` seconds)."""

    asked_at: float
    shown_at: float
    found_at: float = 0.0
    painted_at: float | None = None

    @property
    def ms(self) -> float:
        """From the end of the typing pause to the suggestions on screen."""
        return ((self.painted_at or self.shown_at) - self.asked_at) * 1000

    def painted(self) -> None:
        self.painted_at = time.perf_counter()
