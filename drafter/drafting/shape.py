"""The shape a learned skeleton gives a draft: arrangement, headings, 主送, 特此报告, title lines.

The shipped skeleton (learned from seeds/ of other places) gives only the order of sections:
its headings and arrangement are other units', so a draft from it keeps the rule's default
parts and headings. A skeleton learned from the unit's own reports gives its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.catalogue import PART1_CATEGORIES
from drafter.learning import Skeleton, Variant, is_shipped

PARTS = ("achievements", "problems", "first_responsible", "plan")
TITLE_LINE_CHARS = 20.0  # 2号小标宋 (22 pt) on the 156 mm type area: 20 Han characters a line
_MAX_HEADING = 30
# Words that say a heading is another part's: (word, the only category it may head).
_OTHER_PARTS = (
    ("第一责任人", "first_responsible"),
    ("不足", "problems"),
    ("存在的问题", "problems"),
    ("安排", "plan"),
    ("打算", "plan"),
    ("主要举措", "achievements"),
    ("主要工作", "achievements"),
    ("成效", "achievements"),
    ("主要情况", "achievements"),
    ("建设情况", "achievements"),
)
# A part's heading must name its business: (part, cue words), and has no comma.
_PART_CUES = {
    "problems": ("不足", "问题", "短板"),
    "plan": ("安排", "打算", "计划", "思路", "下一步"),
    "first_responsible": ("第一责任人",),
}
_NOT_A_HEADING = re.compile(r"\{(?!年度\}|下年\})|[。；]")
_TITLE = re.compile(r"^(.*?)(关于)(\d{4}年度?)(.+)$")


@dataclass(frozen=True)
class Shape:
    """How the draft is arranged, and the headings it uses (None: the default's)."""

    umbrella: bool = True
    first_separate: bool = True
    closing_headed: bool = True
    parts: tuple[str, ...] = PARTS
    headings: dict[str, str] | None = None
    first_at: float = 1.0  # where an unseparated first-responsible section stands in part 1
    addressee: str = ""
    report_phrase: bool = True


def shape_of(skeleton: Skeleton, *, default_headings: bool = False) -> Shape:
    """Return the shape SKELETON gives; the shipped one (or DEFAULT_HEADINGS) keeps defaults."""
    if is_shipped(skeleton):
        return Shape(addressee=_addressee(skeleton))  # 特此报告 on: the default
    a = skeleton.arrangement
    n = max(len(skeleton.reports), 1)
    orders = {c.id: c.order for c in skeleton.categories}
    part1 = [orders[c] for c in PART1_CATEGORIES if c in orders]
    start = min(part1) if part1 else 0.0
    placed = {"achievements": start, **{p: orders[p] for p in PARTS[1:] if p in orders}}
    parts = tuple(sorted(PARTS, key=lambda p: placed.get(p, 2.0 + PARTS.index(p))))
    headings = None
    if not default_headings:
        headings = {c.id: h for c in skeleton.categories if (h := _heading(c.id, c.headings))}
    return Shape(
        umbrella=a.umbrella >= a.flat,
        first_separate=a.first_responsible_separate * 2 >= n or "first_responsible" not in orders,
        closing_headed=a.closing_unheaded * 2 < n,
        parts=parts,
        headings=headings,
        first_at=orders.get("first_responsible", 1.0),
        addressee=_addressee(skeleton),
        report_phrase=_report_phrase(skeleton),
    )


def title_lines(title: str, width: float = TITLE_LINE_CHARS) -> list[str]:
    """Return TITLE broken into lines between words, each at most WIDTH characters if it can.

    Breaks fall after an issuer's name (each joint issuer on its own line), after 关于 or
    after the year, never inside a word: "青禾县人民政府关于2025年度" / "法治政府建设情况的报告".
    """
    m = _TITLE.match(title)
    if m is None or _width(title) <= width:
        return [title]
    issuers = m.group(1).split()
    lines = issuers[:-1]
    line = issuers[-1] if issuers else ""
    for word in (m.group(2), m.group(3), m.group(4).strip()):
        if line and _width(line + word) > width:
            lines.append(line)
            line = word
        else:
            line += word
    return [*lines, line]


def _width(text: str) -> float:
    return sum(0.5 if ord(c) < 0x2E80 else 1.0 for c in text)


def _heading(cid: str, variants: list[Variant]) -> str | None:
    """Return the first of CID's learned headings fit to stand over its section, if any.

    Not one cut off ("…新法规、"), holding a figure, or naming another part's business (a
    "第一责任人" heading the learner filed under leadership).
    """
    for v in variants:
        text = v.text.strip()
        if not 4 <= len(text) <= _MAX_HEADING or _NOT_A_HEADING.search(text):
            continue
        if text.endswith(("、", "，", "“", "《")) or text.count("“") != text.count("”"):
            continue
        if any(w in text and cid != owner for w, owner in _OTHER_PARTS):
            continue
        cues = _PART_CUES.get(cid)
        if (
            cues
            and cid != "first_responsible"
            and ("，" in text or not any(c in text for c in cues))
        ):
            continue
        if cues and cid == "first_responsible" and not any(c in text for c in cues):
            continue
        return text
    return None


def _addressee(skeleton: Skeleton) -> str:
    learned = skeleton.addressees
    if not learned or learned[0].count * 2 < len(skeleton.reports):
        return ""
    return learned[0].text


def _report_phrase(skeleton: Skeleton) -> bool:
    seen = skeleton.endings_seen
    return seen == 0 or skeleton.report_phrase * 2 >= seen
