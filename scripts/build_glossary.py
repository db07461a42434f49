"""Build the Spanish -> English word list that ships inside lerkit
(``src/lerkit/data/glossary-es.json``; see ``lerkit.core.matching.glossary``).

    python scripts/build_glossary.py [--out FILE] [--check]

Learnt from lerkit's own texts written in both languages: the message catalogs
(``src/lerkit/locale/es/*.po``), the taxonomy's labels, descriptions, alternative labels
and phrasings (``taxonomies/lerkit`` and ``taxonomies/lerkit/es``) and the interview
prompts (``prompts`` and ``prompts/es``). No evaluation set is read. Same input, same
bytes; ``--check`` fails when the shipped file is not what the texts give now.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from lerkit.core.matching.glossary import learn, write  # noqa: E402
from lerkit.core.matching.lexicon import STOP_WORDS  # noqa: E402
from lerkit.core.matching.spanish import SPANISH  # noqa: E402
from lerkit.core.matching.text import tokenize  # noqa: E402

OUT = REPO / "src" / "lerkit" / "data" / "glossary-es.json"
SOURCES = ("lerkit's message catalogs, taxonomy texts and interview prompts, in English "
           "and Spanish")
Pair = tuple[str, str]


def _catalogs() -> list[Pair]:
    pairs = []
    for path in sorted((REPO / "src" / "lerkit" / "locale" / "es").glob("*.po")):
        with path.open("rb") as handle:
            for message in read_po(handle):
                if message.id and message.string:
                    ids = message.id if isinstance(message.id, tuple) else (message.id,)
                    said = (message.string if isinstance(message.string, tuple)
                            else (message.string,))
                    pairs.append((" ".join(ids), " ".join(said)))
    return pairs


def _taxonomy() -> list[Pair]:
    english: dict[str, dict[str, Any]] = {}
    folder = REPO / "taxonomies" / "lerkit"
    for path in sorted(folder.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")).get("competencies") or []:
            english[entry["id"]] = entry
    pairs = []
    for path in sorted((folder / "es").glob("*.yaml")):
        found = yaml.safe_load(path.read_text(encoding="utf-8")).get("competencies") or {}
        for cid, es in sorted(found.items()):
            en = english.get(cid)
            if en is None:
                continue
            pairs.append((en["label"], es["label"]))
            pairs.append((en.get("description", ""), es.get("description", "")))
            for key in ("alt_labels", "phrasings"):  # the same skill, not word for word
                pairs.append((" ; ".join(en.get(key, [])), " ; ".join(es.get(key, []))))
    return pairs


def _walk(en: object, es: object, pairs: list[Pair]) -> None:
    if isinstance(en, str) and isinstance(es, str):
        pairs.append((en, es))
    elif isinstance(en, dict) and isinstance(es, dict):
        for key in es:
            if key in en:
                _walk(en[key], es[key], pairs)
    elif isinstance(en, list) and isinstance(es, list) and len(en) == len(es):
        for a, b in zip(en, es, strict=True):
            _walk(a, b, pairs)


def _prompts() -> list[Pair]:
    pairs: list[Pair] = []
    for path in sorted((REPO / "prompts" / "es").glob("*.yaml")):
        english = REPO / "prompts" / path.name
        _walk(yaml.safe_load(english.read_text(encoding="utf-8")),
              yaml.safe_load(path.read_text(encoding="utf-8")), pairs)
    return pairs


def _english_words(text: str) -> list[str]:
    return [t.word for t in tokenize(text)
            if t.term and t.word.isalpha() and t.word not in STOP_WORDS]


def _spanish_stems(text: str) -> list[str]:
    return [t.term for t in tokenize(text, SPANISH) if t.term]


def build() -> dict[str, list[list[object]]]:
    """The word list the project's texts give now."""
    pairs = _catalogs() + _taxonomy() + _prompts()
    return learn((_spanish_stems(es), _english_words(en)) for en, es in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    words = build()
    if args.check:
        probe = args.out.with_suffix(".check")
        write(words, probe, SOURCES)
        same = probe.read_bytes() == args.out.read_bytes()
        probe.unlink()
        if not same:
            sys.exit(f"{args.out} is out of date: run scripts/build_glossary.py")
        return
    write(words, args.out, SOURCES)
    print(f"{len(words)} Spanish stems -> {args.out}")


if __name__ == "__main__":
    main()
