"""One self-contained HTML page: no external fonts, scripts or images; prints on Letter and A4.

A Content-Security-Policy forbids loading anything, so even a mistake could not make
the page reach the network; the QR code is inline SVG.
"""

from __future__ import annotations

from collections import Counter

from lerkit.core.i18n import N_, translate_in
from lerkit.core.outputs import wording
from lerkit.core.outputs.build import OTHER_AREA
from lerkit.core.outputs.grouping import at_a_glance, page_sections
from lerkit.core.outputs.html_parts import (
    esc,
    experience_section,
    skill_article,
    target_section,
)
from lerkit.core.outputs.html_style import CSS
from lerkit.core.outputs.model import RecordPage
from lerkit.core.outputs.qr import qr_svg
from lerkit.core.outputs.wording import say

CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       "base-uri 'none'; form-action 'none'")


def html_say(language: str, message: str, **markup: str) -> str:
    """``message`` (marked with N_) in ``language``, escaped, its placeholders filled with
    ``markup``: HTML the caller has already escaped."""
    return esc(translate_in(language, message)).format(**markup)


def grouped_digest(digest: str) -> str:
    """``1a2b3c4d 5e6f…``: the hex in groups of eight, easy to compare by eye."""
    return " ".join(digest[i:i + 8] for i in range(0, len(digest), 8))


def tier_summary(page: RecordPage) -> str:
    """``3 skills: 2 self-attested, 1 endorsed``."""
    lang = page.language
    counts = Counter(skill.tier for skill in page.skills)
    total = len(page.skills)
    parts = [say(lang, N_("{count} {label}"), count=n, label=wording.tier_label(tier, lang).lower())
             for tier, n in counts.items()]
    head = (say(lang, N_("1 skill")) if total == 1 else
            say(lang, N_("{count} skills"), count=total))
    return f"{head}: " + ", ".join(parts)


def _header(page: RecordPage) -> str:
    lang = page.language
    name = esc(page.person_name or say(lang, N_("Unnamed person")))
    issued = (esc(wording.issued_words(page.issued, lang)) if page.issued
              else esc(say(lang, N_("an unknown date"))))
    svg = qr_svg(page.digest_uri, say(lang, N_("QR code of the record's digest {digest}"),
                                      digest=page.digest_uri))
    signed = html_say(lang, N_("Signed by {name} on {date}"), name=name, date=issued)
    return (
        '<header class="top"><div class="who">'
        f'<p class="kicker">{esc(say(lang, N_("Skills record · Learning and Employment Record")))}'
        "</p>"
        f"<h1>{name}</h1>"
        f'<p class="meta">{signed} · {esc(tier_summary(page))}</p>'
        "</div>"
        f'<figure class="qr-box">{svg}<figcaption>'
        f'{esc(say(lang, N_("Fingerprint of the signed record")))}'
        f"<br><code>sha256:{esc(page.digest[:8])}…{esc(page.digest[-8:])}</code>"
        f'<br>{esc(say(lang, N_("How to check: see the end.")))}</figcaption></figure></header>'
    )


def _intro(page: RecordPage) -> str:
    lang = page.language
    whose = wording.possessive(page.person_name, lang)
    tiers = list(dict.fromkeys(skill.tier for skill in page.skills))
    legend = "".join(
        f"<li><strong>{esc(wording.tier_label(t, lang))}:</strong> "
        f"{esc(wording.tier_sentence(t, lang))}</li>"
        for t in tiers
    )
    glance = "".join(
        f"<li><strong>{esc(area.name)}:</strong> " + ", ".join(
            f"{esc(s.name)} ({esc(wording.tier_label(s.tier, lang).lower())})"
            for s in at_a_glance(area.skills))
        + "</li>"
        for area in page.areas
    )
    warning = ""
    if not page.valid:
        problems = "".join(f"<li>{esc(error)}</li>" for error in page.errors)
        warning = (f'<p class="warn">{esc(say(lang, WARN_NOT_VERIFIED))}</p>'
                   f"<ul>{problems}</ul>")
    intro = say(lang, N_("These skills come from {whose} life and work — paid jobs, service, "
                         "caregiving, volunteering and more. Each skill is a signed digital "
                         "credential, and its label says who stands behind it:"), whose=whose)
    return (
        f'<section class="intro">{warning}<p>{esc(intro)}</p>'
        f'<ul class="legend">{legend}</ul><ul class="glance">{glance}</ul></section>'
    )


