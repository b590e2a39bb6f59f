"""Find the figures in report text: counts, percentages, money, ranks and changes, valued.

A figure is a number a report must update every year: "1399件", "2.8万余人次", "99.8%",
"3.84亿元", "居全省第1位", "同比增加163%", and durations of work ("由20.86天提速至6.44天",
"30个工作日内办结", "10分钟"; kind "duration"). Numbers that only name or order things are not
figures: years and dates, document numbers, slogans and labels ("1+4", "十四五", "15分钟服务圈"),
ordinals ("第二次"), and anything inside 《》 titles or short quoted names (“一件事”).
The text must be normalised first (`drafter.reading.normalize.normalize_line`): simplified characters,
half-width digits and %, full-width Chinese punctuation.
"""

from __future__ import annotations

import math
import re
import string
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from drafter.text.numbers import chinese_value

# Measure words that make a number a count, longest first when matched. Units of time are
# in DURATION_UNITS instead; years never count ("5年来").
COUNT_UNITS: tuple[str, ...] = (
    "吨/日", "人次", "户次", "家次", "件次", "场次", "批次", "车次", "架次", "班次", "课时",
    "大类", "部门", "平方米", "立方米", "公里", "千米", "公顷",
    "个", "项", "件", "次", "名", "家", "场", "部", "条", "类", "批", "种", "本", "份",
    "处", "起", "期", "篇", "户", "人", "位", "套", "张", "台", "辆", "所", "座", "支",
    "宗", "笔", "册", "卷", "封", "组", "轮", "堂", "款", "株", "棵", "吨", "亩", "米",
)  # fmt: skip
# Units of a duration of work: "审批时限由20.86天提速至6.44天", "30个工作日内办结", "10分钟办结".
DURATION_UNITS: tuple[str, ...] = ("个工作日", "工作日", "个小时", "小时", "分钟", "个月", "天")
# A duration is a figure only when what follows says so (the end of the clause, 内, 办结, 提速…);
# "15分钟公共法律服务圈", "24小时自助服务" name a practice.
_DURATION_FOLLOW = re.compile(
    r"(?:[，。；：！？、）)]|$|以内|之内|内|办结|办理|办完|完成|提速|压缩|缩短|减少|降至|降低|至|到|左右|以上)"
)
# "一" counts only before these ("配备一名法律顾问"): elsewhere it is 一体化, 一网通办, 一件事.
ONE_UNITS: tuple[str, ...] = ("名", "位")
# Measure words after a Chinese numeral: 类 is left out ("二类设区市" is a grade, not a count).
CN_COUNT_UNITS: tuple[str, ...] = tuple(u for u in COUNT_UNITS if u not in ("类", "大类"))
# Written before a number: "约1445.24万元", "超16万人次", "超过1.3亿条", "近3000件".
APPROX_BEFORE: tuple[str, ...] = ("超过", "将近", "接近", "大约", "约", "近", "超", "逾")
# Written after the number (余/多) or after the unit (以上/左右): "200余场次", "95%以上".
APPROX_AFTER_NUMBER: tuple[str, ...] = ("余", "多")
# No figure of a county's or city's report reaches 1万亿 (10^12): a larger number is an ID, a
# serial or a slip, never a figure to report or to carry into next year's data.
MAX_FIGURE = 1e12
_MAX_CLAUSE = 300  # the longest look back for a figure's clause
APPROX_AFTER_UNIT: tuple[str, ...] = ("以上", "左右")
# Verbs that make a following percentage a change rather than a level ("同比增加163%").
CHANGE_VERBS: tuple[str, ...] = (
    "增加", "增长", "提升", "提高", "上升", "减少", "下降", "降低", "精简", "压缩",
    "压减", "缩短", "缩减", "节约", "节省", "减轻", "增幅", "降幅",
)  # fmt: skip
# Words that place a rank: "居全省第1位", "排名全市第3".
RANK_CUES: tuple[str, ...] = ("位居", "位列", "名列", "排名", "排在", "居", "列", "排", "获")
# A measure-word character that starts one of these words is not a measure word here.
UNIT_BREAKERS: tuple[str, ...] = (
    "人民", "人口", "名单", "期间", "期限", "本级", "本地", "条例", "条件", "类别", "类型",
    "种类", "场所", "场景", "场地", "台账", "处理", "处罚", "处置", "户籍", "批准", "批复",
    "份额", "个月", "个工作日", "个小时", "个星期", "个季度", "个年度", "个自然日",
)  # fmt: skip

