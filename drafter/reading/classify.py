"""Give each outline section a category id, with a score and the runner-up.

Order of evidence: a structural heading (不足, 安排, 第一责任人, 主要举措和成效) decides alone;
then cue words of the heading (标题词); then keyword weights over the heading (x3) and the
section's own paragraphs, or its children's text when its own paragraphs say nothing. A section
with no evidence, or a tie, goes with its parent. Children of parts 2-4 take the parent's
category. Without a separate first-responsible part, 第一责任人 content is leadership.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from drafter.catalogue import PART1_CATEGORIES, CategorySpec, domain_words, load_categories
from drafter.reading.model import Outline, Section
from drafter.text import sentence_words, tokenize

_STRUCTURAL = ("first_responsible", "problems", "plan", "other", "achievements")
_INHERITED = frozenset({"first_responsible", "problems", "plan", "other"})
_CANDIDATES = (*PART1_CATEGORIES, "first_responsible")
_TITLE_WEIGHT = 3.0
_MAX_COUNT = 3
_CUE_SHARE = 0.6  # how much the heading's cue words weigh against the keyword evidence


def classify_outline(outline: Outline) -> Outline:
    """Return OUTLINE with every section's category, score and runner-up set (in place)."""
    specs = load_categories()
    words = domain_words()
    for section in outline.sections:
        _classify(section, specs, parent=None, inherit=False, words=words)
    if not any(s.category == "first_responsible" for s in outline.sections):
        for s in outline.walk():
            if s.category == "first_responsible":
                s.category = "leadership"
    return outline


def _classify(
    section: Section,
    specs: dict[str, CategorySpec],
    parent: str | None,
    inherit: bool,
    words: frozenset[str],
) -> Counter[str]:
    """Classify SECTION and its children; return the word counts of its whole text."""
    own = Counter(w for p in section.paragraphs for s in sentence_words(p, words) for w in s)
    title = Counter(tokenize(section.title, words))
    fixed = parent if inherit else section.category_hint or _structural(section.title, specs)
    if fixed is not None:
        _set(section, [(fixed, 1.0)])
    children_words: Counter[str] = Counter()
    pass_down = fixed is not None and fixed in _INHERITED
    for child in section.children:
        children_words.update(_classify(child, specs, fixed, pass_down, words))
    if fixed is None:
        body = own if _evidence(own, specs) else _merged(own, children_words)
        _set(section, _rank(section.title, title, body, specs, parent))
    return _merged(own, title, children_words)


def _merged(*counters: Counter[str]) -> Counter[str]:
    """Return the sum of COUNTERS, keys in first-seen order (as `a + b` gives, without copies)."""
    out = Counter(counters[0])
    for c in counters[1:]:
        out.update(c)
    return out


def _structural(title: str, specs: dict[str, CategorySpec]) -> str | None:
    for cid in _STRUCTURAL:
        if any(w in title for w in specs[cid].title_words):
            return cid
    return None


def _evidence(words: Counter[str], specs: dict[str, CategorySpec]) -> bool:
    terms = _keyword_terms()
    return any(specs[c].keywords.get(w) for w in words if w in terms for c in _CANDIDATES)


def _rank(
    title: str,
    title_words: Counter[str],
    body: Counter[str],
    specs: dict[str, CategorySpec],
    parent: str | None,
) -> list[tuple[str, float]]:
    cues = {c: float(sum(w in title for w in specs[c].title_words)) for c in _CANDIDATES}
    # Only words that are some category's keyword can add to a score; the others add 0.0, so
    # leaving them out keeps every sum (same terms, same order) while skipping most words.
    terms = _keyword_terms()
    title_hits = [(t, n) for t, n in title_words.items() if t in terms]
    body_hits = [(t, min(n, _MAX_COUNT)) for t, n in body.items() if t in terms]
    keywords = {
        c: sum(_TITLE_WEIGHT * specs[c].keywords.get(t, 0.0) * n for t, n in title_hits)
        + sum(specs[c].keywords.get(t, 0.0) * n for t, n in body_hits)
        for c in _CANDIDATES
    }
    cue_dist, keyword_dist = _normalise(cues), _normalise(keywords)
    if not cue_dist and not keyword_dist:
        return [(parent if parent in _CANDIDATES else "other", 0.0)]
    share = _CUE_SHARE if cue_dist and keyword_dist else 1.0
    scores = {
        c: share * cue_dist.get(c, 0.0) + (1 - share) * keyword_dist.get(c, 0.0)
        if cue_dist
        else keyword_dist.get(c, 0.0)
        for c in _CANDIDATES
    }
    ranked = sorted(
        scores.items(), key=lambda kv: (-round(kv[1], 6), kv[0] != parent, _CANDIDATES.index(kv[0]))
    )
    return [(cid, round(score, 3)) for cid, score in ranked[:2]]


@cache
def _keyword_terms() -> frozenset[str]:
    """Return every word that is a keyword of some candidate category."""
    specs = load_categories()
    return frozenset(t for c in _CANDIDATES for t in specs[c].keywords)


def _normalise(raw: dict[str, float]) -> dict[str, float]:
    total = sum(raw.values())
    return {k: v / total for k, v in raw.items() if v} if total else {}


def _set(section: Section, ranked: list[tuple[str, float]]) -> None:
    section.category, section.score = ranked[0]
    if len(ranked) > 1 and ranked[1][1] > 0:
        section.runner_up, section.runner_up_score = ranked[1]
    else:
        section.runner_up, section.runner_up_score = None, 0.0
