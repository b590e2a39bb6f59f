"""The year-dependent words of the opening: the sessions and the plan (纲要) a report cites.

A year past the years table still gets its citation, from the newest sessions the table knows,
as text to verify (【待核：…】 in its own content control, with a comment saying what to check).
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.catalogue import (
    SessionTable,
    citation_for,
    load_sessions,
    missing_sessions_advice,
    table_gap,
    where_to_add,
)
from drafter.drafting.model import ToVerify

CITATION_KEY = "会议引文"
CITATION_TITLE = "会议引文（待核）"


@dataclass(frozen=True)
class OpeningCitation:
    """What the opening cites: sessions as text, or as text to verify; the plan's name or ""."""

    sessions: str | ToVerify
    plan: str


def opening_citation(year: int, table: SessionTable | None = None) -> OpeningCitation:
    """Return the sessions and the plan a report for YEAR cites, per TABLE (default: shipped)."""
    table = table or load_sessions()
    citation = citation_for(year, table)
    plan = citation.plan.cited if citation.plan else ""
    if not citation.provisional:
        return OpeningCitation(citation.text, plan)
    gap = table_gap(year, table)
    advice = missing_sessions_advice(year, table)
    note = table.notes.get(year, "")
    span = f"{year}年" if year == table.covered_to + 1 else f"{table.covered_to + 1}年至{year}年"
    plan_line = (
        ""
        if citation.plan
        else f"年度表中也没有{year}年施行的法治政府建设规划纲要，开头段未引用纲要；"
        f"如已印发新的纲要，请在{where_to_add(table)}的“纲要:”下加一行"
        "“  - {名称: 纲要全称（起止年份）}”。"
    )
    comment = (
        f"{note or gap + '。'}此处按表中已有的会议写了引文，{span}召开的会议可能没有收录。"
        f"{advice}，然后重新生成初稿；也可以直接在此改定引文。"
        f"核对无误后删去“【待核：”和“】”，drafter check 就不再提示。{plan_line}"
    )
    return OpeningCitation(
        ToVerify(CITATION_KEY, citation.text, CITATION_TITLE, comment, _warning(gap, advice)),
        plan,
    )


def _warning(gap: str, advice: str) -> str:
    return f"{gap}，开头段的会议引文已标为黄色【待核】（见批注）。{advice}，再重新生成初稿。"