# Fixed phrases with a counting numeral that name a slogan or a practice, not a quantity;
# numbers inside them are never figures, quoted or not.
LABEL_PHRASES: tuple[str, ...] = (
    "两个维护", "两个确立", "四个意识", "四个自信", "四个全面", "三个代表", "五位一体",
    "两张皮", "两手抓", "三项制度", "三张清单", "四个强市", "两个毫不动摇", "三个务必",
)  # fmt: skip

_CN_NUMERALS = "〇零一二两三四五六七八九十百千万亿"
_MAGNITUDE = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
_PLAIN_NUMBER = re.compile(r"(\d+(?:\.\d+)?)([万亿]*)")
_NUMBER = re.compile(rf"(?P<ar>\d+(?:,\d{{3}})*(?:\.\d+)?)|(?P<cn>[{_CN_NUMERALS}]+)")
_ALL_UNITS = tuple(sorted({*COUNT_UNITS, *DURATION_UNITS, "元"}, key=len, reverse=True))
_TAIL = re.compile(
    r"(?P<mag>[万亿])?(?P<about>余|多)?(?P<mag2>[万亿])?"
    r"(?P<unit>%|个百分点|百分点|倍|" + "|".join(map(re.escape, _ALL_UNITS)) + r")?"
    r"(?P<after>以上|左右)?"
)
_CN_PERCENT = re.compile(r"百分之(?P<n>[零一二两三四五六七八九十百点]+)")
_RANK = re.compile(r"第(?P<n>\d+|[一二两三四五六七八九十]+)(?P<unit>位|名)?")
# A number touching these is part of a label, a range, a date or a code: "1+4", "3·15", "2022—2023".
_LABEL_NEIGHBOURS = set("+-—–·/:~～#＋×*") | set(string.ascii_letters)
_STOPS = "，。；：！？"
_COMPARISON = re.compile(r"同比|环比|(?:较|比|与)(?:上年|去年|上一年|20\d\d年)(?:同期)?")
_BOOK_MARKS = re.compile("[《》]")
_YEAR_BRACKETS = re.compile(r"〔[^〕]*〕")
_QUOTE_PAIRS = {"“": "”", "‘": "’", "「": "」", "【": "】"}
_MAX_QUOTED = 40
# What every masked span starts with: a text with none of these has no masked span.
_MASK_OPENERS = re.compile(
    '[《〔"' + "".join(_QUOTE_PAIRS) + "]|" + "|".join(map(re.escape, LABEL_PHRASES))
)
# The first characters a Chinese numeral's unit can start with (after 余/多): any other
# character after it means it counts nothing ("进一步", "一是", "十四五").
_CN_UNIT_FIRSTS = frozenset(u[0] for u in (*CN_COUNT_UNITS, "元"))


