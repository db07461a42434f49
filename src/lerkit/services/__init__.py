"""Use cases: what the CLI and the TUI can do, over the core and the storage."""
