"""A CLR's canonical dataset, put together from the datasets of its embedded credentials.

Verifying a bundle canonicalizes every embedded claim credential (without its proof) to
check that credential's own signature. Those canonical N-Quads, with each credential's
proof added as its named graph (:func:`~lerkit.core.credentials.rdf_dataset.signed_dataset`),
are the credentials' RDF datasets; the CLR's dataset is its own statements plus theirs
(:func:`~lerkit.core.credentials.rdf_dataset.canonical_with_embedded`), just as an export
builds it. So the CLR need not be expanded as a whole a second time.

This is taken only where it gives the very dataset full JSON-LD processing would: the
CLR's ``@context`` lists context URLs, and each embedded credential's ``@context`` is the
CLR's without its CLR contexts (which define only type-scoped terms that do not reach
into the credentials), so a credential means the same inside the CLR as on its own; a
term it could use only inside the CLR is refused when it is canonicalized on its own.
Each credential must have an absolute IRI ``id`` (all different) and one
eddsa-rdfc-2022 proof whose configuration describes one blank node. Anything else, or
any error, takes the full path: the CLR is canonicalized as a whole.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lerkit.core.credentials.canon import canonicalize_jcs, canonicalize_rdfc, is_absolute_iri
from lerkit.core.credentials.checks import CLR_CONTEXTS
from lerkit.core.credentials.proofs import RDFC, config_canonical, proofs_of
from lerkit.core.credentials.rdf_dataset import canonical_with_embedded, signed_dataset
from lerkit.core.errors import LerError


@dataclass
class KnownHashes:
    """SHA-256 of canonical documents (without proof) computed once, by ``id()`` of the
    JSON object they belong to: the CLR's (when put together from its credentials) and
    each embedded credential's. Valid only while those objects are not changed."""

    by_object: dict[int, bytes] = field(default_factory=dict)
    full_path: bool = True

    def of(self, document: Mapping[str, Any]) -> dict[str, bytes]:
        """``{cryptosuite: hash}`` known for ``document`` (empty when none is)."""
        found = self.by_object.get(id(document))
        return {RDFC: found} if found is not None else {}


def _without_proof(document: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in document.items() if key != "proof"}


def _dataset(credential: Mapping[str, Any], expected_context: list[str]) -> tuple[str, str]:
    """The credential's canonical N-Quads without proof, and its dataset with proof."""
    if credential.get("@context") != expected_context or not is_absolute_iri(
            credential.get("id")):
        raise LerError("not a credential the CLR can be put together from")
    proofs = proofs_of(credential)
    if len(proofs) != 1 or not isinstance(proofs[0], dict):
        raise LerError("one proof is needed")
    proof = proofs[0]
    value = proof.get("proofValue")
    if proof.get("cryptosuite") != RDFC or "@context" in proof or not isinstance(value, str):
        raise LerError("an eddsa-rdfc-2022 proof is needed")
    unsigned = canonicalize_rdfc(_without_proof(credential))
    config = {key: item for key, item in proof.items() if key != "proofValue"}
    config["@context"] = credential["@context"]
    config_nquads = config_canonical(canonicalize_jcs(config), RDFC).decode("utf-8")
    return unsigned, signed_dataset(unsigned, str(credential["id"]), config_nquads, value)


def known_hashes(clr: Any) -> KnownHashes:
    """What can be known of a CLR's canonical forms from its embedded credentials.

    Never raises: whatever cannot be put together is left to full canonicalization.
    """
    known = KnownHashes()
    try:
        if not isinstance(clr, dict) or not isinstance(clr.get("credentialSubject"), dict):
            return known
        subject: dict[str, Any] = clr["credentialSubject"]
        credentials = subject.get("verifiableCredential")
        context = clr.get("@context")
        if (not isinstance(credentials, list) or not credentials
                or not isinstance(context, list)
                or not all(isinstance(entry, str) for entry in context)):
            return known
        expected = [entry for entry in context if entry not in CLR_CONTEXTS]
        embedded: list[tuple[str, str]] = []
        for credential in credentials:
            if not isinstance(credential, dict):
                return known
            unsigned, dataset = _dataset(credential, expected)
            known.by_object[id(credential)] = hashlib.sha256(unsigned.encode("utf-8")).digest()
            embedded.append((str(credential["id"]), dataset))
        if len({item_id for item_id, _ in embedded}) != len(embedded):
            return known
        placeholder = f"urn:uuid:{uuid.uuid4()}"
        shell = {**_without_proof(clr), "credentialSubject": {
            **subject, "verifiableCredential": [{"id": placeholder}]}}
        nquads = canonical_with_embedded(canonicalize_rdfc(shell), placeholder, embedded)
    except Exception:  # hostile input: the full path reports what is wrong
        return known
    known.by_object[id(clr)] = hashlib.sha256(nquads.encode("utf-8")).digest()
    known.full_path = False
    return known
