"""Breadth on a fresh install: everyday sentences about work in every occupation group.

``tests/data/breadth_sentences.yaml`` holds sentences written in workers' words, spread
over the 23 major groups of the US occupational classification, each with the O*NET
Detailed Work Activities a career coach would accept. The default search (lerkit's own
taxonomy and the shipped DWAs, nothing imported) must put an accepted DWA, or a lerkit
competency whose crosswalk names one, in the top 3 for at least 80% of them. Also reports
the same with lerkit's taxonomy alone (what a fresh install offered before), and writes
the figures into ``docs/benchmarks.md`` unless ``--no-write``.

    .venv/bin/python bench/breadth_eval.py [--no-write] [--misses] [--lexical]
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from collections.abc import Callable, Sequence

import yaml

from _setup import REPO
from docs_section import write_block
from lerkit.core.matching.types import Match
from matchers import default_search, hybrid, model, own_taxonomy

SENTENCES = REPO / "tests" / "data" / "breadth_sentences.yaml"
TARGET = 0.8
TOP = 3


def accepted(found: Sequence[Match], accept: set[str], crosswalks: dict[str, set[str]]) -> bool:
    """Whether any match is an accepted DWA or a lerkit competency aligned to one."""
    return any(m.competency_id in accept or crosswalks.get(m.competency_id, set()) & accept
               for m in found)


def run(search: Callable[[str], list[Match]], cases: list[dict[str, object]],
        crosswalks: dict[str, set[str]], misses: bool) -> tuple[float, dict[str, list[bool]]]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for case in cases:
        found = search(str(case["text"]))[:TOP]
        ok = accepted(found, set(case["accept"]), crosswalks)  # type: ignore[arg-type]
        groups[str(case["group"])].append(ok)
        if misses and not ok:
            print(f"MISS [{case['group']}] {case['text']}")
            for m in found:
                print(f"     {m.score:5.1f} {m.taxonomy}:{m.label}  ({m.why[:70]})")
    hits = [ok for oks in groups.values() for ok in oks]
    return sum(hits) / len(hits), groups


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--lexical", action="store_true")
    args = parser.parse_args()
    cases = yaml.safe_load(SENTENCES.read_text(encoding="utf-8"))["sentences"]
    crosswalks = {c.id: set(c.crosswalk.get("onet_dwa", [])) for c in own_taxonomy().competencies}
    meaning = model(args.lexical)
    both = default_search(meaning)
    own_only = hybrid(own_taxonomy(), meaning)
    share, groups = run(lambda t: both.match(t, top=TOP), cases, crosswalks, args.misses)
    own_share, _ = run(lambda t: own_only.match(t, top=TOP), cases, crosswalks, False)
    verdict = "meets" if share >= TARGET else "BELOW"
    rows = ["| SOC major group | sentences | accepted in top 3 |", "|---|---:|---:|"]
    rows += [f"| {g} | {len(v)} | {sum(v)} |" for g, v in sorted(groups.items())]
    body = "\n".join([
        "### Breadth: every trade on a fresh install",
        "",
        f"{len(cases)} everyday sentences about work in all 23 SOC major groups "
        "(`tests/data/breadth_sentences.yaml`), written before the matcher was run on them, "
        "each with the O*NET DWAs a career coach would accept. Default search (lerkit's "
        "taxonomy and the shipped DWAs, nothing imported); a lerkit competency counts when "
        "its crosswalk names an accepted DWA.",
        "",
        f"- default search: {share:.0%} have an accepted suggestion in the top {TOP} "
        f"(target ≥ {TARGET:.0%}: {verdict})",
        f"- lerkit's own taxonomy alone (a fresh install before the DWAs shipped): "
        f"{own_share:.0%}",
        "",
        *rows,
    ])
    print(body)
    if not args.no_write:
        write_block("breadth_eval", body)


if __name__ == "__main__":
    main()
