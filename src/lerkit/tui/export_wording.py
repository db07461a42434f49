"""What the export screen says: the key's state, what was saved, and what is wrong with
the folder typed; and the folder it offers first."""

from __future__ import annotations

from pathlib import Path

from lerkit.core.i18n import _
from lerkit.services.outputs import BUNDLE, FORMATS, OutputsResult

BUNDLE_SUFFIX = next(f.suffix for f in FORMATS if f.name == BUNDLE)


def default_folder() -> Path:
    """The person's Documents folder if there is one, else their home folder."""
    home = Path.home()
    documents = home / "Documents"
    return documents if documents.is_dir() else home


def key_words(did: str | None, made_now: bool = False) -> str:
    """The signing key's state, as the screen says it."""
    if did is None:
        return _("You have no signing key yet: choose a passphrase (8 or more characters) "
                 "and type it twice. Ctrl+S first makes the key, then exports.")
    if made_now:
        return _("Your signing key is made ({did}). Its passphrase signs every record "
                 "you export from now on.").format(did=did)
    return _("Signing key: {did}. Type its passphrase.").format(did=did)


def saved_words(result: OutputsResult) -> str:
    """What was written, where, and how to check it (short lines: the skills stay in
    view)."""
    r = result.bundle
    stem = r.path.name.removesuffix(BUNDLE_SUFFIX)
    endings = " ".join(p.name.removeprefix(stem) for p in result.paths)
    saved = _("Saved {skills} skills in {files} files to {folder}:").format(
        skills=r.claims, files=len(result.paths), folder=r.path.parent)
    signed = _("Signed by {did}").format(did=r.did)
    check = _("F6 checks the signed file, {name}.").format(name=r.path.name)
    return f"{saved}\n{stem} {endings}\nsha256: {r.sha256}\n{signed}\n{check}"


def folder_problem(folder: str) -> str:
    """Why files cannot be saved in ``folder`` ("" when they can): a file of that name, or
    a missing folder above it (one new folder is made, no more)."""
    path = Path(folder).expanduser()
    if path.exists() and not path.is_dir():
        return _("{folder} is not a folder.").format(folder=folder)
    if not path.exists() and not path.parent.is_dir():
        return _("{folder}: neither it nor the folder above it exists.").format(folder=folder)
    return ""
