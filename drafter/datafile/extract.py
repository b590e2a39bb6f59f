"""Extract a past report's figures with their section, sentence and catalogue indicator.

Last year's report holds this year's 上年 values: `extract_figures` finds every figure and names
the indicator it reports, `figures_to_data` turns the matched ones into a data file for `draft`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from drafter.catalogue import CATEGORY_IDS, Indicator, load_categories, load_indicators
from drafter.text import FoundFigure, find_figures, split_clauses, split_sentences

if TYPE_CHECKING:  # the type only: drafting uses match_sentence without the report reader
    from drafter.reading import Outline

# Measure words that report the same kind of thing: an indicator counted in 件 also takes a
# figure written with 份 ("评查174份"), one in 户 takes 个 or 家 ("检查对象2294个").
UNIT_FAMILIES: tuple[frozenset[str], ...] = (
    frozenset({"次", "场次", "场", "批次", "批", "轮", "期", "起"}),
    frozenset({"件", "份", "宗", "起", "卷", "单"}),
    frozenset({"人", "名", "位"}),
    frozenset({"家", "个", "户", "所", "家次", "户次", "处"}),
    frozenset({"项", "条", "种", "篇"}),
)
# A figure whose own clause holds no keyword takes the previous clause's words only when little
# else is in its clause ("审结85件", "成功率100%"): "开通180条电子政务外网线路" after "推进政务数据
# 共享" is a count of lines, not of shared data.
_SHORT_CLAUSE = 6
OPENING = "other"  # the category of the opening paragraph, which precedes every section
# How far around a figure its clause, list and subject are read (a clause is rarely 100).
_REACH = 300


@dataclass(frozen=True)
class ExtractedFigure:
    """A figure of a report with the category and heading of its section, its sentence, its indicator."""

    figure: FoundFigure
    category: str
    section: str
    sentence: str
    indicator: str | None

    @property
    def value(self) -> float:
        """Return the figure's value (28000.0 for "2.8万余人次")."""
        return self.figure.value

    @property
    def text(self) -> str:
        """Return the figure as written."""
        return self.figure.text


def extract_figures(
    outline: Outline, indicators: dict[str, Indicator] | None = None
) -> list[ExtractedFigure]:
    """Return every figure of OUTLINE in reading order, each matched to at most one indicator.

    INDICATORS defaults to the catalogue, templates/indicators.yaml.
    """
    indicators = load_indicators() if indicators is None else indicators
    out: list[ExtractedFigure] = []
    for category, heading, text in _texts(outline):
        earlier = ""
        for sentence in split_sentences(text):
            out.extend(_sentence_figures(sentence, category, heading, indicators, earlier))
            earlier = (earlier + sentence)[-_REACH:]
    return out


def extract_paragraph(
    text: str, category: str, indicators: dict[str, Indicator] | None = None
) -> list[tuple[int, ExtractedFigure]]:
    """Return the figures of one paragraph TEXT of a section of CATEGORY, each with the offset of
    its sentence in TEXT (a figure's own start is within its sentence)."""
    indicators = load_indicators() if indicators is None else indicators
    out: list[tuple[int, ExtractedFigure]] = []
    earlier = ""
    at = 0
    for sentence in split_sentences(text):
        found = text.find(sentence, at)
        offset = found if found >= 0 else at
        at = offset + len(sentence)
        for item in _sentence_figures(sentence, category, "", indicators, earlier):
            out.append((offset, item))
        earlier = (earlier + sentence)[-_REACH:]
    return out


def match_sentence(
    sentence: str, category: str, indicators: dict[str, Indicator] | None = None
) -> list[ExtractedFigure]:
    """Return the figures of one SENTENCE of CATEGORY, each matched as `extract_figures` does."""
    indicators = load_indicators() if indicators is None else indicators
    return _sentence_figures(sentence, category, "", indicators)


