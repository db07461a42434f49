"""Reusable widgets (layout in ``DEFAULT_CSS``, nothing screen-specific)."""
