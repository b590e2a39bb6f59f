"""Compose the draft from the year's data, the learned skeleton and the templates (no .docx here)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from drafter.catalogue import (
    PART1_CATEGORIES,
    RULE_PARTS,
    Level,
    SessionTable,
    level_of,
    load_categories,
    load_indicators,
)
from drafter.datafile import YearData, reported_indicators
from drafter.drafting.change import year_on_year
from drafter.drafting.model import (
    Block,
    BlockKind,
    Draft,
    Figure,
    Inline,
    Placeholder,
    Suggestion,
    Text,
    ToVerify,
)
from drafter.drafting.opening import opening_citation
from drafter.drafting.prose import Paragraph, absorb_points, clause, own_sentences, paragraphs
from drafter.drafting.shape import shape_of, title_lines
from drafter.drafting.suggestions import fill_suggestion, suggestion_pool
from drafter.drafting.templating import has_template, render_template
from drafter.errors import TemplateDataError
from drafter.learning import Skeleton, is_shipped
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
REPORT_PHRASE = "特此报告。"
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
    level: Level
    reported: frozenset[str] | None  # what the unit's past reports gave; None: unknown


def draft_report(data: YearData, skeleton: Skeleton, years: SessionTable | None = None) -> Draft:
    """Return the draft for DATA: title, 主送, opening, the parts as the skeleton arranges them,
    特此报告, signatures and date.

    YEARS is the years table the opening's citation comes from (default: the shipped one).
    """
    frame = _frame()
    shape = shape_of(skeleton, default_headings=data.default_headings)
    fill = {"年度": str(data.year), "下年": str(data.year + 1), "单位": _fact(data.unit, "单位")}
    title_text = _fill(frame.title, fill, "标题")
    lines = title_lines(title_text) if data.unit else [title_text]
    title = Block("title", _inlines("\n".join(lines), data))
    blocks: list[Block] = [title]
    addressee = data.addressee if data.addressee is not None else shape.addressee
    if addressee:
        blocks.append(Block("addressee", (Text(addressee.rstrip("：:") + "："),)))
    blocks.append(_opening(data, years))
    level = level_of(data.unit, data.level)
    reported = None if is_shipped(skeleton) else frozenset(reported_indicators(skeleton))
    pool = suggestion_pool(skeleton, level)
    ctx = _Context(data, skeleton, pool, frame.suggestions, level, reported)
    numbers = itertools.count(1)

    def heading(cid: str, kind: BlockKind, number: str) -> None:
        learned = (shape.headings or {}).get(cid)
        text = _fill(learned or frame.parts.get(cid) or load_categories()[cid].name, fill, cid)
        blocks.append(Block(kind, _inlines(f"{number}{text}", data)))

    part1 = _part1_categories(data, skeleton)
    if not shape.first_separate:
        orders = {c.id: c.order for c in skeleton.categories}
        at = sum(orders.get(c, 0.0) <= shape.first_at for c in part1)
        part1.insert(at, "first_responsible")
    for part in shape.parts:
        if part == "achievements":
            if shape.umbrella:
                heading("achievements", "heading1", f"{chinese_numeral(next(numbers))}、")
            for i, cid in enumerate(part1, start=1):
                if shape.umbrella:
                    heading(cid, "heading2", f"（{chinese_numeral(i)}）")
                else:
                    heading(cid, "heading1", f"{chinese_numeral(next(numbers))}、")
                blocks.extend(_category_body(cid, ctx))
        elif part == "first_responsible":
            if shape.first_separate:
                heading(part, "heading1", f"{chinese_numeral(next(numbers))}、")
                blocks.extend(_category_body(part, ctx))
        else:
            items = data.problems if part == "problems" else data.plans
            if shape.closing_headed:
                heading(part, "heading1", f"{chinese_numeral(next(numbers))}、")
                blocks.extend(_list_or_suggestions(items, part, ctx))
            else:
                blocks.extend(_closing(items, part, ctx))
    if data.other:
        heading("other", "heading1", f"{chinese_numeral(next(numbers))}、")
        blocks.extend(Block("body", (Text(_full_stop(s)),)) for s in data.other)
    if shape.report_phrase:
        blocks.append(Block("body", (Text(REPORT_PHRASE),)))
    for issuer in _issuers(data.signature):
        blocks.append(Block("signature", _inlines(_fact(issuer, "落款"), data)))
    date = _chinese_date(data.signed) if data.signed else None
    blocks.append(Block("date", (Text(date),) if date else (Placeholder(None, "成文日期"),)))
    signed = data.signed or dt.date(data.year + 1, 1, 1)
    return Draft(
        title=title.text.replace("\n", ""),
        unit=data.unit,
        year=data.year,
        signed=signed,
        blocks=tuple(blocks),
    )


# What an unheaded closing paragraph says before the writer's items.
_CLOSING_LEAD = {
    "problems": "在看到成绩的同时，{自称}法治政府建设还存在一些不足：",
    "plan": "{下年}年，{自称}将重点做好以下工作：",
}


def _closing(items: tuple[str, ...], part: str, ctx: _Context) -> list[Block]:
    """Return PART (不足 or 安排) as one closing paragraph without a heading."""
    if not items:
        return _suggestions(part, ctx)
    data = ctx.data
    lead = (
        _CLOSING_LEAD[part].replace("{自称}", data.self_name).replace("{下年}", str(data.year + 1))
    )
    numbered = len(items) > 1 and not any(_ITEM_NUMBER.match(s) for s in items)
    body = "".join(
        f"{chinese_numeral(i)}是{s}" if numbered else s
        for i, s in enumerate(map(_full_stop, items), start=1)
    )
    return [Block("body", (Text(lead + body),))]


_ISSUER_SEP = re.compile(r"[\s、]+")


def _issuers(signature: str) -> list[str]:
    """Return the issuers of a joint SIGNATURE ("中共某镇委员会 某镇人民政府"), one a line."""
    parts = [p for p in _ISSUER_SEP.split(signature) if p]
    return parts if len(parts) > 1 and all(len(p) >= 4 for p in parts) else [signature]


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
    listed = [
        ind
        for key, ind in load_indicators().items()
        if ind.category == cid and key in data.figures and _wanted(key, ctx)
    ]
    points, rest = absorb_points(data.points.get(cid, ()), listed, data, ctx.level)
    blocks = [Block("body", _inlines(_full_stop(p), data)) for p in points]
    given = any(data.figures[i.key].current is not None for i in listed)
    if not blocks and not given:
        blocks.extend(_suggestions(cid, ctx))
    if not rest:
        return blocks
    if has_template(f"{cid}.j2"):  # the writer's own template for this category
        clauses = {i.key: clause(i, data.figures[i.key], ctx.level) for i in rest}
        context = {**_template_context(cid, data), "句子": list(clauses.values()), "指标": clauses}
        return [*blocks, Block("body", _inlines(render_template(f"{cid}.j2", context), data))]
    learned = ctx.skeleton.category(cid)
    exemplars = [e.text for e in learned.exemplars] if learned else []
    own = own_sentences(exemplars, cid, rest, data, ctx.level)
    figures = [
        Block("body", _inlines(_paragraph_text(cid, p, data), data))
        for p in paragraphs(cid, rest, data, ctx.level, own, points)
    ]
    if not blocks and len(figures) == 1 and figures[0].text.count("。") <= 1 and ctx.pool.get(cid):
        blocks.extend(_suggestions(cid, ctx)[:1])  # no section of one figure sentence alone
    return [*blocks, *figures]


def _wanted(key: str, ctx: _Context) -> bool:
    """Return True unless KEY is a blank figure the unit's past reports never gave."""
    value = ctx.data.figures[key]
    if value.current is not None or value.previous is not None or ctx.reported is None:
        return True
    return key in ctx.reported


def _template_context(cid: str, data: YearData) -> dict[str, Any]:
    return {
        "年度": data.year,
        "下年": data.year + 1,
        "单位": data.unit,
        "自称": data.self_name,
        "类别": load_categories()[cid].name,
    }


def _paragraph_text(cid: str, paragraph: Paragraph, data: YearData) -> str:
    context = {
        **_template_context(cid, data),
        "开头": paragraph.lead,
        "句子": list(paragraph.sentences),
        "成效": paragraph.effect,
    }
    return render_template("default.j2", context)


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
