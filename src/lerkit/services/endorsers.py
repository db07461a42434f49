"""The endorser's own profile: name, organization, role, contacts, and a sealed did:key.

It lives in the endorser's own lerkit home (``LER_HOME``), apart from any worker's
records; one profile per home.
"""

from __future__ import annotations

from dataclasses import dataclass

from lerkit.core.credentials.endorsement import EndorserProfile, check_profile
from lerkit.core.credentials.keys import Identity
from lerkit.core.errors import BadInputError, NotFoundError
from lerkit.core.i18n import N_, _
from lerkit.services import keys
from lerkit.services.context import Lerkit
from lerkit.storage import audit
from lerkit.storage import endorsements as repo
from lerkit.storage.endorsements import Endorser

NO_PROFILE = N_("no endorser profile in this lerkit home (use: ler endorser init --name NAME)")


@dataclass(frozen=True)
class EndorserInfo:
    """The stored profile, without the key."""

    id: str
    profile: EndorserProfile


def _profile(row: Endorser) -> EndorserProfile:
    return EndorserProfile(did=row.did, name=row.name, organization=row.organization,
                           role=row.role, url=row.url, email=row.email)


def _clean(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def init_endorser(ler: Lerkit, passphrase: str, *, name: str, organization: str = "",
                  role: str = "", url: str | None = None,
                  email: str | None = None) -> EndorserInfo:
    """Create this home's endorser profile with a new key sealed under ``passphrase``."""
    with ler.db.session() as session:
        if repo.the_endorser(session=session) is not None:
            raise BadInputError(_("this lerkit home already has an endorser profile "
                                  "(see: ler endorser show)"))
    identity = Identity.generate()
    profile = check_profile(EndorserProfile(
        did=identity.did, name=" ".join(name.split()), organization=" ".join(organization.split()),
        role=" ".join(role.split()), url=_clean(url), email=_clean(email),
    ))
    sealed = keys.seal_secret(identity, passphrase)
    with ler.transaction() as session:
        row = repo.add_endorser(session=session, row=Endorser(
            name=profile.name, organization=profile.organization, role=profile.role,
            url=profile.url, email=profile.email, did=profile.did, sealed_secret=sealed,
        ))
        audit.record(session=session, actor=ler.actor, action="create", entity="endorser",
                     entity_id=row.id, detail={"did": profile.did})
        return EndorserInfo(row.id, profile)


def show_endorser(ler: Lerkit) -> EndorserInfo:
    """This home's endorser profile; NotFoundError if there is none."""
    with ler.db.session() as session:
        row = repo.the_endorser(session=session)
        if row is None:
            raise NotFoundError(_(NO_PROFILE))
        return EndorserInfo(row.id, _profile(row))


def unlock_endorser(ler: Lerkit, passphrase: str) -> tuple[EndorserProfile, Identity]:
    """The profile and its signing identity; PassphraseError if the passphrase is wrong."""
    with ler.db.session() as session:
        row = repo.the_endorser(session=session)
        if row is None:
            raise NotFoundError(_(NO_PROFILE))
        profile, blob = _profile(row), row.sealed_secret
    identity = keys.open_secret(blob, passphrase, _("the endorser"))
    if identity.did != profile.did:
        raise BadInputError(_("the endorser's stored key does not match its DID"))
    return profile, identity
