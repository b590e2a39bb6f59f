"""Year words of last year's report moved on a year, and the opening's sessions for this year.

Only the report year and the plan year move, and only where they name the report's own years:
in the title and headings, in the opening, at the head of a paragraph ("2024年，…") and in the
plan. Historical years ("2019年以来", "（2023年版）") stay; ranges ("2022—2023年度") stay; a date
or any other mention of last year in the body is flagged for the writer, never silently changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from drafter.catalogue import citation_for, find_cited_sessions, missing_sessions_advice, table_gap

# A year, not part of a longer number: "2024年", "2024年度", "（2024版）", "2022—2023".
_YEAR = re.compile(r"(?<![\d.])(20\d\d)(?![\d.%])")
_RANGE = set("—–-~～至到")
# What makes "2024年" a moment of that year rather than the year as a whole.
_DATE_TAIL = re.compile(
    r"年(?:\d{1,2}月(?:\d{1,2}日)?|[一二三四五六七八九十]{1,3}月|底|初|末|上半年|下半年|以来)"
)
_CONNECTORS = {"", "和", "、", "及", "与", "以及"}
# 《法治政府建设实施纲要（2021—2025年）》 runs to 2025; what replaces it is not in the years table yet.
_PLAN_2025 = re.compile(r"《?法治政府建设实施纲要（2021—2025年）》?")
_PLAN_LAST_YEAR = 2025


@dataclass(frozen=True)
class Moved:
    """TEXT with its year words moved on, and (start, end, note) spans left for the writer."""

    text: str
    flags: list[tuple[int, int, str]]


def move_years(text: str, base_year: int, role: str) -> Moved:
    """Return TEXT of BASE_YEAR's report with the report and plan years moved on one year.

    ROLE says where TEXT stands: "heading" (title and headings), "opening", "body",
    "problems" or "plan".
    """
    year, plan = base_year + 1, base_year + 2
    chars = list(text)
    flags: list[tuple[int, int, str]] = []
    for m in _YEAR.finditer(text):
        value, start = int(m.group(1)), m.start()
        before = text[start - 1] if start else ""
        tail = _DATE_TAIL.match(text, m.end())
        word = re.match(r"年度|年|版|度", text[m.end() :])
        end = tail.end() if tail else m.end() + (len(word.group()) if word else 0)
        after = text[end : end + 1]
        if before in _RANGE or after in _RANGE or not text[m.end() :].startswith("年"):
            if value == base_year:
                flags.append((start, end, f"含上年年份，请核对是否应改为{year}年。"))
            continue
        new = _moved(value, base_year, role, at_start=start == 0, dated=tail is not None)
        if new is not None:
            chars[start : m.end()] = str(new)
        elif value == base_year:
            note = (
                "上年的日期，请按本年情况改写或删除。"
                if tail
                else f"上年的年份，请核对是否应改为{year}年。"
            )
            flags.append((start, end, note))
        if new == plan and tail is not None:
            flags.append((start, end, f"上年安排中的日期，已改为{plan}年，请核对。"))
    return Moved("".join(chars), flags)


def _moved(value: int, base_year: int, role: str, *, at_start: bool, dated: bool) -> int | None:
    """Return the year VALUE becomes, or None when it stays as written."""
    if value == base_year:
        if dated:
            return None
        if role in ("heading", "opening") or at_start:
            return base_year + 1
        return None
    if value == base_year + 1 and role in ("heading", "plan"):
        return base_year + 2
    return None


def this_years_references(text: str, year: int) -> tuple[str, list[tuple[int, int, str]]]:
    """Return the opening TEXT citing YEAR's congress and plenaries, and spans to flag.

    The citation comes from the years table (`citation_for`); an opening that cites none gets
    it after its first clause on 习近平法治思想. The one place that knows the 纲要 reference.
    """
    citation = citation_for(year)
    cite = citation.text
    cited = find_cited_sessions(text)
    placed = -1
    if cited:
        start, end = cited[0].start, cited[0].end
        for c in cited[1:]:
            if text[end : c.start] not in _CONNECTORS:
                break
            end = c.end
        text = text[:start] + cite + text[end:]
        placed = start
    else:
        anchor = text.find("习近平法治思想")
        at = text.find("，", anchor if anchor >= 0 else 0)
        if at >= 0:
            text = f"{text[: at + 1]}全面贯彻落实{cite}精神，{text[at + 1 :]}"
            placed = at + 1 + len("全面贯彻落实")
    flags: list[tuple[int, int, str]] = []
    if citation.provisional and placed >= 0:  # a year past the years table: say what to check
        note = f"{table_gap(year)}，此处按表中已有的会议引用，请核对。{missing_sessions_advice(year)}。"
        flags.append((placed, placed + len(cite), note))
    if year > _PLAN_LAST_YEAR:
        for m in _PLAN_2025.finditer(text):
            flags.append(
                (
                    m.start(),
                    m.end(),
                    f"该纲要至{_PLAN_LAST_YEAR}年，请改为{year}年度适用的规划表述。",
                )
            )
    return text, flags
