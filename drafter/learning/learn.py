"""Learn the recurring skeleton of a report series from parsed, classified outlines."""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import repeat
from pathlib import PurePath
from typing import NamedTuple

from drafter.catalogue import CATEGORY_IDS, domain_words, load_categories
from drafter.errors import InputError
from drafter.learning.model import (
    SKELETON_VERSION,
    Arrangement,
    CategorySkeleton,
    Exemplar,
    Skeleton,
    Variant,
)
from drafter.reading import Outline, Section, needs_review
from drafter.text import find_figures, sentence_words, split_sentences
from drafter.workers import map_in_workers, out_of_collectors_sight

MAX_VARIANTS = 12
MAX_EXEMPLARS = 8
MAX_TYPICAL = 6
MAX_PHRASES = 12
_SENTENCE_LEN = (12, 90)
_MEMO_SENTENCES = 1 << 16
_SLOT_NAMES = {
    "件": "件数", "次": "次数", "人次": "人次", "场次": "场次", "场": "场次", "个": "个数",
    "项": "项数", "家": "家数", "名": "人数", "人": "人数", "%": "比例", "元": "金额",
    "位": "位次", "条": "条数", "份": "份数", "部": "部数", "户": "户数",
}  # fmt: skip
_NUMBER_IN_FIGURE = re.compile(r"第?(\d[\d.,]*|[零一二两三四五六七八九十百千]+)")
_SELF = re.compile(r"我(市|区|县|旗|州|盟|局|办|委|厅|镇|街道)")
_INLINE_TOPIC = re.compile(r"(?:^|(?<=。))([\u4e00-\u9fff“”]{4,12})。")
_STOP = frozenset((
    "工作", "开展", "推进", "加强", "全面", "进一步", "持续", "不断", "深入", "我们", "有关", "相关", "各类", "同时",
    "情况", "方面", "通过", "实现", "提升", "坚持", "落实", "完善", "推动", "强化", "积极", "建设", "法治", "政府",
    "全市", "全区", "全旗", "年度", "主要", "切实", "扎实", "有效", "提高",
))  # fmt: skip
_EXCLUDED = ("achievements",)


@dataclass
class _Pool:
    """Everything gathered for one category across reports."""

    reports: set[str] = field(default_factory=set)
    positions: list[float] = field(default_factory=list)
    headings: Counter[str] = field(default_factory=Counter)
    subtopics: Counter[str] = field(default_factory=Counter)
    words: Counter[str] = field(default_factory=Counter)
    # sentences as plain tuples: only the few chosen become Exemplars
    with_figures: dict[str, list[tuple[str, tuple[str, ...]]]] = field(default_factory=dict)
    without_figures: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)


def learn_skeleton(
    outlines: Iterable[Outline],
    *,
    workers: int | None = None,
    studies: Sequence[Study] | None = None,
) -> Skeleton:
    """Return the skeleton learned from OUTLINES (deterministic for the same inputs).

    STUDIES, when given, are `study_report` of each of OUTLINES in order (`parse_reports` runs
    it where each report is read: `Parsed.studies`); the skeleton is the same as without.
    Otherwise, with many reports, WORKERS processes (by default one per core) study them.
    """
    # The reports and their studies are many objects, all alive until the end: the collector
    # would walk them again and again as the pools grow, so they are kept out of its sight.
    with out_of_collectors_sight():
        return _learn(list(outlines), workers, studies)


