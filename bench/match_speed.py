"""Matching speed and memory with the full ESCO skills taxonomy (13,896 skills).

In one run, on this machine:

* building the lexical index and the meaning index, writing and reading them back;
* per-query latency (p50 / p95 / p99 / max) of the hybrid matcher (words, meaning and the
  bridge through lerkit's competencies, as ``ler match --taxonomy`` runs it) and of the
  lexical matcher alone, for the dev sentences and spans and for "live typing" (every
  prefix of 40 sentences, as the interview matches while a person types);
* whole processes: ``ler match`` on the imported taxonomy (wall time and peak memory),
  and the start-up of ``ler --help`` and ``ler person list``, with the modules each
  loaded (neither may load the meaning model).

Writes the figures into ``docs/benchmarks.md`` unless ``--no-write``.

    .venv/bin/python bench/match_speed.py [--no-write]
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import dev_dir
from docs_section import write_block
from evalsets import ENRICH, base_taxonomy, load_cases
from lerkit.core.matching import build_index, content_hash, load_index, save_index
from lerkit.core.matching.hybrid import Matcher
from lerkit.core.matching.vectors import (
    build_meaning_index,
    load_meaning_index,
    save_meaning_index,
)
from matchers import hybrid, model, own_taxonomy
from metrics import percentile

TAXONOMY = "esco_skill_sentences"
TARGET_P95_MS = 10.0
TARGET_MEMORY_MB = 300
REPEAT = 3
LER = Path(sys.executable).with_name("ler")


def _latencies(matcher: Matcher, texts: list[str]) -> list[float]:
    """Milliseconds per query, the fastest of ``REPEAT`` runs (the machine is shared: the
    fastest run leaves out time spent waiting for a CPU)."""
    for text in texts[:20]:
        matcher.match(text)
    result = []
    for text in texts:
        runs = []
        for _ in range(REPEAT):
            started = time.perf_counter()
            matcher.match(text, top=10)
            runs.append((time.perf_counter() - started) * 1000)
        result.append(min(runs))
    return result


def _row(name: str, values: list[float]) -> str:
    figures = [percentile(values, p) for p in (0.5, 0.95, 0.99)] + [max(values)]
    return f"| {name} | {len(values)} | " + " | ".join(f"{v:.2f}" for v in figures) + " |"


def _process(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB and stdout of one ``ler`` process (its own peak,
    reported by a small wrapper from inside the process: the kernel's high-water mark of
    the process's memory, ``VmHWM``, which starts afresh at exec; ``ru_maxrss`` would
    carry over the peak of this benchmark, the process that forked it)."""
    code = ("import sys\nsys.argv = ['ler', *sys.argv[1:]]\n"
            "from lerkit.cli import main\ntry:\n    main()\nfinally:\n"
            "    peak = next(line.split()[1] for line in open('/proc/self/status')\n"
            "                if line.startswith('VmHWM:'))\n"
            "    sys.stderr.write(f'\\npeak-kb {peak}\\n')")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, check=False)
    wall = time.perf_counter() - started
    peak = int(done.stderr.rsplit("peak-kb ", 1)[1].split()[0])
    return wall, peak / 1024, done.stdout


def _modules(args: list[str], env: dict[str, str]) -> set[str]:
    code = ("import sys, runpy; sys.argv = ['ler', *sys.argv[1:]]\n"
            "try:\n    runpy.run_module('lerkit', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True,
                          text=True, check=False)
    return set(done.stderr.split())


