"""Screens, one per module (or package) with its own ``.tcss``.

A screen never imports another screen: it posts a navigation message
(:mod:`lerkit.tui.navigation`) and the app opens the next screen.
"""
