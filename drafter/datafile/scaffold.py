"""Write the year's data file to fill in: every catalogue indicator, grouped by section, with hints."""

from __future__ import annotations

import json
import re

import yaml

from drafter.catalogue import (
    PART1_CATEGORIES,
    Indicator,
    level_of,
    load_categories,
    load_indicators,
)
from drafter.datafile.reported import reported_indicators
from drafter.learning import Skeleton, is_shipped
from drafter.resources import safe_loader
from drafter.text import format_quantity

# Indicators an untouched scaffold lists to fill: each becomes a placeholder in its draft.
MAX_LISTED = 15
_HEADER = """\
# 法治政府建设年度报告 数据表（由 drafter scaffold 生成）
# 填写方法：在冒号后面填数字，不知道的空着不填（初稿里会留下黄色的【待填：…】）。
#   只填本年数字：    行政复议受理件数: 1399
#   同时填上年数字：  行政复议受理件数: {本年: 1399, 上年: 532}   （初稿会自动算出“同比增长163%”）
#   约数（“余”）：    法治培训人次: {本年: 28000, 约数: true}     （初稿写作“2.8万余人次”）
#   数字可以写 2.8万、3.84亿；比率只写数字，如 98.5 表示 98.5%。
# 先列出的是往年报告用过的指标（附去年的写法）；其余指标在各栏目末尾的注释中，
#   要填写时删去该行开头的“# ”即可。与本单位无关的指标可以整行删除，删除的指标不会出现在初稿中。
# 填好后运行：drafter draft 本文件.yaml -o 初稿.docx
"""


def scaffold_text(
    skeleton: Skeleton,
    *,
    unit: str,
    year: int,
    previous: dict[str, float] | None = None,
    source_note: str | None = None,
    evidence: dict[str, str] | None = None,
    notes: list[str] | None = None,
) -> str:
    """Return the YAML text of an empty data file; PREVIOUS pre-fills 上年 values by indicator key.

    EVIDENCE (indicator key → the words a pre-filled value came from) is written beside each
    pre-filled value as a comment, for the user to check it against.
    """
    previous = previous or {}
    evidence = evidence or {}
    level = level_of(unit)
    indicators = {k: i for k, i in load_indicators().items() if i.offered_at(level.name)}
    hints = {k: v for k, v in reported_indicators(skeleton).items() if k in indicators}
    if is_shipped(skeleton):  # other places' sentences: not this unit's last year
        hints = dict.fromkeys(hints, "")
    listed = {k: hints.get(k, "") for k in _first(hints, MAX_LISTED)} | {
        k: hints.get(k, "") for k in previous if k in indicators
    }
    lines = [_HEADER.rstrip()]
    if source_note:
        lines.append(f"# 上年数字取自：{source_note}（请逐项对照旁注的原文核对）")
    lines += [f"# {n}" for n in notes or ()]
    lines += [
        "",
        f"单位: {_scalar(unit)}" if unit else "单位:          # 报告单位全称，如 示例市人民政府",
        "自称:          # 如 我市、我区、我局；不填则按单位名称推断",
        f"级别: {level.name}"
        + ("" if level.known else "      # 省、市、县、区、乡镇、街道、部门之一；县级市写 县"),
        f"年度: {year}",
        f"成文日期:      # 如 {year + 1}年3月8日",
        "落款:          # 不填则用“单位”",
        "",
        "指标:",
    ]
    for cid in _part1_order(skeleton):
        lines += _figure_group(cid, indicators, previous, listed, evidence, indent="  ")
    lines += [
        "",
        "要点:",
        "  # 每个栏目写几句本年度的亮点工作（一条一句，以“- ”开头），初稿会放在该栏目的数字前面。",
    ]
    for cid in _part1_order(skeleton):
        lines += [f"  {load_categories()[cid].short}: []"]
    lines += [
        "",
        "不足:  # 存在的不足和原因，一条一句；不填则初稿给出往年报告中的参考句（标为“建议改写”）",
        "  []",
        "",
        "第一责任人:  # 党政主要负责人履行推进法治建设第一责任人职责情况",
        "  要点: []   # 如：主持召开政府常务会议专题研究法治政府建设工作",
        "  指标:",
        *_figure_lines("first_responsible", indicators, previous, listed, evidence, indent="    "),
        "",
        f"安排:  # {year + 1}年度推进法治政府建设的主要安排，一条一句",
        "  []",
        "",
        "其他: []  # 其他需要报告的情况（没有可不填）",
    ]
    return "\n".join(lines) + "\n"


