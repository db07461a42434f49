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
from functools import lru_cache

import yaml

from _setup import REPO
from docs_section import write_block
from lerkit.core.interview import load_bank
from lerkit.core.matching.shortlist import close_to_best
from lerkit.core.matching.types import Match
from matchers import default_search, hybrid, model, own_taxonomy

SENTENCES = REPO / "tests" / "data" / "breadth_sentences.yaml"
OWN_PAIRS = REPO / "tests" / "data" / "register_pairs.yaml"
JUDGMENTS = REPO / "tests" / "data" / "breadth_judgments.yaml"
TARGET = 0.8
TOP = 3


def accepted(found: Sequence[Match], accept: set[str], crosswalks: dict[str, set[str]]) -> bool:
    """Whether any match is an accepted DWA or a lerkit competency aligned to one."""
    return any(m.competency_id in accept or crosswalks.get(m.competency_id, set()) & accept
               for m in found)


@lru_cache(maxsize=4)
def areas(group: str) -> tuple[str, ...]:
    """The skill areas of the part of the interview the sentence is an answer to: military
    service for the military group, jobs for the rest."""
    return load_bank(REPO / "prompts").module("military" if group == "55" else
                                              "paid-work").skill_areas


def verdicts() -> dict[tuple[int, str], str]:
    """(sentence number, suggestion id) -> the coach's verdict."""
    found = {}
    for item in yaml.safe_load(JUDGMENTS.read_text(encoding="utf-8"))["judgments"]:
        for kind in ("right", "related", "absurd"):
            found.update({(item["n"], cid): kind for cid in item.get(kind, [])})
    return found


def absurd_share(cases: list[dict[str, object]], search: Callable[[str, tuple[str, ...]],
                 list[Match]], deeper: int = 12) -> tuple[float, float]:
    """The share of judged suggestions judged absurd in the top 3, and at ranks 4 to
    ``deeper`` (how much better the top of the ranking is than what is under it)."""
    judged_as = verdicts()
    counts = {"top": [0, 0], "under": [0, 0]}
    for number, case in enumerate(cases, start=1):
        found = search(str(case["text"]), areas(str(case["group"])))[:deeper]
        for rank, m in enumerate(found):
            kind = judged_as.get((number, m.competency_id))
            if kind is not None:
                where = counts["top" if rank < TOP else "under"]
                where[0] += kind == "absurd"
                where[1] += 1
    return (counts["top"][0] / max(1, counts["top"][1]),
            counts["under"][0] / max(1, counts["under"][1]))


def judged(cases: list[dict[str, object]], shown: list[list[Match]]) -> tuple[int, int, int]:
    """(sentences whose top 3 holds a suggestion a coach judged absurd, sentences with one
    judged right, suggestions not judged yet)."""
    verdicts_of = verdicts()
    absurd = right = unjudged = 0
    for number, found in enumerate(shown, start=1):
        kinds = [verdicts_of.get((number, m.competency_id)) for m in found]
        absurd += "absurd" in kinds
        right += "right" in kinds
        unjudged += kinds.count(None)
    return absurd, right, unjudged


def run(search: Callable[[str, tuple[str, ...]], list[Match]], cases: list[dict[str, object]],
        crosswalks: dict[str, set[str]], misses: bool,
        shown: list[list[Match]] | None = None) -> tuple[float, dict[str, list[bool]]]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for case in cases:
        found = search(str(case["text"]), areas(str(case["group"])))[:TOP]
        if shown is not None:
            shown.append(found)
        ok = accepted(found, set(case["accept"]), crosswalks)  # type: ignore[arg-type]
        groups[str(case["group"])].append(ok)
        if misses and not ok:
            print(f"MISS [{case['group']}] {case['text']}")
            for m in found:
                print(f"     {m.score:5.1f} {m.taxonomy}:{m.label}  ({m.why[:70]})")
    hits = [ok for oks in groups.values() for ok in oks]
    return sum(hits) / len(hits), groups


def _own_areas(both: object, own_only: object) -> tuple[int, float, float]:
    """hit@5 of the informal register pairs: lerkit alone, and the default search."""
    pairs = yaml.safe_load(OWN_PAIRS.read_text(encoding="utf-8"))["pairs"]
    crosswalks = {c.id: set(c.crosswalk.get("onet_dwa", [])) for c in own_taxonomy().competencies}
    hits = {"own": 0, "both": 0}
    for pair in pairs:
        wanted = set(pair["expected"])
        reach = wanted | {d for c in wanted for d in crosswalks.get(c, set())}
        for name, search in (("own", own_only), ("both", both)):
            found = search.match(pair["informal"], top=5)  # type: ignore[attr-defined]
            hits[name] += any(m.competency_id in reach for m in found)
    return len(pairs), hits["own"] / len(pairs), hits["both"] / len(pairs)


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
    shown: list[list[Match]] = []
    share, groups = run(lambda t, a: close_to_best(both.match(t, top=TOP, areas=a)), cases,
                        crosswalks, args.misses, shown)
    absurd, right, unjudged = judged(cases, shown)
    top_share, under_share = absurd_share(cases, lambda t, a: both.match(t, top=12, areas=a))
    own_share, _ = run(lambda t, a: own_only.match(t, top=TOP, areas=a), cases, crosswalks,
                       False)
    verdict = "meets" if share >= TARGET else "BELOW"
    own_areas = _own_areas(both, own_only)
    rows = ["| SOC major group | sentences | accepted in top 3 |", "|---|---:|---:|"]
    rows += [f"| {g} | {len(v)} | {sum(v)} |" for g, v in sorted(groups.items())]
    body = "\n".join([
        "### Breadth: every trade on a fresh install",
        "",
        f"{len(cases)} everyday sentences about work in all 23 SOC major groups "
        "(`tests/data/breadth_sentences.yaml`), written before the matcher was run on them, "
        "each with the O*NET DWAs a career coach would accept. Default search (lerkit's "
        "taxonomy and the shipped DWAs, nothing imported), as the interview asks it: with "
        "the skill areas of the jobs part (military service for group 55), and as it "
        "shows the answer's suggestions (those close to the best one); a lerkit "
        "competency counts when its crosswalk names an accepted DWA.",
        "",
        f"- default search: {share:.0%} have an accepted suggestion in the top {TOP} "
        f"(target ≥ {TARGET:.0%}: {verdict})",
        f"- lerkit's own taxonomy alone (a fresh install before the DWAs shipped): "
        f"{own_share:.0%}",
        f"- a career coach's verdicts on the suggestions (`tests/data/breadth_judgments.yaml`,"
        f" given independently of the matcher): {right} of {len(cases)} sentences have one "
        f"judged right in the top {TOP}; {absurd} have one judged absurd (target: none; "
        f"{'meets' if absurd == 0 else 'MISSES'}); {unjudged} suggestions shown now were not "
        "judged; of all the suggestions in the top 3, "
        f"{top_share:.0%} were judged absurd, against {under_share:.0%} at ranks 4 to 12",
        "",
        f"- lerkit's own areas (the {own_areas[0]} informal sentences of "
        "`tests/data/register_pairs.yaml`), hit@5: lerkit's taxonomy alone "
        f"{own_areas[1]:.3f}, default search {own_areas[2]:.3f} (a DWA counts when an "
        "expected competency crosswalks to it; target: no worse)",
        "",
        *rows,
    ])
    print(body)
    if not args.no_write:
        write_block("breadth_eval", body)


if __name__ == "__main__":
    main()
