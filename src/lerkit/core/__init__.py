"""The headless core: domain models, taxonomy, matching, interview engine, credentials.

Nothing under ``lerkit.core`` imports a UI toolkit or a database library.
"""
