"""Roll last year's report forward: its structure and prose, this year's figures and year words.

Every figure of last year's report is either replaced by this year's value from the data file
(a content control, as in any draft) or marked 【待核：原文】 in yellow; every paragraph carried
over word for word carries a Word comment asking to rewrite it; a date of last year is flagged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from drafter.catalogue import Indicator, load_indicators
from drafter.datafile import ExtractedFigure, YearData, extract_figures
from drafter.drafting.change import year_on_year
from drafter.drafting.model import (
    Block,
    BlockKind,
    Draft,
    DraftCounts,
    Figure,
    Flag,
    Inline,
    Placeholder,
    Text,
    ToConfirm,
)
from drafter.drafting.rollyears import move_years, this_years_references
from drafter.drafting.writer import render_docx
from drafter.errors import InputError
from drafter.reading import Outline, Section
from drafter.resources import load_template_yaml
from drafter.text import (
    CHANGE_TODO_LABEL,
    chinese_numeral,
    format_figure,
    placeholder,
)

KEPT_NOTE = "沿用上年表述，请按本年情况改写。"
_NOTES = {
    "opening": "沿用上年表述，请按本年情况改写。年份和全会表述已按本年度更新，请核对。",
    "problems": "沿用上年的不足和原因，请按本年情况改写。",
    "plan": "沿用上年的工作安排，请改写为{plan}年度的安排。",
}
# Between a figure and its 同比 phrase: "受理案件1399件、同比增加163%".
_CHANGE_GAP = re.compile(r"[，、,\s]?")
_END = "。；！？：，、"


@dataclass(frozen=True)
class RolledForward:
    """This year's draft from last year's report, and what the writer must know about it.

    KEPT: paragraphs carried over and commented; FLAGS: every comment (kept paragraphs, dates
    and years of last year); UNPLACED: data-file indicators with a value this year that last
    year's report had no figure for.
    """

    draft: Draft
    kept: int
    flags: int
    unplaced: tuple[str, ...]


@dataclass(frozen=True)
class RolledDocx:
    """A rolled-forward draft as .docx bytes, with what the summary line reports."""

    docx: bytes
    counts: DraftCounts
    kept: int
    flags: int
    unplaced: tuple[str, ...]


def roll_forward_docx(data: YearData, base: Outline) -> RolledDocx:
    """Return the .docx of this year's draft for DATA written from BASE, last year's report."""
    rolled = roll_forward(data, base)
    return RolledDocx(
        docx=render_docx(rolled.draft),
        counts=rolled.draft.counts(),
        kept=rolled.kept,
        flags=rolled.flags,
        unplaced=rolled.unplaced,
    )


@dataclass
class _Roll:
    data: YearData
    base_year: int
    indicators: dict[str, Indicator]
    placed: set[str] = field(default_factory=set)

    @property
    def year(self) -> int:
        return self.data.year


def roll_forward(data: YearData, base: Outline) -> RolledForward:
    """Return this year's draft for DATA written from BASE, last year's report.

    Raise InputError when BASE is not the report of the year before DATA's or has no outline.
    """
    _check_base(data, base)
    roll = _Roll(data, data.year - 1, load_indicators())
    unit = data.unit or base.unit or ""
    blocks: list[Block] = [Block("title", (Text(_title(base, unit, roll)),))]
    if base.opening:
        for text in base.opening.split("\n"):
            blocks.append(_paragraph(text, "opening", "other", roll))
    number = 0
    for section in base.sections:
        number = _part_number(section.number) or number
        if not section.number and not section.title and section.category in _ADDED_PARTS:
            number += 1  # an unheaded 不足/安排 closing gets the rule's heading
            blocks.append(_added_heading(section.category, number, roll))
        blocks.extend(_section(section, roll, part=section.category))
    signature = data.signature or unit
    blocks.append(Block("signature", (Text(signature),) if signature else (_todo("落款"),)))
    day = data.signed
    blocks.append(
        Block(
            "date",
            (Text(f"{day.year}年{day.month}月{day.day}日"),) if day else (_todo("成文日期"),),
        )
    )
    draft = Draft(
        title=blocks[0].text,
        unit=unit,
        year=data.year,
        signed=data.signed or dt.date(data.year + 1, 1, 1),
        blocks=tuple(blocks),
    )
    unplaced = tuple(
        key
        for key, value in data.figures.items()
        if value.current is not None and key not in roll.placed
    )
    counts = draft.counts()
    kept = sum(b.note is not None and b.kind == "body" for b in blocks)
    return RolledForward(draft=draft, kept=kept, flags=counts.flagged, unplaced=unplaced)


_ADDED_PARTS = ("problems", "plan")
ADDED_HEADING_NOTE = (
    "去年报告此处没有标题，已按《法治政府建设与责任落实督察工作规定》补上，可按本单位习惯修改。"
)


def _part_number(number: str | None) -> int | None:
    """Return the value of a part number as written ("九、" → 9), or None."""
    numerals = {chinese_numeral(n): n for n in range(1, 21)}
    return numerals.get((number or "").rstrip("、．. "))


def _added_heading(cid: str, number: int, roll: _Roll) -> Block:
    frame = load_template_yaml("report.yaml").get("部分", {})
    default = (
        "{年度}年度推进法治政府建设存在的不足和原因"
        if cid == "problems"
        else "{下年}年度推进法治政府建设的主要安排"
    )
    title = _fill(str(frame.get(cid, default)), roll, "")
    return Block(
        "heading1", (Text(f"{chinese_numeral(number)}、{title}"),), note=ADDED_HEADING_NOTE
    )


def _fill(template: str, roll: _Roll, unit: str) -> str:
    """Return a templates/report.yaml text with its {年度}, {下年} and {单位} filled."""
    return (
        template.replace("{单位}", unit)
        .replace("{年度}", str(roll.year))
        .replace("{下年}", str(roll.year + 1))
    )


def _check_base(data: YearData, base: Outline) -> None:
    expected = data.year - 1
    if base.year is None:
        raise InputError(
            f"无法从去年报告的标题或开头认出年度；数据表是{data.year}年度的，应以{expected}年度的报告为底稿。"
            "请确认选对了文件（开头一般写“{expected}年，……”）。".replace(
                "{expected}", str(expected)
            ),
            path=base.file,
        )
    if base.year != expected:
        raise InputError(
            f"这是{base.year}年度的报告，数据表却是{data.year}年度的：底稿应为上一年度（{expected}年度）的报告。"
            "请核对是否选错了文件或数据表的“年度”。",
            path=base.file,
        )
    if not base.has_headings():
        raise InputError(
            f"没有从这份{base.year}年度报告中认出“一、……”“（一）……”这样的章节结构，"
            f"无法据此起草{data.year}年度初稿。请检查文件内容，.docx 可给各级标题设置标题样式。",
            path=base.file,
        )


def _title(base: Outline, unit: str, roll: _Roll) -> str:
    if base.title:
        return move_years(base.title, roll.base_year, "heading").text
    frame = load_template_yaml("report.yaml").get(
        "标题", "{单位}关于{年度}年度法治政府建设情况的报告"
    )
    return _fill(str(frame), roll, unit)


def _section(section: Section, roll: _Roll, part: str) -> list[Block]:
    """Return SECTION's heading and paragraphs, then its children's, in reading order."""
    part = section.category if section.category in ("problems", "plan") else part
    blocks: list[Block] = []
    paragraphs = list(section.paragraphs)
    heading = f"{section.number or ''}{section.title}"
    if heading and section.level <= 3:
        kind: BlockKind = ("heading1", "heading2", "heading3")[section.level - 1]
        blocks.append(_paragraph(heading, "heading", section.category, roll, kind=kind))
    elif heading:  # "一是…" items run into their paragraph, as written
        first = paragraphs.pop(0) if paragraphs else ""
        title = section.title
        if title and first and not title.endswith(tuple(_END)):
            title += "。"
        paragraphs.insert(0, f"{section.number or ''}{title}{first}")
    role = part if part in ("problems", "plan") else "body"
    blocks.extend(_paragraph(p, role, section.category, roll) for p in paragraphs if p)
    for child in section.children:
        blocks.extend(_section(child, roll, part))
    return blocks


def _paragraph(
    text: str, role: str, category: str, roll: _Roll, *, kind: BlockKind = "body"
) -> Block:
    """Return TEXT as this year's block: years moved, figures replaced or marked, flags added."""
    flags: list[tuple[int, int, str]] = []
    if role == "opening":
        text, flags = this_years_references(text, roll.year)
    moved = move_years(text, roll.base_year, role)
    text = moved.text
    flags.extend(moved.flags)
    edits: list[tuple[int, int, Inline]] = [(a, b, Flag(text[a:b], n)) for a, b, n in flags]
    edits.extend(_figure_edits(text, category, roll))
    inlines: list[Inline] = []
    at = 0
    for start, end, inline in sorted(edits, key=lambda e: e[0]):
        if start < at:
            continue  # overlaps an earlier edit
        if start > at:
            inlines.append(Text(text[at:start]))
        inlines.append(inline)
        at = end
    if at < len(text):
        inlines.append(Text(text[at:]))
    note = None
    if kind == "body" and role != "heading":
        note = _NOTES.get(role, KEPT_NOTE).format(plan=roll.year + 1)
    return Block(kind, tuple(inlines), note=note)


