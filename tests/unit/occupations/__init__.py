"""Tests of occupation fit, gaps, learning and training catalogues."""
