"""Explainable fuzzy matching of free text to taxonomy competencies."""
