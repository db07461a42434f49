"""The Textual interface. Reaches data only through ``lerkit.services``."""
