"""lerkit.storage."""
