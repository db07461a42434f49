"""Export a person's record in every format: the signed bundle and what is made from it.

Every derived format (HTML page, Markdown, JSON Resume, LER-RS) is made from one
freshly signed bundle, written next to it, so a printed page's digest always
names a bundle file that exists. The bundle is verified as written (see
:mod:`lerkit.services.bundles`); a derived format that embeds signed credentials
(LER-RS) is read back and each of them verified before it takes its name. The TUI's
export screen calls
:func:`export_to_folder`; ``ler export --format`` calls :func:`write_outputs`.

A person may add a "Target and gap" section (``target``: an occupation) to the page and
the Markdown. It is worked out from the claims being signed alone, apart from the
bundle, and is never part of it (see :mod:`lerkit.core.outputs.target`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lerkit.core.credentials.proofs import RDFC
from lerkit.core.credentials.written import check_written_embedded
from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _
from lerkit.core.outputs import PageInput, build_page
from lerkit.core.outputs.model import TargetActivity, TargetView
from lerkit.core.outputs.render import BUNDLE, FORMAT_NAMES, FORMATS, OutputFormat, render
from lerkit.services import bundles
from lerkit.services.context import Lerkit
from lerkit.storage import audit

if TYPE_CHECKING:  # the occupation services load only when a target is asked for
    from lerkit.core.occupations.explain import Activity
    from lerkit.core.records import ClaimRecord
    from lerkit.services.gap import GapReport

__all__ = ["BUNDLE", "FORMATS", "FORMAT_NAMES", "OutputFormat", "OutputsResult",
           "bundle_path_for", "default_basename", "export_to_folder", "write_outputs"]

# derived formats that carry the bundle's signed credentials, proofs included
SIGNED_FORMATS = frozenset({"ler-rs"})
# derived formats that can show the person's own "Target and gap" section
TARGET_FORMATS = ("html", "md")


@dataclass(frozen=True)
class OutputsResult:
    """The signed bundle and every file written (format name -> path)."""

    bundle: bundles.ExportResult
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def paths(self) -> list[Path]:
        """Every file written, the bundle first."""
        return [self.bundle.path, *(p for name, p in self.files.items() if name != BUNDLE)]

    @property
    def verify_command(self) -> str:
        """The command that checks the bundle against the digest on the page."""
        return f"ler verify {self.bundle.path} --expect-digest sha256:{self.bundle.sha256}"


def bundle_path_for(out: Path) -> Path:
    """Where the bundle goes beside a derived file: ``record.html`` -> ``record.bundle.json``."""
    return out.with_name(f"{out.name.split('.')[0] or 'record'}.bundle.json")


def default_basename(name: str) -> str:
    """A file name stem from a person's name: ``Marcus Bell`` -> ``marcus-bell-skills-record``."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", plain.casefold()).strip("-")[:60].strip("-")
    return f"{slug or 'person'}-skills-record"


def _check_targets(targets: Mapping[str, Path], bundle_path: Path) -> None:
    for name in targets:
        if name not in FORMAT_NAMES or name == BUNDLE:
            raise BadInputError(_("unknown output format {name!r}; use: {names}")
                                .format(name=name, names=", ".join(FORMAT_NAMES)))
    resolved = [p.resolve() for p in (bundle_path, *targets.values())]
    if len(set(resolved)) != len(resolved):
        raise BadInputError(_("each output needs its own file (the bundle too)"))


def write_outputs(
    ler: Lerkit, person_id: str, passphrase: str, targets: Mapping[str, Path], *,
    bundle_path: Path, claim_ids: Sequence[str] | None = None, cryptosuite: str = RDFC,
    omit: Mapping[str, frozenset[str]] | None = None, progress: bundles.Progress | None = None,
    inputs: bundles.ExportInputs | None = None, leave_out_unusable: bool = False,
    target: str | None = None, language: str = "en",
) -> OutputsResult:
    """Sign, write and verify the bundle, then write each derived format (atomically).

    ``targets`` maps a derived format name (``html``, ``md``, ``jsonresume``,
    ``ler-rs``) to its file. The same claims and omissions apply to every output.
    ``target`` (an O*NET-SOC code or words of a title) adds the "Target and gap" section
    to the page and the Markdown; an occupation that does not exist is refused before
    anything is signed. ``language`` is the record's: the skills' names inside the signed
    bundle and every word of the derived files are in it (given ``inputs``, theirs).
    """
    _check_targets(targets, bundle_path)
    code = _target_code(ler, target, targets) if target is not None else None
    omit = dict(omit or {})
    if inputs is None:
        bundles.named_in(ler, language)
        with ler.db.session() as session:  # everything the export reads, in one session
            inputs = bundles.read_inputs(session, person_id, claim_ids, cryptosuite, omit,
                                         leave_out_unusable=leave_out_unusable,
                                         language=language)
    # worked out before signing, from the claims to be signed: a failure writes nothing
    section = _target_view(ler, person_id, code, inputs.claims) if code is not None else None
    signed = bundles.export_bundle(ler, person_id, bundle_path, passphrase, claim_ids=claim_ids,
                                   cryptosuite=cryptosuite, omit=omit, progress=progress,
                                   inputs=inputs)
    result = OutputsResult(signed, {BUNDLE: signed.path})
    if not targets:
        return result
    report = signed.report or bundles.verify_file(signed.path)  # verified as written
    if not report.valid:
        problems = "; ".join(report.all_errors()[:3])
        raise BadInputError(_("the signed bundle {path} did not verify: {problems}")
                            .format(path=signed.path, problems=problems))
    claims = inputs.claims
    omit = dict(inputs.omit) or omit  # with any evidence left out because it was unusable
    bundle_doc = bundles.read_bundle(signed.path)
    page = build_page(PageInput(
        person_name=inputs.person_name, claims=claims, bundle=bundle_doc,
        report=report, digest=signed.sha256, bundle_file=signed.path.name, omit=omit,
        areas=inputs.areas, language=inputs.language,
    ))
    if section is not None:
        page = replace(page, target=section)
    for name, path in targets.items():
        if progress:
            progress(_("writing {format} to {path}").format(format=name, path=path))
        data = render(name, page, bundle_doc)
        bundles.write_atomically(path, data, _embedded_check(path, data, bundle_doc)
                                 if name in SIGNED_FORMATS else None)
        result.files[name] = path
    with ler.transaction() as session:
        audit.record(session=session, actor=ler.actor, action="export", entity="outputs",
                     entity_id=page.bundle_id, person_id=person_id,
                     detail={"formats": sorted(targets), "claims": len(claims)})
    return result


