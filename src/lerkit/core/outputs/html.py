"""One self-contained HTML page: no external fonts, scripts or images; prints on Letter and A4.

A Content-Security-Policy forbids loading anything, so even a mistake could not make
the page reach the network; the QR code is inline SVG.
"""

from __future__ import annotations

from collections import Counter

from lerkit.core.outputs import wording
from lerkit.core.outputs.grouping import page_sections
from lerkit.core.outputs.html_parts import esc, experience_section, skill_article
from lerkit.core.outputs.html_style import CSS
from lerkit.core.outputs.model import RecordPage
from lerkit.core.outputs.qr import qr_svg

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")


def grouped_digest(digest: str) -> str:
    """``1a2b3c4d 5e6f…``: the hex in groups of eight, easy to compare by eye."""
    return " ".join(digest[i:i + 8] for i in range(0, len(digest), 8))


def tier_summary(page: RecordPage) -> str:
    """``3 skills: 2 self-attested, 1 endorsed``."""
    counts = Counter(skill.tier for skill in page.skills)
    total = len(page.skills)
    parts = [f"{n} {wording.tier_label(tier).lower()}" for tier, n in counts.items()]
    return f"{total} skill{'s' if total != 1 else ''}: " + ", ".join(parts)


def _header(page: RecordPage) -> str:
    name = esc(page.person_name or "Unnamed person")
    issued = esc(wording.issued_words(page.issued)) if page.issued else "an unknown date"
    svg = qr_svg(page.digest_uri, f"QR code of the record's digest {page.digest_uri}")
    return (
        '<header class="top"><div class="who">'
        '<p class="kicker">Skills record · Learning and Employment Record</p>'
        f"<h1>{name}</h1>"
        f'<p class="meta">Signed by {name} on {issued} · {esc(tier_summary(page))}</p>'
        "</div>"
        f'<figure class="qr-box">{svg}<figcaption>Fingerprint of the signed record'
        f"<br><code>sha256:{esc(page.digest[:8])}…{esc(page.digest[-8:])}</code>"
        "<br>How to check: see the end.</figcaption></figure></header>"
    )


def _intro(page: RecordPage) -> str:
    whose = esc(wording.possessive(page.person_name))
    tiers = list(dict.fromkeys(skill.tier for skill in page.skills))
    legend = "".join(
        f"<li><strong>{esc(wording.tier_label(t))}:</strong> {esc(wording.tier_sentence(t))}</li>"
        for t in tiers
    )
    glance = "".join(
        f"<li><strong>{esc(area.name)}:</strong> " + ", ".join(
            f"{esc(s.name)} ({esc(wording.tier_label(s.tier).lower())})" for s in area.skills)
        + "</li>"
        for area in page.areas
    )
    warning = ""
    if not page.valid:
        problems = "".join(f"<li>{esc(error)}</li>" for error in page.errors)
        warning = ('<p class="warn">When this page was made, the signed record did NOT '
                   f"verify. Do not rely on it.</p><ul>{problems}</ul>")
    return (
        f'<section class="intro">{warning}<p>These skills come from {whose} life and work '
        "— paid jobs, service, caregiving, volunteering and more. Each skill is a signed "
        "digital credential, and its label says who stands behind it:</p>"
        f'<ul class="legend">{legend}</ul><ul class="glance">{glance}</ul></section>'
    )


def _check(page: RecordPage) -> str:
    name = esc(page.person_name or "the person")
    verdict = ("When this page was made, lerkit checked every signature in the record: "
               "all valid." if page.valid else
               '<span class="warn">When this page was made, the record did NOT verify.</span>')
    return (
        '<section class="check" id="check"><h2>How to check this record</h2><ol>'
        f"<li>Ask {name} for the signed record file <code>{esc(page.bundle_file)}</code>. "
        "The file is the record; this page is a readable copy of it.</li>"
        "<li>Run this command (it works offline; install lerkit first):"
        f'<pre class="cmd"><code>{esc(page.verify_command)}</code></pre>'
        "It says <strong>VALID</strong> only if the file is exactly the one this page was "
        "made from and every signature in it checks out.</li>"
        "<li>Without lerkit: compare the file's SHA-256 (for example <code>sha256sum</code>) "
        "with the digest below or in the QR code, then check the signatures with any "
        "verifier of W3C Verifiable Credentials (Open Badges 3.0, CLR 2.0).</li></ol>"
        f'<p class="digest">Digest: <code>sha256: {esc(grouped_digest(page.digest))}</code></p>'
        f'<p class="ids small">Signing key: <code>{esc(page.holder_did)}</code><br>'
        f"Record id: <code>{esc(page.bundle_id)}</code></p>"
        f"<p>{verdict}</p>"
        '<p class="about">Made offline with lerkit. A self-attested skill is the person\'s own '
        "statement, signed with the person's own key; an endorsement is a signature by "
        "someone else who vouches for that skill.</p>"
        + "".join(f'<p class="about small">{esc(note)}</p>'
                  for note in wording.sources_notes(page))
        + "</section>"
    )


def render_html(page: RecordPage) -> str:
    """The whole page as one string."""
    title = esc(f"Skills record: {page.person_name or 'unnamed person'}")
    experiences, loose = page_sections(page)
    body = "".join(experience_section(exp, skills, page.person_name)
                   for exp, skills in experiences)
    if loose:
        body += ('<section class="exp loose"><div class="exp-head"><h2>Other skills</h2>'
                 '<p class="exp-meta">Not tied to one experience.</p></div>'
                 + "".join(skill_article(skill) for skill in loose) + "</section>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="lerkit">'
        f"<title>{title}</title><style>{CSS}</style></head>\n"
        f'<body><main class="page">{_header(page)}{_intro(page)}{body}{_check(page)}'
        "</main></body></html>\n"
    )
