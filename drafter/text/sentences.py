"""Split Chinese report text into sentences and clauses: the one place that knows where they end."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache, lru_cache

# What ends a sentence (full-width after normalising; ASCII as pasted) and what ends a clause.
SENTENCE_ENDS = "。！？；!?"
CLAUSE_ENDS = "，。！？；：、,!?;:"
_SENTENCE_END = re.compile(f"(?<=[{SENTENCE_ENDS}])")
_CLAUSE_END = re.compile(f"(?<=[{CLAUSE_ENDS}])")


def split_sentences(text: str) -> list[str]:
    """Return the sentences of TEXT, each keeping its closing punctuation (。！？；)."""
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def split_clauses(text: str) -> list[str]:
    """Return the clauses of TEXT, split after every comma, enumeration comma or stop."""
    return [s for s in _CLAUSE_END.split(text) if s.strip()]


def sentence_spans(text: str, ends: str = SENTENCE_ENDS) -> list[tuple[int, int]]:
    """Return the (start, end) of each sentence of TEXT, its closing marks (from ENDS) included."""
    return [m.span() for m in _span_pattern(ends).finditer(text)]


def sentence_at(text: str, offset: int) -> str:
    """Return the sentence of TEXT that holds the character at OFFSET."""
    starts, ends = _indexed_spans(text)
    k = bisect_right(starts, offset) - 1
    if k >= 0 and offset < ends[k]:
        return text[starts[k] : ends[k]]
    return text


@lru_cache(maxsize=8)
def _indexed_spans(text: str) -> tuple[list[int], list[int]]:
    """Return the starts and ends of TEXT's sentences, found once per text (a check asks often)."""
    spans = sentence_spans(text)
    return [a for a, _ in spans], [b for _, b in spans]


@cache
def _span_pattern(ends: str) -> re.Pattern[str]:
    chars = re.escape(ends)
    return re.compile(f"[^{chars}]+[{chars}]*|[{chars}]+")
