"""A rough Flesch-Kincaid grade, good enough to keep questions plain."""

from __future__ import annotations

import re

_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    w = word.lower().strip("'")
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", w)
    w = re.sub(r"^y", "", w)
    return max(1, len(_VOWELS.findall(w)))


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of ``text``."""
    sentences = max(1, len(re.findall(r"[.?!]+(?:\s|$)", text)))
    words = re.findall(r"[A-Za-z']+", text)
    if not words:
        return 0.0
    syl = sum(syllables(w) for w in words)
    return 0.39 * len(words) / sentences + 11.8 * syl / len(words) - 15.59


_ES_VOWELS = re.compile(r"[aeiouáéíóúü]+", re.IGNORECASE)
_ES_WEAK = set("iuü")


def spanish_syllables(word: str) -> int:
    """Vowel groups, with strong vowels side by side counted apart (a rough count)."""
    count = 0
    for group in _ES_VOWELS.findall(word.lower()):
        strong = [v for v in group if v not in _ES_WEAK]
        count += max(1, len(strong))
    return max(1, count)


def spanish_ease(text: str) -> float:
    """Szigriszt-Pazos perspicuity (higher is easier; 65 to 80 is "bastante fácil")."""
    sentences = max(1, len(re.findall(r"[.?!]+(?:\s|$)", text)))
    words = re.findall(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+", text)
    if not words:
        return 100.0
    syl = sum(spanish_syllables(w) for w in words)
    return 206.835 - 62.3 * syl / len(words) - len(words) / sentences
