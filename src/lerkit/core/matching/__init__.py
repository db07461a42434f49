"""lerkit.core.matching."""
