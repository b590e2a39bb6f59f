"""The years table: sessions, plans (纲要) and notes by year, shipped and as the user extends it.

The shipped table is templates/years.yaml inside the package; a user never edits it. A user's own
table (templates/years.yaml in the working folder, or a file given with --years) holds only what
it adds or corrects and is merged over the shipped one (`load_years`). Messages name the user's
file, never the installed package's.
"""

from __future__ import annotations

import contextlib
import itertools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from drafter.catalogue.sessions import Session, session_from_name
from drafter.errors import DataError, TemplateDataError, did_you_mean
from drafter.resources import load_yaml_with_lines, template_path

_FILE = "years.yaml"
# What a message calls the shipped table: its path would be inside site-packages.
SHIPPED_NAME = "drafter 自带的年度表"
# Where a user's own table goes by default, relative to the working folder.
USER_TABLE = "templates/years.yaml"
_KEYS = ("覆盖至", "会议", "纲要", "年度说明")
_ENTRY_KEYS = ("名称", "日期")
_PLAN_KEYS = ("名称", "起", "止")
# "法治政府建设实施纲要（2021—2025年）": the years a plan runs, from its title.
_PLAN_YEARS = re.compile(
    r"[（(]\s*((?:19|20)\d{2})\s*[—\-－–~～至]+\s*((?:19|20)\d{2})\s*年?\s*[)）]"
)


@dataclass(frozen=True)
class Plan:
    """A national plan a report implements in the years FIRST..LAST (the 纲要), named as cited."""

    name: str  # without 《》: "法治政府建设实施纲要（2021—2025年）"
    first: int
    last: int

    @property
    def cited(self) -> str:
        """Return the name as a report writes it: 《法治政府建设实施纲要（2021—2025年）》."""
        return f"《{self.name}》"


@dataclass(frozen=True)
class SessionTable:
    """The sessions in order, the last year they are complete for, the plans and yearly notes.

    PATH names the table in messages (the user's file, or SHIPPED_NAME); USER_FILE is where a
    user adds what is missing (their --years file, else templates/years.yaml in the working folder).
    """

    sessions: tuple[Session, ...]
    covered_to: int
    path: str
    plans: tuple[Plan, ...] = ()
    notes: dict[int, str] = field(default_factory=dict)
    user_file: str = USER_TABLE

    def known(self, term: int, plenary: int) -> Session | None:
        """Return the table's session TERM/PLENARY, or None."""
        return next((s for s in self.sessions if s.order == (term, plenary)), None)


@cache
def load_sessions() -> SessionTable:
    """Return the shipped years table, validated."""
    return read_session_table(template_path(_FILE), shown=SHIPPED_NAME)


def load_years(user_path: Path | None = None) -> SessionTable:
    """Return the shipped table, extended and corrected by the user's table at USER_PATH if any.

    The user's file may hold any of the keys; its sessions and plans are added (or replace those
    of the same name), its notes likewise. Its 覆盖至 counts when later than the shipped one;
    without 覆盖至, a session it adds in a later year extends the table to that year.
    """
    shipped = load_sessions()
    if user_path is None:
        return shipped
    where = str(user_path)
    raw = _read_yaml(user_path, where)
    user = _parse(raw, where, partial=True)
    sessions = {s.order: s for s in shipped.sessions} | {s.order: s for s in user.sessions}
    ordered = sorted(sessions.values(), key=lambda s: s.order)
    _check_consistent(ordered, where)
    covered = shipped.covered_to
    if "覆盖至" in raw:
        covered = max(covered, user.covered_to)
    else:
        added = [s.held.year for s in user.sessions if s.held]
        covered = max([covered, *added])
    plans = {p.name: p for p in shipped.plans} | {p.name: p for p in user.plans}
    return SessionTable(
        tuple(ordered),
        covered,
        where,
        tuple(sorted(plans.values(), key=lambda p: p.first)),
        shipped.notes | user.notes,
        user_file=where,
    )


