"""The interview screen: what it shows (:mod:`.screen`) and the steps it saves (:mod:`.steps`)."""

from lerkit.tui.screens.interview.screen import DEBOUNCE, InterviewScreen

__all__ = ["DEBOUNCE", "InterviewScreen"]
