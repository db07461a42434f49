"""``ler export``: the signed bundle (OB 3.0 claims in a CLR 2.0), or a format made from it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lerkit.cli.options import PersonOption, command_help
from lerkit.cli.output import note
from lerkit.cli.passphrase import get_passphrase, will_prompt, writable
from lerkit.cli.privacy_flow import privacy_step
from lerkit.cli.state import lerkit_from
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import LANGUAGES, _, current_language, normalize_language

if TYPE_CHECKING:  # loaded when the command runs
    from lerkit.services.bundles import ExportResult
    from lerkit.services.context import Lerkit

BUNDLE_FORMAT = "bundle"
GAP_FORMATS = ("html", "md")  # the formats that can carry the target and gap section
FORMAT_HELP = _("bundle (default: the signed record), html (printable page with a QR check), "
                 "md, jsonresume or ler-rs. Every format but bundle also writes the signed "
                 "bundle it is made from (see --bundle).")


def record_language_of(value: str | None) -> str:
    """The record's language: ``--record-language`` (``es``, ``en``), else the one on screen."""
    if value is None:
        return current_language()
    code = normalize_language(value)
    if code is None:
        raise BadInputError(_("--record-language {value}: use one of {choices}").format(
            value=repr(value), choices=", ".join(LANGUAGES)))
    return code


def parse_omit(values: list[str]) -> dict[str, frozenset[str]]:
    """``CLAIM_ID:FIELD`` items -> {claim id: fields}."""
    omit: dict[str, set[str]] = {}
    for value in values:
        claim, sep, field = value.partition(":")
        if not sep or not claim or not field:
            raise BadInputError(_("--omit {value}: write CLAIM_ID:FIELD (e.g. ab12cd34ef56:dates)"
                                  ).format(value=repr(value)))
        omit.setdefault(claim, set()).add(field)
    return {k: frozenset(v) for k, v in omit.items()}


@command_help(_(
    "Sign the accepted claims and write the bundle, or a page or résumé made from it.\n\n"
    "Prints the signed bundle's digest (sha256:HEX) on stdout."))
def export(
    ctx: typer.Context,
    person: PersonOption,
    out: Annotated[Path, typer.Option("--out", "-o", help=_("The file to write."))],
    fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "bundle",
    bundle: Annotated[Path | None, typer.Option(
        "--bundle", help=_("Where to write the signed bundle that a page or résumé refers to "
        "(default: beside --out, named STEM.bundle.json)."))] = None,
    claims: Annotated[str | None, typer.Option(
        "--claims", help=_("Only these accepted claims (comma-separated ids)."))] = None,
    cryptosuite: Annotated[str, typer.Option(
        "--cryptosuite", help=_("eddsa-rdfc-2022 (default) or eddsa-jcs-2022."))
    ] = "eddsa-rdfc-2022",
    omit: Annotated[list[str] | None, typer.Option(
        "--omit", help=_("Leave a detail out: CLAIM_ID:dates|organization|place|narrative|"
        "evidence:EVIDENCE_ID (repeatable; applies to every format)."))] = None,
    leave_out_unusable: Annotated[bool, typer.Option(
        "--leave-out-unusable", help=_("Leave out stored evidence that cannot be exported "
        "(a link that is not a web address, a file never read), instead of stopping."))
    ] = False,
    flagged: Annotated[str, typer.Option(
        "--flagged", help=_("Passages that name health, a disability, a child or a religion: "
        "ask (default, at a terminal), keep, or omit them."))] = "ask",
    gap: Annotated[str | None, typer.Option(
        "--gap", metavar="OCCUPATION",
        help=_("With --format html or md: add a 'Target and gap' section for this occupation "
        "(an O*NET-SOC code or words of its title), as ler gap reports it. Off by default; "
        "never part of the signed bundle, and labelled so."))] = None,
    record_language: Annotated[str | None, typer.Option(
        "--record-language", metavar="LANG",
        help=_("The record's language (en or es): the page, Markdown and JSON Resume, and "
        "the skills' names inside the signed bundle, which also keeps their English names "
        "(default: the language lerkit speaks)."))] = None,
) -> None:
    """Sign the accepted claims and write the bundle, or a page or résumé made from it.

    Prints the signed bundle's digest (sha256:HEX) on stdout.
    """
    result = _write(ctx, person, out, fmt, bundle, claims, cryptosuite,
                    parse_omit(omit or []), flagged, leave_out_unusable, gap,
                    language=record_language_of(record_language))
    note(_("Wrote {count} signed claims to {path}").format(count=result.claims, path=result.path))
    if result.endorsements:
        note(_("With {count} endorsements").format(count=result.endorsements))
    for text in result.left_out:
        note(_("Note: {text}").format(text=text))
    note(_("Signed by {did}").format(did=result.did))
    if fmt != BUNDLE_FORMAT:
        note(_("Check it with: {command}").format(
            command=f"ler verify {result.path} --expect-digest sha256:{result.sha256}"))
    typer.echo(f"sha256:{result.sha256}")


