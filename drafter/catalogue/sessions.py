"""Year-dependent boilerplate: which Party congress and plenary sessions a year's report cites.

The facts live in templates/years.yaml so a user can add new sessions; nothing here is guessed.
A year the table does not cover raises TemplateDataError rather than reusing last year's text.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from drafter.errors import TemplateDataError, did_you_mean
from drafter.resources import template_path
from drafter.text import chinese_numeral, parse_chinese_numeral
from drafter.yamlfile import read_yaml

_FILE = "years.yaml"
_KEYS = ("覆盖至", "会议")
_ENTRY_KEYS = ("名称", "日期")
_DIGITS = "一二三四五六七八九"
_NUM = f"[{_DIGITS}十]"
_CONGRESS_NAME = re.compile(rf"^党的({_NUM}{{1,3}})大$")
_PLENARY_NAME = re.compile(rf"^({_NUM}{{1,3}})届([{_DIGITS}])中全会$")
# "二十届二中、三中全会", "十九届六中全会", "二十届中央委员会第三次全体会议"
_PLENARY_CITE = re.compile(
    rf"({_NUM}{{1,3}})届(?:中央委员会)?([{_DIGITS}]中(?:[、，和及与][{_DIGITS}]中)*)全会"
    rf"|({_NUM}{{1,3}})届中央委员会第([{_DIGITS}])次全体会议"
)
# "党的二十大", or a bare "二十大" when what follows shows it is the congress ("二十大精神").
_CONGRESS_CITE = re.compile(
    rf"(党的)?(十[{_DIGITS}]|[二三四五六七八九]十[{_DIGITS}]?)大(?=(精神|以来|和|、|及|报告|会议|提出|作出|部署|强调|召开)?)"
)


@dataclass(frozen=True)
class Session:
    """A national congress (plenary 0) or a Central Committee plenary session of one term."""

    term: int
    plenary: int
    held: date | None = None  # None when named in a text but not in the table

    @property
    def name(self) -> str:
        """Return the full name: "党的二十大" or "二十届三中全会"."""
        if self.plenary == 0:
            return f"党的{chinese_numeral(self.term)}大"
        return f"{chinese_numeral(self.term)}届{_DIGITS[self.plenary - 1]}中全会"

    @property
    def order(self) -> tuple[int, int]:
        """Return a key that sorts sessions in the order they are held."""
        return (self.term, self.plenary)


@dataclass(frozen=True)
class SessionTable:
    """The sessions of templates/years.yaml in order, and the last year the table is complete for."""

    sessions: tuple[Session, ...]
    covered_to: int
    path: str

    def known(self, term: int, plenary: int) -> Session | None:
        """Return the table's session TERM/PLENARY, or None."""
        return next((s for s in self.sessions if s.order == (term, plenary)), None)


@dataclass(frozen=True)
class Citation:
    """What a report for one year cites: the latest congress and its plenaries from 二中 on."""

    congress: str
    plenaries: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class CitedSessions:
    """Sessions named at START:END of a text ("二十届二中、三中全会" names two)."""

    start: int
    end: int
    sessions: tuple[Session, ...]


def citation_for(year: int, table: SessionTable | None = None) -> Citation:
    """Return the congress and plenaries a report for YEAR cites ("党的二十大和二十届二中、三中全会")."""
    table = table or load_sessions()
    held = _held_by_year_end(year, table)
    congress = max((s for s in held if s.plenary == 0), key=lambda s: s.order)
    plenaries = tuple(s for s in held if s.term == congress.term and s.plenary >= 2)
    text = congress.name
    if plenaries:
        listed = "、".join(f"{_DIGITS[s.plenary - 1]}中" for s in plenaries)
        text += f"和{chinese_numeral(congress.term)}届{listed}全会"
    return Citation(congress.name, tuple(s.name for s in plenaries), text)


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


def first_year(table: SessionTable | None = None) -> int:
    """Return the year of the first congress in the table: no earlier year can be answered."""
    table = table or load_sessions()
    return min(s.held for s in table.sessions if s.plenary == 0 and s.held).year


def covers(year: int, table: SessionTable | None = None) -> bool:
    """Return True when the table can say what a report for YEAR cites."""
    table = table or load_sessions()
    return first_year(table) <= year <= table.covered_to


def _held_by_year_end(year: int, table: SessionTable) -> list[Session]:
    if year > table.covered_to:
        missing = (
            f"{year}年" if year == table.covered_to + 1 else f"{table.covered_to + 1}年至{year}年"
        )
        raise TemplateDataError(
            f"会议表只收录到{table.covered_to}年，无法确定{year}年度报告应引用哪些全会。"
            f"请在 templates/years.yaml 的“会议”下补充{missing}召开的"
            f"党的全国代表大会和中央全会，并把“覆盖至”改为{year}。",
            path=table.path,
        )
    end = date(year, 12, 31)
    held = [s for s in table.sessions if s.held and s.held <= end]
    if not any(s.plenary == 0 for s in held):
        first = table.sessions[0]
        raise TemplateDataError(
            f"{year}年早于会议表收录的第一次会议（{first.name}），无法确定应引用哪些全会。"
            f"如需起草更早年份的报告，请在 templates/years.yaml 的“会议”下补充当时的党的全国代表大会和中央全会。",
            path=table.path,
        )
    return held


