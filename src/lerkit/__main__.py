"""Allow ``python -m lerkit``."""

from lerkit.cli import main

main()
