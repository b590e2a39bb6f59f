"""Check rules on year-dependent text: stray years, and plenary sessions wrong for the year."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from drafter.catalogue import (
    CitedSessions,
    Session,
    SessionTable,
    citation_for,
    covers,
    first_year,
    latest_cited,
    latest_held,
)
from drafter.checking.model import CheckContext, Located, Passage, cited_sessions
from drafter.text import sentence_at

# A year ("2023年", "2023年度") or a range ("2021—2025年"); not 〔2018〕 document numbers.
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:[—\-－~～至到]((?:19|20)\d{2}))?年")
_COMPARE_BEFORE = re.compile(r"(较|比|与|同|和|对比|相比|较之|相较)$")
_SINCE_BEFORE = re.compile(r"(自|从)$")
_TARGET_BEFORE = re.compile(r"(到|至|力争|确保|预计|计划)$")
_AFTER_OK = re.compile(r"^(度)?(同期|以来|起|开始|版|远景)")
_TITLE_WORD_BEFORE = re.compile(r"(纲要|规划|方案|计划|意见|办法|规定|要点|清单|目录)[（(]$")
_PLAN_WORDS = re.compile(r"计划|打算|安排|下一步|明年|展望|目标|将")
_COMPARING = re.compile(r"同比|环比|相比|对比|较上年|较去年|比上年|比去年")
_CITING = re.compile(r"贯彻|落实|学习|领会|精神")


def stale_years(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each year that is not the report year, a comparison or next year's plan."""
    year = ctx.year
    if year is None:
        return
    for p in ctx.passages:
        titles = _title_spans(p.text)
        for m in _YEAR.finditer(p.text):
            if p.kind == "heading" and p.category == "plan" and m.group(2) is None:
                if int(m.group(1)) != year + 1:  # "2024年工作安排" kept from last year's report
                    message = f"工作安排部分的标题应写下一年（{year + 1}年），而不是“{m.group()}”。"
                    yield p.finding("stale-year", "warning", message, m.start(), m.end())
                continue
            if not _year_is_fine(p, m, year, titles):
                yield p.finding(
                    "stale-year", "warning", _stale_message(m, year), m.start(), m.end()
                )


def _year_is_fine(p: Passage, m: re.Match[str], year: int, titles: list[tuple[int, int]]) -> bool:
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    before, after = p.text[max(0, m.start() - 4) : m.start()], p.text[m.end() : m.end() + 4]
    k = bisect_right(titles, (m.start(), len(p.text)))
    if k and m.end() <= titles[k - 1][1]:
        return True  # inside 《…》: a document's name (titles do not overlap: the last one before)
    if m.group(2):
        return first <= year <= last or bool(_TITLE_WORD_BEFORE.search(before))
    if first == year or _AFTER_OK.match(after) or _COMPARE_BEFORE.search(before):
        return True
    if first < year:
        # "自2019年", or a sentence comparing with that year ("2023年受理…，同比增长…")
        sentence = sentence_at(p.text, m.start())
        return bool(
            _SINCE_BEFORE.search(before)
            or _COMPARING.search(sentence)
            or (first == year - 1 and f"{year}年" in sentence)
        )
    if _TARGET_BEFORE.search(before):
        return True
    if first == year + 1:
        return p.category == "plan" or bool(_PLAN_WORDS.search(sentence_at(p.text, m.start())))
    return False


def _stale_message(m: re.Match[str], year: int) -> str:
    shown = m.group()
    first = int(m.group(1))
    if m.group(2):
        return f"“{shown}”不包含报告年份{year}年，可能是沿用往年文字，请核对。"
    if first < year:
        return (
            f"出现“{shown}”，不是报告年份{year}年，也不是与往年的比较，可能是沿用往年文字，请核对。"
        )
    if first == year + 1:
        return f"出现下一年“{shown}”，但不在工作安排部分，请核对。"
    return f"出现“{shown}”，晚于报告年份{year}年，请核对。"


def _title_spans(text: str) -> list[tuple[int, int]]:
    if "《" not in text:
        return []  # most passages
    return [m.span() for m in re.finditer(r"《[^《》]*》", text)]


def wrong_plenaries(ctx: CheckContext) -> Iterator[Located]:
    """Yield an error for a session not yet held by the year's end, or a stale citation list.

    A year past the table is checked for stale lists only (against the newest sessions known):
    a session it does not know may have been held that year.
    """
    year, table = ctx.year, ctx.table
    if year is None or year < first_year(table):
        return
    held = latest_held(year, table)
    cited: list[tuple[Passage, CitedSessions]] = [
        (p, c) for p in ctx.passages for c in cited_sessions(p.text)
    ]
    complete = covers(year, table)
    for p, c in cited:
        if not complete:
            break
        future = [s for s in c.sessions if s.order > held.order]
        if future:
            names = "、".join(s.name for s in future)
            yield p.finding(
                "wrong-plenary",
                "error",
                f"引用了{names}，但截至{year}年底尚未召开；"
                f"{year}年度报告应引用“{citation_for(year, table).text}”。",
                c.start,
                c.end,
            )
    stale = _stale_citation(cited, year, table)
    if stale is not None:
        yield stale


def _stale_citation(
    cited: list[tuple[Passage, CitedSessions]], year: int, table: SessionTable
) -> Located | None:
    """Return a finding when the newest session cited is older than the year's citation needs."""
    due = latest_cited(year, table)
    lists = [(p, c) for p, c in cited if any(s.plenary for s in c.sessions) and _is_citing(p, c)]
    if not lists:
        return None
    newest = max((s for _, c in cited for s in c.sessions), key=lambda s: s.order)
    if newest.order >= due.order:
        return None
    p, c = next(
        (p, c) for p, c in lists if _newest(c).order == max(_newest(c2).order for _, c2 in lists)
    )
    return p.finding(
        "wrong-plenary",
        "error",
        f"引用的最新会议是{_named(newest, table)}，"
        f"{year}年度报告应引用“{citation_for(year, table).text}”，疑似沿用上年文字。",
        c.start,
        c.end,
    )


def _newest(c: CitedSessions) -> Session:
    return max(c.sessions, key=lambda s: s.order)


def _is_citing(p: Passage, c: CitedSessions) -> bool:
    """Return True for "贯彻落实…全会精神"-style citations, not "十八届四中全会以来"-style history."""
    around = p.text[max(0, c.start - 20) : c.end + 25]
    return bool(_CITING.search(around))


def _named(s: Session, table: SessionTable) -> str:
    known = table.known(s.term, s.plenary)
    return f"“{s.name}”（{known.held.year}年）" if known and known.held else f"“{s.name}”"
