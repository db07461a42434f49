"""A privacy check before export: passages that name a health condition, a disability,
a child or a religion, found with word lists a coach can read (docs/privacy-check.md),
and the person's choice for each: keep it, leave it out, or reword it."""

from __future__ import annotations

from lerkit.core.privacy.choices import (
    Action,
    Choice,
    left_out_together,
    merge_omit,
    omissions,
    reworded,
)
from lerkit.core.privacy.finder import Hit
from lerkit.core.privacy.passages import Passage, find_passages
from lerkit.core.privacy.words import WordLists, load_word_lists

__all__ = ["Action", "Choice", "Hit", "Passage", "WordLists", "find_passages",
           "left_out_together", "load_word_lists", "merge_omit", "omissions", "reworded"]
