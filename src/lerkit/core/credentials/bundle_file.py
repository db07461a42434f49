"""Read and verify a bundle file: all ``ler verify`` needs, with no database layer.

The command imports only :mod:`lerkit.core` (checked with ``python -X importtime``);
:func:`lerkit.services.bundles.verify_file` is this same function.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lerkit.core.credentials.report import BundleReport
from lerkit.core.errors import BadInputError
from lerkit.core.files import read_json
from lerkit.core.i18n import _

BUNDLE_LIMIT = 64 * 1024 * 1024
CREDENTIAL_KEYS = frozenset({"@context", "proof", "issuer", "credentialSubject"})


def read_bundle(path: Path) -> Any:
    """Parse a bundle file (size-limited, strict JSON)."""
    return read_json(path, BUNDLE_LIMIT)


def verify_file(path: Path, evidence_dir: Path | None = None,
                trust_file: Path | None = None) -> BundleReport:
    """Verify a bundle file; unreadable input or trust list raises BadInputError (exit 2)."""
    from lerkit.core.credentials.trust import load_trust_list
    from lerkit.core.credentials.verify import verify_bundle

    if evidence_dir is not None and not evidence_dir.is_dir():
        raise BadInputError(f"{evidence_dir}: not a folder")
    trust = load_trust_list(trust_file) if trust_file is not None else None
    document = read_bundle(path)
    if isinstance(document, dict) and not CREDENTIAL_KEYS & document.keys():
        # another JSON file, such as the résumé or LER-RS file saved next to the bundle;
        # a credential with parts missing or broken is checked, and found NOT VALID
        raise BadInputError(_("{path}: not a signed record (no @context, no proof); the "
                              "signed file is the one ending in .bundle.json").format(
                                  path=path))
    return verify_bundle(document, evidence_dir, trust=trust)