def figures_to_data(
    extracted: list[ExtractedFigure],
    year: int | None,
    *,
    unit: str | None = None,
    indicators: dict[str, Indicator] | None = None,
) -> tuple[dict[str, Any], list[str]]:
    """Return (data, notices): a data-file mapping with each matched value as 上年 for year+1.

    Shape: {"单位": UNIT (when given), "年度": YEAR + 1 (when known),
    "指标": {category 简称: {indicator key: {"上年": value}}}}. When several figures match one
    indicator the first is kept and a notice says which were left out.
    """
    indicators = load_indicators() if indicators is None else indicators
    categories = load_categories()
    chosen = first_matches(extracted)
    notices = [
        f"指标“{item.indicator}”匹配到多个数字，已取第一个“{chosen[item.indicator].figure.text}”，"
        f"未取“{source_words(item)}”。"
        for item in extracted
        if item.indicator is not None and chosen[item.indicator] is not item
    ]
    order = list(indicators)
    groups: dict[str, dict[str, Any]] = {}
    for key in sorted(
        chosen, key=lambda k: (CATEGORY_IDS.index(indicators[k].category), order.index(k))
    ):
        short = categories[indicators[key].category].short
        groups.setdefault(short, {})[key] = {"上年": plain_number(chosen[key].figure.value)}
    data: dict[str, Any] = {}
    if unit:
        data["单位"] = unit
    if year is not None:
        data["年度"] = year + 1
    data["指标"] = groups
    return data, notices


def unplaced(extracted: list[ExtractedFigure]) -> list[ExtractedFigure]:
    """Return the yearly figures (counts, rates, money, durations) no indicator took."""
    return [
        item
        for item in extracted
        if item.indicator is None and item.figure.kind in ("count", "percent", "money", "duration")
    ]


def first_matches(extracted: list[ExtractedFigure]) -> dict[str, ExtractedFigure]:
    """Return the first figure matched to each indicator, by indicator key."""
    chosen: dict[str, ExtractedFigure] = {}
    for item in extracted:
        if item.indicator is not None:
            chosen.setdefault(item.indicator, item)
    return chosen


def dump_data_file(
    data: dict[str, Any],
    source: str,
    notices: list[str],
    evidence: dict[str, ExtractedFigure] | None = None,
) -> str:
    """Return DATA as YAML text headed by Chinese comments naming SOURCE and listing NOTICES.

    With EVIDENCE (indicator key → its figure), each indicator line notes the words it came from.
    """
    head = [
        f"# 由 drafter extract 从往年报告 {source} 提取。",
        "# 下面“上年”的数字都是该报告中的数字（即本年度的上年数），请逐项核对；",
        "# 在每个指标下补填“本年: 数字”后，即可用 drafter draft 生成初稿并自动写出同比变化。",
    ]
    if "单位" not in data:
        head.append("# 未能从报告中识别单位名称，请补填一行“单位: 某某市人民政府”。")
    if "年度" not in data:
        head.append("# 未能从报告中识别年度，请补填一行“年度: 2025”（本次要写的报告年度）。")
    head.extend(f"# 注意：{n}" for n in notices)
    import yaml

    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=False)
    lines = body.splitlines()
    if evidence:
        for i, line in enumerate(lines):
            key = line.strip().rstrip(":")
            if line.startswith("    ") and not line.startswith("     ") and key in evidence:
                lines[i] = f"{line}  # 原文：{source_words(evidence[key])}"
    return "\n".join([*head, *lines]) + "\n"


def plain_number(value: float) -> int | float:
    """Return VALUE as an int when it is integral (1399.0 → 1399), else unchanged."""
    return int(value) if float(value).is_integer() else value


def _texts(outline: Outline) -> Iterator[tuple[str, str, str]]:
    """Yield (category, heading, text) for the opening and every title and paragraph, in order."""
    if outline.opening:
        for paragraph in outline.opening.split("\n"):
            yield OPENING, "", paragraph
    for section in outline.walk():
        heading = f"{section.number or ''}{section.title}"
        for text in (section.title, *section.paragraphs):
            if text:
                yield section.category, heading, text


