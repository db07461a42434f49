"""QR codes of a bundle's digest, drawn offline with segno (no images fetched)."""

from __future__ import annotations

import html

import segno


def _make(text: str) -> segno.QRCode:
    # Error correction M survives a little wear on paper; never a Micro QR, which
    # fewer phone readers understand.
    return segno.make(text, error="m", micro=False, boost_error=False)


def qr_svg(text: str, label: str) -> str:
    """An inline ``<svg>`` (scales with CSS; white quiet zone of 4 modules)."""
    svg = _make(text).svg_inline(
        scale=1, border=4, omitsize=True, svgclass="qr", lineclass=None,
        dark="#000", light="#fff",
    )
    attributes = (
        f'role="img" aria-label="{html.escape(label, quote=True)}" '
        'shape-rendering="crispEdges" '
    )
    return svg.replace("<svg ", "<svg " + attributes, 1)


def qr_png_data_uri(text: str, scale: int = 4) -> str:
    """A ``data:image/png;base64,…`` URI, for formats that cannot hold SVG inline."""
    return _make(text).png_data_uri(scale=scale, border=4)
