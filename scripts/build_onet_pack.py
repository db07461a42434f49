"""Build the O*NET pack that ships inside lerkit (``src/lerkit/data/onet-pack.json.gz``).

    python scripts/build_onet_pack.py PATH/TO/onet-text-release [--skills Skills.xlsx] [--out FILE]

The folder is an O*NET text release (``db_30_1_text``: Content Model Reference, IWA and
DWA Reference, Occupation Data, Job Zones, Task Statements, Tasks to DWAs; Technology
Skills, Skills and Skills to Work Activities if present). ``--skills`` names O*NET's
``Skills.xlsx`` (read with the standard library) when the release has no ``Skills.txt``;
its release is read from the ``Read Me.txt`` beside it. The pack keeps the work activity
hierarchy, each occupation's weighted DWAs, a few technology examples and its skill
ratings, never the text of a task statement; see ``lerkit.core.taxonomy.onet_pack``.
Same input, same bytes.
O*NET is CC BY 4.0: the pack carries O*NET's attribution.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lerkit.core.taxonomy.onet_pack import build_pack, write_pack  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("release", type=Path, help="folder of O*NET text files")
    parser.add_argument("--skills", type=Path, default=None,
                        help="O*NET Skills.xlsx, when the release has no Skills.txt")
    parser.add_argument("--out", type=Path, default=REPO / "src/lerkit/data/onet-pack.json.gz")
    args = parser.parse_args()
    pack = build_pack(args.release, args.skills)
    write_pack(pack, args.out)
    size = args.out.stat().st_size
    print(f"O*NET {pack.release}: {len(pack.gwas)} GWAs, {len(pack.iwas)} IWAs, "
          f"{len(pack.dwas)} DWAs, {len(pack.occupations)} occupations, "
          f"{len(pack.skills)} rated skills -> {args.out} "
          f"({size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
