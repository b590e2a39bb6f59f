"""Chinese word segmentation with jieba's dictionary and drafter's domain words (loaded lazily).

Segmentation is jieba's exact algorithm without HMM (the most probable path through the word
graph, ties to the longest word, runs of single ASCII letters and digits joined), re-done here in
one pass per block with the log-probabilities memoised: it gives the same words as
`Tokenizer.lcut(text, HMM=False)` (tests/test_tokenize.py checks it) at about twice the speed,
which is most of the cost of `drafter learn`.

jieba's dictionary (350,000 words, 1.5 s to load whole) is read lazily: built once into a
per-user cache file grouped by first character (`_LazyDictionary`), each text loads only the
groups of the characters it contains, and drafter's own words are laid over them in jieba's
order. jieba itself is imported only to compare against it (tests) and never to segment.
"""

from __future__ import annotations

import importlib.util
import logging
import marshal
import re
import sys
from array import array
from collections.abc import Iterable
from functools import cache
from itertools import pairwise
from math import log
from pathlib import Path
from typing import Any

from drafter.resources import template_path
from drafter.text.sentences import split_sentences
from drafter.usercache import cache_dir, read_cache, write_cache

_WORD_FREQ = 20000  # high enough that a domain term is never split by jieba
_MEMO_BLOCKS = 1 << 18  # distinct blocks remembered: 1,000 reports hold about 60,000
# jieba's own block patterns (jieba.re_han_default, re_skip_default, re_eng), spelled out so that
# importing this module does not import jieba.
_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)")
_SKIP = re.compile("(\r\n|\\s)")
_JOINERS = "+#&._%-"  # the symbols jieba's blocks hold besides letters, digits and Chinese
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


_USER_LINE = re.compile("^(.+?)( [0-9]+)?( [a-z]+)?$")  # jieba's re_userdict
_CACHE_FORMAT = 2
_MAGIC = b"DRJ2"
_BUCKET_MASK = 0xFFFF  # 65,536 buckets of about 8 entries


