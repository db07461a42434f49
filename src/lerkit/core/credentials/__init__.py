"""Signed Learning and Employment Records: OB 3.0 credentials in a CLR 2.0 bundle.

Offline only: contexts are bundled, keys are did:key (Ed25519), proofs are Data
Integrity ``eddsa-rdfc-2022`` (default) or ``eddsa-jcs-2022``.
"""

from __future__ import annotations

from lerkit.core.credentials.badges import (
    OMIT_FIELDS,
    SELF_ATTESTED,
    Holder,
    build_claim_credential,
    credential_id,
)
from lerkit.core.credentials.bundle import (
    BundleOptions,
    check_endorsement,
    claim_fingerprint,
    sign_bundle,
)
from lerkit.core.credentials.canon import (
    CanonicalizationError,
    canonicalize_jcs,
    canonicalize_rdfc,
)
from lerkit.core.credentials.endorsement import (
    EndorserProfile,
    binding_errors,
    build_endorsement,
    credential_digest,
)
from lerkit.core.credentials.keys import Identity, SealedKey, seal_identity, unseal_identity
from lerkit.core.credentials.loader import document_loader, known_contexts
from lerkit.core.credentials.multikey import (
    did_from_public_key,
    public_key_from_did,
    public_key_from_multibase,
    public_key_to_multibase,
    resolve_verification_method,
)
from lerkit.core.credentials.proofs import (
    JCS,
    RDFC,
    ProofResult,
    create_proof,
    sign_document,
    verify_proofs,
)
from lerkit.core.credentials.report import BundleReport, ClaimEntry, EndorsementEntry
from lerkit.core.credentials.trust import TrustEntry, TrustList, load_trust_list, parse_trust_list
from lerkit.core.credentials.verify import check_credential, verify_bundle

__all__ = [
    "JCS",
    "OMIT_FIELDS",
    "RDFC",
    "SELF_ATTESTED",
    "BundleOptions",
    "BundleReport",
    "CanonicalizationError",
    "ClaimEntry",
    "EndorsementEntry",
    "EndorserProfile",
    "Holder",
    "Identity",
    "ProofResult",
    "SealedKey",
    "TrustEntry",
    "TrustList",
    "binding_errors",
    "build_claim_credential",
    "build_endorsement",
    "canonicalize_jcs",
    "canonicalize_rdfc",
    "check_credential",
    "check_endorsement",
    "claim_fingerprint",
    "create_proof",
    "credential_digest",
    "credential_id",
    "did_from_public_key",
    "document_loader",
    "known_contexts",
    "load_trust_list",
    "parse_trust_list",
    "public_key_from_did",
    "public_key_from_multibase",
    "public_key_to_multibase",
    "resolve_verification_method",
    "seal_identity",
    "sign_bundle",
    "sign_document",
    "unseal_identity",
    "verify_bundle",
    "verify_proofs",
]
