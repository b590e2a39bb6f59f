"""Party congresses and Central Committee plenary sessions: their names, and citations of them in text.

What each year's report cites comes from the years table (`drafter.catalogue.years`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from drafter.text import chinese_numeral, parse_chinese_numeral

DIGITS = "一二三四五六七八九"
_DIGITS = DIGITS
_NUM = f"[{_DIGITS}十]"
_CONGRESS_NAME = re.compile(rf"^党的({_NUM}{{1,3}})大$")
_PLENARY_NAME = re.compile(rf"^({_NUM}{{1,3}})届([{_DIGITS}])中全会$")
# Citations in text, compiled on first use (a draft names sessions but never reads them):
# "二十届二中、三中全会", "十九届六中全会", "二十届中央委员会第三次全体会议";
# "党的二十大", or a bare "二十大" when what follows shows it is the congress ("二十大精神").
_PLENARY_CITE = (
    rf"({_NUM}{{1,3}})届(?:中央委员会)?([{_DIGITS}]中(?:[、，和及与][{_DIGITS}]中)*)全会"
    rf"|({_NUM}{{1,3}})届中央委员会第([{_DIGITS}])次全体会议"
)
_CONGRESS_CITE = rf"(党的)?(十[{_DIGITS}]|[二三四五六七八九]十[{_DIGITS}]?)大(?=(精神|以来|和|、|及|报告|会议|提出|作出|部署|强调|召开)?)"


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
class CitedSessions:
    """Sessions named at START:END of a text ("二十届二中、三中全会" names two)."""

    start: int
    end: int
    sessions: tuple[Session, ...]


def find_cited_sessions(text: str) -> list[CitedSessions]:
    """Return every congress or plenary citation in TEXT, in order, with where it is."""
    found: list[CitedSessions] = []
    for m in re.finditer(_PLENARY_CITE, text):
        if m.group(1):
            term = parse_chinese_numeral(m.group(1))
            numbers = [_DIGITS.index(ch) + 1 for ch in re.findall(f"([{_DIGITS}])中", m.group(2))]
        else:
            term = parse_chinese_numeral(m.group(3))
            numbers = [_DIGITS.index(m.group(4)) + 1]
        found.append(CitedSessions(m.start(), m.end(), tuple(Session(term, n) for n in numbers)))
    for m in re.finditer(_CONGRESS_CITE, text):
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