@dataclass(frozen=True)
class FoundFigure:
    """One figure in a text: its span, the words as written, its value and what it measures."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    approx: bool
    kind: str


def find_figures(text: str) -> list[FoundFigure]:
    """Return the figures in TEXT (one normalised paragraph), in order of appearance."""
    masked = _Masked(text)
    found = _ranks(text, masked) + _chinese_percentages(text, masked)
    taken = _merged([(f.start, f.end) for f in found])
    for m in _NUMBER.finditer(text):
        if m.lastgroup == "cn" and not _may_count(text, m.end()):
            continue  # the common case of 一 in words, told before the full look below
        if _inside(m.start(), taken):
            continue
        figure = _figure_at(text, m, masked)
        if figure is not None:
            found.append(figure)
    return sorted(found, key=lambda f: f.start)


def parse_number(s: str) -> float | None:
    """Return the value of a written number: "2.8万" → 28000, "3.84亿" → 384000000, "十余" → 10.

    Arabic digits (with 1,000 separators), 万/亿 after them, and Chinese numerals (两, 十余,
    二十万) are understood; 余/多 are dropped. Return None when S is not a number.
    """
    s = s.strip().replace(",", "")
    for mark in APPROX_AFTER_NUMBER:
        s = s.replace(mark, "")
    if not s:
        return None
    m = _PLAIN_NUMBER.fullmatch(s)
    if m:
        value = Decimal(m.group(1))
        for ch in m.group(2):
            value *= _MAGNITUDE[ch]
        return _as_float(value)
    if all(ch in _CN_NUMERALS + "点" for ch in s):
        return _parse_chinese(s)
    return None


def _figure_at(text: str, m: re.Match[str], masked: _Masked) -> FoundFigure | None:
    """Return the figure whose number is M, or None when the number is not a figure (or MASKED)."""
    start, end = m.span()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    chinese = m.group("cn") is not None
    if before == "第" or before in _LABEL_NEIGHBOURS or after in _LABEL_NEIGHBOURS:
        return None
    if after == "." or after == "〕" or before == "〔":
        return None  # structural "1." or a document number's year
    tail = _TAIL.match(text, end)
    assert tail is not None  # every group is optional
    unit = tail.group("unit")
    if chinese and not _counting_numeral(m.group(), unit):
        return None
    magnitude = (tail.group("mag") or "") + (tail.group("mag2") or "")
    if chinese and unit not in (*CN_COUNT_UNITS, "元"):
        return None
    if unit in DURATION_UNITS and not _DURATION_FOLLOW.match(text, tail.end()):
        return None
    if unit is None and not magnitude:
        return None
    if unit is None and tail.end() < len(text) and text[tail.end()] in "年月日号时":
        return None
    unit_start = tail.start("unit") if unit else tail.end()
    if unit not in DURATION_UNITS and text.startswith(UNIT_BREAKERS, unit_start):
        return None
    if start in masked:
        return None
    if magnitude or chinese:
        value = parse_number(m.group() + magnitude)
    else:  # digits alone: what parse_number's Decimal gives, without it
        value = float(m.group().replace(",", ""))
        value = value if math.isfinite(value) else None
    if value is None or value >= MAX_FIGURE:
        return None
    prefix = _approx_prefix(text, start)
    approx = bool(prefix or tail.group("about") or tail.group("after"))
    first = start - len(prefix)
    if unit in ("个百分点", "百分点"):
        unit = "百分点"
    kind = _kind_of(unit)
    if unit in ("%", "百分点", "倍"):
        change_at = _change_start(text, first)
        if change_at is not None:
            kind, first = "change", change_at
    return FoundFigure(first, tail.end(), text[first : tail.end()], value, unit, approx, kind)


def _may_count(text: str, end: int) -> bool:
    """Return False when the Chinese numeral ending at END has no unit it could count with."""
    at = end  # past 余/多 and a 万/亿 after them ("十余万人"), as _TAIL reads it
    if text[at : at + 1] in APPROX_AFTER_NUMBER:
        at += 1
        if text[at : at + 1] in _MAGNITUDE:
            at += 1
    return text[at : at + 1] in _CN_UNIT_FIRSTS


def _kind_of(unit: str | None) -> str:
    if unit in DURATION_UNITS:
        return "duration"
    if unit == "%":
        return "percent"
    if unit in ("百分点", "倍"):
        return "change"
    if unit == "元":
        return "money"
    return "count"


def _counting_numeral(numeral: str, unit: str | None) -> bool:
    """Return True for Chinese numerals that count (两, 三, 十余, 一名); not 一个, not 千家万户."""
    if numeral == "一":
        return unit in ONE_UNITS
    if numeral[0] in "百千万亿":
        return False
    return any(ch not in "〇零" for ch in numeral)


def _approx_prefix(text: str, start: int) -> str:
    if not text.endswith(APPROX_BEFORE, 0, start):
        return ""
    for word in APPROX_BEFORE:
        if text.endswith(word, 0, start):
            return word
    return ""


def _change_start(text: str, first: int) -> int | None:
    """Return where the change phrase ("同比增加", "审批效率提升") of a percentage at FIRST starts."""
    clause_start = _clause_start(text, first)
    window = text[clause_start:first]
    best: tuple[int, str] | None = None
    for verb in CHANGE_VERBS:
        at = window.rfind(verb)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, verb)
    if best is None:
        return None
    at, verb = best
    between = window[at + len(verb) :]
    if verb not in ("增幅", "降幅") and (
        between[:1] in ("至", "到", "为", "达") or "率" in between
    ):
        return None  # "降至12.81%", "压减率超过77%": the level reached, not a change
    if len(between) > 12:
        return None
    comparison = None
    for c in _COMPARISON.finditer(window, 0, at):
        comparison = c
    return clause_start + (comparison.start() if comparison else at)


def _ranks(text: str, masked: _Masked) -> list[FoundFigure]:
    """Return the ranks ("居全省第1位") in TEXT; ordinals without a rank cue are not figures."""
    out: list[FoundFigure] = []
    if "第" not in text:
        return out
    for m in _RANK.finditer(text):
        after = text[m.end()] if m.end() < len(text) else ""
        if m.group("unit") is None and after and after not in _STOPS + "、":
            continue  # "第一方阵", "第三次": an ordinal, not a place in a ranking
        lead = text[max(_clause_start(text, m.start(), 10), m.start() - 10) : m.start()]
        if not any(cue in lead for cue in RANK_CUES) or m.start() in masked:
            continue
        value = parse_number(m.group("n"))
        if value is not None:
            out.append(FoundFigure(m.start(), m.end(), m.group(), value, "位", False, "rank"))
    return out


def _chinese_percentages(text: str, masked: _Masked) -> list[FoundFigure]:
    out: list[FoundFigure] = []
    if "百分之" not in text:
        return out
    for m in _CN_PERCENT.finditer(text):
        value = None if m.start() in masked else parse_number(m.group("n"))
        if value is not None:
            out.append(FoundFigure(m.start(), m.end(), m.group(), value, "%", False, "percent"))
    return out


class _Masked:
    """The offsets of a text where numbers are not figures, found when first asked about.

    Most paragraphs have no number that could be a figure; they never look for titles and quotes.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: list[tuple[int, int]] | None = None

    def __contains__(self, pos: int) -> bool:
        if self._spans is None:
            self._spans = _masked_spans(self._text)
        return _inside(pos, self._spans)


