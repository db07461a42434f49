"""lerkit.core.interview."""