WARN_NOT_VERIFIED = N_("When this page was made, the signed record did NOT verify. "
                       "Do not rely on it.")


def _check(page: RecordPage) -> str:
    lang = page.language
    name = page.person_name or say(lang, N_("the person"))
    verdict = (esc(say(lang, N_("When this page was made, lerkit checked every signature in "
                                "the record: all valid."))) if page.valid else
               '<span class="warn">'
               + esc(say(lang, N_("When this page was made, the record did NOT verify.")))
               + "</span>")
    ask = html_say(lang, N_("Ask {name} for the signed record file {file}. The file is the "
                            "record; this page is a readable copy of it."),
                   name=esc(name), file=f"<code>{esc(page.bundle_file)}</code>")
    valid = html_say(lang, N_("It says {valid} only if the file is exactly the one this page "
                              "was made from and every signature in it checks out."),
                     valid=f"<strong>{esc(say(lang, N_('VALID')))}</strong>")
    without = html_say(lang, N_("Without lerkit: compare the file's SHA-256 (for example "
                                "{tool}) with the digest below or in the QR code, then check "
                                "the signatures with any verifier of W3C Verifiable "
                                "Credentials (Open Badges 3.0, CLR 2.0)."),
                       tool="<code>sha256sum</code>")
    return (
        f'<section class="check" id="check"><h2>{esc(say(lang, CHECK_HEADING))}</h2><ol>'
        f"<li>{ask}</li>"
        f'<li>{esc(say(lang, N_("Run this command (it works offline; install lerkit first):")))}'
        f'<pre class="cmd"><code>{esc(page.verify_command)}</code></pre>'
        f"{valid}</li>"
        f"<li>{without}</li></ol>"
        f'<p class="digest">{esc(say(lang, N_("Digest:")))} '
        f"<code>sha256: {esc(grouped_digest(page.digest))}</code></p>"
        f'<p class="ids small">{esc(say(lang, N_("Signing key:")))} '
        f"<code>{esc(page.holder_did)}</code><br>"
        f'{esc(say(lang, N_("Record id:")))} <code>{esc(page.bundle_id)}</code></p>'
        f"<p>{verdict}</p>"
        f'<p class="about">{esc(say(lang, ABOUT))}</p>'
        + "".join(f'<p class="about small">{esc(note)}</p>'
                  for note in wording.sources_notes(page))
        + "</section>"
    )


CHECK_HEADING = N_("How to check this record")
ABOUT = N_("Made offline with lerkit. A self-attested skill is the person's own statement, "
           "signed with the person's own key; an endorsement is a signature by someone else "
           "who vouches for that skill.")


def render_html(page: RecordPage) -> str:
    """The whole page as one string, in the record's language (``page.language``)."""
    lang = page.language
    title = esc(say(lang, N_("Skills record: {name}"),
                    name=page.person_name or say(lang, N_("unnamed person"))))
    experiences, loose = page_sections(page)
    body = "".join(experience_section(exp, skills, page.person_name, lang)
                   for exp, skills in experiences)
    if loose:
        body += ('<section class="exp loose"><div class="exp-head">'
                 f"<h2>{esc(say(lang, OTHER_AREA))}</h2>"
                 f'<p class="exp-meta">{esc(say(lang, N_("Not tied to one experience.")))}</p>'
                 "</div>" + "".join(skill_article(skill, (), lang) for skill in loose)
                 + "</section>")
    added = target_section(page.target, page.person_name, lang) if page.target else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="lerkit">'
        f"<title>{title}</title><style>{CSS}</style></head>\n"
        f'<body><main class="page">{_header(page)}{_intro(page)}{body}{_check(page)}'
        f"{added}</main></body></html>\n"
    )