def _masked_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of 《titles》, 〔years〕 and short quoted names, whose numbers are not figures."""
    spans: list[tuple[int, int]] = []
    if _MASK_OPENERS.search(text) is None:
        return spans
    depth = 0
    for m in _BOOK_MARKS.finditer(
        text
    ):  # the marks only: a paragraph is walked in C, not per character
        i = m.start()
        if m.group() == "《":
            if depth == 0:
                open_at = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((open_at, i + 1))
    for m in _YEAR_BRACKETS.finditer(text):
        spans.append(m.span())
    for phrase in LABEL_PHRASES:
        at = text.find(phrase)
        while at >= 0:
            spans.append((at, at + len(phrase)))
            at = text.find(phrase, at + len(phrase))
    for opener, closer in _QUOTE_PAIRS.items():
        spans.extend(_quoted(text, opener, closer))
    spans.extend(_quoted(text, '"', '"'))
    return _merged(spans)


def _quoted(text: str, opener: str, closer: str) -> list[tuple[int, int]]:
    out = []
    i = text.find(opener)
    while i >= 0:
        j = text.find(closer, i + 1)
        if j < 0:
            break
        inner = text[i + 1 : j]
        # a long quotation or one spanning sentences is quoted prose, not a name
        if len(inner) <= _MAX_QUOTED and "。" not in inner:
            out.append((i, j + 1))
        i = text.find(opener, j + 1)
    return out


def _clause_start(text: str, at: int, reach: int = _MAX_CLAUSE) -> int:
    """Return where the clause holding AT starts, looking back at most REACH characters.

    A paragraph without punctuation (a PDF copy) would otherwise make every figure look back
    to the start of the text.
    """
    floor = max(0, at - reach)
    return max(floor, max(text.rfind(ch, floor, at) for ch in _STOPS) + 1)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return SPANS sorted and merged where they overlap, for `_inside`'s binary search."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Return True when POS is inside one of SPANS (sorted and merged by `_merged`)."""
    k = bisect_right(spans, (pos, math.inf)) - 1
    return k >= 0 and pos < spans[k][1]


def _parse_chinese(s: str) -> float | None:
    value = chinese_value(s)
    return None if value is None else _as_float(value)


def _as_float(value: Decimal) -> float | None:
    """Return VALUE as a float, or None when it has none (too large: float() would give inf)."""
    try:
        number = float(value)
    except (InvalidOperation, OverflowError):
        return None
    return number if math.isfinite(number) else None
