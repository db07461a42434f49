"""lerkit.core.credentials."""
