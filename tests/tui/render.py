"""What a headless terminal shows, as text: one string per row of the screen."""

from __future__ import annotations

from typing import Any

from textual.app import App


def screen_lines(app: App[Any]) -> list[str]:
    """Every row the app paints now (the screen in front and what shows through)."""
    strips = app.screen._compositor.render_strips()  # the rows exactly as painted
    return ["".join(segment.text for segment in strip).rstrip() for strip in strips]


def screen_text(app: App[Any]) -> str:
    """The rows joined by line breaks."""
    return "\n".join(screen_lines(app))
