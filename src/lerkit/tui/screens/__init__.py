"""Screens and modal dialogs, one per module with its own ``.tcss``."""
