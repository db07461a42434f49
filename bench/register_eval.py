"""Everyday language against résumé language: the same experiences said two ways.

Two sets, both written before the matcher was run on them:

* ``tests/data/register_pairs.yaml``: pairs (informal / formal) with the lerkit
  competency ids a coach would accept, matched against lerkit's own taxonomy;
* ``tests/data/register_pairs_esco.yaml``: pairs (everyday / résumé) with gold ids in
  ESCO's cross-sector and transversal skills, matched against the whole ESCO skills
  taxonomy (13,896 skills, the dev set's taxonomy file) as a coach would import it, by
  words, by meaning and through lerkit's own competencies (the bridge).

Targets: everyday recall@5 ≥ 0.9 × résumé recall@5 on both; résumé recall@5 ≥ 0.5 on
ESCO. Also runs each set by words only (``lexical``) for comparison. Writes the figures
into ``docs/benchmarks.md`` unless ``--no-write``.

    .venv/bin/python bench/register_eval.py [--minilm-python PY] [--no-write] [--misses]

``--minilm-python`` (a Python with sentence-transformers) also ranks the ESCO skills with
all-MiniLM-L6-v2 (cosine over labels), for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from _setup import REPO, shared_root
from docs_section import write_block
from evalsets import base_taxonomy
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.taxonomy.esco import load_esco
from lerkit.core.taxonomy.model import Taxonomy
from matchers import hybrid, model, own_taxonomy
from metrics import Scores

OWN_PAIRS = REPO / "tests" / "data" / "register_pairs.yaml"
ESCO_PAIRS = REPO / "tests" / "data" / "register_pairs_esco.yaml"
TARGET = 0.9
ESCO_FLOOR = 0.5


@dataclass
class Result:
    """Scores of the two registers, overall and per life area."""

    first: Scores
    second: Scores
    areas: dict[str, tuple[Scores, Scores]]

    def ratio(self) -> float:
        formal = self.second.mean()["R@5"]
        return self.first.mean()["R@5"] / formal if formal else 0.0


def run(matcher: Matcher, pairs: list[dict[str, object]], keys: tuple[str, str], gold: str,
        misses: bool) -> Result:
    result = Result(Scores(), Scores(), {})
    for pair in pairs:
        area = result.areas.setdefault(str(pair["area"]), (Scores(), Scores()))
        wanted = [str(g) for g in pair[gold]]  # type: ignore[attr-defined]
        for n, key in enumerate(keys):
            found = [m.competency_id for m in matcher.match(str(pair[key]), top=10)]
            (result.first, result.second)[n].add(found, wanted)
            area[n].add(found, wanted)
            if misses and not set(found[:5]) & set(wanted):
                print(f"MISS {key}: {pair[key]!r}")
    return result


def transversal_subset() -> Taxonomy:
    """ESCO's cross-sector and transversal skills (4,235), where the gold ids come from."""
    path = shared_root() / "data" / "esco" / "subsets" / (
        "skills_en_crosssector_transversal_subset.csv")
    return next(t for t in load_esco(path) if t.competencies)


def minilm(python: str, pairs: list[dict[str, object]]) -> Result:
    """The register pairs ranked by MiniLM (bench/minilm_baseline.py --pairs)."""
    done = subprocess.run([python, str(REPO / "bench" / "minilm_baseline.py"), "--pairs",
                           str(ESCO_PAIRS)], capture_output=True, text=True, check=True,
                          env={**os.environ, "LER_SHARED": str(shared_root())})
    ranked = json.loads(done.stdout)
    result = Result(Scores(), Scores(), {})
    for n, pair in enumerate(pairs):
        area = result.areas.setdefault(str(pair["area"]), (Scores(), Scores()))
        wanted = [str(g) for g in pair["gold"]]  # type: ignore[attr-defined]
        for k, register in enumerate(("everyday", "resume")):
            (result.first, result.second)[k].add(ranked[register][n], wanted)
            area[k].add(ranked[register][n], wanted)
    return result


