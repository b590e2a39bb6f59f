"""Check rules on what a report cites as in force: a citation left to verify, an expired plan,
a previous Central Committee's session cited as the spirit to implement.

History is not citation: "十九届六中全会以来", "《纲要（2021—2025年）》圆满收官" pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.catalogue import (
    CitedSessions,
    Plan,
    current_term,
    find_cited_sessions,
    first_year,
    missing_sessions_advice,
    table_gap,
)
from drafter.checking.model import CheckContext, Located, cited_sessions
from drafter.text import PLACEHOLDER_CLOSE, TO_CONFIRM_OPEN, chinese_numeral

# The title the draft gives the control of a citation to verify (drafting.opening).
_CITATION_CONTROL = "会议引文（待核）"
_TO_CONFIRM = re.compile(f"{re.escape(TO_CONFIRM_OPEN)}([^】\n]{{0,80}}){PLACEHOLDER_CLOSE}?")
# Verbs that cite a plan or a session as what the year's work implements.
_IMPLEMENTING = re.compile(
    r"贯彻|落实|实施|执行|按照|依据|根据|对标|对照|围绕|践行|学习|领会|宣传|牵引"
)
# Words after a plan's name that make the mention history, not citation.
_PLAN_HISTORY = re.compile(
    r"^[^，。；]{0,12}?(收官|圆满|完成情况|实施情况|总结|评估|到期|期满|期间|以来)"
)
_CLAUSE_STOPS = "，。；：！？"
_TITLE = re.compile(r"《([^《》]{2,60})》")
# What may stand between a cited session and 精神: another session, a connective.
_BETWEEN = re.compile(r"^(?:[和、及与]|以及|党的)*$")


def is_citation_to_verify(mark: str) -> bool:
    """Return True when MARK (【待核：…】) holds a citation of sessions, not a figure to confirm."""
    m = _TO_CONFIRM.match(mark)
    return m is not None and bool(find_cited_sessions(m.group(1)))


def citation_to_verify(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each session citation still marked 【待核：…】 (a year past the table)."""
    table = ctx.table
    for p in ctx.passages:
        for m in _TO_CONFIRM.finditer(p.text):
            if not is_citation_to_verify(m.group()):
                continue  # a figure or a fact to confirm, not a citation of sessions
            year = ctx.year
            if year is not None and year > table.covered_to:
                why = f"{table_gap(year, table)}。{missing_sessions_advice(year, table)}"
            else:
                why = "请核对引用的会议是否齐全"
            message = (
                f"会议引文仍标为待核（内容控件“{_CITATION_CONTROL}”）：{why}。"
                "核对或改定后，删去“【待核：”和“】”。"
            )
            yield p.finding("citation-to-verify", "warning", message, m.start(), m.end())


def expired_plan(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for a plan of the years table cited as in force after its last year."""
    year = ctx.year
    if year is None:
        return
    plans = {_plan_key(plan.name): plan for plan in ctx.table.plans}
    for p in ctx.passages:
        for m in _TITLE.finditer(p.text):
            plan = plans.get(_plan_key(m.group(1)))
            if plan is None or plan.last >= year:
                continue
            if not _cites_as_current(p.text, m.start(), m.end()):
                continue
            yield p.finding(
                "expired-plan", "warning", _plan_message(plan, year, ctx), m.start(), m.end()
            )


def _plan_message(plan: Plan, year: int, ctx: CheckContext) -> str:
    following = next((q for q in ctx.table.plans if q.first <= year <= q.last), None)
    instead = (
        f"{year}年度报告应引用{following.cited}"
        if following
        else "年度表中还没有其后的纲要；如已印发，请写新的纲要，并补充到年度表的“纲要:”下"
    )
    return f"{plan.cited}施行至{plan.last}年，{year}年度报告不应再把它作为当前的依据：{instead}。"


def _cites_as_current(text: str, start: int, end: int) -> bool:
    """Return True when the mention at START:END cites the plan as what is implemented."""
    # only the 16 characters before the mention and the few after it are read: a paragraph
    # without line breaks costs no more per mention than a short one
    floor = max(0, start - 16)
    clause_start = max(text.rfind(ch, floor, start) for ch in _CLAUSE_STOPS) + 1
    before = text[max(clause_start, floor) : start]
    return bool(_IMPLEMENTING.search(before)) and not _PLAN_HISTORY.search(text[end : end + 40])


def _plan_key(name: str) -> str:
    """Return a plan's name without the differences writers make: brackets, dashes, spaces."""
    key = name.strip("《》").replace("(", "（").replace(")", "）").replace(" ", "")
    return re.sub(r"[—\-－–~～至]+", "—", key).replace("年）", "）")


def previous_term_sessions(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for a session of a previous term cited as the spirit to implement.

    "深入贯彻党的十九届六中全会精神" in a 2025 report: the 20th Central Committee has been in
    office since 2022. A report for the year a new congress met may still cite the old term.
    """
    year = ctx.year
    if year is None or year < first_year(ctx.table):
        return
    term = current_term(year, ctx.table)
    if term is None:
        return
    for p in ctx.passages:
        cited = cited_sessions(p.text)
        for i, c in enumerate(cited):
            old = [s for s in c.sessions if s.term < term]
            if not old or not _is_spirit_to_implement(p.text, cited, i):
                continue
            names = "、".join(s.name for s in old)
            message = (
                f"把{names}精神作为贯彻落实的对象，但{year}年时党的{chinese_numeral(term)}届中央委员会"
                "已经产生；请改为引用本届的会议，或写明是历史回顾。"
            )
            yield p.finding("previous-term-session", "warning", message, c.start, c.end)


def _is_spirit_to_implement(text: str, cited: list[CitedSessions], i: int) -> bool:
    """Return True for "贯彻…C…精神": C is followed (maybe via other sessions) by 精神."""
    c = cited[i]
    end = c.end
    for later in cited[i + 1 :]:
        if not _BETWEEN.match(text[end : later.start]):
            break
        end = later.end
    if not text.startswith("精神", end):
        return False
    clause_start = max(text.rfind(ch, 0, c.start) for ch in _CLAUSE_STOPS) + 1
    return bool(_IMPLEMENTING.search(text[clause_start : c.start]))
