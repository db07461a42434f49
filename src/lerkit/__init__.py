"""lerkit: turn life experience into signed, verifiable Learning and Employment Records."""

__version__ = "0.1.0"
