"""Competency taxonomies: the model, lerkit's YAML format, and parsers for other formats."""
