"""Check rules on marks left in, the parts the rule requires, and text copied from last year."""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.catalogue import PART1_CATEGORIES, load_categories
from drafter.checking.model import EXCERPT_LEN, CheckContext, Finding, Located, Passage, heading_of
from drafter.text import SUGGESTION_MARK

# "【待填：行政复议受理件数】"; the closing 】 is optional because the outline may have split a
# heading at the placeholder's "：".
_PLACEHOLDER = re.compile(r"【待填[^】\n]{0,80}】?")
_COPY_MIN_CHARS = 30
_NOT_TEXT = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]")

# The parts of 《法治政府建设与责任落实督察工作规定》 in their order: (category, number, name).
_PARTS = (
    ("achievements", 1, "主要举措和成效"),
    ("problems", 2, "存在的不足和原因"),
    ("first_responsible", 3, "党政主要负责人履行推进法治建设第一责任人职责情况"),
    ("plan", 4, "下一年度推进法治政府建设的主要安排"),
)
_PART_NAME = {cid: name for cid, _, name in _PARTS}


def placeholders(ctx: CheckContext) -> Iterator[Located]:
    """Yield an error for each 【待填…】 placeholder left in the draft."""
    for p in ctx.passages:
        for m in _PLACEHOLDER.finditer(p.text):
            yield p.finding(
                "placeholder", "error", f"占位符未填写：{m.group()}", m.start(), m.end()
            )


def suggestions(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each 【建议改写】 mark left in the draft."""
    for p in ctx.passages:
        start = p.text.find(SUGGESTION_MARK)
        while start >= 0:
            end = start + len(SUGGESTION_MARK)
            yield p.finding(
                "suggestion",
                "warning",
                "建议改写的参考文字尚未改写，改写后请删除“【建议改写】”标记。",
                start,
                end,
            )
            start = p.text.find(SUGGESTION_MARK, end)


def parts(ctx: CheckContext) -> Iterator[Located]:
    """Yield missing-part and part-order findings for the four parts the rule requires."""
    sections = ctx.outline.walk()
    present = {_part_of(s.category) for s in sections} | {
        cid for s in ctx.outline.sections for cid in _parts_named_in(s.title)
    }
    end = (len(ctx.passages), 0)
    for cid, number, name in _PARTS:
        if cid in present:
            continue
        if cid == "first_responsible":
            merged = _merged_first_responsible(ctx.passages)
            if merged is not None:
                yield merged
                continue
        message = f"缺少规定要求的第{_cn(number)}部分“{name}”。"
        yield end, Finding("missing-part", "error", None, None, message, "")
    yield from _part_order(ctx)


def _part_of(category: str) -> str:
    return "achievements" if category in PART1_CATEGORIES else category


def _parts_named_in(title: str) -> set[str]:
    """Return the parts a heading names: "存在的问题和下一步打算" names problems and plan."""
    specs = load_categories()
    return {
        cid
        for cid in ("problems", "first_responsible", "plan")
        if any(w in title for w in specs[cid].title_words)
    }


def _merged_first_responsible(passages: list[Passage]) -> Located | None:
    for p in passages:
        at = p.text.find("第一责任人")
        if p.kind == "body" and at >= 0:
            return p.finding(
                "missing-part",
                "warning",
                "第一责任人履职情况没有单列为一部分（写在了本节中）；规定要求单独报告"
                f"“{_PART_NAME['first_responsible']}”。",
                at,
                at + 5,
            )
    return None


def _part_order(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each part outside the longest run of parts already in the rule's order."""
    rank = {cid: number for cid, number, _ in _PARTS}
    names = {c.id: c.name for c in load_categories().values()}
    ranked = [
        (rank[_part_of(s.category)], s)
        for s in ctx.outline.sections
        if _part_of(s.category) in rank
    ]
    kept = _longest_ordered([n for n, _ in ranked])
    for i, (number, section) in enumerate(ranked):
        if i in kept:
            continue
        # Out of the ordered run, a part either precedes a lower part or follows a higher one.
        lower = [ranked[j][1] for j in sorted(kept) if j > i and ranked[j][0] < number]
        higher = [ranked[j][1] for j in sorted(kept) if j < i and ranked[j][0] > number]
        if lower:
            where = f"应写在“{_PART_NAME[_part_of(lower[-1].category)]}”之后"
        else:
            where = f"应写在“{_PART_NAME[_part_of(higher[0].category)]}”之前"
        name = _PART_NAME[_part_of(section.category)]
        label = heading_of(section, names)
        first = next((p for p in ctx.passages if p.section == label), None)
        message = (
            f"“{name}”{where}。规定的顺序是：主要举措和成效、存在的不足和原因、"
            "第一责任人履职情况、下一年度主要安排。"
        )
        shown = first.text[:EXCERPT_LEN] if first else ""
        at = (first.index if first else len(ctx.passages), 0)
        yield at, Finding("part-order", "warning", label, None, message, shown)


def _longest_ordered(numbers: list[int]) -> set[int]:
    """Return the indexes of a longest non-decreasing subsequence of NUMBERS (earliest on ties)."""
    best: list[list[int]] = []
    for i, n in enumerate(numbers):
        longest: list[int] = []
        for j in range(i):
            if numbers[j] <= n and len(best[j]) > len(longest):
                longest = best[j]
        best.append([*longest, i])
    winner: list[int] = []
    for run in best:
        if len(run) > len(winner):
            winner = run
    return set(winner)


def copied_from_last_year(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each body paragraph identical to one in last year's report."""
    if not ctx.last_year:
        return
    old = {_fingerprint(p.text) for p in ctx.last_year if p.kind in ("body", "opening")}
    for p in ctx.passages:
        if p.kind not in ("body", "opening"):
            continue
        key = _fingerprint(p.text)
        if len(key) >= _COPY_MIN_CHARS and key in old:
            yield p.finding(
                "copied-from-last-year",
                "warning",
                "本段与上年报告中的一段完全相同，请按本年度情况改写。",
            )


def _fingerprint(text: str) -> str:
    """Return TEXT without punctuation and spaces, so re-punctuated copies still match."""
    return _NOT_TEXT.sub("", text)


def _cn(n: int) -> str:
    return "一二三四五六七八九"[n - 1]
