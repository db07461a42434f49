"""Modal dialogs, one per module with its own ``.tcss``.

A dialog asks one thing and is dismissed with the answer. Screens open dialogs; dialogs
import no screen and no other dialog.
"""