def _table(title: str, note: str, names: tuple[str, str], runs: dict[str, Result],
           target: Callable[[Result], str]) -> list[str]:
    lines = [f"#### {title}", "", note, "",
             f"| matcher | {names[0]} R@5 | {names[1]} R@5 | {names[0]} ÷ {names[1]} | hit@5 "
             f"({names[0]}) |", "|---|---:|---:|---:|---:|"]
    for label, r in runs.items():
        a, b = r.first.mean(), r.second.mean()
        lines.append(f"| {label} | {a['R@5']:.3f} | {b['R@5']:.3f} | {r.ratio():.2f} | "
                     f"{a['hit@5']:.3f} |")
    hybrid_run = runs["words and meaning"]
    lines += ["", target(hybrid_run), "", f"| life area | {names[0]} R@5 | {names[1]} R@5 |",
              "|---|---:|---:|"]
    lines += [f"| {area} | {s[0].mean()['R@5']:.2f} | {s[1].mean()['R@5']:.2f} |"
              for area, s in sorted(hybrid_run.areas.items())]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--misses", action="store_true")
    parser.add_argument("--minilm-python", help="a Python with sentence-transformers")
    args = parser.parse_args()
    meaning = model()
    own_pairs = yaml.safe_load(OWN_PAIRS.read_text(encoding="utf-8"))["pairs"]
    esco_pairs = yaml.safe_load(ESCO_PAIRS.read_text(encoding="utf-8"))["pairs"]
    own = {"words and meaning": hybrid(own_taxonomy(), meaning),
           "words only": hybrid(own_taxonomy(), None)}
    esco = base_taxonomy("esco_skill_sentences")
    esco_runs = {
        "words and meaning": hybrid(esco, meaning, bridge_from=own["words and meaning"]),
        "words and meaning, no bridge": hybrid(esco, meaning),
        "words only": hybrid(esco, None, bridge_from=own["words only"]),
    }
    own_results = {k: run(m, own_pairs, ("informal", "formal"), "expected", args.misses)
                   for k, m in own.items()}
    esco_results = {k: run(m, esco_pairs, ("everyday", "resume"), "gold", args.misses)
                    for k, m in esco_runs.items()}
    # The bridge's weights into ESCO were chosen on the odd-numbered pairs (1st, 3rd, ...);
    # the even-numbered ones are held out.
    for label, half in (("odd pairs (bridge weights chosen on these)", esco_pairs[0::2]),
                        ("even pairs (held out)", esco_pairs[1::2])):
        esco_results[f"words and meaning, {label}"] = run(
            esco_runs["words and meaning"], half, ("everyday", "resume"), "gold", False)
    subset = transversal_subset()
    esco_results["words and meaning, against the transversal subset"] = run(
        hybrid(subset, meaning, bridge_from=own["words and meaning"]), esco_pairs,
        ("everyday", "resume"), "gold", False)
    if args.minilm_python:
        esco_results["MiniLM-L6-v2 cosine over labels (for comparison)"] = minilm(
            args.minilm_python, esco_pairs)

    def own_target(r: Result) -> str:
        ok = "meets" if r.ratio() >= TARGET else "MISSES"
        return f"Informal recall@5 is {r.ratio():.0%} of formal (target ≥ {TARGET:.0%}: {ok})."

    def esco_target(r: Result) -> str:
        resume = r.second.mean()["R@5"]
        ok = "meets" if r.ratio() >= TARGET and resume >= ESCO_FLOOR else "MISSES"
        return (f"Everyday recall@5 is {r.ratio():.0%} of résumé recall@5, and résumé "
                f"recall@5 is {resume:.2f} (targets ≥ {TARGET:.0%} and ≥ {ESCO_FLOOR}: {ok}).")

    lines = [
        "### Everyday language against résumé language",
        "",
        *_table("Against ESCO (13,896 skills)",
                f"{len(esco_pairs)} pairs across "
                f"{len({p['area'] for p in esco_pairs})} life areas "
                "(`tests/data/register_pairs_esco.yaml`); gold ids (1-4 a pair) in ESCO's "
                "cross-sector and transversal skills; matched against all ESCO skills (and, "
                "one row, against the 4,235 skills of that subset alone).",
                ("everyday", "résumé"), esco_results, esco_target),
        "",
        *_table("Against lerkit's own taxonomy",
                f"{len(own_pairs)} pairs across {len({p['area'] for p in own_pairs})} life "
                f"areas (`tests/data/register_pairs.yaml`), "
                f"{len(own_taxonomy().competencies)} competencies.",
                ("informal", "formal"), own_results, own_target),
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_block("register_eval", "\n".join(lines))


if __name__ == "__main__":
    main()