def read_session_table(path: Path, *, shown: str | None = None) -> SessionTable:
    """Return the complete years table in the YAML file at PATH; raise TemplateDataError if broken.

    SHOWN names the file in messages instead of PATH (the shipped table's path is not the user's
    business).
    """
    where = shown or str(path)
    table = _parse(_read_yaml(path, where), where, partial=False)
    return table if shown is None else replace(table, user_file=USER_TABLE)


def _read_yaml(path: Path, where: str) -> dict[Any, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as e:
        if where == SHIPPED_NAME:
            raise TemplateDataError(f"{SHIPPED_NAME}缺失，请重新安装 drafter。") from e
        raise TemplateDataError("年度表文件不存在，请检查文件名。", path=where) from e
    except (OSError, UnicodeDecodeError) as e:
        raise TemplateDataError("年度表文件无法读取，请用 UTF-8 编码保存。", path=where) from e
    try:
        raw, _ = load_yaml_with_lines(text, where)
    except DataError as e:
        raise TemplateDataError(e.message, path=e.path, line=e.line) from e
    if not isinstance(raw, dict):
        raise TemplateDataError("年度表应包含“覆盖至”“会议”“纲要”等项。", path=where)
    return raw


def _parse(raw: dict[Any, Any], where: str, *, partial: bool) -> SessionTable:
    """Return the table RAW describes; PARTIAL (a user's additions) makes every key optional."""
    _reject_unknown(raw, _KEYS, "", where)
    covered = raw.get("覆盖至", 0 if partial else None)
    if not isinstance(covered, int) or isinstance(covered, bool):
        raise TemplateDataError("覆盖至：应为年份，如 2026。", path=where)
    entries = raw.get("会议", [] if partial else None)
    if not isinstance(entries, list) or not (entries or partial):
        raise TemplateDataError("会议：应为会议列表，每项写 名称 和 日期。", path=where)
    sessions = [_session_entry(entry, i, where) for i, entry in enumerate(entries, 1)]
    _check_consistent(sessions, where)
    plans = raw.get("纲要") or []
    if not isinstance(plans, list):
        raise TemplateDataError("纲要：应为列表，每项写 名称（可加 起、止 年份）。", path=where)
    notes = raw.get("年度说明") or {}
    if not isinstance(notes, dict) or not all(isinstance(k, int) for k in notes):
        raise TemplateDataError("年度说明：应写成 年份: 说明文字，如 2026: ……。", path=where)
    return SessionTable(
        tuple(sorted(sessions, key=lambda s: s.order)),
        covered,
        where,
        tuple(_plan_entry(entry, i, where) for i, entry in enumerate(plans, 1)),
        {int(k): str(v) for k, v in notes.items()},
        user_file=where,
    )


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
        raise TemplateDataError(
            f"{key}.日期：“{held}”不是日期，应写成开幕日，如 2024-07-15。", path=where
        )
    return Session(session.term, session.plenary, held)


def _plan_entry(entry: Any, index: int, where: str) -> Plan:
    key = f"纲要第{index}项"
    if not isinstance(entry, dict):
        raise TemplateDataError(f"{key}：应写成 {{名称: …}}。", path=where)
    _reject_unknown(entry, _PLAN_KEYS, f"{key}.", where)
    name = str(entry.get("名称") or "").strip().strip("《》")
    m = _PLAN_YEARS.search(name)
    first, last = entry.get("起"), entry.get("止")
    if m:
        first = first if first is not None else int(m.group(1))
        last = last if last is not None else int(m.group(2))
    if not name or not all(isinstance(y, int) and not isinstance(y, bool) for y in (first, last)):
        raise TemplateDataError(
            f"{key}：应写成 {{名称: 法治政府建设实施纲要（2021—2025年）}}；"
            "名称中没有起止年份时，另写 起: 年份 和 止: 年份。",
            path=where,
        )
    assert isinstance(first, int) and isinstance(last, int)
    if first > last:
        raise TemplateDataError(f"{key}：起始年份 {first} 晚于截止年份 {last}。", path=where)
    return Plan(name, first, last)


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
