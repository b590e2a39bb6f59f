"""Check rules on figures: rates over 100%, figures against the relations table, wrong changes,
changes the 同比 policy would not write.

Each rule takes a passage and the figures `drafter.text.figures.find_figures` found in it (or anything
shaped like its FoundFigure: start, end, text, value, unit, approx, kind), so a rule can be tested
on hand-made figures.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Protocol

from drafter.catalogue import (
    ChangePolicy,
    Indicator,
    load_change_policy,
    load_indicators,
    relations,
)
from drafter.checking.model import CheckContext, Located, Passage
from drafter.datafile import ExtractedFigure, extract_paragraph
from drafter.text import sentence_spans


class FigureLike(Protocol):
    """The fields of `drafter.text.figures.FoundFigure` the rules read."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def value(self) -> float: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def approx(self) -> bool: ...
    @property
    def kind(self) -> str: ...


_TOLERANCE = 0.5  # percentage points between a stated change and the one the values give
_CLAUSE_STOP = "，。；：！？"
_RATE_WORDS = re.compile(r"率|比例|占比|比重")
_NOT_A_LEVEL = re.compile(r"增长率|增速|增幅|涨幅|降幅|效率|同比|环比|较上年|比上年|较去年|比去年")
_UP = "增长|增加|提升|提高|上升|增幅|增多"
_DOWN = "减少|下降|降低|精简|压缩|压减|缩短|缩减|节约|节省|减轻|降幅|回落"
_VERB = re.compile(rf"{_UP}|{_DOWN}")
_DOWN_VERB = re.compile(_DOWN)
# A count that is itself a difference: "增加200件", "较去年新增事项30项".
_DIFFERENCE = re.compile(rf"(?:{_UP}|{_DOWN})了?$|(?:较|比)[^，。；]*?(?:{_UP}|{_DOWN}|新增|多|少)")
_CARRIED_OVER = re.compile(r"结转|旧存|存量|积案|历年|往年|上年未结|上年遗留")
_TO = re.compile(r"(增至|降至|减至|增加到|减少到|上升到|下降到|提高到|降低到|增长到)$")
_TO_AHEAD = re.compile(r"(增至|降至|减至|增加到|减少到|上升到|下降到|提高到|降低到|增长到)")
_FROM = re.compile(r"(由|从)$")
_CURRENT_CUE = re.compile(r"本年|今年|全年|当年|本年度")
_PRIOR_CUES = ("上年", "去年", "上一年", "前一年", "上年度", "上年同期", "去年同期")


def figure_rules(ctx: CheckContext) -> Iterator[Located]:
    """Yield the findings of the three figure rules for every body paragraph of the report."""
    from drafter.text import find_figures

    prior = _PRIOR_CUES if ctx.year is None else (*_PRIOR_CUES, f"{ctx.year - 1}年")
    policy = load_change_policy()
    related = _related_groups(load_indicators(), relations())
    for p in ctx.passages:
        if p.kind not in ("body", "opening"):
            continue
        figures = find_figures(p.text)
        if figures:
            yield from rates_over_100(p, figures)
            if _may_relate(p.text, related):  # else matching the figures finds no pair
                yield from figure_relations(p, extract_paragraph(p.text, p.category or "other"))
            yield from change_mismatches(p, figures, prior)
            yield from changes_off_policy(p, figures, policy)


Groups = tuple[tuple[str, ...], ...]


def _related_groups(
    indicators: dict[str, Indicator], pairs: tuple[tuple[str, str], ...]
) -> list[tuple[Groups, Groups]]:
    """Return the keyword groups of the two indicators of each pair of the relations table."""
    return [(indicators[lower].match, indicators[upper].match) for lower, upper in pairs]


def _may_relate(text: str, related: list[tuple[Groups, Groups]]) -> bool:
    """Return True when TEXT holds a keyword group of both indicators of some pair.

    An indicator is matched to a figure only through one of its groups, all of whose words are
    then in the figure's sentence: without a pair's two, `figure_relations` has nothing to say.
    """

    def named(groups: Groups) -> bool:
        return any(all(w in text for w in group) for group in groups)

    return any(named(lower) and named(upper) for lower, upper in related)


def rates_over_100(p: Passage, figures: Sequence[FigureLike]) -> Iterator[Located]:
    """Yield an error for a percentage over 100 that describes a rate (率/比例/占比), not a change."""
    for f in figures:
        if f.kind != "percent" or f.value <= 100:
            continue
        clause = _clause_before(p.text, f.start)
        if _RATE_WORDS.search(clause) and not _NOT_A_LEVEL.search(clause):
            yield p.finding(
                "rate-over-100",
                "error",
                f"比率不可能超过100%：“{f.text}”，请核对。",
                f.start,
                f.end,
            )


