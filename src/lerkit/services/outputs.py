"""Export a person's record in every format: the signed bundle and what is made from it.

Every derived format (HTML page, Markdown, JSON Resume, LER-RS) is made from one
freshly signed bundle, written next to it, so a printed page's digest always
names a bundle file that exists. The bundle is verified as written (see
:mod:`lerkit.services.bundles`); a derived format that embeds signed credentials
(LER-RS) is read back and each of them verified before it takes its name. The TUI's
export screen calls
:func:`export_to_folder`; ``ler export --format`` calls :func:`write_outputs`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lerkit.core.credentials.proofs import RDFC
from lerkit.core.credentials.written import check_written_embedded
from lerkit.core.errors import BadInputError
from lerkit.core.outputs import PageInput, build_page
from lerkit.core.outputs.render import BUNDLE, FORMAT_NAMES, FORMATS, OutputFormat, render
from lerkit.services import bundles
from lerkit.services.context import Lerkit
from lerkit.storage import audit

__all__ = ["BUNDLE", "FORMATS", "FORMAT_NAMES", "OutputFormat", "OutputsResult",
           "bundle_path_for", "default_basename", "export_to_folder", "write_outputs"]

# derived formats that carry the bundle's signed credentials, proofs included
SIGNED_FORMATS = frozenset({"ler-rs"})


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
            raise BadInputError(f"unknown output format {name!r}; use: {', '.join(FORMAT_NAMES)}")
    resolved = [p.resolve() for p in (bundle_path, *targets.values())]
    if len(set(resolved)) != len(resolved):
        raise BadInputError("each output needs its own file (the bundle too)")


def write_outputs(
    ler: Lerkit, person_id: str, passphrase: str, targets: Mapping[str, Path], *,
    bundle_path: Path, claim_ids: Sequence[str] | None = None, cryptosuite: str = RDFC,
    omit: Mapping[str, frozenset[str]] | None = None, progress: bundles.Progress | None = None,
    inputs: bundles.ExportInputs | None = None, leave_out_unusable: bool = False,
) -> OutputsResult:
    """Sign, write and verify the bundle, then write each derived format (atomically).

    ``targets`` maps a derived format name (``html``, ``md``, ``jsonresume``,
    ``ler-rs``) to its file. The same claims and omissions apply to every output.
    """
    _check_targets(targets, bundle_path)
    omit = dict(omit or {})
    if inputs is None:
        with ler.db.session() as session:  # everything the export reads, in one session
            inputs = bundles.read_inputs(session, person_id, claim_ids, cryptosuite, omit,
                                         leave_out_unusable=leave_out_unusable)
    signed = bundles.export_bundle(ler, person_id, bundle_path, passphrase, claim_ids=claim_ids,
                                   cryptosuite=cryptosuite, omit=omit, progress=progress,
                                   inputs=inputs)
    result = OutputsResult(signed, {BUNDLE: signed.path})
    if not targets:
        return result
    report = signed.report or bundles.verify_file(signed.path)  # verified as written
    if not report.valid:
        problems = "; ".join(report.all_errors()[:3])
        raise BadInputError(f"the signed bundle {signed.path} did not verify: {problems}")
    claims = inputs.claims
    omit = dict(inputs.omit) or omit  # with any evidence left out because it was unusable
    bundle_doc = bundles.read_bundle(signed.path)
    page = build_page(PageInput(
        person_name=inputs.person_name, claims=claims, bundle=bundle_doc,
        report=report, digest=signed.sha256, bundle_file=signed.path.name, omit=omit,
        areas=inputs.areas,
    ))
    for name, path in targets.items():
        if progress:
            progress(f"writing {name} to {path}")
        data = render(name, page, bundle_doc)
        bundles.write_atomically(path, data, _embedded_check(path, data, bundle_doc)
                                 if name in SIGNED_FORMATS else None)
        result.files[name] = path
    with ler.transaction() as session:
        audit.record(session=session, actor=ler.actor, action="export", entity="outputs",
                     entity_id=page.bundle_id, person_id=person_id,
                     detail={"formats": sorted(targets), "claims": len(claims)})
    return result


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
    leave_out_unusable: bool = False,
) -> OutputsResult:
    """Write the chosen formats into ``folder`` as ``BASENAME`` + each format's suffix.

    The signed bundle is always written (every other format refers to it). Returns
    the paths written (``result.paths``) for the export screen to show.
    """
    if not folder.is_dir():
        raise BadInputError(f"{folder}: not a folder")
    with ler.db.session() as session:  # everything the export reads, in one session
        inputs = bundles.read_inputs(session, person_id, claim_ids, cryptosuite,
                                     dict(omit or {}), leave_out_unusable=leave_out_unusable)
    stem = basename or default_basename(inputs.person_name)
    by_name = {f.name: f for f in FORMATS}
    unknown = [name for name in formats if name not in by_name]
    if unknown:
        raise BadInputError(f"unknown format {unknown[0]!r}; use: {', '.join(FORMAT_NAMES)}")
    targets = {name: folder / f"{stem}{by_name[name].suffix}"
               for name in dict.fromkeys(formats) if name != BUNDLE}
    return write_outputs(ler, person_id, passphrase, targets,
                         bundle_path=folder / f"{stem}{by_name[BUNDLE].suffix}",
                         claim_ids=claim_ids, cryptosuite=cryptosuite, omit=omit,
                         progress=progress, inputs=inputs)
