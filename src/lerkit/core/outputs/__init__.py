"""Human-readable and résumé outputs made from a signed bundle and its verify report.

Everything here is plain data in, text or JSON out: no database, no UI. The
services build a :class:`~lerkit.core.outputs.model.RecordPage` from the claims
that were signed, the report of verifying the written bundle and the bundle's
SHA-256, and hand it to a renderer (HTML, Markdown, JSON Resume, LER-RS).
"""

from __future__ import annotations

from lerkit.core.outputs.build import PageInput, build_page
from lerkit.core.outputs.model import RecordPage

__all__ = ["PageInput", "RecordPage", "build_page"]