def _jieba_dictionary() -> Path:
    """Return jieba's dictionary file (dict.txt), found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba")
    return Path(next(iter(spec.submodule_search_locations))) / "dict.txt"


def _bucket(word: str) -> int:
    """Return the bucket of a word of two or more characters: a hash of its first two."""
    return (ord(word[0]) * 65599 + ord(word[1])) & _BUCKET_MASK


def _build_cache(dictionary: bytes) -> bytes:
    """Return jieba's prefix dictionary (gen_pfdict) as a cache file: single characters whole,
    longer entries in buckets by their first two characters, each bucket marshalled apart."""
    freq: dict[str, int] = {}
    total = 0
    for raw in dictionary.splitlines():
        line = raw.strip().decode("utf-8")
        if not line:
            continue
        word, written = line.split(" ")[:2]
        freq[word] = int(written)
        total += int(written)
        for end in range(1, len(word) + 1):
            freq.setdefault(word[:end], 0)
    singles = {w: c for w, c in freq.items() if len(w) == 1}
    buckets: list[dict[str, int]] = [{} for _ in range(_BUCKET_MASK + 1)]
    for word, count in freq.items():
        if len(word) > 1:
            buckets[_bucket(word)][word] = count
    parts = [marshal.dumps(b) if b else b"" for b in buckets]
    offsets = array("Q", [0])
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    head = marshal.dumps((total, singles))
    return b"".join([_MAGIC, len(head).to_bytes(8, "little"), head, offsets.tobytes(), *parts])


class _LazyDictionary:
    """jieba's prefix dictionary from the cache file, a bucket of words read when first needed.

    The file is named after the dictionary's size and modification time (as Python names
    its .pyc files), so a changed dictionary gets a new one; with no usable cache folder it
    is built in memory (as slow as jieba, once per run).
    """

    def __init__(self) -> None:
        path = _jieba_dictionary()
        stat = path.stat()
        name = f"jieba-{_CACHE_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.dict"
        blob = read_cache(name)
        if blob is None or not blob.startswith(_MAGIC):
            blob = _build_cache(path.read_bytes())
            write_cache(name, blob)
        size = int.from_bytes(blob[4:12], "little")
        self.total, self.singles = marshal.loads(blob[12 : 12 + size])
        self.offsets = array("Q")
        self.offsets.frombytes(blob[12 + size : 12 + size + 8 * (_BUCKET_MASK + 2)])
        self.blob, self.base = blob, 12 + size + 8 * (_BUCKET_MASK + 2)

    def bucket(self, number: int) -> dict[str, int]:
        """Return the entries (word or prefix → frequency, 0 for a prefix) of bucket NUMBER."""
        start, end = self.offsets[number], self.offsets[number + 1]
        if start == end:
            return {}
        words: dict[str, int] = marshal.loads(self.blob[self.base + start : self.base + end])
        return words


@cache
def _dictionary() -> _LazyDictionary:
    return _LazyDictionary()


def _user_words(extra_words: frozenset[str]) -> list[tuple[str, int]] | None:
    """Return drafter's user dictionary then EXTRA_WORDS as (word, frequency), in jieba's order.

    None when a user-dictionary line has no frequency (jieba would compute one by segmenting).
    """
    added: list[tuple[str, int]] = []
    userdict = template_path("userdict.txt")
    if userdict.exists():
        for raw in userdict.read_bytes().splitlines():
            line = raw.strip().decode("utf-8").lstrip("\ufeff")
            if not line:
                continue
            match = _USER_LINE.match(line)
            assert match is not None  # at least one character
            word, count, _tag = match.groups()
            if count is None:
                return None
            added.append((word, int(count.strip())))
    added.extend((word, _WORD_FREQ) for word in sorted(extra_words))
    return added


class _Segmenter:
    """jieba's dictionary (word → frequency) and the memoised log-probability of each word.

    FREQ holds only the groups of the characters seen so far (`_load`).
    """

    def __init__(self, extra_words: frozenset[str]) -> None:
        added = _user_words(extra_words)
        self.freq: dict[str, int]
        self.lazy: _LazyDictionary | None = None
        if added is None:  # jieba must compute a frequency: load its whole dictionary
            tokenizer = jieba_tokenizer(extra_words)
            self.freq, total = tokenizer.FREQ, tokenizer.total
        else:
            self.lazy = _dictionary()
            self.freq = dict(self.lazy.singles)
            total = self.lazy.total + sum(c for _, c in added)
            self.added: dict[int, list[tuple[str, int]]] = {}
            for word, count in added:  # jieba's add_word, for single characters now
                if len(word) == 1:
                    self.freq[word] = count
                else:
                    self.freq.setdefault(word[0], 0)
                    self.added.setdefault(_bucket(word), []).append((word, count))
        self.log_total = log(total)
        self.log_prob: dict[str, float] = {}
        self.loaded: set[int] = set()
        self.pairs: set[str] = set()  # character pairs whose bucket is loaded
        self.cuts: dict[str, tuple[str, ...]] = {}  # block → its words (`_cut`)
        self.kept: dict[str, tuple[str, ...]] = {}  # block → its words but punctuation

    def _load(self, text: str) -> None:
        """Add to FREQ the buckets of TEXT's character pairs not loaded yet, drafter's words over."""
        assert self.lazy is not None
        # Pairs seen before are skipped without hashing them into buckets: this runs per new block.
        new = {a + b for a, b in pairwise(text)} - self.pairs
        if not new:
            return
        self.pairs |= new
        freq = self.freq
        for number in {_bucket(pair) for pair in new} - self.loaded:
            freq.update(self.lazy.bucket(number))
            for word, count in self.added.get(number, ()):  # jieba's add_word
                freq[word] = count
                for end in range(2, len(word)):
                    freq.setdefault(word[:end], 0)
            self.loaded.add(number)

    def words(self, text: str, *, drop_punctuation: bool = False) -> list[str]:
        """Return the words of TEXT exactly as jieba's `lcut(text, HMM=False)` does.

        With DROP_PUNCTUATION, leave out spaces and words with no letter, digit or Chinese
        character: outside jieba's blocks such words are single characters, inside them runs
        of its joining symbols (+#&._%-).
        """
        if drop_punctuation:
            return self.content_words(text)
        out: list[str] = []
        for block in _HAN.split(text):
            if not block:
                continue
            if _HAN.match(block):
                cut = self.cuts.get(block)
                if cut is None:
                    cut = self._cut(block)
                out.extend(cut)
            else:
                for piece in _SKIP.split(block):
                    if _SKIP.match(piece):
                        out.append(piece)
                    else:
                        out.extend(piece)
        return out

    def content_words(self, text: str) -> list[str]:
        """Return the words of TEXT without spaces and punctuation (`words`, DROP_PUNCTUATION).

        Outside jieba's blocks such words are single characters, inside them runs of its
        joining symbols (+#&._%-). Each block's words are remembered, interned.
        """
        out: list[str] = []
        kept = self.kept
        for block in _HAN.split(text):
            if block:
                words = kept.get(block)
                if words is None:
                    words = self._kept_words(block)
                out.extend(words)
        return out

    def _kept_words(self, block: str) -> tuple[str, ...]:
        if _HAN.match(block):
            cut: list[str] | tuple[str, ...] | None = self.cuts.get(block)
            if cut is None:  # not kept in `cuts` too: this memo serves
                if self.lazy is not None:
                    self._load(block)
                cut = []
                self._cut_block(block, cut)
            words = [w for w in cut if w[0] not in _JOINERS or w.strip(_JOINERS)]
        else:
            words = [c for c in block if c.isalnum() or "\u4e00" <= c <= "\u9fff"]
        if len(self.kept) >= _MEMO_BLOCKS:
            self.kept.clear()  # a bound on memory; the words stay the same
        kept = self.kept[block] = tuple(sys.intern(w) for w in words)
        return kept

    def _lp(self, word: str) -> float:
        lp = self.log_prob[word] = log(self.freq.get(word) or 1) - self.log_total
        return lp

    def _cut(self, block: str) -> tuple[str, ...]:
        """Return BLOCK's words, remembered: reports repeat their clauses, a corpus far more."""
        if self.lazy is not None:  # a block's words lie in the buckets of its own pairs
            self._load(block)
        out: list[str] = []
        self._cut_block(block, out)
        if len(self.cuts) >= _MEMO_BLOCKS:
            self.cuts.clear()  # a bound on memory; the words stay the same
        cut = self.cuts[block] = tuple(out)
        return cut

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
    return _Segmenter(extra_words)


@cache
def jieba_tokenizer(extra_words: frozenset[str] = frozenset()) -> Any:
    """Return a jieba Tokenizer with drafter's user dictionary and EXTRA_WORDS loaded."""
    import jieba  # only to compare against (tests), or for a user word without a frequency

    # Quiet even on errors: a cache jieba cannot write costs a second, never a traceback.
    jieba.setLogLevel(logging.CRITICAL)
    tk = jieba.Tokenizer()
    folder = cache_dir()
    if folder is not None:  # jieba's own cache beside drafter's, not in the shared temp folder
        tk.tmp_dir = str(folder)
    userdict = template_path("userdict.txt")
    if userdict.exists():
        with userdict.open("rb") as fh:  # jieba leaves a path's file open
            tk.load_userdict(fh)
    for word in sorted(extra_words):
        tk.add_word(word, freq=_WORD_FREQ)
    tk.check_initialized()
    return tk


def tokenize(text: str, extra_words: Iterable[str] = ()) -> list[str]:
    """Return the words of TEXT (punctuation and spaces dropped), domain terms kept whole."""
    return segmenter(frozenset(extra_words)).words(text, drop_punctuation=True)


def sentence_words(paragraph: str, extra_words: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """Return the words of each sentence of PARAGRAPH, as `split_sentences` splits it.

    Joined, they are `tokenize(paragraph)`: sentences end at punctuation, where jieba's blocks
    end too. The words come interned, and each block's are remembered (`content_words`): a
    paragraph seen again costs a lookup per block.
    """
    words = segmenter(extra_words).content_words
    return tuple(tuple(words(s)) for s in split_sentences(paragraph))
