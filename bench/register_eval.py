"""Everyday language against formal language, on lerkit's own taxonomy.

``tests/data/register_pairs.yaml`` holds pairs of the same experience said informally
("kept an eye on the twins next door ...") and formally ("Provided after-school
childcare ..."), each with the competency ids a coach would accept. This reports
recall@1, recall@5 and hit@5 for each register, per life area and overall. Target:
informal recall@5 ≥ 90% of formal recall@5. Writes the figures into
``docs/benchmarks.md`` (Matching section) unless ``--no-write``.

    .venv/bin/python bench/register_eval.py [--no-write] [--misses]
"""

from __future__ import annotations

import argparse

import yaml

from _setup import REPO
from docs_section import write_block
from lerkit.core.matching import build_index
from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml
from metrics import Scores

PAIRS = REPO / "tests" / "data" / "register_pairs.yaml"
TARGET = 0.9


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--misses", action="store_true", help="print the cases missed at 5")
    args = parser.parse_args()
    taxonomy = load_lerkit_yaml(REPO / "taxonomies" / "lerkit")
    index = build_index(taxonomy)
    pairs = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["pairs"]
    overall = {"informal": Scores(), "formal": Scores()}
    by_area: dict[str, dict[str, Scores]] = {}
    for pair in pairs:
        area = by_area.setdefault(pair["area"], {"informal": Scores(), "formal": Scores()})
        for register in ("informal", "formal"):
            found = [m.competency_id for m in index.match(pair[register], top=10)]
            overall[register].add(found, pair["expected"])
            area[register].add(found, pair["expected"])
            if args.misses and not set(found[:5]) & set(pair["expected"]):
                want = pair["expected"]
                print(f"MISS {register}: {pair[register]!r} -> {found[:5]} (want {want})")
    informal, formal = overall["informal"].mean(), overall["formal"].mean()
    ratio = informal["R@5"] / formal["R@5"] if formal["R@5"] else 0.0
    lines = [
        "### Everyday language: informal against formal wording",
        "",
        f"{len(pairs)} pairs across {len(by_area)} life areas (`tests/data/register_pairs.yaml`),",
        f"matched against lerkit's own taxonomy ({len(taxonomy.competencies)} competencies,",
        "labels, alternative labels, everyday phrasings and descriptions). The pairs were",
        "written apart from the taxonomy's own phrasings (none is a near copy of one).",
        "",
        "| register | R@1 | R@5 | hit@5 |",
        "|---|---:|---:|---:|",
        *(
            f"| {name} | {s['R@1']:.3f} | {s['R@5']:.3f} | {s['hit@5']:.3f} |"
            for name, s in (("informal", informal), ("formal", formal))
        ),
        "",
        f"Informal recall@5 is {ratio:.0%} of formal (target ≥ {TARGET:.0%}: "
        f"{'meets' if ratio >= TARGET else 'MISSES'}).",
        "",
        "| life area | informal R@5 | formal R@5 |",
        "|---|---:|---:|",
        *(
            f"| {area} | {s['informal'].mean()['R@5']:.2f} | {s['formal'].mean()['R@5']:.2f} |"
            for area, s in sorted(by_area.items())
        ),
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_block("register_eval", "\n".join(lines))


if __name__ == "__main__":
    main()
