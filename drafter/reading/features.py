"""The features the heading classifier sees: heading characters, body characters and structure.

Training (drafter.learning.train) and classifying call the same function, so the two cannot drift.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from drafter.catalogue import CategorySpec, load_categories
from drafter.reading.model import Section

_DIGITS = re.compile(r"\d+")
_BODY_CHARS = 150  # the start of a section's own text says what it is about
_NGRAMS = (1, 2, 3)
SHARED = "@"  # marks a feature "kind:category" whose weight is shared by all categories


def numbering_kind(number: str | None) -> str:
    """Return the kind of a canonical section number: 一、 （一） 1. （1） 一是, or none."""
    if not number:
        return "none"
    if number.endswith("是"):
        return "item"
    if number.endswith("、"):
        return "cn"
    if number.endswith("."):
        return "digit"
    if number[1:2].isdigit():
        return "pdigit"
    return "pcn"


def section_features(
    section: Section, parent_category: str | None, index: int, n_siblings: int
) -> list[str]:
    """Return the names of the binary features of SECTION in its place in the outline."""
    feats = [
        f"lv:{min(section.level, 4)}",
        f"num:{numbering_kind(section.number)}",
        f"pos:{min(index, 5)}",
        f"par:{parent_category or 'top'}",
        f"kids:{_bucket(len(section.children))}",
        f"sibs:{_bucket(n_siblings)}",
    ]
    if index == n_siblings - 1:
        feats.append("last")
    title = _DIGITS.sub("0", section.title)
    if not title:
        feats.append("notitle")
    feats.extend(_ngrams("t", f"^{title}$"))
    body = _DIGITS.sub("0", "".join(section.paragraphs)[:_BODY_CHARS])
    feats.extend(_ngrams("b", body, sizes=(2,)))
    for child in section.children[:4]:
        feats.extend(_ngrams("c", _DIGITS.sub("0", child.title), sizes=(2,)))
    lexicon = lexicon_features(section)
    feats.extend(lexicon)
    # The same evidence tied to the category it names ("@tk0:digital" adds one weight, learned
    # from every heading, to digital's score): what the table knows carries to rare categories.
    feats.extend(f"{SHARED}{f}" for f in lexicon if ":" in f and not f.startswith("spread"))
    if parent_category is not None:
        feats.append(f"{SHARED}par:{parent_category}")
    return sorted(set(feats))


def lexicon_features(section: Section) -> list[str]:
    """Return features from the category table: cue words and keywords of title, body, children.

    They carry what templates/categories.yaml knows to categories the labelled data rarely shows.
    """
    table = _lexicon()
    title = section.title
    feats = [f"tw:{c}" for c in table.title_word_categories(title)]
    feats.extend(f"tk{rank}:{c}" for rank, c in enumerate(table.best(title)))
    body = "".join(section.paragraphs)
    feats.extend(f"bk{rank}:{c}" for rank, c in enumerate(table.best(body)))
    if section.children:
        spread = set()
        for child in section.children:
            top = table.best(child.title + "".join(child.paragraphs))[:1]
            spread.update(top)
            feats.extend(f"ck:{c}" for c in top)
        feats.append(f"spread:{_bucket(len(spread))}")
    return feats


class _Lexicon:
    """The category table indexed for look-ups: which words a text holds, tested once per word.

    A word is tested only when its first character is in the text, and a category's score is
    summed only when one of its keywords is there; the sums are the same as over every keyword.
    """

    def __init__(self, specs: dict[str, CategorySpec]) -> None:
        self.specs = specs
        self._title_words = [(c, frozenset(s.title_words)) for c, s in specs.items()]
        self._keywords = [
            (c, tuple(s.keywords.items()), frozenset(s.keywords)) for c, s in specs.items()
        ]
        self._title_index = _by_first_char(w for s in specs.values() for w in s.title_words)
        self._keyword_index = _by_first_char(k for s in specs.values() for k in s.keywords)

    def title_word_categories(self, title: str) -> list[str]:
        """Return the categories, in table order, with a title word in TITLE."""
        found = _present(title, self._title_index)
        if not found:
            return []
        return [c for c, words in self._title_words if not found.isdisjoint(words)]

    def best(self, text: str) -> list[str]:
        """Return the two categories whose keywords in TEXT weigh most (positive only), best first."""
        found = _present(text, self._keyword_index)
        if not found:
            return []
        scores = {
            c: sum(w for k, w in items if k in found)
            for c, items, words in self._keywords
            if not found.isdisjoint(words)
        }
        return _best(scores)


def prepare_features() -> None:
    """Load the category table the features use (before worker processes are forked)."""
    _lexicon()


def _lexicon() -> _Lexicon:
    global _TABLE
    specs = load_categories()
    if _TABLE is None or _TABLE.specs is not specs:
        _TABLE = _Lexicon(specs)
    return _TABLE


_TABLE: _Lexicon | None = None


def _by_first_char(words: Iterable[str]) -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Return the distinct WORDS by first character, and the empty word if it is one of them."""
    distinct = list(dict.fromkeys(words))
    index: dict[str, list[str]] = {}
    for w in distinct:
        if w:
            index.setdefault(w[0], []).append(w)
    return {ch: tuple(ws) for ch, ws in index.items()}, (("",) if "" in distinct else ())


def _present(
    text: str, index: tuple[dict[str, tuple[str, ...]], tuple[str, ...]]
) -> frozenset[str]:
    """Return the words of INDEX that occur in TEXT."""
    by_first, always = index
    chars = set(text)
    return frozenset(
        [w for ch in chars if ch in by_first for w in by_first[ch] if w in text] + list(always)
    )


def _best(scores: dict[str, float]) -> list[str]:
    """Return the two categories with the highest positive scores, best first (ties: table order)."""
    ranked = sorted((c for c in scores if scores[c] > 0), key=lambda c: -scores[c])
    return ranked[:2]


def _bucket(n: int) -> str:
    return str(n) if n < 3 else ("3-5" if n <= 5 else "6+")


def _ngrams(prefix: str, text: str, sizes: tuple[int, ...] = _NGRAMS) -> list[str]:
    out: list[str] = []
    for n in sizes:
        head = f"{prefix}{n}:"
        out.extend([head + text[i : i + n] for i in range(len(text) - n + 1)])
    return out
