"""The features the heading classifier sees: heading characters, body characters and structure.

Training (drafter.learning.train) and classifying call the same function, so the two cannot drift.
"""

from __future__ import annotations

import re

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
    specs = load_categories()
    title = section.title
    feats = [f"tw:{c}" for c, spec in specs.items() if any(w in title for w in spec.title_words)]
    best = _best(_keyword_scores(title, specs))
    feats.extend(f"tk{rank}:{c}" for rank, c in enumerate(best))
    body = "".join(section.paragraphs)
    feats.extend(f"bk{rank}:{c}" for rank, c in enumerate(_best(_keyword_scores(body, specs))))
    if section.children:
        spread = set()
        for child in section.children:
            text = child.title + "".join(child.paragraphs)
            top = _best(_keyword_scores(text, specs))[:1]
            spread.update(top)
            feats.extend(f"ck:{c}" for c in top)
        feats.append(f"spread:{_bucket(len(spread))}")
    return feats


def _keyword_scores(text: str, specs: dict[str, CategorySpec]) -> dict[str, float]:
    return {c: sum(w for k, w in spec.keywords.items() if k in text) for c, spec in specs.items()}


def _best(scores: dict[str, float]) -> list[str]:
    """Return the two categories with the highest positive scores, best first."""
    ranked = sorted((c for c in scores if scores[c] > 0), key=lambda c: -scores[c])
    return ranked[:2]


def _bucket(n: int) -> str:
    return str(n) if n < 3 else ("3-5" if n <= 5 else "6+")


def _ngrams(prefix: str, text: str, sizes: tuple[int, ...] = _NGRAMS) -> list[str]:
    return [f"{prefix}{n}:{text[i : i + n]}" for n in sizes for i in range(len(text) - n + 1)]
