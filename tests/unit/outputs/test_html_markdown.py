"""The HTML page and the Markdown document: complete, self-contained, and escaped."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from lerkit.core.outputs.html import CSP, render_html
from lerkit.core.outputs.markdown import md, render_markdown
from tests.unit.outputs.factory import DIGEST, page


def test_html_shows_skills_tiers_endorsements_and_the_check() -> None:
    text = render_html(page())
    for needle in ("Medication management", "Endorsed by a trusted endorser", "Self-attested",
                   "Caregiving", "Has taught or led others in this", "2019 to 2023"[:4],
                   "supervisor", "signature did NOT verify", f"sha256:{DIGEST}",
                   "--expect-digest", "Zoë O&#x27;Brien &lt;b&gt;Boss&lt;/b&gt;"):
        assert needle in text, needle
    assert text.count("<svg ") == 1 and 'aria-label="QR code' in text


def test_html_escapes_user_text_and_loads_nothing() -> None:
    text = render_html(page())
    assert "<script" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
    assert f'content="{CSP}"' in text and "default-src 'none'" in CSP
    assert "url(" not in text and "@import" not in text and "<link" not in text
    external = re.findall(r'\s(?:src|href|action|poster|data)="([^"]*)"', text)
    assert external == ["https://example.org/a?b=1&amp;c=&lt;2&gt;"]
    assert "javascript:" not in re.sub(r"<code>[^<]*</code>", "", text)


def test_markdown_has_the_same_content() -> None:
    text = render_markdown(page())
    for needle in ("- **Logistics \\& \\<supply\\>:**", "Medication management", "supervisor",
                   "Endorsed by a trusted endorser", "--expect-digest", f"sha256:{DIGEST}",
                   "![QR code of the digest", "data:image/png;base64,"):
        assert needle in text, needle


def test_markdown_user_text_cannot_become_markup() -> None:
    rendered = MarkdownIt("commonmark").render(render_markdown(page()))
    assert "<script" not in rendered and "<b>" not in rendered
    # the only link or image is lerkit's own QR code; headings are lerkit's own
    assert len(re.findall(r"<img ", rendered)) == 1 and "<a " not in rendered
    headings = re.findall(r"<h[1-6]>(.*?)</h[1-6]>", rendered)
    assert not any(h.startswith("Heading?") for h in headings)
    assert "<li>not a list" not in rendered


def test_md_escape() -> None:
    assert md("- item") == "\\- item"
    assert md("1. one") == "1\\. one"
    assert md("a  \n b") == "a b"
    assert md("[x](y) <z> *w* `v`") == "\\[x\\](y) \\<z\\> \\*w\\* \\`v\\`"
