"""A claim credential's RDF dataset, kept with the digest that binds it to the credential.

A dataset is reused for signing only if the digest stored with it is the SHA-256 of
the JCS form of the exact signed credential it was made from, followed by a newline
and the dataset's N-Quads. JCS text holds no raw newline, so the two parts cannot be
confused. Any change to either side (or a dataset kept before digests were) means
the dataset is made again from the credential; nothing is taken on a partial match.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from lerkit.core.credentials.canon import canonicalize_jcs

PREFIX = "sha256:"


def dataset_digest(credential: Mapping[str, Any], nquads: str) -> str:
    """``sha256:<hex>`` of the credential's JCS form, a newline and the N-Quads."""
    digest = hashlib.sha256(canonicalize_jcs(dict(credential)))
    digest.update(b"\n")
    digest.update(nquads.encode("utf-8"))
    return PREFIX + digest.hexdigest()


@dataclass(frozen=True)
class KeptDataset:
    """N-Quads of a signed credential, and :func:`dataset_digest` of the two."""

    nquads: str
    digest: str

    @classmethod
    def made_from(cls, credential: Mapping[str, Any], nquads: str) -> KeptDataset:
        """The dataset just made from ``credential``, bound to it."""
        return cls(nquads, dataset_digest(credential, nquads))

    def fits(self, credential: Mapping[str, Any]) -> bool:
        """Whether this dataset was made from exactly ``credential`` and is unchanged."""
        return self.digest == dataset_digest(credential, self.nquads)
