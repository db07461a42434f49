"""``ler verify``: check a bundle's structure, signatures, issuers, dates, evidence, endorsements.

With ``--trust FILE``, each claim's tier says whether its endorsers are unknown,
trusted or accredited according to that trust list.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Annotated

import typer

from lerkit.cli.options import JsonOption, command_help
from lerkit.cli.output import print_json
from lerkit.core.credentials.checks import as_obj, as_str
from lerkit.core.credentials.report import (
    KIND_ENDORSEMENTS,
    TIER_WORDS,
    BundleReport,
    EndorsementEntry,
    endorsed_skill,
)
from lerkit.core.errors import EXIT_CHECK_FAILED
from lerkit.core.files import read_bytes
from lerkit.core.i18n import N_, _
from lerkit.core.text_safety import visible


def _endorsement_json(e: EndorsementEntry, skill: str | None = None) -> dict[str, object]:
    return {"id": e.credential_id, "endorses": e.subject_id, "endorses_skill": skill,
            "endorser": e.endorser,
            "endorser_name": e.endorser_name,
            "relationship": e.relationship, "organization": e.organization,
            "standing": e.standing, "trusted_as": e.trusted_as, "valid": e.valid,
            "errors": e.errors}


def _claims_json(report: BundleReport) -> list[dict[str, object]]:
    return [
        {"id": c.credential_id, "skill": c.skill, "valid": c.valid, "tier": c.tier,
         "tier_words": TIER_WORDS.get(c.tier, c.tier),
         "endorsers": [e.endorser_name or e.endorser for e in c.endorsements if e.valid],
         "endorsements": [_endorsement_json(e) for e in c.endorsements],
         "errors": c.errors}
        for c in report.claims
    ]


def _standing(e: EndorsementEntry) -> str:
    if not e.valid:
        return _("NOT valid")
    if e.trusted_as:
        return _("valid; {standing}: {trusted_as}").format(standing=e.standing,
                                                           trusted_as=e.trusted_as)
    return _("valid; unknown endorser")


def _verdict(valid: bool) -> str:
    return _("VALID") if valid else _("NOT VALID")


def _mark(valid: bool) -> str:
    return "ok  " if valid else _("FAIL")


def _say(line: str) -> None:
    """A line of the report: text from the file is shown, never obeyed by the terminal."""
    typer.echo(visible(line, multiline=True))


def _skills_named(file: Path, report: BundleReport) -> list[str | None]:
    """In an endorser's file, the skill each endorsement names (the bundle is not at
    hand, so the endorsement's own signed name is the only place that says it)."""
    from lerkit.core.credentials.bundle_file import read_bundle

    if report.kind != KIND_ENDORSEMENTS:
        return []
    doc = read_bundle(file)
    items = doc if isinstance(doc, list) else [doc]  # one endorsement on its own
    return [endorsed_skill(as_str(as_obj(item).get("name")), entry)
            for item, entry in zip(items, report.endorsements, strict=False)]


def _endorses(e: EndorsementEntry, skill: str | None) -> str:
    if skill:
        return _("{skill} (claim {id})").format(skill=skill, id=e.subject_id)
    return _("claim {id} (the endorsement names no skill)").format(id=e.subject_id)


def _print_endorsements(report: BundleReport, skills: list[str | None]) -> None:
    _say(_("Endorsements: {count}, {verdict}").format(count=len(report.endorsements),
                                                      verdict=_verdict(report.valid)))
    _say(_("(Each one's link to the claim it endorses is checked with the bundle that "
           "holds the claim.)"))
    for n, e in enumerate(report.endorsements):
        _say(f"  [{_mark(e.valid)}] {_endorses(e, skills[n] if n < len(skills) else None)}")
        _say(_("         by {who} [{did}]: {standing}").format(who=e.who, did=e.endorser,
                                                              standing=_standing(e)))
        if e.comment:
            _say(_("         says: {comment}").format(comment=e.comment))
        for error in e.errors:
            _say(_("         problem: {error}").format(error=error))
    for error in report.errors:
        _say(_("Problem: {error}").format(error=error))


def _print_report(report: BundleReport, skills: list[str | None]) -> None:
    if report.kind == KIND_ENDORSEMENTS:
        _print_endorsements(report, skills)
        return
    _say(_("Bundle {id}: {verdict}").format(id=report.bundle_id or _("(no id)"),
                                            verdict=_verdict(report.valid)))
    _say(_("Holder: {holder}").format(holder=report.holder or _("(unknown)")))
    _say(_("Claims: {count}").format(count=len(report.claims)))
    for c in report.claims:
        _say(f"  [{_mark(c.valid)}] {c.skill or c.credential_id}: "
             f"{TIER_WORDS.get(c.tier, c.tier)}")
        _say(f"         id: {c.credential_id}")
        for e in c.endorsements:
            _say(_("         endorsed by {who} [{did}]: {standing}").format(
                who=e.who, did=e.endorser, standing=_standing(e)))
        for error in c.errors:
            _say(_("         problem: {error}").format(error=error))
    for e in report.endorsements:
        _say(_("Endorsement of the person by {who}: {standing}").format(
            who=e.who, standing=_standing(e)))
    for error in report.errors:
        _say(_("Problem: {error}").format(error=error))


@command_help(_(
    "Verify a bundle offline. Exit 0: all valid; 1: a check failed; 2: unreadable.\n\n"
    "Also takes a single claim credential, or an endorser's file of endorsements."))
def verify(
    file: Annotated[Path, typer.Argument(
        help=_("The bundle, a single credential, or an endorser's file to check."))],
    evidence: Annotated[Path | None, typer.Option(
        "--evidence", help=_("Folder with the evidence files, to check their digests."))
    ] = None,
    expect_digest: Annotated[str | None, typer.Option(
        "--expect-digest", help=_("The SHA-256 printed on a skills record (sha256:HEX; "
        "spaces are ignored)."))] = None,
    trust: Annotated[Path | None, typer.Option(
        "--trust", help=_("A trust list (YAML) naming known and accredited endorsers."))
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Verify a bundle offline. Exit 0: all valid; 1: a check failed; 2: unreadable.

    Also takes a single claim credential, or an endorser's file of endorsements.
    """
    from lerkit.core.credentials import bundle_file  # no storage layer: see its docstring

    report = bundle_file.verify_file(file, evidence, trust)
    errors = report.all_errors()
    valid = report.valid
    if expect_digest is not None:
        actual = hashlib.sha256(read_bytes(file, bundle_file.BUNDLE_LIMIT)).hexdigest()
        # as printed on a page: "sha256:HEX", or the hex in groups ("sha256: 1a2b3c4d 5e6f…")
        wanted = "".join(expect_digest.split()).lower().removeprefix("sha256:")
        if actual != wanted:
            valid = report.valid = False
            wrong = N_("file digest is {actual}, not the expected {wanted}")
            digests = {"actual": f"sha256:{actual}", "wanted": f"sha256:{wanted}"}
            errors.append(wrong.format(**digests))  # --json stays in English
            report.errors.append(_(wrong).format(**digests))
    skills = _skills_named(file, report)
    if as_json:
        print_json({"valid": valid, "kind": report.kind, "holder": report.holder,
                    "bundle": report.bundle_id, "claims": _claims_json(report),
                    "endorsements": [_endorsement_json(e, skills[n] if n < len(skills)
                                                       else None)
                                     for n, e in enumerate(report.endorsements)],
                    "errors": errors})
    else:
        _print_report(report, skills)
    if not valid:
        raise typer.Exit(EXIT_CHECK_FAILED)
