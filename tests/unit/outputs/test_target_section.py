"""The "Target and gap" section of the page and the Markdown: absent unless given, added
after the signed content, labelled as outside the signed record, and escaped."""

from __future__ import annotations

import re
from dataclasses import replace

from markdown_it import MarkdownIt

from lerkit.core.outputs.html import render_html
from lerkit.core.outputs.html_parts import target_section
from lerkit.core.outputs.markdown import render_markdown
from lerkit.core.outputs.model import TargetActivity, TargetView
from lerkit.core.outputs.target import MISSING_SHOWN, target_words
from tests.unit.outputs.factory import EVIL, NAME, page

VIEW = TargetView(
    code="43-5011.00", title="Cargo and Freight Agents", job_zone=2, fit=0.42,
    shown=(TargetActivity("Track goods or materials.", 0.11, (f"Inventory {EVIL}", "Loads")),),
    related=(TargetActivity("Record shipping information.", 0.05,
                            ("Record details of deliveries or shipments.",)),),
    missing=tuple(TargetActivity(f"Missing activity {n}.", 0.05 - n / 1000)
                  for n in range(MISSING_SHOWN + 2)),
    skill_gaps=(("Monitoring", 3.12, 3.0),), reference="Freight Forwarders",
    technology=("Microsoft Excel", "SAP software"), learn_next=("Calculate shipping costs.",),
    attribution="This product includes information from the O*NET 30.1 Database (USDOL/ETA).",
)


def test_no_target_no_section() -> None:
    for text in (render_html(page()), render_markdown(page())):
        assert "Target and gap" not in text and "Not part of the signed record" not in text


def test_the_section_is_only_added_after_the_signed_content() -> None:
    plain, chosen = page(), replace(page(), target=VIEW)
    html = render_html(chosen)
    section = target_section(VIEW, NAME)
    assert html.replace(section, "") == render_html(plain)
    assert html.index(section) > html.index('id="check"')
    md = render_markdown(chosen)
    assert md.startswith(render_markdown(plain))
    assert "## Target and gap: Cargo and Freight Agents" in md[len(render_markdown(plain)):]


def test_what_the_section_says() -> None:
    words = target_words(VIEW, NAME)
    assert words.label == "Not part of the signed record."
    assert words.notice.startswith(f"{NAME} chose to add this section")
    assert "ler verify does not check it" in words.notice
    assert words.summary == ("Cargo and Freight Agents (O*NET-SOC 43-5011.00, job zone 2): the "
                             "skills in this record show 42% of its work, its activities "
                             "weighted by how central they are.")
    blocks = {b.heading: b.items for b in words.blocks}
    assert blocks["Already shown in this record"] == (
        f"Track goods or materials: shown by Inventory {EVIL}, Loads",)
    assert blocks["Related to what was shown (part credit)"] == (
        "Record shipping information: close to Record details of deliveries or shipments",)
    missing = blocks["Missing, the most central first"]
    assert missing[0] == "Missing activity 0 (5% of the work)" and missing[-1] == "... and 2 more"
    assert len(missing) == MISSING_SHOWN + 1
    higher = "Skills it needs at a higher level than Freight Forwarders (the closest fit)"
    assert blocks[higher] == ("Monitoring: level 3.1 of 7 (importance 3.0 of 5)",)
    assert blocks["What would raise the fit most"] == ("Calculate shipping costs",)
    assert blocks["Technology O*NET lists for it"] == ("Microsoft Excel, SAP software",)
    assert words.attribution == VIEW.attribution


def test_the_section_is_escaped() -> None:
    chosen = replace(page(), target=VIEW)
    section = target_section(VIEW, NAME)
    assert "<script" not in section and "&lt;script&gt;" in section
    assert '<p class="unsigned"><strong>Not part of the signed record.</strong>' in section
    rendered = MarkdownIt("commonmark").render(render_markdown(chosen))
    assert "<script" not in rendered and "<a " not in rendered
    added = rendered[rendered.index("Target and gap"):]
    assert re.findall(r"<h[1-6]>", added) == ["<h3>"] * 6
    assert "<strong>Not part of the signed record.</strong>" in added