def _learn(given: list[Outline], workers: int | None, studies: Sequence[Study] | None) -> Skeleton:
    if studies is not None and len(studies) != len(given):
        raise ValueError(f"{len(studies)} studies for {len(given)} outlines")
    # by file name, then by path: reports named alike in two folders keep one order
    # A report with no recognised heading (one flagged section) teaches nothing about structure.
    order = sorted(
        (i for i, o in enumerate(given) if o.has_headings()),
        key=lambda i: (PurePath(given[i].file).name, given[i].file),
    )
    outlines = [given[i] for i in order]
    if not outlines:
        raise InputError(
            "这些报告中没有识别出任何章节标题（如“一、”“（一）”“1.”），无法学习骨架，未写入任何文件。"
            "请检查是否选对了文件；.docx 中的标题可用 Word 的“标题 1/2/3”样式或编号。"
        )
    pools: dict[str, _Pool] = defaultdict(_Pool)
    # the reports' sentences are worded and templated in one process per core when there are many
    if studies is not None:
        learned: Iterable[Study] = (studies[i] for i in order)
    else:
        learned = map_in_workers(study_report, outlines, workers)
    for outline, facts in zip(outlines, learned, strict=True):
        _gather(PurePath(outline.file).name, facts, pools)
    specs = load_categories()
    idf = _idf(pools)
    categories = [
        _summarise(cid, specs[cid].name, pool, idf)
        for cid, pool in pools.items()
        if cid not in _EXCLUDED
    ]
    categories.sort(key=lambda c: (c.order, CATEGORY_IDS.index(c.id)))
    return Skeleton(
        version=SKELETON_VERSION,
        reports=[PurePath(o.file).name for o in outlines],
        arrangement=_arrangement(outlines),
        categories=categories,
        addressees=_variants(Counter(a for o in outlines if (a := addressee(o.opening)))),
        endings_seen=sum(_last_words(o) is not None for o in outlines),
        report_phrase=sum(
            bool(w and w.endswith(REPORT_PHRASE)) for o in outlines for w in [_last_words(o)]
        ),
    )


REPORT_PHRASE = "特此报告。"
_ADDRESSEE = re.compile(r"^[\u4e00-\u9fff、，,（）()\s]{2,40}[：:]$")
_BODIES = ("委", "政府", "人大", "局", "厅", "办公室", "党组", "领导小组")


def addressee(opening: str | None) -> str | None:
    """Return the 主送 line of an OPENING ("市委、市政府："), if its first lines have one."""
    for line in (opening or "").split("\n")[:3]:
        text = line.strip().replace(":", "：").replace(",", "、").replace("，", "、")
        if _ADDRESSEE.match(text) and any(b in text for b in _BODIES):
            return text
    return None


def _last_words(outline: Outline) -> str | None:
    """Return the last paragraph of a report read to its end (it has a plan part), else None."""
    if not any(s.category == "plan" for s in outline.sections):
        return None
    paragraphs = [p for s in outline.walk() for p in s.paragraphs]
    return paragraphs[-1].strip() if paragraphs else ""


@dataclass(frozen=True)
class Doubt:
    """A section the learned order or a category rests on whose category is uncertain (待核)."""

    file: str
    heading: str
    category: str
    score: float


def doubtful_sections(outlines: Iterable[Outline]) -> list[Doubt]:
    """Return the sections that head their category in a report but fall below the threshold."""
    out = []
    for outline in sorted(outlines, key=lambda o: (PurePath(o.file).name, o.file)):
        if not outline.has_headings():
            continue  # learn leaves it out
        for section, parent in _walk_with_parent(outline.sections):
            heads = parent is None or parent.category != section.category
            if heads and needs_review(section):
                heading = f"{section.number or ''}{section.title or '（无标题）'}"
                out.append(Doubt(outline.file, heading, section.category, section.score))
    return out


def templated(text: str, year: int | None) -> tuple[str, list[str]]:
    """Return TEXT with figures, the report year, next year and 我市-style self-references as slots."""
    result, slots = _templated(text, year)
    return result, list(slots)


@lru_cache(maxsize=_MEMO_SENTENCES)  # reports repeat headings and set phrases, a corpus more
def _templated(text: str, year: int | None) -> tuple[str, tuple[str, ...]]:
    slots: list[str] = []
    out: list[str] = []
    last = 0
    for fig in find_figures(text):
        base = _SLOT_NAMES.get(fig.unit or "", "数量")
        name = base if base not in slots else f"{base}{sum(s.startswith(base) for s in slots) + 1}"
        slots.append(name)
        out.append(text[last : fig.start])
        out.append(_slot_text(fig.text, fig.unit, name))
        last = fig.end
    out.append(text[last:])
    result = "".join(out)
    if year is not None:
        result = result.replace(f"{year + 1}年", "{下年}年").replace(f"{year}年", "{年度}年")
    return _SELF.sub("{自称}", result), tuple(slots)