def _target_code(ler: Lerkit, target: str, targets: Mapping[str, Path]) -> str:
    """The O*NET-SOC code of the target occupation; refused if no output can show it."""
    from lerkit.services import gap

    if not any(name in TARGET_FORMATS for name in targets):
        raise BadInputError(_("a target and gap section goes in the printable page (html) "
                              "or the Markdown (md) only"))
    return gap.find_target(ler, target).code


def _activities(items: Sequence[Activity]) -> tuple[TargetActivity, ...]:
    return tuple(TargetActivity(a.title, a.weight, a.by) for a in items)


def _target_view(ler: Lerkit, person_id: str, code: str,
                 claims: Sequence[ClaimRecord]) -> TargetView:
    """The gap to ``code`` from the signed claims alone, as the section shows it: no
    training programs, and only the next steps that count for the target itself."""
    from lerkit.services import gap

    report: GapReport = gap.gap_report(
        ler, person_id, code, claims={f"{c.taxonomy}:{c.competency_id}" for c in claims})
    result = report.gap
    occ = result.occupation
    return TargetView(
        code=occ.code, title=occ.title, job_zone=occ.job_zone, fit=result.fit,
        shown=_activities(result.shown), related=_activities(result.related),
        missing=_activities(result.missing),
        skill_gaps=tuple((g.name, g.level, g.importance) for g in result.skill_gaps),
        reference=result.reference.title if result.reference else "",
        technology=tuple(occ.technology),
        learn_next=tuple(s.title for s in report.next_steps if s.dwa in dict(occ.dwas)),
        attribution=report.standing.attribution,
    )


def _embedded_check(path: Path, data: bytes, bundle_doc: Mapping[str, Any]) -> bundles.Check:
    """Verify, as read back, each signed credential a derived file carries."""
    def check(written: Path) -> None:
        check_written_embedded(written, data, bundle_doc, name=path, limit=bundles.BUNDLE_LIMIT)
    return check


def export_to_folder(
    ler: Lerkit, person_id: str, folder: Path, passphrase: str,
    formats: Sequence[str] = FORMAT_NAMES, *, basename: str | None = None,
    claim_ids: Sequence[str] | None = None, cryptosuite: str = RDFC,
    omit: Mapping[str, frozenset[str]] | None = None, progress: bundles.Progress | None = None,
    leave_out_unusable: bool = False, target: str | None = None, language: str = "en",
) -> OutputsResult:
    """Write the chosen formats into ``folder`` as ``BASENAME`` + each format's suffix.

    The signed bundle is always written (every other format refers to it). Returns
    the paths written (``result.paths``) for the export screen to show. ``target`` adds
    the "Target and gap" section to the page and the Markdown (see :func:`write_outputs`);
    ``language`` is the record's, for the bundle and every file.
    """
    if not folder.is_dir():
        raise BadInputError(_("{path}: not a folder").format(path=folder))
    bundles.named_in(ler, language)
    with ler.db.session() as session:  # everything the export reads, in one session
        inputs = bundles.read_inputs(session, person_id, claim_ids, cryptosuite,
                                     dict(omit or {}), leave_out_unusable=leave_out_unusable,
                                     language=language)
    stem = basename or default_basename(inputs.person_name)
    by_name = {f.name: f for f in FORMATS}
    unknown = [name for name in formats if name not in by_name]
    if unknown:
        raise BadInputError(_("unknown format {name!r}; use: {names}")
                            .format(name=unknown[0], names=", ".join(FORMAT_NAMES)))
    targets = {name: folder / f"{stem}{by_name[name].suffix}"
               for name in dict.fromkeys(formats) if name != BUNDLE}
    return write_outputs(ler, person_id, passphrase, targets,
                         bundle_path=folder / f"{stem}{by_name[BUNDLE].suffix}",
                         claim_ids=claim_ids, cryptosuite=cryptosuite, omit=omit,
                         progress=progress, inputs=inputs, target=target)