def figure_relations(p: Passage, extracted: list[tuple[int, ExtractedFigure]]) -> Iterator[Located]:
    """Yield an error where a figure exceeds one it cannot exceed (审结 ≤ 受理, 纠错 ≤ 审结).

    The pairs are the catalogue's 不大于 table, the one the data file is checked against; the
    figures are those the paragraph's sentences give each indicator (last year's left out). A
    sentence naming cases carried over (结转, 旧存) may close more than it received.
    """
    first: dict[str, tuple[int, ExtractedFigure]] = {}
    for offset, item in extracted:
        f = item.figure
        if item.indicator is None or f.approx or item.indicator in first:
            continue
        if any(cue in _clause_before(item.sentence, f.start) for cue in _PRIOR_CUES):
            continue
        first[item.indicator] = (offset, item)
    for lower, upper in relations():
        if lower not in first or upper not in first:
            continue
        (lo_at, lo), (up_at, up) = first[lower], first[upper]
        if lo.value <= up.value or lo.figure.unit != up.figure.unit:
            continue
        if _CARRIED_OVER.search(lo.sentence) or _CARRIED_OVER.search(up.sentence):
            continue
        start = min(lo_at + lo.figure.start, up_at + up.figure.start)
        end = max(lo_at + lo.figure.end, up_at + up.figure.end)
        yield p.finding(
            "figure-relation",
            "error",
            f"{lower}（{lo.text}）多于{upper}（{up.text}），按常理不能多于后者，请核对这两个数字"
            "（如含上年结转案件请注明）。",
            start,
            end,
        )


def changes_off_policy(
    p: Passage, figures: Sequence[FigureLike], policy: ChangePolicy
) -> Iterator[Located]:
    """Yield a warning for a percentage change the 同比 policy would not write.

    A count whose base is small (under the policy's 最小基数 on either side: "召开3次，同比增长
    50%") exaggerates; a rate changes in 百分点, not in percent. Last year's value is the one the
    text gives, else the one the stated change implies.
    """
    figures = sorted(figures, key=lambda f: f.start)
    starts = [f.start for f in figures]
    for f in figures:
        if f.kind != "change" or f.unit != "%":
            continue
        direction = _direction(f)
        base = _described(p.text, figures, f, starts)
        if direction is None or base is None:
            continue
        if base.kind == "percent":
            if policy.rates_in_points:
                yield p.finding(
                    "change-policy",
                    "warning",
                    f"“{base.text}”是比率，它的变化应写作“提高/下降N个百分点”，不写“{f.text}”。",
                    f.start,
                    f.end,
                )
            continue
        if base.approx or base.kind != "count":
            continue
        current = base.value
        factor = 1 + direction * f.value / 100
        previous = current / factor if factor > 0 else 0.0
        if policy.percentage_allowed(current, previous):
            continue
        yield p.finding(
            "change-policy",
            "warning",
            f"基数太小（本年{base.text}，上年约{previous:.0f}{base.unit or ''}），“{f.text}”会夸大变化："
            f"数量不足{policy.min_base}时不写百分比（templates/change_policy.yaml）。"
            f"请改写为“比上年增加/减少N{base.unit or ''}”或删去同比。",
            f.start,
            f.end,
        )


def _described(
    text: str, figures: Sequence[FigureLike], change: FigureLike, starts: list[int]
) -> FigureLike | None:
    """Return the figure CHANGE describes: the value just before it ("4次，同比增长33.3%").

    FIGURES are sorted, STARTS their start offsets. A change that names its own subject
    ("13个事项的办理时限缩短60%") describes no figure.
    """
    marks = _sentence_marks(text)
    k = bisect_left(marks, change.start)
    sentence_start = marks[k - 1] + 1 if k else 0
    window = _between(figures, starts, sentence_start, change.start)
    before = [f for f in window if f.end <= change.start]
    if not before:
        return None
    base = before[-1]
    if text[base.end : change.start].strip("，、 ") or base.kind not in (
        "count",
        "money",
        "percent",
    ):
        return None
    if _DIFFERENCE.search(_clause_before(text, base.start)):
        return None
    return base


