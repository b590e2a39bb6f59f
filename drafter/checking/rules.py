"""Lint a draft report: what was left undone or is inconsistent, each with where it is."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from drafter.catalogue import covers, first_year, load_categories
from drafter.checking.document import copied_from_last_year, parts, placeholders, suggestions
from drafter.checking.figures import figure_rules
from drafter.checking.model import CheckContext, Finding, Located, passages_of
from drafter.checking.years import stale_years, wrong_plenaries
from drafter.reading import Outline

Rule = Callable[[CheckContext], Iterable[Located]]

RULES: tuple[Rule, ...] = (
    placeholders,
    suggestions,
    parts,
    stale_years,
    wrong_plenaries,
    figure_rules,
    copied_from_last_year,
)


def check_report(outline: Outline, *, year: int | None, last_year: Outline | None) -> list[Finding]:
    """Return the findings for OUTLINE in reading order.

    YEAR is the report year (default: the outline's own); LAST_YEAR, when given, is last year's
    report, for finding paragraphs copied unchanged.
    """
    names = {c.id: c.name for c in load_categories().values()}
    ctx = CheckContext(
        outline=outline,
        passages=passages_of(outline, names),
        year=year if year is not None else outline.year,
        last_year=passages_of(last_year, names) if last_year is not None else None,
    )
    located: list[Located] = []
    for rule in RULES:
        located.extend(rule(ctx))
    located.sort(key=lambda item: item[0])
    return [finding for _, finding in located]


@dataclass(frozen=True)
class CheckResult:
    """The findings, and notices on what could not be checked (no year, a year the table lacks)."""

    findings: list[Finding]
    notices: list[str]


def check_draft(outline: Outline, *, year: int | None, last_year: Outline | None) -> CheckResult:
    """Return the findings for OUTLINE (see `check_report`) and notices on what went unchecked."""
    report_year = year if year is not None else outline.year
    notices: list[str] = []
    if report_year is None:
        notices.append("未能从报告中识别年份，未检查年份和全会提法；可用 --year 指定。")
    elif not covers(report_year):
        first = first_year()
        todo = (
            "请在该文件中补充会议并更新“覆盖至”"
            if report_year > first
            else f"该文件从{first}年记起"
        )
        notices.append(
            f"templates/years.yaml 未收录{report_year}年的会议，未检查全会提法（{todo}）。"
        )
    return CheckResult(check_report(outline, year=year, last_year=last_year), notices)
