"""The year's data file (YAML, Chinese keys): load, validate, and return `YearData`.

Shape (see examples/ and `drafter scaffold`):
  单位, 自称, 级别, 年度, 成文日期, 落款, 主送, 默认标题; 指标: {类别: {指标名: 数字 | {本年, 上年, 约数}}};
  要点: {类别: [句子]}; 不足: [句子]; 安排: [句子]; 第一责任人: {指标: {…}, 要点: [句子]}; 其他: [句子].
A 类别 is written as its short Chinese name (党的领导), its default heading, or its English id.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from pathlib import Path
from typing import Any

from drafter.catalogue import (
    LEVELS,
    SECTION_CATEGORIES,
    Indicator,
    Level,
    category_by_name,
    level_of,
    load_categories,
    load_indicators,
    relations,
)
from drafter.datafile.model import FigureValue, YearData
from drafter.errors import DataError, InputError, did_you_mean, quoted
from drafter.resources import Lines, load_yaml_with_lines
from drafter.text import MAX_FIGURE, RESERVED_CHARS, parse_number

TOP_KEYS = (
    "单位", "自称", "级别", "年度", "成文日期", "落款", "主送", "默认标题",
    "指标", "要点", "不足", "安排", "第一责任人", "其他",
)  # fmt: skip
VALUE_KEYS = ("本年", "上年", "约数")
# Characters Word cannot store in document.xml (XML 1.0 forbids them), and the two private-use
# characters drafting uses to mark figures in rendered templates (text.RESERVED_CHARS).
_BAD_CHARS = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff{RESERVED_CHARS}]")
_DATE = re.compile(r"^\s*(\d{4})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?\s*$")
_YEAR = re.compile(r"^\s*(\d{4})\s*年?(度)?\s*$")
# Written for 约数 by people who do not know YAML's true/false.
_YES = ("是", "对", "有", "约", "yes", "true")
_NO = ("否", "不", "不是", "无", "no", "false")
# Categories a figure or a 要点 may be filed under: part 1's and the first-responsible part.
_TOP_LEVEL_FOR = {"problems": "不足", "plan": "安排", "other": "其他"}


def read_data_file(path: Path) -> YearData:
    """Return the validated data of the data file at PATH (UTF-8, with or without BOM)."""
    if path.suffix.lower() in (".docx", ".doc", ".wps", ".txt", ".pdf"):
        raise InputError(
            f"这是 {path.suffix} 文件，不是数据表。请给出数据表（.yaml，可用 drafter scaffold 生成）；"
            "refresh 的顺序是：初稿在前，数据表在后。",
            path=str(path),
        )
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as e:
        raise InputError(
            "数据表不存在，请检查路径（可用 drafter scaffold 生成）。", path=str(path)
        ) from e
    except IsADirectoryError as e:
        raise InputError("这是一个文件夹，请写数据表（.yaml）的文件名。", path=str(path)) from e
    except UnicodeDecodeError as e:
        raise InputError(
            "数据表不是 UTF-8 编码的文本，请用记事本另存为 UTF-8。", path=str(path)
        ) from e
    except OSError as e:
        raise InputError(f"无法读取数据表（{e.strerror}）。", path=str(path)) from e
    return load_data(text, str(path))


def load_data(text: str, path: str) -> YearData:
    """Return the validated data of a data file whose content is TEXT (PATH names it in errors)."""
    raw, lines = load_yaml_with_lines(text, path)
    return _Validator(path, lines).validate(raw)


class _Validator:
    def __init__(self, path: str, lines: Lines) -> None:
        self.path = path
        self.lines = lines
        self.indicators = load_indicators()
        # Where each figure was written, for errors found after all are read (审结 > 受理).
        self.where: dict[str, tuple[str, ...]] = {}

    def fail(self, keys: tuple[str, ...], message: str) -> DataError:
        line = None
        for n in range(len(keys), 0, -1):
            line = self.lines.get(keys[:n])
            if line:
                break
        shown = ".".join(quoted(k) for k in keys)
        return DataError(message, key_path=shown or None, path=self.path, line=line)

    def validate(self, raw: Any) -> YearData:
        if raw is None:
            raise self.fail((), "数据文件是空的（可用 drafter scaffold 生成模板）。")
        if not isinstance(raw, dict):
            raise self.fail((), "数据文件应当是“键: 值”的形式（可用 drafter scaffold 生成模板）。")
        for key in raw:
            if str(key) not in TOP_KEYS:
                raise self.fail((str(key),), f"未知的项目。{_suggest(str(key), TOP_KEYS)}")
        # May be left empty (an untouched scaffold): the draft then shows a placeholder.
        unit = self.line_text(raw, ("单位",))
        level = self.line_text(raw, ("级别",)) or None
        if level is not None and level not in LEVELS:
            raise self.fail(("级别",), f"级别应为 {'、'.join(LEVELS)} 之一，现在是“{level}”。")
        unit_level = level_of(unit, level)
        year = self.year(raw.get("年度"))
        figures: dict[str, FigureValue] = {}
        for cat_key, group in self.mapping(raw.get("指标"), ("指标",)).items():
            cid = self.category(("指标", cat_key))
            self.add_figures(figures, self.figure_group(group, ("指标", cat_key), cid))
        points: dict[str, tuple[str, ...]] = {}
        for cat_key, sentences in self.mapping(raw.get("要点"), ("要点",)).items():
            cid = self.category(("要点", cat_key))
            if cid in points:
                raise self.fail(("要点", cat_key), "这一类别的要点写了两处，请合并到一处。")
            points[cid] = self.sentences(sentences, ("要点", cat_key))
        first = self.mapping(raw.get("第一责任人"), ("第一责任人",))
        for key in first:
            if key not in ("指标", "要点"):
                raise self.fail(
                    ("第一责任人", key), f"未知的项目。{_suggest(key, ('指标', '要点'))}"
                )
        self.add_figures(
            figures,
            self.figure_group(first.get("指标"), ("第一责任人", "指标"), "first_responsible"),
        )
        if first.get("要点") is not None:
            if "first_responsible" in points:
                raise self.fail(
                    ("第一责任人", "要点"), "“要点”下已有第一责任人的要点，请合并到一处。"
                )
            points["first_responsible"] = self.sentences(first["要点"], ("第一责任人", "要点"))
        self.check_relations(figures)
        self.check_levels(figures, unit_level.name)
        signed = self.date(raw.get("成文日期"), year)
        return YearData(
            unit=unit,
            self_name=self.line_text(raw, ("自称",)) or _self_name(unit, unit_level),
            year=year,
            signed=signed,
            signature=self.line_text(raw, ("落款",)) or unit,
            figures=figures,
            points=points,
            problems=self.sentences(raw.get("不足"), ("不足",)),
            plans=self.sentences(raw.get("安排"), ("安排",)),
            other=self.sentences(raw.get("其他"), ("其他",)),
            source=self.path,
            level=unit_level.name,
            addressee=self.line_text(raw, ("主送",)) if "主送" in raw else None,
            default_headings=self.flag(raw.get("默认标题"), ("默认标题",)),
        )

    def check_levels(self, figures: dict[str, FigureValue], level: str) -> None:
        for key, value in figures.items():
            ind = self.indicators[key]
            if value.current is not None and not ind.offered_at(level):
                raise self.fail(
                    self.where[key],
                    f"{level}级单位的报告没有这个指标（只有{'、'.join(ind.levels)}级才有）。"
                    "请删去这一行；如果单位的级别认错了，请在数据表中写“级别: 市”之类。",
                )

    def line_text(self, raw: dict[str, Any], keys: tuple[str, ...]) -> str:
        """Return a one-line text field (单位, 自称, 落款), its inner whitespace collapsed."""
        value = raw.get(keys[-1])
        if value is None or (isinstance(value, str) and not value.strip()):
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(keys, "应当填写一段文字。")
        return " ".join(self.clean(str(value), keys).split())

    def clean(self, value: str, keys: tuple[str, ...]) -> str:
        bad = _BAD_CHARS.search(value)
        if bad:
            raise self.fail(
                keys, f"含有 Word 无法保存的控制字符（U+{ord(bad.group()):04X}），请删除后重试。"
            )
        return value

    def year(self, value: Any) -> int:
        if value is None or value == "":
            raise self.fail(("年度",), "必须填写报告所属年度，如 2025。")
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str):
            m = _YEAR.match(unicodedata.normalize("NFKC", value))
            number = int(m.group(1)) if m else None
        if number is None or not 2000 <= number <= 2100:
            raise self.fail(("年度",), f"应为四位数年份（如 2025），现在是“{quoted(value)}”。")
        return number

    def date(self, value: Any, year: int) -> dt.date | None:
        if value is None or value == "":
            return None
        signed: dt.date | None = None
        if isinstance(value, dt.datetime):
            signed = value.date()
        elif isinstance(value, dt.date):
            signed = value
        else:
            m = _DATE.match(unicodedata.normalize("NFKC", str(value)))
            if m:
                try:
                    signed = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    signed = None
        if signed is None:
            raise self.fail(
                ("成文日期",), f"日期“{quoted(value)}”无法识别，请写成 2026年3月8日 或 2026-03-08。"
            )
        if not year <= signed.year <= year + 1:
            raise self.fail(
                ("成文日期",),
                f"{year}年度的报告，成文日期应在{year}年或{year + 1}年，现在是 {signed.isoformat()}，请核对。",
            )
        return signed

    def mapping(self, value: Any, keys: tuple[str, ...]) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(keys, "这里应当是“名称: 内容”的分组，不是单个值或列表。")
        return {str(k): v for k, v in value.items()}

    def category(self, keys: tuple[str, ...]) -> str:
        cid = category_by_name(keys[-1])
        if cid in _TOP_LEVEL_FOR:
            raise self.fail(
                keys, f"请写在顶格的“{_TOP_LEVEL_FOR[cid]}:”下面，而不是“{keys[0]}”下面。"
            )
        if cid is None or cid not in SECTION_CATEGORIES:
            specs = load_categories()
            names = [specs[c].short for c in SECTION_CATEGORIES]
            raise self.fail(keys, f"未知的类别。{_suggest(keys[-1], names)}")
        return cid

    def sentences(self, value: Any, keys: tuple[str, ...]) -> tuple[str, ...]:
        if value is None:
            return ()
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            raise self.fail(keys, "应当是一句话，或以“- ”开头的多句话列表。")
        out = []
        for i, item in enumerate(items):
            if item is None or (isinstance(item, str) and not item.strip()):
                continue
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                raise self.fail((*keys, str(i + 1)), "每一项应当是一句话。")
            out.append(_one_line(self.clean(str(item), (*keys, str(i + 1)))))
        return tuple(out)

    def figure_group(
        self, group: Any, keys: tuple[str, ...], category: str
    ) -> dict[str, FigureValue]:
        out: dict[str, FigureValue] = {}
        for key, value in self.mapping(group, keys).items():
            indicator = self.indicators.get(key)
            if indicator is None:
                raise self.fail(
                    (*keys, key), f"指标目录中没有这个指标。{_suggest(key, list(self.indicators))}"
                )
            if indicator.category != category:
                home = load_categories()[indicator.category].short
                where = "第一责任人.指标" if home == "第一责任人" else f"指标.{home}"
                raise self.fail((*keys, key), f"这个指标属于“{home}”，请移到“{where}”下面。")
            self.where[key] = (*keys, key)
            out[key] = self.figure(indicator, value, (*keys, key))
        return out

    def add_figures(self, figures: dict[str, FigureValue], more: dict[str, FigureValue]) -> None:
        for key in more:
            if key in figures:
                raise self.fail(self.where[key], "这个指标填写了两次，请删去其中一处。")
        figures.update(more)

    def figure(self, indicator: Indicator, value: Any, keys: tuple[str, ...]) -> FigureValue:
        if isinstance(value, dict):
            for k in value:
                if str(k) not in VALUE_KEYS:
                    raise self.fail((*keys, str(k)), f"未知的项目。{_suggest(str(k), VALUE_KEYS)}")
            current, about = self.number(indicator, value.get("本年"), (*keys, "本年"))
            previous, _ = self.number(indicator, value.get("上年"), (*keys, "上年"))
            approx = self.flag(value.get("约数"), (*keys, "约数"))
            return FigureValue(current=current, previous=previous, approx=approx or about)
        current, about = self.number(indicator, value, keys)
        return FigureValue(current=current, approx=about)

    def flag(self, value: Any, keys: tuple[str, ...]) -> bool:
        if value is None or isinstance(value, bool):
            return bool(value)
        text = str(value).strip().lower()
        if text in _YES:
            return True
        if text in _NO:
            return False
        raise self.fail(keys, f"应填 是 或 否（true/false），现在是“{quoted(value)}”。")

    def number(
        self, indicator: Indicator, value: Any, keys: tuple[str, ...]
    ) -> tuple[float | None, bool]:
        """Return the figure's value and whether it was written as approximate ("2.8万余")."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return None, False
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise self.fail(keys, f"这里应填一个数字，现在是“{quoted(value)}”。")
        approx = False
        if isinstance(value, int | float):
            # clamped first: an int beyond a float's range is refused as too large, not an error
            number: float | None = float(min(value, 2 * MAX_FIGURE))
        else:
            text = unicodedata.normalize("NFKC", str(value)).replace(",", "").replace(" ", "")
            for suffix in (indicator.unit, "%"):
                if suffix and text.endswith(suffix) and len(text) > len(suffix):
                    text = text[: -len(suffix)]
            approx = text.endswith(("余", "多"))
            number = parse_number(text)
        if number is None or math.isnan(number):
            raise self.fail(
                keys, f"“{quoted(value)}”不是数字。请填写阿拉伯数字，如 1399、2.8万、3.84亿。"
            )
        if number < 0:
            raise self.fail(keys, f"不能是负数（{quoted(value)}）。")
        if number >= MAX_FIGURE:
            raise self.fail(
                keys, f"数字过大（{quoted(value)}），不像是报告中的数字，请核对（应小于1万亿）。"
            )
        number += 0.0  # -0.0 is 0
        if indicator.kind == "percent" and number > 100:
            raise self.fail(keys, f"比率不能超过100%（现在是 {quoted(value)}）。")
        if indicator.kind == "count" and number != int(number):
            raise self.fail(keys, f"件数、次数应为整数（现在是 {quoted(value)}）。")
        return number, approx

    def check_relations(self, figures: dict[str, FigureValue]) -> None:
        for key, upper_key in relations():
            value, upper = figures.get(key), figures.get(upper_key)
            if value is None or upper is None:
                continue
            for attr, label in (("current", "本年"), ("previous", "上年")):
                mine, theirs = getattr(value, attr), getattr(upper, attr)
                if mine is not None and theirs is not None and mine > theirs:
                    keys = self.where[key]
                    if isinstance(self.lines.get((*keys, label)), int):
                        keys = (*keys, label)
                    raise self.fail(
                        keys,
                        f"{label}{key}（{mine:g}）不能大于{upper_key}（{theirs:g}），请核对。",
                    )


# Line breaks inside a sentence: YAML folds a wrapped line into a space, which Chinese text does
# not want between two Han characters.
_CJK_GAP = re.compile(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])")


def _one_line(text: str) -> str:
    """Return a sentence on one line: no breaks or spaces between Chinese characters."""
    return " ".join(_CJK_GAP.sub("", text.strip()).split())


def _suggest(word: str, candidates: Any) -> str:
    return did_you_mean(word, candidates) or "请对照 drafter scaffold 生成的模板检查拼写。"


def _self_name(unit: str, level: Level) -> str:
    return "" if not unit else level.word("自称") if level.known else "我们"
