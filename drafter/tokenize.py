"""Chinese word segmentation with jieba and drafter's domain dictionary (loaded lazily)."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import cache
from typing import Any

from drafter.resources import template_path

_WORD_FREQ = 20000  # high enough that a domain term is never split by jieba


@cache
def _tokenizer(extra_words: frozenset[str]) -> Any:
    import jieba  # imported lazily: `drafter --help` and `draft` must not pay for it

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    userdict = template_path("userdict.txt")
    if userdict.exists():
        with userdict.open("rb") as fh:  # jieba leaves a path's file open
            tk.load_userdict(fh)
    for word in sorted(extra_words):
        tk.add_word(word, freq=_WORD_FREQ)
    return tk


def tokenize(text: str, extra_words: Iterable[str] = ()) -> list[str]:
    """Return the words of TEXT (punctuation and spaces dropped), domain terms kept whole."""
    tk = _tokenizer(frozenset(extra_words))
    return [w for w in tk.lcut(text, HMM=False) if w.strip() and not _is_punct(w)]


def _is_punct(word: str) -> bool:
    return all(not (c.isalnum() or "\u4e00" <= c <= "\u9fff") for c in word)
