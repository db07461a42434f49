"""Signed Learning and Employment Records: OB 3.0 credentials in a CLR 2.0 bundle.

Offline only: contexts are bundled, keys are did:key (Ed25519), proofs are Data
Integrity ``eddsa-rdfc-2022`` (default) or ``eddsa-jcs-2022``.

Names are loaded from their submodules on first use, so importing one submodule (the
verify report, say) does not load the JSON-LD machinery.
"""

from __future__ import annotations

import importlib
from typing import Any

_WHERE = {
    "BundleOptions": "lerkit.core.credentials.bundle",
    "BundleReport": "lerkit.core.credentials.report",
    "CanonicalizationError": "lerkit.core.credentials.canon",
    "ClaimEntry": "lerkit.core.credentials.report",
    "EndorsementEntry": "lerkit.core.credentials.report",
    "EndorserProfile": "lerkit.core.credentials.endorsement",
    "Holder": "lerkit.core.credentials.badges",
    "Identity": "lerkit.core.credentials.keys",
    "JCS": "lerkit.core.credentials.proofs",
    "OMIT_FIELDS": "lerkit.core.credentials.badges",
    "ProofResult": "lerkit.core.credentials.proofs",
    "RDFC": "lerkit.core.credentials.proofs",
    "SELF_ATTESTED": "lerkit.core.credentials.badges",
    "SealedKey": "lerkit.core.credentials.keys",
    "TrustEntry": "lerkit.core.credentials.trust",
    "TrustList": "lerkit.core.credentials.trust",
    "binding_errors": "lerkit.core.credentials.endorsement",
    "build_claim_credential": "lerkit.core.credentials.badges",
    "build_endorsement": "lerkit.core.credentials.endorsement",
    "canonicalize_jcs": "lerkit.core.credentials.canon",
    "canonicalize_rdfc": "lerkit.core.credentials.canon",
    "check_credential": "lerkit.core.credentials.verify",
    "check_endorsement": "lerkit.core.credentials.bundle",
    "claim_fingerprint": "lerkit.core.credentials.bundle",
    "create_proof": "lerkit.core.credentials.proofs",
    "credential_digest": "lerkit.core.credentials.endorsement",
    "credential_id": "lerkit.core.credentials.badges",
    "did_from_public_key": "lerkit.core.credentials.multikey",
    "document_loader": "lerkit.core.credentials.loader",
    "known_contexts": "lerkit.core.credentials.loader",
    "load_trust_list": "lerkit.core.credentials.trust",
    "parse_trust_list": "lerkit.core.credentials.trust",
    "public_key_from_did": "lerkit.core.credentials.multikey",
    "public_key_from_multibase": "lerkit.core.credentials.multikey",
    "public_key_to_multibase": "lerkit.core.credentials.multikey",
    "resolve_verification_method": "lerkit.core.credentials.multikey",
    "seal_identity": "lerkit.core.credentials.keys",
    "sign_bundle": "lerkit.core.credentials.bundle",
    "sign_document": "lerkit.core.credentials.proofs",
    "unseal_identity": "lerkit.core.credentials.keys",
    "verify_bundle": "lerkit.core.credentials.verify",
    "verify_proofs": "lerkit.core.credentials.proofs",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    """Import a public name from its submodule when it is first asked for."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
