"""O*NET's work activities and occupations: the pack in use, and refreshing it.

lerkit ships an O*NET pack (``lerkit/data/onet-pack.json.gz``); ``import_onet`` builds
one from a newer O*NET release into ``LER_HOME``, which is used from then on: the
``onet-dwa`` taxonomy of the default search is imported again from it, with its match
indexes.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from lerkit.core.taxonomy import onet_release
from lerkit.core.taxonomy.onet_pack import OnetPack, build_pack, read_pack, write_pack
from lerkit.services import matching, taxonomies
from lerkit.services.context import Lerkit
from lerkit.storage import audit


@dataclass(frozen=True)
class PackInfo:
    """The O*NET pack in use."""

    release: str
    path: Path
    shipped: bool
    activities: int
    occupations: int
    attribution: str
    rated: int = 0  # occupations with skill ratings
    with_technology: int = 0  # occupations with technology examples
    skills_release: str = ""  # the release the skill ratings come from, if another
    source: Path | None = None  # the folder the release was read from (import only)
    skills_file: Path | None = None  # the skill ratings, if read from another folder


def _info(pack: OnetPack, path: Path, shipped: bool) -> PackInfo:
    return PackInfo(pack.release, path, shipped, len(pack.dwas), len(pack.occupations),
                    pack.attribution, sum(1 for o in pack.occupations if o.skills),
                    sum(1 for o in pack.occupations if o.technology), pack.skills_release)


def current(ler: Lerkit) -> PackInfo:
    """Which O*NET pack lerkit uses now."""
    path = taxonomies.onet_pack_path(ler)
    return _info(read_pack(path), path, path != ler.settings.home / taxonomies.ONET_PACK)


def import_onet(ler: Lerkit, folder: Path) -> PackInfo:
    """Build the pack from an O*NET text release and use it from now on (with technology
    examples and skill ratings if the release has them); a folder that is not a complete
    release changes nothing. The release may sit one or two folders down, as O*NET's
    downloads unzip (see :mod:`lerkit.core.taxonomy.onet_release`)."""
    release = onet_release.locate(folder)
    pack = build_pack(release.folder, release.skills)
    target = ler.settings.home / taxonomies.ONET_PACK
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    write_pack(pack, temporary)
    os.chmod(temporary, 0o600)
    os.replace(temporary, target)
    taxonomies.refresh_builtin(ler, taxonomies.ONET_DWA)
    matching.prepare(ler, taxonomies.ONET_DWA)
    with ler.transaction() as session:
        audit.record(session=session, actor=ler.actor, action="import", entity="onet-pack",
                     entity_id=pack.release,
                     detail={"activities": len(pack.dwas), "occupations": len(pack.occupations),
                             "rated": sum(1 for o in pack.occupations if o.skills)})
    return replace(_info(pack, target, False), source=release.folder,
                   skills_file=release.skills)