def _write(ctx: typer.Context, person: str, out: Path, fmt: str, bundle: Path | None,
           claims: str | None, cryptosuite: str, omitted: dict[str, frozenset[str]],
           flagged: str = "ask", leave_out_unusable: bool = False,
           gap: str | None = None, language: str = "en") -> ExportResult:
    from lerkit.services import bundles

    if gap is not None and fmt not in GAP_FORMATS:
        raise BadInputError(_("--gap goes with --format html or md"))
    if fmt != BUNDLE_FORMAT:  # the page and résumé renderers load only when asked for
        from lerkit.services import outputs

        if fmt not in outputs.FORMAT_NAMES:
            raise BadInputError(_("--format {value}: use one of {choices}").format(
                value=repr(fmt), choices=", ".join(outputs.FORMAT_NAMES)))
    elif bundle is not None:
        raise BadInputError(_("--bundle goes with --format html, md, jsonresume or ler-rs"))
    ler = lerkit_from(ctx)
    chosen = [c.strip() for c in claims.split(",") if c.strip()] if claims else None
    _check(ler, person, chosen, cryptosuite, [out] if bundle is None else [out, bundle])
    code = None
    if gap is not None:  # an occupation that does not exist is refused before signing
        from lerkit.services.gap import find_target

        target = find_target(ler, gap)
        code = target.code
        note(_("Adding the target and gap section for {title} ({code}); it is not part of "
               "the signed record").format(title=target.title, code=target.code))
    from lerkit.services import privacy

    omitted = privacy.merge_omit(omitted, privacy_step(ler, person, chosen, flagged))
    passphrase = get_passphrase()

    def progress(text: str) -> None:
        note(f"... {text}")

    if fmt == BUNDLE_FORMAT:
        return bundles.export_bundle(ler, person, out, passphrase, claim_ids=chosen,
                                     cryptosuite=cryptosuite, omit=omitted, progress=progress,
                                     leave_out_unusable=leave_out_unusable, language=language)
    result = outputs.write_outputs(
        ler, person, passphrase, {fmt: out}, bundle_path=bundle or outputs.bundle_path_for(out),
        claim_ids=chosen, cryptosuite=cryptosuite, omit=omitted, progress=progress,
        leave_out_unusable=leave_out_unusable, target=code, language=language,
    ).bundle
    note(_("Wrote {format} to {path}").format(format=fmt, path=out))
    return result


def _check(ler: Lerkit, person: str, chosen: list[str] | None, cryptosuite: str,
           files: list[Path]) -> None:
    """What can be refused before the passphrase is asked for (the export checks it again)."""
    from lerkit.services import bundles, keys

    if cryptosuite not in bundles.CRYPTOSUITES:
        raise BadInputError(_("--cryptosuite {value}: use {first} or {second}").format(
            value=repr(cryptosuite), first=bundles.CRYPTOSUITES[0],
            second=bundles.CRYPTOSUITES[-1]))
    keys.show_key(ler, person)  # the person exists and has a signing key
    for file in files:
        writable(file)
    if will_prompt():  # the claims are read twice only when someone is waiting to type
        bundles.accepted_claims(ler, person, chosen)