def find_cited_sessions(text: str) -> list[CitedSessions]:
    """Return every congress or plenary citation in TEXT, in order, with where it is."""
    found: list[CitedSessions] = []
    for m in _PLENARY_CITE.finditer(text):
        if m.group(1):
            term = parse_chinese_numeral(m.group(1))
            numbers = [_DIGITS.index(ch) + 1 for ch in re.findall(f"([{_DIGITS}])中", m.group(2))]
        else:
            term = parse_chinese_numeral(m.group(3))
            numbers = [_DIGITS.index(m.group(4)) + 1]
        found.append(CitedSessions(m.start(), m.end(), tuple(Session(term, n) for n in numbers)))
    for m in _CONGRESS_CITE.finditer(text):
        if m.group(1) or m.group(3):
            found.append(
                CitedSessions(m.start(), m.end(), (Session(parse_chinese_numeral(m.group(2)), 0),))
            )
    return sorted(found, key=lambda c: c.start)


def plenaries_cited(text: str) -> list[str]:
    """Return the full names of the plenary sessions TEXT cites, in order, each once.

    "二十届二中、三中全会" gives ["二十届二中全会", "二十届三中全会"].
    """
    names: list[str] = []
    for cited in find_cited_sessions(text):
        for s in cited.sessions:
            if s.plenary and s.name not in names:
                names.append(s.name)
    return names


def session_from_name(name: str) -> Session:
    """Return the session a full name ("党的二十大", "二十届三中全会") denotes; ValueError if none."""
    m = _CONGRESS_NAME.match(name)
    if m:
        return Session(parse_chinese_numeral(m.group(1)), 0)
    m = _PLENARY_NAME.match(name)
    if m:
        return Session(parse_chinese_numeral(m.group(1)), _DIGITS.index(m.group(2)) + 1)
    raise ValueError(name)


@cache
def load_sessions() -> SessionTable:
    """Return the session table of templates/years.yaml, validated."""
    return read_session_table(template_path(_FILE))


def read_session_table(path: Path) -> SessionTable:
    """Return the session table in the YAML file at PATH; raise TemplateDataError if it is broken."""
    where = str(path)
    raw = read_yaml(path, TemplateDataError, "会议表文件")
    if not isinstance(raw, dict):
        raise TemplateDataError("会议表应包含“覆盖至”和“会议”两项。", path=where)
    _reject_unknown(raw, _KEYS, "", where)
    covered = raw.get("覆盖至")
    if not isinstance(covered, int) or isinstance(covered, bool):
        raise TemplateDataError("覆盖至：应为年份，如 2025。", path=where)
    entries = raw.get("会议")
    if not isinstance(entries, list) or not entries:
        raise TemplateDataError("会议：应为会议列表，每项写 名称 和 日期。", path=where)
    sessions = [_session_entry(entry, i, where) for i, entry in enumerate(entries, 1)]
    _check_consistent(sessions, where)
    return SessionTable(tuple(sorted(sessions, key=lambda s: s.order)), covered, where)


def _session_entry(entry: Any, index: int, where: str) -> Session:
    key = f"会议第{index}项"
    if not isinstance(entry, dict):
        raise TemplateDataError(f"{key}：应写成 {{名称: …, 日期: …}}。", path=where)
    _reject_unknown(entry, _ENTRY_KEYS, f"{key}.", where)
    name = entry.get("名称")
    try:
        session = session_from_name(str(name))
    except ValueError:
        raise TemplateDataError(
            f"{key}.名称：“{name}”不是会议全称，应写成“党的二十大”或“二十届三中全会”这样的形式。",
            path=where,
        ) from None
    held = entry.get("日期")
    if isinstance(held, str):
        with contextlib.suppress(ValueError):
            held = date.fromisoformat(held)
    if not isinstance(held, date):
        raise TemplateDataError(f"{key}.日期：“{held}”不是日期，应写成 2024-07-15。", path=where)
    return Session(session.term, session.plenary, held)


def _check_consistent(sessions: list[Session], where: str) -> None:
    seen: set[tuple[int, int]] = set()
    for s in sessions:
        if s.order in seen:
            raise TemplateDataError(f"会议：“{s.name}”出现了两次。", path=where)
        seen.add(s.order)
    ordered = sorted(sessions, key=lambda s: s.order)
    for before, after in itertools.pairwise(ordered):
        if before.held and after.held and before.held > after.held:
            raise TemplateDataError(
                f"会议：“{after.name}”的日期早于“{before.name}”，请核对日期。", path=where
            )


def _reject_unknown(raw: dict[Any, Any], known: tuple[str, ...], prefix: str, where: str) -> None:
    for key in raw:
        if key not in known:
            hint = did_you_mean(str(key), known) or f"可用的键：{'、'.join(known)}。"
            raise TemplateDataError(f"{prefix}{key}：未知的键。{hint}", path=where)
