"""One person's kiosk session: start it (new or from a profile), save it, end it.

Saving writes two files to a folder the person chooses (their USB stick): the sealed
portable profile, to go on another day, and the signed record (the bundle), to hand to
an employer. Nothing else leaves the workspace.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from lerkit.core.errors import BadInputError, LerError, PassphraseError
from lerkit.core.i18n import _, current_language
from lerkit.services import bundles, keys, people, profiles
from lerkit.services.context import Lerkit
from lerkit.services.kiosk import Workspace

PROFILE_SUFFIX = ".lerprofile"
REASONS = ("quit", "terminate", "hangup", "idle")


def warning_lead(idle_seconds: float) -> float:
    """How long before an idle wipe the warning comes: a minute, or a third if shorter."""
    return min(60.0, idle_seconds / 3)


@dataclass(frozen=True)
class SavedFiles:
    """What a save wrote."""

    folder: Path
    profile: Path
    bundle: Path | None
    note: str = ""

    def describe(self) -> str:
        """Where the files went, in words."""
        text = f"Saved your profile to {self.profile}"
        text += f" and your signed record to {self.bundle}." if self.bundle else "."
        return text + (f" ({self.note})" if self.note else "")


@dataclass(frozen=True)
class KioskOutcome:
    """How a session ended; ``handled`` when the person already answered the offer."""

    reason: str
    handled: bool = False
    saved: SavedFiles | None = None


def _free(path: Path) -> Path:
    """``path``, or ``name-2.ext`` and so on if it is taken."""
    n = 1
    candidate = path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


@dataclass
class KioskSession:
    """The open kiosk database, whose session it is, and where to save."""

    ler: Lerkit
    workspace: Workspace
    person_id: str
    passphrase: str
    key_passphrase: str | None = None
    save_dir: Path | None = None

    def check_destination(self, folder: str | Path) -> Path:
        """An existing, writable folder outside the workspace."""
        text = str(folder).strip()
        if not text:
            raise BadInputError(_("type the folder to save to (for example your USB stick)"))
        path = Path(text).expanduser()
        if not path.is_dir():
            raise BadInputError(_("{path} is not a folder (is the USB stick plugged in?)")
                                .format(path=path))
        if not os.access(path, os.W_OK | os.X_OK):
            raise BadInputError(_("cannot write to {path}").format(path=path))
        if self.workspace.contains(path):
            raise BadInputError(_("{path} is inside this session's temporary folder, which "
                                  "will be wiped; choose your USB stick or another folder")
                                .format(path=path))
        return path.resolve()

    def choose(self, folder: str | Path) -> Path:
        """Remember where to save if the session is cut off."""
        self.save_dir = self.check_destination(folder)
        return self.save_dir

    def save(self, folder: str | Path) -> SavedFiles:
        """Write the sealed profile and (if possible) the signed record to ``folder``."""
        target = self.choose(folder)
        stamp = datetime.now(UTC).astimezone().strftime("%Y-%m-%d-%H%M%S")
        profile = _free(target / f"lerkit-profile-{stamp}{PROFILE_SUFFIX}")
        try:
            profiles.save_profile(self.ler, self.person_id, profile, self.passphrase)
        except OSError as exc:
            raise BadInputError(_("cannot write to {path}: {reason}")
                                .format(path=target, reason=exc.strerror or exc)) from None
        bundle: Path | None = _free(target / f"lerkit-record-{stamp}.json")
        note = ""
        try:
            assert bundle is not None
            bundles.export_bundle(self.ler, self.person_id, bundle,
                                  self.key_passphrase or self.passphrase,
                                  language=current_language())  # the session's language
        except PassphraseError:
            bundle, note = None, _("the signed record needs your signing key's passphrase")
        except (LerError, OSError) as exc:
            bundle, note = None, _("no signed record: {problem}").format(problem=exc)
        return SavedFiles(target, profile, bundle, note)

    def autosave(self) -> SavedFiles | None:
        """Save to the folder chosen earlier, if any (for when nobody can answer)."""
        if self.save_dir is None:
            return None
        try:
            return self.save(self.save_dir)
        except (LerError, OSError):
            return None

    def close(self) -> None:
        """Release the database (before the workspace is wiped)."""
        self.ler.close()


def start_new(ler: Lerkit, workspace: Workspace, name: str, passphrase: str) -> KioskSession:
    """A new person with a new signing key sealed under ``passphrase``."""
    keys.check_new_passphrase(passphrase)
    person = people.add_person(ler, name)
    keys.init_key(ler, person.id, passphrase)
    return KioskSession(ler, workspace, person.id, passphrase)


def start_from_profile(ler: Lerkit, workspace: Workspace, path: Path, passphrase: str
                       ) -> tuple[KioskSession, bool]:
    """Load a saved profile; also says whether its signing key opens with ``passphrase``."""
    result = profiles.load_profile(ler, path, passphrase)
    session = KioskSession(ler, workspace, result.person_id, passphrase)
    return session, result.did is None or key_opens(session, passphrase)


def key_opens(session: KioskSession, passphrase: str) -> bool:
    """True if ``passphrase`` unlocks the person's signing key."""
    try:
        keys.unlock(session.ler, session.person_id, passphrase)
    except PassphraseError:
        return False
    return True
