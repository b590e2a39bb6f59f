"""Compose the draft from the year's data, the learned skeleton and the templates (no .docx here)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from drafter.catalogue import (
    PART1_CATEGORIES,
    RULE_PARTS,
    Indicator,
    SessionTable,
    load_categories,
    load_indicators,
)
from drafter.datafile import FigureValue, YearData
from drafter.drafting.change import year_on_year
from drafter.drafting.model import (
    Block,
    Draft,
    Figure,
    Inline,
    Placeholder,
    Suggestion,
    Text,
    ToVerify,
)
from drafter.drafting.opening import opening_citation
from drafter.drafting.suggestions import fill_suggestion, suggestion_pool
from drafter.drafting.templating import has_template, render_template
from drafter.errors import TemplateDataError
from drafter.learning import Skeleton
from drafter.resources import load_template_yaml, template_path
from drafter.text import (
    CHANGE_TODO_LABEL,
    MARK_PATTERN,
    chinese_numeral,
    format_figure,
    inline_mark,
    placeholder,
)

# Figures travel through jinja2 as markers made of two private-use characters the data file may not contain.
# V: a figure's value, C: its year-on-year phrase, T: a figure to fill, P: a fact to fill,
# K: text to verify.
# Facts of the data file that may be left empty, and how their placeholders read.
_FACT_LABELS = {
    "单位": "单位名称",
    "自称": "自称（如我市、我区、我局）",
    "落款": "落款（单位名称）",
}
_FIELD = re.compile(r"\{([^{}]*)\}")
_ITEM_NUMBER = re.compile(
    r"^([一二三四五六七八九十]+是|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])"
)


@dataclass(frozen=True)
class _Frame:
    title: str
    parts: dict[str, str]
    suggestions: int


@dataclass(frozen=True)
class _Context:
    """What every section needs: the data, the skeleton, and the suggestions left to offer."""

    data: YearData
    skeleton: Skeleton
    pool: dict[str, list[str]]
    limit: int


def draft_report(data: YearData, skeleton: Skeleton, years: SessionTable | None = None) -> Draft:
    """Return the draft for DATA: title, opening, the rule's parts in order, signature and date.

    YEARS is the years table the opening's citation comes from (default: the shipped one).
    """
    frame = _frame()
    fill = {"年度": str(data.year), "下年": str(data.year + 1), "单位": _fact(data.unit, "单位")}
    title = Block("title", _inlines(_fill(frame.title, fill, "标题"), data))
    blocks: list[Block] = [title, _opening(data, years)]
    part_no = 0

    def part(cid: str) -> None:
        nonlocal part_no
        part_no += 1
        heading = _fill(frame.parts[cid], fill, f"部分.{cid}")
        blocks.append(Block("heading1", _inlines(f"{chinese_numeral(part_no)}、{heading}", data)))

    ctx = _Context(data, skeleton, suggestion_pool(skeleton), frame.suggestions)
    part("achievements")
    for i, cid in enumerate(_part1_categories(data, skeleton), start=1):
        blocks.append(
            Block("heading2", (Text(f"（{chinese_numeral(i)}）{load_categories()[cid].name}"),))
        )
        blocks.extend(_category_body(cid, ctx))
    part("problems")
    blocks.extend(_list_or_suggestions(data.problems, "problems", ctx))
    part("first_responsible")
    blocks.extend(_category_body("first_responsible", ctx))
    part("plan")
    blocks.extend(_list_or_suggestions(data.plans, "plan", ctx))
    if data.other:
        part("other")
        blocks.extend(Block("body", (Text(_full_stop(s)),)) for s in data.other)
    blocks.append(Block("signature", _inlines(_fact(data.signature, "落款"), data)))
    date = _chinese_date(data.signed) if data.signed else None
    blocks.append(Block("date", (Text(date),) if date else (Placeholder(None, "成文日期"),)))
    signed = data.signed or dt.date(data.year + 1, 1, 1)
    return Draft(
        title=title.text, unit=data.unit, year=data.year, signed=signed, blocks=tuple(blocks)
    )


@cache
def _frame() -> _Frame:
    raw = load_template_yaml("report.yaml")
    try:
        return _Frame(
            str(raw["标题"]), {k: str(v) for k, v in raw["部分"].items()}, int(raw["参考句数"])
        )
    except (KeyError, TypeError, ValueError) as e:
        raise TemplateDataError(
            f"缺少或写错了项目：{e}", path=str(template_path("report.yaml"))
        ) from e


def _opening(data: YearData, years: SessionTable | None) -> Block:
    citation = opening_citation(data.year, years)
    verify = {}
    sessions = citation.sessions
    if isinstance(sessions, ToVerify):
        verify[sessions.key] = sessions
        sessions = inline_mark("K", sessions.key)
    text = render_template(
        "opening.j2",
        {
            "年度": data.year,
            "下年": data.year + 1,
            "单位": _fact(data.unit, "单位"),
            "自称": _fact(data.self_name, "自称"),
            "引文": sessions,
            "纲要": citation.plan,
        },
    )
    return Block("body", _inlines(text, data, verify))


def _fact(value: str, name: str) -> str:
    """Return VALUE, or the marker of a placeholder for the data file's fact NAME when empty."""
    return value or inline_mark("P", name)


def _fill(template: str, fill: dict[str, str], where: str) -> str:
    """Return a templates/report.yaml text with its {年度}, {下年} and {单位} filled."""

    def field(m: re.Match[str]) -> str:
        if m.group(1) not in fill:
            raise TemplateDataError(
                f"{where}：不认识 {{{m.group(1)}}}，只能用 {{年度}}、{{下年}}、{{单位}}。",
                path=str(template_path("report.yaml")),
            )
        return fill[m.group(1)]

    return _FIELD.sub(field, template)


