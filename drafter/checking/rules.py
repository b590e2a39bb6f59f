"""Lint a draft report: what was left undone or is inconsistent, each with where it is."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from drafter.catalogue.categories import load_categories
from drafter.checking.figures import figure_rules
from drafter.checking.document import copied_from_last_year, parts, placeholders, suggestions
from drafter.checking.years import stale_years, wrong_plenaries
from drafter.checking.model import CheckContext, Finding, Located, passages_of
from drafter.reading.model import Outline

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