def _slot_text(written: str, unit: str | None, name: str) -> str:
    """Return WRITTEN with its number (and 万/亿/余 after it) replaced by {NAME}.

    What precedes the number and what follows it from the unit on are kept:
    "同比增加163%" → "同比增加{比例}%", "第1位" → "第{位次}位", "95%以上" → "{比例}%以上".
    """
    m = _NUMBER_IN_FIGURE.search(written)
    if m is None:
        return f"{{{name}}}"
    at = written.find(unit, m.end()) if unit else -1
    tail = written[at:] if at >= 0 else ""
    return f"{written[: m.start(1)]}{{{name}}}{tail}"


def _walk_with_parent(
    sections: list[Section], parent: Section | None = None
) -> Iterator[tuple[Section, Section | None]]:
    for s in sections:
        yield s, parent
        yield from _walk_with_parent(s.children, s)


class _Facts(NamedTuple):
    """What one section adds to its category's pool, in the order `_gather` adds it.

    Plain tuples and lists of strings: a worker sends them back pickled, and a dataclass
    apiece (an Exemplar per sentence) costs the main process several times more to unpickle.
    """

    category: str
    heading: str | None  # templated, when the section heads its category
    subtopics: list[str]
    words: list[str]  # the same few string objects over and over: pickled small, counted in C
    # templated text, slots, and the distinct content words of a sentence without slots (only
    # those are scored by their words: a sentence with slots sends none)
    sentences: list[tuple[str, tuple[str, ...], tuple[str, ...]]]


Study = list[_Facts]  # what one report teaches, section by section


def study_report(outline: Outline) -> Study:
    """Return what each section of OUTLINE teaches, in walk order (the costly part of learning).

    A report without a recognised heading teaches nothing (`learn_skeleton` leaves it out).
    """
    if not outline.has_headings():
        return []
    year = outline.year
    words = domain_words()
    out = []
    for section, parent in _walk_with_parent(outline.sections):
        cid = section.category
        facts = _Facts(cid, None, [], [], [])
        if (parent is None or parent.category != cid) and section.title:
            facts = facts._replace(heading=_templated(section.title, year)[0])
            for child in section.children:
                if child.title and child.category == cid:
                    facts.subtopics.append(_templated(child.title, year)[0])
        for paragraph in section.paragraphs:
            facts.subtopics.extend(m.group(1) for m in _INLINE_TOPIC.finditer(paragraph))
            sentences = split_sentences(paragraph)
            for sentence, words_of in zip(sentences, sentence_words(paragraph, words), strict=True):
                tokens = [t for t in words_of if _content_word(t)]
                facts.words.extend(tokens)
                text = sentence.strip()
                if _SENTENCE_LEN[0] <= len(text) <= _SENTENCE_LEN[1]:
                    templated_text, slots = _templated(text, year)
                    distinct = () if slots else tuple(dict.fromkeys(tokens))
                    facts.sentences.append((templated_text, slots, distinct))
        out.append(facts)
    return out


def _gather(name: str, facts: list[_Facts], pools: dict[str, _Pool]) -> None:
    seen: list[str] = []
    for f in facts:
        pool = pools[f.category]
        pool.reports.add(name)
        if f.category not in seen:
            seen.append(f.category)
        if f.heading is not None:
            pool.headings[f.heading] += 1
        pool.subtopics.update(f.subtopics)
        pool.words.update(f.words)
        for text, slots, tokens in f.sentences:
            if slots:
                pool.with_figures.setdefault(name, []).append((text, slots))
            else:
                pool.without_figures.append((text, name, tokens))
    ordered = [c for c in seen if c not in _EXCLUDED]
    for i, cid in enumerate(ordered):
        pools[cid].positions.append(i / (len(ordered) - 1) if len(ordered) > 1 else 0.0)


