"""The indicator catalogue (templates/indicators.yaml): the yearly figures a report carries."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from drafter.catalogue.categories import CATEGORY_IDS
from drafter.catalogue.levels import LEVELS
from drafter.errors import TemplateDataError, did_you_mean
from drafter.resources import load_template_yaml, template_path

CATALOGUE = "indicators.yaml"
KINDS = ("count", "percent", "money")
FIELDS = ("类别", "单位", "类型", "说明", "句式", "匹配", "主体", "示例", "不大于", "级别", "简句")
# Level words a 句式 may use besides {值} and {同比}; filled from templates/levels.yaml.
LEVEL_WORDS = ("自称", "全域", "委员会", "常务会议")
_SENTENCE_FIELD = re.compile(r"\{([^{}]*)\}")
_REQUIRED = ("类别", "单位", "类型", "句式")
_BAD_KEY = re.compile(r"[.:：\s]")
_KIND_UNIT = {"percent": "%", "money": "元"}


@dataclass(frozen=True)
class Indicator:
    """One catalogue entry: where it belongs, its unit and kind, how it is written and found."""

    key: str
    category: str
    unit: str
    kind: str
    description: str
    sentence: str
    match: tuple[tuple[str, ...], ...]
    example: str | None = None
    not_above: str | None = None
    # Words of which the figure's sentence must hold one ("主要负责人", "局长"): whose act it is.
    subject: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()
    short: str = ""  # the clause a 要点 naming this subject takes in, with {值}

    def offered_at(self, level: str) -> bool:
        """Return True when the catalogue offers this indicator to a unit of LEVEL."""
        return not self.levels or level in self.levels


@cache
def load_indicators() -> dict[str, Indicator]:
    """Return the catalogue's indicators by key, in file order; raise TemplateDataError if broken."""
    raw = load_template_yaml(CATALOGUE)
    if not isinstance(raw, dict) or not raw:
        raise TemplateDataError("指标目录应为“指标名: 字段”的映射。", path=_where())
    indicators = {str(key): _indicator(str(key), entry) for key, entry in raw.items()}
    for ind in indicators.values():
        if ind.not_above is not None and ind.not_above not in indicators:
            raise _error(
                ind.key,
                f"不大于：目录中没有指标“{ind.not_above}”。{_suggest(ind.not_above, indicators)}",
            )
    return indicators


def relations() -> tuple[tuple[str, str], ...]:
    """Return the (lower, upper) pairs of indicators where lower ≤ upper (审结 ≤ 受理), from 不大于.

    The one table both the data file's check and `drafter check` enforce.
    """
    return tuple(
        (ind.key, ind.not_above) for ind in load_indicators().values() if ind.not_above is not None
    )


def _indicator(key: str, entry: Any) -> Indicator:
    if _BAD_KEY.search(key) or not key:
        raise _error(key, "指标名不能为空，也不能含点号、冒号或空格。")
    if not isinstance(entry, dict):
        raise _error(key, "下面应当是“字段: 值”的若干行（类别、单位、类型、句式……）。")
    for field_name in entry:
        if str(field_name) not in FIELDS:
            raise _error(key, f"未知的字段“{field_name}”。{_suggest(str(field_name), FIELDS)}")
    for field_name in _REQUIRED:
        if not _text(entry.get(field_name)):
            raise _error(key, f"缺少字段“{field_name}”。")
    category, unit, kind = (_text(entry[f]) for f in ("类别", "单位", "类型"))
    if category not in CATEGORY_IDS:
        raise _error(key, f"类别“{category}”不是已知的类别代号。{_suggest(category, CATEGORY_IDS)}")
    if kind not in KINDS:
        raise _error(key, f"类型“{kind}”应为 count、percent、money 之一。")
    if kind in _KIND_UNIT and unit != _KIND_UNIT[kind]:
        raise _error(key, f"类型为 {kind} 的指标，单位应为“{_KIND_UNIT[kind]}”。")
    sentence = _text(entry["句式"])
    if sentence.count("{值}") != 1:
        raise _error(key, "句式中必须出现且只出现一次 {值}。")
    if "{同比}" in sentence and "{值}{同比}" not in sentence:
        raise _error(key, "句式中的 {同比} 只能紧跟在 {值} 后面。")
    for name in _SENTENCE_FIELD.findall(sentence):
        if name not in ("值", "同比", *LEVEL_WORDS):
            raise _error(
                key,
                f"句式中不认识 {{{name}}}，只能用 {{值}}、{{同比}}、{{全域}}、{{常务会议}}、{{委员会}}、{{自称}}。",
            )
    levels = _levels(key, entry.get("级别"))
    short = _text(entry.get("简句"))
    if short and short.count("{值}") != 1:
        raise _error(key, "简句中必须出现且只出现一次 {值}。")
    return Indicator(
        key=key,
        category=category,
        unit=unit,
        kind=kind,
        description=_text(entry.get("说明")),
        sentence=sentence,
        match=_match_groups(key, entry.get("匹配")),
        example=_text(entry.get("示例")) or None,
        not_above=_text(entry.get("不大于")) or None,
        subject=_subject_words(key, entry.get("主体")),
        levels=levels,
        short=short,
    )


def _subject_words(key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise _error(key, "主体应写成 [词, 词] 的列表，数字所在的句子含其中任一个词才算这个指标。")
    return tuple(i.strip() for i in items)


def _levels(key: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items:
        raise _error(key, "级别应写成 [省, 市] 这样的列表。")
    for item in items:
        if str(item) not in LEVELS:
            raise _error(key, f"级别“{item}”应为 {'、'.join(LEVELS)} 之一。")
    return tuple(str(i) for i in items)


def _match_groups(key: str, value: Any) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
        raise _error(key, "匹配应写成 [词 词, 词 词] 的列表，每一组是用空格隔开的关键词。")
    return tuple(tuple(item.split()) for item in items)


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _suggest(word: str, candidates: Any) -> str:
    return did_you_mean(word, candidates, cutoff=0.4)


def _where() -> str:
    return str(template_path(CATALOGUE))


def _error(key: str, message: str) -> TemplateDataError:
    return TemplateDataError(f"指标“{key}”：{message}", path=_where(), line=_line_of(key))


def _line_of(key: str) -> int | None:
    """Return the line where KEY is defined at the top level of the catalogue, if found."""
    try:
        text = template_path(CATALOGUE).read_text(encoding="utf-8")
    except OSError:
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith((f"{key}:", f"'{key}':", f'"{key}":')):
            return number
    return None
