"""The words the endorser's review shows: every state is text, never colour alone."""

from __future__ import annotations

from collections import Counter

from lerkit.core.credentials.evidence import FILE, LINK, MATCHES, NOT_AT_HAND
from lerkit.core.i18n import N_, _, ngettext
from lerkit.services.endorsing import BundleReview, ClaimReview

HERE = "▶"  # marks the highlighted skill and the box or field that has the keyboard
RELATIONSHIPS = [N_("supervisor"), N_("co-worker"), N_("manager"), N_("commanding officer"),
                 N_("officer"), N_("pastor"), N_("teacher"), N_("instructor"), N_("coach"),
                 N_("mentor"), N_("neighbour"), N_("customer"), N_("volunteer coordinator")]
EVIDENCE_WORDS = {"file matches": N_("file matches"), "file not checked": N_("file not checked"),
                  "link": N_("link"), "note": N_("note")}


def relationships() -> list[str]:
    """The relationships offered as the endorser types, in the language spoken."""
    return [_(words) for words in RELATIONSHIPS]


def who_text(review: BundleReview) -> str:
    """Who the worker is and whether the bundle verifies (two lines)."""
    name = review.holder_name or _("(no name given)")
    count = len(review.claims)
    if review.valid:
        verdict = ngettext("bundle VERIFIES (every signature checked), {n} skill",
                           "bundle VERIFIES (every signature checked), {n} skills",
                           count).format(n=count)
    else:
        first = review.errors[0] if review.errors else _("it does not verify")
        verdict = _("bundle DOES NOT VERIFY, so it cannot be endorsed: {why}").format(why=first)
    worker = _("Worker: {name}; {verdict}").format(name=name, verdict=verdict)
    key = _("Their key: {key}").format(key=review.holder or _("unknown"))
    return f"{worker}\n{key}"


def first_status(review: BundleReview, signer: str) -> str:
    """The line under the form when the screen opens."""
    if not review.valid:
        return _("This bundle does not verify, so it cannot be endorsed. Esc leaves.")
    who = _("You sign as {signer}.").format(signer=signer) + " " if signer else ""
    return who + _("Space: choose the skill at {mark}. Tab: next box.").format(mark=HERE)


def list_title(focused: bool, chosen: int, total: int) -> str:
    """The skills box's title: how many are chosen, and whether the keys go there."""
    counted = _("Skills: {chosen} of {total} chosen").format(chosen=chosen, total=total)
    if focused:
        return _("{mark} {title} (keys go here)").format(mark=HERE, title=counted)
    return counted


def list_subtitle(focused: bool) -> str:
    """The keys of the skills box, while it has the focus."""
    return _("↑↓ move · Space choose · Tab next box") if focused else _("Shift+Tab: go here")


def detail_title(claim: ClaimReview | None, focused: bool) -> str:
    """The details box's title: which skill it is about."""
    about = (_("About: {skill}").format(skill=claim.skill) if claim is not None
             else _("About the skill"))
    return _("{mark} {title} (↑↓ scroll)").format(mark=HERE, title=about) if focused else about


def field_label(name: str, focused: bool) -> str:
    """A field's label, marked when the field has the focus (a mark, not only a colour)."""
    return f"{HERE} {name}" if focused else f"  {name}"


def mode_line(same: bool) -> str:
    """The comment mode in words, with the key that switches it (no tick box to flip)."""
    if same:
        return "  " + _("One comment for every chosen skill. Ctrl+O: a comment per skill")
    return "  " + _("A comment per skill (the box follows the list). Ctrl+O: one for all")


def comment_name(same: bool, claim: ClaimReview | None) -> str:
    """The comment field's label."""
    if same or claim is None:
        return _("Comment, for all:") + " "
    return _("Comment on {skill}:").format(skill=claim.skill) + " "


def evidence_summary(claim: ClaimReview) -> str:
    """One short phrase about a claim's evidence."""
    if not claim.evidence:
        return _("no evidence")
    if claim.evidence_problem:
        return _("evidence file DOES NOT MATCH")
    counts: Counter[str] = Counter()
    for item in claim.evidence:
        if item.kind == FILE:
            counts["file matches" if item.status == MATCHES else "file not checked"] += 1
        else:
            counts["link" if item.kind == LINK else "note"] += 1
    return ", ".join(f"{n} {_(EVIDENCE_WORDS[what])}" for what, n in sorted(counts.items()))


def claim_row(claim: ClaimReview, chosen: bool, here: bool = False) -> str:
    """A list row: where the keys are, chosen or not, the skill, its evidence in words."""
    mark = f"[x] {_('chosen'):<10}" if chosen else f"[ ] {_('not chosen')}"  # not colour
    return f"{HERE if here else ' '} {mark}  {claim.skill}: {evidence_summary(claim)}"


def claim_detail(claim: ClaimReview | None, comment: str = "") -> str:
    """Everything about the highlighted claim, the endorser's own comment first."""
    if claim is None:
        return _("No skill is highlighted.")
    lines = [_("Your comment: {comment}").format(comment=comment)] if comment.strip() else []
    if claim.description:
        lines.append(claim.description)
    if claim.narrative:
        lines.append(_("Their story: {story}").format(story=claim.narrative))
    if claim.evidence:
        lines.append(_("Evidence:"))
    for item in claim.evidence:
        status = _(item.status)
        if item.kind == FILE and item.status == NOT_AT_HAND:
            status = _("{status}; put the file next to the bundle or use --evidence").format(
                status=status)
        where = f" <{item.link}>" if item.link else ""
        lines.append(f"  - {item.name}{where}: {status}")
        if item.narrative:
            lines.append(f"    {item.narrative}")
    if claim.endorsed_by:
        lines.append(_("Already endorsed by: {names}").format(names="; ".join(claim.endorsed_by)))
    if not claim.valid:
        lines.append(_("This skill DOES NOT VERIFY: {why}").format(why="; ".join(claim.errors)))
    return "\n".join(lines)  # no claim id: `ler endorse --claim` takes the skill name


def skill_list(names: list[str], limit: int = 60) -> str:
    """Skill names joined for one line, cut with a count when too long."""
    text = ", ".join(names)
    if len(text) <= limit:
        return text
    shown: list[str] = []
    for name in names:
        if len(", ".join([*shown, name])) > limit - 12:
            break
        shown.append(name)
    return _("{names} and {count} more").format(names=", ".join(shown),
                                                count=len(names) - len(shown))