def _part1_categories(data: YearData, skeleton: Skeleton) -> list[str]:
    """Return part-1 categories: the skeleton's, in learned order, then any others the data fills."""
    learned = [c.id for c in skeleton.categories if c.id in PART1_CATEGORIES]
    used = {load_indicators()[k].category for k in data.figures} | set(data.points)
    extra = [c for c in PART1_CATEGORIES if c not in learned and c in used]
    return learned + extra


def _category_body(cid: str, ctx: _Context) -> list[Block]:
    data = ctx.data
    blocks = [Block("body", (Text(_full_stop(p)),)) for p in data.points.get(cid, ())]
    listed = [
        ind for key, ind in load_indicators().items() if ind.category == cid and key in data.figures
    ]
    given = any(data.figures[i.key].current is not None for i in listed)
    if not blocks and not given:
        blocks.extend(_suggestions(cid, ctx))
    if listed:
        blocks.append(Block("body", _figure_paragraph(cid, listed, data)))
    return blocks


def _figure_paragraph(cid: str, listed: list[Indicator], data: YearData) -> tuple[Inline, ...]:
    entries = {ind.key: _sentence(ind, data.figures[ind.key]) for ind in listed}
    context: dict[str, Any] = {
        "年度": data.year,
        "下年": data.year + 1,
        "单位": data.unit,
        "自称": data.self_name,
        "类别": load_categories()[cid].name,
        "句子": list(entries.values()),
        "指标": entries,
    }
    name = f"{cid}.j2" if has_template(f"{cid}.j2") else "default.j2"
    return _inlines(render_template(name, context), data)


def _sentence(indicator: Indicator, value: FigureValue) -> str:
    """Return the indicator's sentence with markers for its figure and year-on-year phrase.

    The phrase goes where the sentence says {同比}; a sentence without {同比} whose figure has
    a 上年 value gets it at its end, so a computed change is never dropped.
    """
    sentence = indicator.sentence
    if value.current is None:
        # with 上年 known, leave a yellow 【待填：同比】 for `refresh` to compute once 本年 comes
        pending = "，" + inline_mark("C", indicator.key) if value.previous is not None else ""
        if pending and "{同比}" not in sentence:
            sentence += "{同比}"
        todo = inline_mark("T", indicator.key)
        return sentence.replace("{值}", todo).replace("{同比}", pending)
    change = ""
    if value.previous is not None and year_on_year(value.current, value.previous, indicator):
        change = "，" + inline_mark("C", indicator.key)
    if "{同比}" not in sentence:
        sentence += "{同比}"
    return sentence.replace("{值}", inline_mark("V", indicator.key)).replace("{同比}", change)


def _inlines(
    text: str, data: YearData, verify: dict[str, ToVerify] | None = None
) -> tuple[Inline, ...]:
    """Return TEXT's markers resolved into figures, year-on-year phrases and placeholders.

    VERIFY holds the text to verify that K markers stand for.
    """
    indicators = load_indicators()
    out: list[Inline] = []
    last = 0
    for m in MARK_PATTERN.finditer(text):
        if m.start() > last:
            out.append(Text(text[last : m.start()]))
        kind, key = m.group(1), m.group(2)
        last = m.end()
        if kind == "P":
            out.append(Placeholder(None, _FACT_LABELS[key]))
            continue
        if kind == "K":
            out.append((verify or {})[key])
            continue
        ind, value = indicators[key], data.figures[key]
        if kind == "C" and value.current is None:  # 上年 known, 本年 still to come
            pending = placeholder(CHANGE_TODO_LABEL)
            out.append(Figure(key, pending, role="change", pending=True))
        elif kind == "C":
            assert value.current is not None and value.previous is not None
            phrase = year_on_year(value.current, value.previous, ind) or ""
            out.append(Figure(key, phrase, role="change"))
        elif kind == "T" or value.current is None:
            out.append(Placeholder(key, ind.description))
        else:
            out.append(
                Figure(key, format_figure(value.current, ind.unit, ind.kind, approx=value.approx))
            )
        last = m.end()
    if last < len(text):
        out.append(Text(text[last:]))
    return tuple(out)


def _suggestions(cid: str, ctx: _Context) -> list[Block]:
    """Return up to the frame's number of learned sentences for CID, marked to rewrite.

    With none to offer, one placeholder asks for the section's content, so no heading stands
    empty.
    """
    texts = ctx.pool.get(cid, [])[: ctx.limit]
    if not texts:
        name = load_categories()[cid].name
        label = name if cid in RULE_PARTS else f"{name}的主要工作"
        return [Block("body", (Placeholder(None, label),))]
    data = ctx.data
    return [
        Block("body", (Suggestion(fill_suggestion(t, year=data.year, self_name=data.self_name)),))
        for t in texts
    ]


def _list_or_suggestions(items: tuple[str, ...], cid: str, ctx: _Context) -> list[Block]:
    if not items:
        return _suggestions(cid, ctx)
    # "一是…二是…" unless the writer numbered the items already (then as written, no mixing)
    numbered = len(items) > 1 and not any(_ITEM_NUMBER.match(s) for s in items)
    return [
        Block(
            "body",
            (Text(f"{chinese_numeral(i)}是{s}" if numbered else s),),
        )
        for i, s in enumerate(map(_full_stop, items), start=1)
    ]


def _full_stop(sentence: str) -> str:
    """Return the writer's SENTENCE ending as a paragraph should: "…工作；" → "…工作。"."""
    text = sentence.rstrip()
    if text.rstrip("”’）》】").endswith(("。", "！", "？", "…")):  # “……。” ends already
        return text
    return text.rstrip("；;，,、：:") + "。"


def _chinese_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