def change_mismatches(
    p: Passage, figures: Sequence[FigureLike], prior: tuple[str, ...] = _PRIOR_CUES
) -> Iterator[Located]:
    """Yield an error where a stated change (同比增长x%) disagrees with the two values given.

    The values are looked for in the change's sentence and the one before it: last year's is
    marked (上年, 去年, 2023年, 由…增至), this year's is the other figure in the same unit.
    """
    figures = sorted(figures, key=lambda f: f.start)
    starts = [f.start for f in figures]
    spans = sentence_spans(p.text)
    for i, (start, end) in enumerate(spans):
        window_start = spans[i - 1][0] if i else start
        window = _between(figures, starts, window_start, end)
        for f in _between(figures, starts, start, end):
            if f.kind != "change" or f.unit != "%":
                continue
            direction = _direction(f)
            pair = _values_compared(p.text, window, window_start, start, f, prior)
            if direction is None or pair is None:
                continue
            current, previous = pair
            actual = (current.value - previous.value) / previous.value * 100
            if abs(actual - direction * f.value) > _TOLERANCE:
                word = "增长" if actual >= 0 else "下降"
                yield p.finding(
                    "change-mismatch",
                    "error",
                    f"按本年{current.text}、上年{previous.text}计算，应为{word}{abs(actual):.1f}%，"
                    f"文中写“{f.text}”，请核对。",
                    f.start,
                    f.end,
                )


def _direction(f: FigureLike) -> int | None:
    """Return +1 or -1 for a stated change by the last change verb in it, None without one."""
    verbs = _VERB.findall(f.text)
    if not verbs:
        return None
    return -1 if _DOWN_VERB.fullmatch(verbs[-1]) else 1


def _values_compared(
    text: str,
    figures: Sequence[FigureLike],
    window_start: int,
    sentence_start: int,
    change: FigureLike,
    prior: tuple[str, ...],
) -> tuple[FigureLike, FigureLike] | None:
    """Return (this year's, last year's) values CHANGE compares, when the text states both."""
    values = [
        f
        for f in figures
        if window_start <= f.start < change.start
        and f.kind in ("count", "money")
        and not _DIFFERENCE.search(_clause_before(text, f.start))
    ]
    previous = [f for f in values if _is_prior(text, f, prior)]
    if len(previous) != 1 or previous[0].approx or previous[0].value <= 0:
        return None
    before = previous[0]
    same_unit = [f for f in values if f is not before and f.unit == before.unit]
    if not same_unit:
        return None
    cued = [
        f
        for f in same_unit
        if _TO.search(text, max(0, f.start - 5), f.start)
        or _CURRENT_CUE.search(_clause_before(text, f.start))
    ]
    current = cued[-1] if cued else same_unit[-1]
    if current.approx or values[-1] not in (current, before):
        return None  # the change follows some other figure: it is that figure's change
    if max(current.start, before.start) < sentence_start:
        return None  # both values in the sentence before: not this change's
    return current, before


def _is_prior(text: str, f: FigureLike, prior: tuple[str, ...]) -> bool:
    """Return True when F is last year's value: "上年1000件", "较上年的1000件", "由1000件增至…"."""
    clause = _clause_before(text, f.start)
    if any(cue in clause for cue in prior):
        return True
    return bool(_FROM.search(clause)) and bool(_TO_AHEAD.match(text, f.end))


# A clause is never longer than this: in a paragraph without punctuation (a PDF copy) the words
# that qualify a figure are near it, and looking further would make every figure cost the text.
_MAX_CLAUSE = 300


@lru_cache(maxsize=8)
def _sentence_marks(text: str) -> list[int]:
    """Return the offsets of TEXT's sentence ends (。！？；), computed once per passage."""
    return [i for i, c in enumerate(text) if c in "。！？；"]


@lru_cache(maxsize=8)
def _stops(text: str) -> list[int]:
    """Return the offsets of TEXT's clause stops, computed once per passage."""
    return [i for i, c in enumerate(text) if c in _CLAUSE_STOP]


def _clause_before(text: str, offset: int) -> str:
    stops = _stops(text)
    k = bisect_left(stops, offset)
    start = stops[k - 1] + 1 if k else 0
    return text[max(start, offset - _MAX_CLAUSE) : offset]


def _clause_end(text: str, offset: int, limit: int) -> int:
    stops = _stops(text)
    k = bisect_left(stops, offset)
    end = stops[k] if k < len(stops) else len(text)
    return min(end, limit, offset + _MAX_CLAUSE)


def _between(
    figures: Sequence[FigureLike], starts: list[int], a: int, b: int
) -> Sequence[FigureLike]:
    """Return the FIGURES (sorted, STARTS their start offsets) that start in [A, B)."""
    return figures[bisect_left(starts, a) : bisect_left(starts, b)]
