"""Finding an O*NET text release in a folder, or one or two levels down.

O*NET's downloads unzip into a folder of their own (``db_30_1_text/``,
``db_30_1_excel/``), so a person may point at the folder that holds it. The release is
the one folder with ``DWA Reference.txt`` in it: the folder given, else a folder at most
:data:`DEPTH` levels below it; none, or several, is an error that names what was found.
When the release has no skill ratings of its own, a single ``Skills.txt`` or
``Skills.xlsx`` elsewhere in the folder (O*NET's Excel download, say) is used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lerkit.core.errors import BadInputError
from lerkit.core.i18n import _

MARKER = "DWA Reference.txt"
EXCEL_MARKER = "DWA Reference.xlsx"
SKILLS = ("Skills.txt", "Skills.xlsx")
DEPTH = 2
SHOWN = 4  # folders named in an error


@dataclass(frozen=True)
class Release:
    """Where the text files are, and a skills file found apart from them (if needed)."""

    folder: Path
    skills: Path | None = None


def folders(root: Path, depth: int = DEPTH) -> list[Path]:
    """``root`` and the folders below it, down to ``depth`` levels, shallowest first."""
    found = [root]
    level = [root]
    for _step in range(depth):
        below: list[Path] = []
        for folder in level:
            try:
                below += sorted(p for p in folder.iterdir()
                                if p.is_dir() and not p.name.startswith("."))
            except OSError:  # unreadable: nothing of it can be used
                continue
        found += below
        level = below
    return found


def _names(root: Path, paths: list[Path]) -> str:
    shown = ", ".join(str(p.relative_to(root)) or "." for p in paths[:SHOWN])
    return shown + (f" and {len(paths) - SHOWN} more" if len(paths) > SHOWN else "")


def locate(path: Path) -> Release:
    """The O*NET text release in ``path`` (see the module docstring)."""
    below = folders(path)
    if (path / MARKER).is_file():
        root = path
    else:
        found = [f for f in below[1:] if (f / MARKER).is_file()]
        if not found:
            excel = [f for f in below if (f / EXCEL_MARKER).is_file()]
            hint = _("; {where} holds O*NET's Excel files, but lerkit reads the text "
                     "release (db_NN_N_text.zip, from https://www.onetcenter.org/database.html)"
                     ).format(where=_names(path, excel)) if excel else ""
            raise BadInputError(_(
                "{path}: no O*NET text release in it or in its folders, down to {depth} "
                "levels (looked for {marker!r}){hint}").format(
                    path=path, depth=DEPTH, marker=MARKER, hint=hint))
        if len(found) > 1:
            raise BadInputError(_(
                "{path}: {count} O*NET releases in it ({names}); give the folder of the one "
                "to use").format(path=path, count=len(found), names=_names(path, found)))
        root = found[0]
    if any((root / name).is_file() for name in SKILLS):
        return Release(root)
    skills = [f / name for f in below if f != root for name in SKILLS if (f / name).is_file()]
    if len(skills) > 1:
        raise BadInputError(_(
            "{path}: {count} skill rating files in it ({names}); put the one to use beside "
            "{marker!r}").format(path=path, count=len(skills), names=_names(path, skills),
                                 marker=MARKER))
    return Release(root, skills[0] if skills else None)
