"""Split Chinese report text into sentences and clauses."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[。！？；!?])")
_CLAUSE_END = re.compile(r"(?<=[，。！？；：、,!?;:])")


def split_sentences(text: str) -> list[str]:
    """Return the sentences of TEXT, each keeping its closing punctuation (。！？；)."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def split_clauses(text: str) -> list[str]:
    """Return the clauses of TEXT, split after every comma, enumeration comma or stop."""
    return [s for s in _CLAUSE_END.split(text) if s.strip()]
