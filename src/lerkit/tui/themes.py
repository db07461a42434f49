"""lerkit's own themes, including a high-contrast one."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="lerkit-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffffff",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#1a1a1a",
    warning="#ffaa00",
    error="#ff5555",
    success="#55ff55",
    dark=True,
)

THEMES = [HIGH_CONTRAST]