def _sentence_figures(
    sentence: str,
    category: str,
    heading: str,
    indicators: dict[str, Indicator],
    earlier: str = "",
) -> list[ExtractedFigure]:
    """Return the figures of SENTENCE, each with the indicator it fits best, or none.

    One indicator per sentence: the words that name it belong to the figure they fit best, so in
    "办理首违不罚案件1661件，公益减罚案件42件" only 1661 is the 首违不罚 count. EARLIER is the
    paragraph before SENTENCE, where an indicator's subject (主体) may be named.
    """
    figures = find_figures(sentence)
    if not figures:
        return []
    clauses = _clause_spans(sentence)
    clause_starts = [a for a, _ in clauses]
    # the subject words present, looked for once per sentence rather than once per figure
    subject_text = earlier + sentence
    subjects = frozenset(w for ind in indicators.values() for w in ind.subject if w in subject_text)
    pairs = []
    for n, fig in enumerate(figures):
        at = bisect_right(clause_starts, fig.start) - 1
        if at < 0 or fig.start >= clauses[at][1]:
            at = len(clauses) - 1
        # Clauses are read near the figure only: a sentence without commas (a PDF copy) would
        # make every figure read the whole text.
        a, b = clauses[at]
        own = sentence[max(a, fig.start - _REACH) : min(b, fig.end + _REACH)]
        before = sentence[max(clauses[at - 1][0], a - _REACH) : clauses[at - 1][1]] if at else ""
        items = _listed_items(sentence, fig.start)
        for score, key in _candidates(fig, own, before, category, indicators, subjects, items):
            pairs.append((score, -n, key))
    chosen: dict[int, str] = {}
    for _, minus_n, key in sorted(pairs, reverse=True):
        if -minus_n not in chosen and key not in chosen.values():
            chosen[-minus_n] = key
    return [
        ExtractedFigure(fig, category, heading, sentence, chosen.get(n))
        for n, fig in enumerate(figures)
    ]


def _candidates(
    fig: FoundFigure,
    own: str,
    before: str,
    category: str,
    indicators: dict[str, Indicator],
    subject_text: Collection[str] = "",
    items: list[str] | None = None,
) -> list[tuple[tuple[bool, bool, bool, int, int], str]]:
    """Return (score, key) of every indicator FIG can report well enough.

    A higher score is better: of the section's category, matched within the figure's own
    clause, in the indicator's very unit, with the longest keyword group, earliest in the catalogue.
    An indicator with a subject (主体) needs one of its words in SUBJECT_TEXT (the sentence and the
    paragraph before it, or the set of words found there); a keyword that is one item of a list ("法律援助、公证、仲裁案件") names
    only part of the figure; a match on the previous clause alone counts only when the figure's
    own clause says little else.
    """
    fitting = _fitting_words(fig, indicators)
    # every keyword the fitting indicators use, looked for once in each text rather than once
    # per group: a group matches a text when all its words are among those found there
    in_own = frozenset([w for w in fitting.words if w in own])
    in_either = (
        (in_own | frozenset([w for w in fitting.words if w in before])) if before else in_own
    )
    rest = own.replace(fig.text, "")
    in_rest: frozenset[str] | None = None
    named: frozenset[str] | None = None
    scored = []
    for index, ind, groups in fitting.indicators:
        if ind.subject and not any(w in subject_text for w in ind.subject):
            continue
        if items:
            if named is None:  # the other indicators' words that the list's items hold
                named = frozenset(
                    [w for w in fitting.item_words if any(w in item for item in items[:-1])]
                )
            if not named.isdisjoint(_other_words(ind, indicators)):
                continue  # "办理法律援助、公证、仲裁案件1.9万余件" is not a count of 仲裁 alone
        best: tuple[bool, int] | None = None
        for words, length in groups:
            if words <= in_own:
                score = (True, length)
            elif words <= in_either:
                if len(rest) > _SHORT_CLAUSE:
                    if in_rest is None:
                        in_rest = frozenset([w for w in fitting.words if w in rest])
                    if words.isdisjoint(in_rest):
                        continue
                score = (False, length)
            else:
                continue
            best = score if best is None else max(best, score)
        if best is not None:
            full = (ind.category == category, best[0], ind.unit == fig.unit, best[1], -index)
            scored.append((full, ind.key))
    return scored


