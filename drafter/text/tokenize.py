"""Chinese word segmentation with jieba's dictionary and drafter's domain words (loaded lazily).

Segmentation is jieba's exact algorithm without HMM (the most probable path through the word
graph, ties to the longest word, runs of single ASCII letters and digits joined), re-done here in
one pass per block with the log-probabilities memoised: it gives the same words as
`Tokenizer.lcut(text, HMM=False)` (tests/test_tokenize.py checks it) at about twice the speed,
which is most of the cost of `drafter learn`.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable
from functools import cache, lru_cache
from math import log
from typing import Any

from drafter.resources import template_path
from drafter.text.sentences import split_sentences

_WORD_FREQ = 20000  # high enough that a domain term is never split by jieba
_MEMO_PARAGRAPHS = 1 << 16  # about 2,500 reports; a bigger corpus only tokenizes some twice
# jieba's own block patterns (jieba.re_han_default, re_skip_default, re_eng), spelled out so that
# importing this module does not import jieba.
_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_JOINERS = "+#&._%-"  # the symbols jieba's blocks hold besides letters, digits and Chinese
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class _Segmenter:
    """jieba's dictionary (word → frequency) and the memoised log-probability of each word."""

    def __init__(self, tokenizer: Any) -> None:
        self.freq: dict[str, int] = tokenizer.FREQ
        self.log_total = log(tokenizer.total)
        self.log_prob: dict[str, float] = {}

    def words(self, text: str, *, drop_punctuation: bool = False) -> list[str]:
        """Return the words of TEXT exactly as jieba's `lcut(text, HMM=False)` does.

        With DROP_PUNCTUATION, leave out spaces and words with no letter, digit or Chinese
        character: outside jieba's blocks such words are single characters, inside them runs
        of its joining symbols (+#&._%-).
        """
        out: list[str] = []
        for block in _HAN.split(text):
            if not block:
                continue
            if _HAN.match(block):
                self._cut_block(block, out)
            elif drop_punctuation:
                out.extend(c for c in block if c.isalnum() or "\u4e00" <= c <= "\u9fff")
            else:
                for piece in _SKIP.split(block):
                    if _SKIP.match(piece):
                        out.append(piece)
                    else:
                        out.extend(piece)
        if drop_punctuation:
            return [w for w in out if w[0] not in _JOINERS or w.strip(_JOINERS)]
        return out

    def _lp(self, word: str) -> float:
        lp = self.log_prob[word] = log(self.freq.get(word) or 1) - self.log_total
        return lp

    def _cut_block(self, block: str, out: list[str]) -> None:
        freq, log_prob = self.freq, self.log_prob
        n = len(block)
        score: list[float] = [0.0] * (n + 1)
        end = list(range(n))
        for k in range(n - 1, -1, -1):
            best: float | None = None
            i, frag = k, block[k]
            while i < n and frag in freq:
                if freq[frag]:
                    lp = log_prob.get(frag)
                    s = (self._lp(frag) if lp is None else lp) + score[i + 1]
                    if best is None or s >= best:  # jieba's max((score, end)): ties go long
                        best, end[k] = s, i
                i += 1
                frag = block[k : i + 1]
            if best is None:
                lp = log_prob.get(block[k])
                best = (self._lp(block[k]) if lp is None else lp) + score[k + 1]
            score[k] = best
        x, run = 0, ""
        while x < n:
            y = end[x] + 1
            if y - x == 1 and block[x] in _ASCII_ALNUM:
                run += block[x]
            else:
                if run:
                    out.append(run)
                    run = ""
                out.append(block[x:y])
            x = y
        if run:
            out.append(run)


@cache
def segmenter(extra_words: frozenset[str]) -> _Segmenter:
    """Return the segmenter for EXTRA_WORDS: `.words(text)` gives jieba's words without HMM."""
    return _Segmenter(jieba_tokenizer(extra_words))


@cache
def jieba_tokenizer(extra_words: frozenset[str] = frozenset()) -> Any:
    """Return a jieba Tokenizer with drafter's user dictionary and EXTRA_WORDS loaded."""
    import jieba  # imported lazily: `drafter --help` and `draft` must not pay for it

    # Quiet even on errors: a cache jieba cannot write costs a second, never a traceback.
    jieba.setLogLevel(logging.CRITICAL)
    tk = jieba.Tokenizer()
    tk.tmp_dir = _cache_dir()  # not the shared temp folder, where another user's cache blocks
    userdict = template_path("userdict.txt")
    if userdict.exists():
        with userdict.open("rb") as fh:  # jieba leaves a path's file open
            tk.load_userdict(fh)
    for word in sorted(extra_words):
        tk.add_word(word, freq=_WORD_FREQ)
    tk.check_initialized()
    return tk


def _cache_dir() -> str | None:
    """Return a per-user folder for jieba's dictionary cache, or None (jieba's temp folder)."""
    import os
    from pathlib import Path

    base = os.environ.get("XDG_CACHE_HOME") or os.environ.get("LOCALAPPDATA")
    try:
        folder = (Path(base) if base else Path.home() / ".cache") / "drafter"
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # no home folder, or one that cannot be written
        return None
    return str(folder)


def tokenize(text: str, extra_words: Iterable[str] = ()) -> list[str]:
    """Return the words of TEXT (punctuation and spaces dropped), domain terms kept whole."""
    return segmenter(frozenset(extra_words)).words(text, drop_punctuation=True)


@lru_cache(maxsize=_MEMO_PARAGRAPHS)
def sentence_words(paragraph: str, extra_words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """Return the words of each sentence of PARAGRAPH, as `split_sentences` splits it.

    Joined, they are `tokenize(paragraph)`: sentences end at punctuation, where jieba's blocks
    end too. Memoised because `learn` needs a paragraph's words twice, to classify its section
    and to learn from its sentences; words are interned, so the memo costs little.
    """
    return tuple(
        tuple(sys.intern(w) for w in tokenize(s, extra_words)) for s in split_sentences(paragraph)
    )
