"""Lint a draft report: what was left undone or is inconsistent, each with where it is."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from drafter.catalogue import (
    SessionTable,
    covers,
    first_year,
    load_categories,
    load_sessions,
    missing_sessions_advice,
    where_to_add,
)
from drafter.checking.citations import citation_to_verify, expired_plan, previous_term_sessions
from drafter.checking.data import data_mismatches
from drafter.checking.document import (
    copied_from_last_year,
    parts,
    placeholders,
    suggestion_key,
    suggestions,
    suggestions_left,
)
from drafter.checking.figures import figure_rules
from drafter.checking.model import CheckContext, Finding, Located, passages_of
from drafter.checking.places import other_levels
from drafter.checking.review import review_left
from drafter.checking.years import stale_years, wrong_plenaries
from drafter.datafile import YearData
from drafter.learning import Skeleton
from drafter.reading import Outline, ReviewMark

Rule = Callable[[CheckContext], Iterable[Located]]

RULES: tuple[Rule, ...] = (
    placeholders,
    suggestions,
    suggestions_left,
    parts,
    stale_years,
    wrong_plenaries,
    citation_to_verify,
    expired_plan,
    previous_term_sessions,
    figure_rules,
    copied_from_last_year,
    review_left,
    other_levels,
    data_mismatches,
)


def check_report(
    outline: Outline,
    *,
    year: int | None,
    last_year: Outline | None,
    years: SessionTable | None = None,
    review: Sequence[ReviewMark] = (),
    skeleton: Skeleton | None = None,
    data: YearData | None = None,
) -> list[Finding]:
    """Return the findings for OUTLINE in reading order.

    YEAR is the report year (default: the outline's own); LAST_YEAR, when given, is last year's
    report, for finding paragraphs copied unchanged or mostly; YEARS the years table (default:
    shipped); REVIEW, the comments and tracked changes of the file
    (`drafter.reading.review_marks`); SKELETON, the one the draft's suggestions came from; DATA,
    the year's data file, whose figures the text must give.
    """
    names = {c.id: c.name for c in load_categories().values()}
    ctx = CheckContext(
        outline=outline,
        passages=passages_of(outline, names),
        year=year if year is not None else outline.year,
        last_year=passages_of(last_year, names) if last_year is not None else None,
        years=years,
        review=tuple(review),
        suggestions=_suggestion_keys(skeleton),
        data=data,
    )
    located: list[Located] = []
    for rule in RULES:
        located.extend(rule(ctx))
    located.sort(key=lambda item: item[0])
    return [finding for _, finding in located]


def _suggestion_keys(skeleton: Skeleton | None) -> frozenset[str]:
    if skeleton is None:
        return frozenset()
    return frozenset(
        suggestion_key(exemplar.text)
        for category in skeleton.categories
        for exemplar in category.typical
    )


@dataclass(frozen=True)
class CheckResult:
    """The findings, and notices on what could not be checked (no year, a year the table lacks)."""

    findings: list[Finding]
    notices: list[str]


def check_draft(
    outline: Outline,
    *,
    year: int | None,
    last_year: Outline | None,
    years: SessionTable | None = None,
    review: Sequence[ReviewMark] = (),
    skeleton: Skeleton | None = None,
    data: YearData | None = None,
) -> CheckResult:
    """Return the findings for OUTLINE (see `check_report`) and notices on what went unchecked."""
    table = years or load_sessions()
    report_year = year if year is not None else outline.year
    notices: list[str] = []
    if report_year is None:
        notices.append("未能从报告中识别年份，未检查年份和全会提法；可用 --year 指定。")
    elif report_year < first_year(table):
        notices.append(
            f"年度表从{first_year(table)}年记起，未检查{report_year}年度报告的全会提法"
            f"（如需检查，请在{where_to_add(table)}的“会议:”下补充当时的会议）。"
        )
    elif not covers(report_year, table):
        after = table.covered_to + 1
        span = f"{after}年" if report_year == after else f"{after}年至{report_year}年"
        notices.append(
            f"年度表中的会议只收录到{table.covered_to}年，未检查报告是否漏引{span}召开的全会。"
            f"{missing_sessions_advice(report_year, table)}。"
        )
    findings = check_report(
        outline,
        year=year,
        last_year=last_year,
        years=years,
        review=review,
        skeleton=skeleton,
        data=data,
    )
    return CheckResult(findings, notices)