def whole_processes() -> list[str]:
    """``ler match`` on the imported ESCO taxonomy, and start-up without matching."""
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "LER_HOME": home}
        source = dev_dir() / f"{TAXONOMY}.taxonomy.jsonl"
        subprocess.run([str(LER), "taxonomy", "import", "jsonl", str(source), "--name",
                        "esco-full"], env=env, capture_output=True, check=True)
        text = "I kept the church's books and counted the Sunday offering"
        runs = [_process(["match", "--taxonomy", "esco-full", text], env) for _ in range(5)]
        help_runs = [_process(["--help"], env)[0] for _ in range(5)]
        list_runs = [_process(["person", "list"], env)[0] for _ in range(5)]
        loaded = {name: _modules(args, env) for name, args in
                  (("ler --help", ["--help"]), ("ler person list", ["person", "list"]))}
    walls = sorted(r[0] for r in runs)
    peak = max(r[1] for r in runs)
    lines = [
        f"- `ler match --taxonomy esco-full` (imported, indexes cached), whole process: "
        f"median {walls[len(walls) // 2]:.2f} s; peak memory {peak:.0f} MB "
        f"(target < {TARGET_MEMORY_MB} MB: {'meets' if peak < TARGET_MEMORY_MB else 'MISSES'})",
        f"- start-up: `ler --help` median {sorted(help_runs)[2]:.2f} s, `ler person list` "
        f"median {sorted(list_runs)[2]:.2f} s",
    ]
    for name, modules in loaded.items():
        heavy = sorted(m for m in modules if m.split(".")[0] in ("numpy", "tokenizers")
                       or m == "lerkit.core.matching.meaning")
        lines.append(f"- `{name}` loads {heavy if heavy else 'none of the meaning model'}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    taxonomy = ENRICH[TAXONOMY][1](base_taxonomy(TAXONOMY))
    meaning = model()
    assert meaning is not None, "the meaning model is not available"
    started = time.perf_counter()
    lexical = build_index(taxonomy)
    build_lexical = time.perf_counter() - started
    started = time.perf_counter()
    vectors = build_meaning_index(taxonomy, meaning, content_hash(taxonomy))
    build_meaning = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        lexical_path, meaning_path = Path(folder) / "esco.idx", Path(folder) / "esco.npz"
        save_index(lexical, lexical_path)
        save_meaning_index(vectors, meaning_path)
        sizes = (lexical_path.stat().st_size / 1e6, meaning_path.stat().st_size / 1e6)
        started = time.perf_counter()
        loaded = Matcher(load_index(lexical_path), model=meaning,
                         meaning=load_meaning_index(meaning_path, vectors.content_hash,
                                                    meaning.model_id))
        loaded.match("managd a warehuose, forkl")
        load_s = time.perf_counter() - started
    own = hybrid(own_taxonomy(), meaning)
    both = hybrid(taxonomy, meaning, bridge_from=own)
    words_only = hybrid(taxonomy, None)
    sentences = [c.text for c in load_cases("esco_skill_sentences")]
    spans = [c.text for c in load_cases("esco_skill_spans")]
    typing = []
    for sentence in sentences[:40]:
        words = sentence.split()
        typing += [" ".join(words[:n]) for n in range(1, len(words) + 1)]
    runs = {name: _latencies(both, texts) for name, texts in
            (("job-ad sentences", sentences), ("skill spans", spans),
             ("live typing (prefixes)", typing))}
    lexical_runs = _latencies(words_only, sentences + spans + typing)
    everything = [v for values in runs.values() for v in values]
    p95 = percentile(everything, 0.95)
    lines = [
        "### Speed and memory with the full ESCO skills taxonomy",
        "",
        f"{len(taxonomy.competencies):,} skills with their labels, alternative labels and "
        f"descriptions (`{TAXONOMY}.taxonomy.jsonl`); {platform.python_implementation()} "
        f"{platform.python_version()}, {os.cpu_count()} CPU cores; one query at a time, "
        f"top 10, each timed {REPEAT} times and the fastest kept (the machine is shared).",
        "",
        f"- build: lexical index {build_lexical:.1f} s ({sizes[0]:.1f} MB cached), meaning "
        f"index {build_meaning:.1f} s ({len(vectors.texts):,} texts, {sizes[1]:.1f} MB "
        f"cached); load both and answer a first query: {load_s:.2f} s",
        f"- hybrid (words, meaning, bridge), all queries: p95 {p95:.2f} ms (target ≤ "
        f"{TARGET_P95_MS} ms: {'meets' if p95 <= TARGET_P95_MS else 'MISSES'}); by words "
        f"alone: p95 {percentile(lexical_runs, 0.95):.2f} ms",
        *whole_processes(),
        "",
        "| hybrid, queries | n | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---:|---:|---:|---:|---:|",
        *(_row(name, values) for name, values in runs.items()),
    ]
    print("\n".join(lines))
    if not args.no_write:
        write_block("match_speed", "\n".join(lines))


if __name__ == "__main__":
    main()
