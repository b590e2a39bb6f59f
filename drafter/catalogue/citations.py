"""What a year's report cites: the sessions held by the year's end, and the plan (纲要) in force.

A year past the table's 覆盖至 still gets a citation, made of the newest sessions the table
knows and marked PROVISIONAL, so a reporting season is never blocked; the draft marks it 【待核】
and `check` warns until the user confirms it. Only a year before the table's first congress
cannot be answered.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from drafter.catalogue.sessions import DIGITS, Session, session_from_name
from drafter.catalogue.years import USER_TABLE, Plan, SessionTable, load_sessions
from drafter.errors import TemplateDataError
from drafter.text import chinese_numeral


@dataclass(frozen=True)
class Citation:
    """What a report for one year cites: the latest congress and its plenaries from 二中 on.

    PROVISIONAL: the year is past the table's 覆盖至, so sessions held that year may be missing.
    PLAN: the 纲要 in force that year, or None when the table names none.
    """

    congress: str
    plenaries: tuple[str, ...]
    text: str
    provisional: bool = False
    plan: Plan | None = None


def citation_for(year: int, table: SessionTable | None = None) -> Citation:
    """Return the congress and plenaries a report for YEAR cites ("党的二十大和二十届二中、三中全会")."""
    table = table or load_sessions()
    held = _held_by_year_end(year, table)
    congress = max((s for s in held if s.plenary == 0), key=lambda s: s.order)
    plenaries = tuple(s for s in held if s.term == congress.term and s.plenary >= 2)
    text = congress.name
    if plenaries:
        listed = "、".join(f"{DIGITS[s.plenary - 1]}中" for s in plenaries)
        text += f"和{chinese_numeral(congress.term)}届{listed}全会"
    return Citation(
        congress.name,
        tuple(s.name for s in plenaries),
        text,
        provisional=year > table.covered_to,
        plan=plan_for(year, table),
    )


def plan_for(year: int, table: SessionTable | None = None) -> Plan | None:
    """Return the plan (纲要) in force in YEAR, the latest-starting one if two overlap; else None."""
    table = table or load_sessions()
    running = [p for p in table.plans if p.first <= year <= p.last]
    return max(running, key=lambda p: p.first) if running else None


def latest_held(year: int, table: SessionTable | None = None) -> Session:
    """Return the last session (congress or plenary, 一中 included) held by the end of YEAR."""
    return max(_held_by_year_end(year, table or load_sessions()), key=lambda s: s.order)


def latest_cited(year: int, table: SessionTable | None = None) -> Session:
    """Return the last session in `citation_for(YEAR)`: what a current citation must reach."""
    table = table or load_sessions()
    citation = citation_for(year, table)
    name = citation.plenaries[-1] if citation.plenaries else citation.congress
    session = session_from_name(name)
    return table.known(session.term, session.plenary) or session


def current_term(year: int, table: SessionTable | None = None) -> int | None:
    """Return the term of the Central Committee in office as YEAR began, or None if unknown."""
    table = table or load_sessions()
    before = [s for s in table.sessions if s.plenary == 0 and s.held and s.held.year < year]
    return max(s.term for s in before) if before else None


def first_year(table: SessionTable | None = None) -> int:
    """Return the year of the first congress in the table: no earlier year can be answered."""
    table = table or load_sessions()
    return min(s.held for s in table.sessions if s.plenary == 0 and s.held).year


def covers(year: int, table: SessionTable | None = None) -> bool:
    """Return True when the table is complete for YEAR: its citation is not provisional."""
    table = table or load_sessions()
    return first_year(table) <= year <= table.covered_to


def where_to_add(table: SessionTable) -> str:
    """Return how a message names the user's own table: their file, or the one to create here."""
    if table.user_file == USER_TABLE:
        return f"当前文件夹的 {USER_TABLE}（没有就新建）"
    return table.user_file


def missing_sessions_advice(year: int, table: SessionTable | None = None) -> str:
    """Return what to add for YEAR past the table: the ready-to-paste row, or the 覆盖至 line."""
    table = table or load_sessions()
    after = table.covered_to + 1
    span = f"{year}年" if year == after else f"{after}年至{year}年"
    last = max((s for s in table.sessions if s.held), key=lambda s: s.order)
    example = Session(last.term, last.plenary + 1)
    row = f"  - {{名称: {example.name}, 日期: {after}-月-日}}"
    return (
        f"如{span}召开了党的全国代表大会或中央全会，请在{where_to_add(table)}的“会议:”下"
        f"加一行“{row}”（名称和开幕日按实际写）；如没有召开，在该文件中写一行“覆盖至: {year}”"
    )


def table_gap(year: int, table: SessionTable | None = None) -> str:
    """Return why YEAR's citation is provisional: where the table ends and its last session."""
    table = table or load_sessions()
    last = max((s for s in table.sessions if s.held), key=lambda s: s.order)
    assert last.held is not None
    held = f"{last.held.year}年{last.held.month}月{last.held.day}日"
    return f"年度表中的会议只收录到{table.covered_to}年（最后一次是{held}开幕的{last.name}）"


def _held_by_year_end(year: int, table: SessionTable) -> list[Session]:
    end = date(year, 12, 31)
    held = [s for s in table.sessions if s.held and s.held <= end]
    if not any(s.plenary == 0 for s in held):
        first = table.sessions[0]
        raise TemplateDataError(
            f"{year}年早于年度表收录的第一次会议（{first.name}），无法确定应引用哪些全会。"
            f"如需起草更早年份的报告，请在{where_to_add(table)}的“会议:”下补充当时的"
            "党的全国代表大会和中央全会，每次一行，如“  - {名称: 党的十八大, 日期: 年-月-日}”"
            "（开幕日按实际写）。",
            path=None if table.path == table.user_file else table.path,
        )
    return held
