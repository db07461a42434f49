"""Signing keys: one Ed25519 did:key per person, sealed under their passphrase."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass

from sqlmodel import Session

from lerkit.core.credentials.keys import (
    Identity,
    SealedKey,
    UnlockingIdentity,
    seal_identity,
    unseal_identity,
)
from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.i18n import _
from lerkit.core.passphrase_kdf import DEFAULT_MEMLIMIT, DEFAULT_OPSLIMIT
from lerkit.services.context import Lerkit
from lerkit.services.people import person_in, require_person
from lerkit.storage import audit
from lerkit.storage import keys as repo

# Argon2id cost, a deployment choice (LER_KEY_STRENGTH): "interactive" (default:
# libsodium's setting for unlocking at a prompt, 64 MiB, about 0.1 s), "moderate"
# (256 MiB, about 0.7 s) or "sensitive" (1 GiB). A sealed key records its own cost,
# so keys sealed under any setting still open after the setting changes.
STRENGTHS = {
    "interactive": (2, 64 * 1024 * 1024),
    "moderate": (DEFAULT_OPSLIMIT, DEFAULT_MEMLIMIT),
    "sensitive": (4, 1024 * 1024 * 1024),
}
MIN_PASSPHRASE = 8


def _strength() -> tuple[int, int]:
    name = os.environ.get("LER_KEY_STRENGTH", "interactive")
    if name not in STRENGTHS:
        raise BadInputError(_("LER_KEY_STRENGTH must be one of {choices}")
                            .format(choices=", ".join(STRENGTHS)))
    return STRENGTHS[name]


def check_new_passphrase(passphrase: str) -> str:
    """A passphrase long enough to protect a key."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise BadInputError(_("a passphrase needs at least {n} characters")
                            .format(n=MIN_PASSPHRASE))
    return passphrase


@dataclass(frozen=True)
class KeyInfo:
    """A person's DIDs: the active one and those retired by rotation."""

    person_id: str
    did: str
    retired: list[str]


def _seal(identity: Identity, passphrase: str) -> bytes:
    ops, mem = _strength()
    sealed = seal_identity(identity, passphrase, opslimit=ops, memlimit=mem)
    return json.dumps(sealed.to_dict()).encode("utf-8")


def seal_secret(identity: Identity, passphrase: str) -> bytes:
    """A new key sealed for storage under a new passphrase (LER_KEY_STRENGTH applies)."""
    return _seal(identity, check_new_passphrase(passphrase))


def _sealed(blob: bytes, whose: str) -> SealedKey:
    try:
        return SealedKey.from_dict(json.loads(blob.decode("utf-8")))
    except (ValueError, UnicodeDecodeError):
        raise BadInputError(_("the stored key of {whose} is damaged").format(whose=whose)) from None


def open_secret(blob: bytes, passphrase: str, whose: str) -> Identity:
    """Unseal a stored key; PassphraseError if the passphrase is wrong."""
    return unseal_identity(_sealed(blob, whose), passphrase)


def _store(ler: Lerkit, person_id: str, identity: Identity, passphrase: str, action: str) -> str:
    sealed = _seal(identity, passphrase)
    with ler.transaction() as session:
        # a first key is checked for, and stored, in the same writing transaction (the
        # database refuses a second active key even from a writer that raced this one)
        add = repo.add_first_key if action == "create" else repo.add_key
        add(session=session, person_id=person_id, did=identity.did,
            public_key_multibase=identity.public_key_multibase, sealed=sealed)
        audit.record(session=session, actor=ler.actor, action=action, entity="signing-key",
                     entity_id=identity.did, person_id=person_id)
    return identity.did


def init_key(ler: Lerkit, person_id: str, passphrase: str) -> str:
    """Create a person's first key; returns the DID."""
    require_person(ler, person_id)
    with ler.db.session() as session:  # before the slow sealing; checked again when stored
        if repo.active_key(session=session, person_id=person_id) is not None:
            raise BadInputError(_("person {person} already has a key (use: ler keys rotate)")
                                .format(person=person_id))
    return _store(ler, person_id, Identity.generate(), check_new_passphrase(passphrase), "create")


def _active_sealed(ler: Lerkit, person_id: str) -> SealedKey:
    with ler.db.session() as session:
        person_in(session, person_id)
        return sealed_key_in(session, person_id)


def sealed_key_in(session: Session, person_id: str) -> SealedKey:
    """The person's active sealed key, read in the caller's session."""
    key = repo.active_key(session=session, person_id=person_id)
    if key is None:
        raise NotFoundError(_("person {person} has no signing key (use: ler keys init)")
                            .format(person=person_id))
    return _sealed(key.sealed_secret, _("person {person}").format(person=person_id))


def unlock(ler: Lerkit, person_id: str, passphrase: str) -> Identity:
    """The person's active signing identity; PassphraseError if the passphrase is wrong."""
    return unseal_identity(_active_sealed(ler, person_id), passphrase)


def start_unlock(ler: Lerkit, person_id: str, passphrase: str,
                 sealed: SealedKey | None = None) -> UnlockingIdentity:
    """Begin opening the person's key in the background; signing waits for it.

    The DID is known at once. A wrong passphrase surfaces as PassphraseError at the
    first signature, before anything is written.
    """
    return UnlockingIdentity(sealed or _active_sealed(ler, person_id), passphrase)


def rotate_key(ler: Lerkit, person_id: str, passphrase: str, new_passphrase: str | None = None
               ) -> str:
    """Replace the active key with a new one; the old public key is kept."""
    unlock(ler, person_id, passphrase)  # only the key's owner may rotate it
    chosen = check_new_passphrase(new_passphrase or passphrase)
    return _store(ler, person_id, Identity.generate(), chosen, "rotate")


def show_key(ler: Lerkit, person_id: str) -> KeyInfo:
    """The active DID and the retired ones."""
    require_person(ler, person_id)
    with ler.db.session() as session:
        keys = repo.all_keys(session=session, person_id=person_id)
    active = [k.did for k in keys if k.active]
    if not active:
        raise NotFoundError(_("person {person} has no signing key (use: ler keys init)")
                            .format(person=person_id))
    return KeyInfo(person_id, active[0], [k.did for k in keys if not k.active])