def _listed_items(sentence: str, at: int) -> list[str]:
    """Return the items of a list of things the figure at AT counts together, else [].

    "办理法律援助、公证、仲裁案件1.9万余件" → ["办理法律援助", "公证", "仲裁案件"]; a list of
    figures ("问题资金3.84亿元、健全制度38项") is not one.
    """
    floor = max(0, at - _REACH)
    start = max(floor, max(sentence.rfind(ch, floor, at) for ch in "，；：。") + 1)
    items = sentence[start:at].split("、")
    if len(items) < 2 or any(ch.isdigit() for item in items[:-1] for ch in item):
        return []
    return items


# What depends on the catalogue alone, found once per run rather than once per figure: the
# words of the other indicators (per indicator), the indicators a kind and unit fit and their words.
_MEMO: dict[int, tuple[dict[str, Indicator], dict[object, object]]] = {}


def _memo(indicators: dict[str, Indicator]) -> dict[object, object]:
    held = _MEMO.get(id(indicators))
    if held is None or held[0] is not indicators:
        held = _MEMO[id(indicators)] = (indicators, {})
    return held[1]


def _other_words(ind: Indicator, indicators: dict[str, Indicator]) -> frozenset[str]:
    memo = _memo(indicators)
    if ("others", ind.key) not in memo:
        own = {w for g in ind.match for w in g}
        memo["others", ind.key] = _kind_words(ind.kind, indicators) - own
    return memo["others", ind.key]  # type: ignore[return-value]


def _kind_words(kind: str, indicators: dict[str, Indicator]) -> frozenset[str]:
    memo = _memo(indicators)
    if ("words", kind) not in memo:  # the first word (3 characters or more) of each group
        groups = [g for other in indicators.values() if other.kind == kind for g in other.match]
        memo["words", kind] = frozenset(g[0] for g in groups if len(g[0]) >= 3)
    return memo["words", kind]  # type: ignore[return-value]


@dataclass(frozen=True)
class _Fitting:
    """The indicators a figure's kind and unit can report, with the words their matches use."""

    # (catalogue index, indicator, its keyword groups as (the words, their total length))
    indicators: list[tuple[int, Indicator, list[tuple[frozenset[str], int]]]]
    words: tuple[str, ...]  # every word of every group, once
    item_words: frozenset[str]  # every word `_other_words` can give one of these indicators


def _fitting_words(fig: FoundFigure, indicators: dict[str, Indicator]) -> _Fitting:
    """Return the indicators FIG's kind and unit can report, in catalogue order, with their words."""
    memo = _memo(indicators)
    if ("fit", fig.kind, fig.unit) not in memo:
        units = frozenset().union([fig.unit], *(f for f in UNIT_FAMILIES if fig.unit in f))
        fitting = [  # changes and ranks are never an indicator's value
            (i, ind)
            for i, ind in enumerate(indicators.values())
            if ind.kind == fig.kind and ind.unit in units
        ]
        owns = [frozenset(w for g in ind.match for w in g) for _, ind in fitting]
        # the item words, the union of their `_other_words`: the kind's words not all of them own
        items = _kind_words(fig.kind, indicators) - frozenset.intersection(*owns) if owns else None
        memo["fit", fig.kind, fig.unit] = _Fitting(
            [(i, ind, [(frozenset(g), sum(map(len, g))) for g in ind.match]) for i, ind in fitting],
            tuple(dict.fromkeys(w for _, ind in fitting for g in ind.match for w in g)),
            items or frozenset(),
        )
    return memo["fit", fig.kind, fig.unit]  # type: ignore[return-value]


def _clause_spans(sentence: str) -> list[tuple[int, int]]:
    spans = []
    pos = 0
    for clause in split_clauses(sentence):
        start = sentence.index(clause, pos)
        spans.append((start, start + len(clause)))
        pos = start + len(clause)
    return spans or [(0, len(sentence))]


def source_words(item: ExtractedFigure, width: int = 16) -> str:
    """Return the words just before ITEM's figure, through the figure: "…受理案件1399件"."""
    start = max(0, item.figure.start - width)
    return ("…" if start else "") + item.sentence[start : item.figure.end]