def _figure_edits(text: str, category: str, roll: _Roll) -> list[tuple[int, int, Inline]]:
    """Return (start, end, inline) for every figure of TEXT: this year's value or 【待核】."""
    found = _figures_in(text, category)
    edits: list[tuple[int, int, Inline]] = []
    replaced: dict[int, tuple[str, Indicator]] = {}  # end of a replaced value → its indicator
    for start, end, item in found:
        key = item.indicator
        figure = item.figure
        if figure.kind == "change":
            owner = _owner_of_change(text, start, replaced)
            edits.append(
                (start, end, _change(owner, roll) if owner else ToConfirm(None, figure.text))
            )
            continue
        value = roll.data.figures.get(key) if key else None
        if key is None or key in roll.placed:
            edits.append((start, end, ToConfirm(None, figure.text)))
            continue
        roll.placed.add(key)
        ind = roll.indicators[key]
        if value is None or value.current is None:
            edits.append((start, end, ToConfirm(key, figure.text)))
            continue
        shown = format_figure(value.current, ind.unit, ind.kind, approx=value.approx)
        edits.append((start, end, Figure(key, shown)))
        replaced[end] = (key, ind)
    return edits


def _owner_of_change(
    text: str, start: int, replaced: dict[int, tuple[str, Indicator]]
) -> tuple[str, Indicator] | None:
    """Return the replaced figure a 同比 phrase at START follows directly, if any."""
    for end, owner in replaced.items():
        if end <= start and _CHANGE_GAP.fullmatch(text[end:start]):
            return owner
    return None


def _change(owner: tuple[str, Indicator], roll: _Roll) -> Figure:
    key, ind = owner
    value = roll.data.figures[key]
    if value.current is not None and value.previous is not None:
        phrase = year_on_year(value.current, value.previous, ind)
        if phrase:
            return Figure(key, phrase, role="change")
    return Figure(key, placeholder(CHANGE_TODO_LABEL), role="change", pending=True)


def _figures_in(text: str, category: str) -> list[tuple[int, int, ExtractedFigure]]:
    """Return the figures of TEXT with their indicator and their span in TEXT, in order."""
    one = Outline(file="", title=None, year=None, unit=None, opening=None, sections=[])
    one.sections.append(Section(None, "", 1, paragraphs=[text], category=category))
    out = []
    at = 0
    sentence_at: dict[str, int] = {}
    for item in extract_figures(one):
        if item.sentence not in sentence_at:
            sentence_at[item.sentence] = text.find(item.sentence, at)
            at = max(at, sentence_at[item.sentence])
        base = sentence_at[item.sentence]
        if base < 0:
            continue
        out.append((base + item.figure.start, base + item.figure.end, item))
    return out


def _todo(label: str) -> Inline:
    return Placeholder(None, label)