def _part1_order(skeleton: Skeleton) -> list[str]:
    learned = [c.id for c in skeleton.categories if c.id in PART1_CATEGORIES]
    return learned + [c for c in PART1_CATEGORIES if c not in learned]


def _figure_group(
    cid: str,
    indicators: dict[str, Indicator],
    previous: dict[str, float],
    listed: dict[str, str],
    evidence: dict[str, str],
    indent: str,
) -> list[str]:
    spec = load_categories()[cid]
    return [
        f"{indent}# —— {spec.name} ——",
        f"{indent}{spec.short}:",
        *_figure_lines(cid, indicators, previous, listed, evidence, indent + "  "),
    ]


def _figure_lines(
    cid: str,
    indicators: dict[str, Indicator],
    previous: dict[str, float],
    listed: dict[str, str],
    evidence: dict[str, str],
    indent: str,
) -> list[str]:
    """Return the lines of CID's indicators: LISTED ones to fill, the others commented out."""
    lines: list[str] = []
    rest: list[Indicator] = []
    for ind in indicators.values():
        if ind.category != cid:
            continue
        if ind.key not in listed:
            rest.append(ind)
            continue
        lines.append(f"{indent}# {ind.description}（单位：{ind.unit}）")
        example = listed[ind.key] or ind.example
        if example:
            lines.append(f"{indent}#   {'去年' if listed[ind.key] else '例'}：{example}")
        last = previous.get(ind.key)
        value = f" {{本年: , 上年: {_plain(last)}}}" if last is not None else ""
        source = evidence.get(ind.key) if last is not None else None
        note = f"  # 原文：{source}" if source else ""
        lines.append(f"{indent}{ind.key}:{value}{note}")
    if rest:
        lines.append(f"{indent}# ·· 往年报告没有用过的指标，要填写时删去行首的“# ”：")
        lines += [
            f"{indent}# {ind.key}:    # {ind.description}（单位：{ind.unit}）" for ind in rest
        ]
    return lines


def _first(hints: dict[str, str], limit: int) -> list[str]:
    """Return up to LIMIT keys of HINTS, taking each category's first ones in turn."""
    indicators = load_indicators()
    by_category: dict[str, list[str]] = {}
    for key in hints:
        by_category.setdefault(indicators[key].category, []).append(key)
    out: list[str] = []
    while len(out) < limit and any(by_category.values()):
        for keys in by_category.values():
            if keys and len(out) < limit:
                out.append(keys.pop(0))
    return out


def _plain(value: float) -> str:
    return format_quantity(value) if value >= 10_000 and value == int(value) else f"{value:g}"


# Characters that would make a plain YAML scalar mean something else (mapping, comment, flow).
_YAML_SPECIAL = re.compile(r"[:#{}\[\],&*!|>'\"%@`]|^[-?\s]|\s$")


def _scalar(text: str) -> str:
    """Return TEXT as a YAML scalar: plain when safe, else double-quoted (JSON is valid YAML).

    Plain only when YAML reads it back as this very text: "0x1F", "1e3", "null", "yes" would
    come back as a number, nothing or a boolean.
    """
    if _YAML_SPECIAL.search(text) or not _reads_back(text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _reads_back(text: str) -> bool:
    try:
        return bool(yaml.load(text, Loader=safe_loader()) == text)
    except yaml.YAMLError:
        return False
