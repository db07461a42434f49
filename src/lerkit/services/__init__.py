"""lerkit.services."""