@cache  # a corpus has far fewer distinct words than words
def _content_word(token: str) -> bool:
    return len(token) >= 2 and token not in _STOP and any("\u4e00" <= c <= "\u9fff" for c in token)


def _idf(pools: dict[str, _Pool]) -> dict[str, float]:
    df: Counter[str] = Counter()
    for pool in pools.values():
        df.update(set(pool.words))
    n = len(pools)
    return {w: math.log((1 + n) / (1 + d)) + 1 for w, d in df.items()}


def _summarise(cid: str, name: str, pool: _Pool, idf: dict[str, float]) -> CategorySkeleton:
    total = sum(pool.words.values()) or 1
    weights = {w: (c / total) * idf[w] for w, c in pool.words.items()}
    phrases = sorted(weights, key=lambda w: (-round(weights[w], 9), w))[:MAX_PHRASES]
    return CategorySkeleton(
        id=cid,
        name=name,
        support=len(pool.reports),
        order=round(sum(pool.positions) / len(pool.positions), 3) if pool.positions else 1.0,
        headings=_variants(pool.headings),
        subtopics=_variants(pool.subtopics),
        key_phrases=phrases,
        exemplars=_round_robin(pool.with_figures, MAX_EXEMPLARS),
        typical=_typical(pool.without_figures, weights),
    )


def _variants(counts: Counter[str]) -> list[Variant]:
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_VARIANTS]
    return [Variant(text=t, count=c) for t, c in ranked]


def _round_robin(
    by_source: dict[str, list[tuple[str, tuple[str, ...]]]], limit: int
) -> list[Exemplar]:
    """Return up to LIMIT exemplars taking one from each report in turn, shortest first."""
    queues = {
        s: sorted(ex, key=lambda e: (len(e[1]) > 3, len(e[0]), e[0]))
        for s, ex in sorted(by_source.items())
    }
    out: list[Exemplar] = []
    seen: set[str] = set()
    while len(out) < limit and any(queues.values()):
        for source in sorted(queues):
            if queues[source] and len(out) < limit:
                text, slots = queues[source].pop(0)
                if text not in seen:
                    seen.add(text)
                    out.append(Exemplar(text=text, slots=list(slots), source=source))
    return out


def _typical(
    candidates: list[tuple[str, str, tuple[str, ...]]], weights: dict[str, float]
) -> list[Exemplar]:
    """Return up to MAX_TYPICAL sentences rich in the category's key phrases, spread over reports.

    Each round takes the best remaining sentence of every report, best first, so one report
    with many sentences in a category cannot fill the list with its own local wording.
    """

    weight = weights.get

    def score(text: str, tokens: tuple[str, ...]) -> float:
        # summed in the set's order, as ever: the same float
        return sum(map(weight, set(tokens), repeat(0.0))) / math.sqrt(len(text))

    # ranked by score, then text, then report
    by_source: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    for text, source, tokens in candidates:
        by_source[source].append((-round(score(text, tokens), 9), text, source))
    queues = [sorted(ranked) for _, ranked in sorted(by_source.items())]
    out: list[Exemplar] = []
    seen: set[str] = set()
    while len(out) < MAX_TYPICAL and any(queues):
        round_ = sorted(q.pop(0) for q in queues if q)
        for _, text, source in round_:
            if text not in seen and len(out) < MAX_TYPICAL:
                seen.add(text)
                out.append(Exemplar(text=text, slots=[], source=source))
    return out


def _arrangement(outlines: list[Outline]) -> Arrangement:
    def top(o: Outline, cid: str) -> list[Section]:
        return [s for s in o.sections if s.category == cid]

    return Arrangement(
        umbrella=sum(bool(top(o, "achievements")) for o in outlines),
        flat=sum(not top(o, "achievements") for o in outlines),
        first_responsible_separate=sum(bool(top(o, "first_responsible")) for o in outlines),
        problems_headed=sum(any(s.title for s in top(o, "problems")) for o in outlines),
        plan_headed=sum(any(s.title for s in top(o, "plan")) for o in outlines),
        closing_unheaded=sum(
            any(not s.title for s in top(o, "problems") + top(o, "plan")) for o in outlines
        ),
    )
