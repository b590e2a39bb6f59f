"""Last year's report → this year's data file: the scaffold with 上年 pre-filled from its figures."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.datafile.extract import extract_figures, first_matches
from drafter.datafile.scaffold import scaffold_text
from drafter.learning import Skeleton
from drafter.reading import Outline


@dataclass(frozen=True)
class Scaffold:
    """The data file's text, the year and unit it is for, and how many 上年 values it pre-fills."""

    text: str
    year: int
    unit: str
    prefilled: int


def scaffold_data(
    skeleton: Skeleton,
    *,
    unit: str,
    year: int | None,
    default_year: int,
    last_report: Outline | None = None,
    source_name: str | None = None,
) -> Scaffold:
    """Return the data file to fill in for YEAR (else the year after LAST_REPORT, else DEFAULT_YEAR).

    With LAST_REPORT, its figures matched to indicators become 上年 values, and its unit is the
    default UNIT.
    """
    previous: dict[str, float] = {}
    note = None
    if last_report is not None:
        previous = {k: f.value for k, f in first_matches(extract_figures(last_report)).items()}
        if year is None and last_report.year is not None:
            year = last_report.year + 1
        unit = unit or (last_report.unit or "")
        note = f"{source_name or last_report.file}（{len(previous)} 项）"
    year = year or default_year
    text = scaffold_text(skeleton, unit=unit, year=year, previous=previous, source_note=note)
    return Scaffold(text=text, year=year, unit=unit, prefilled=len(previous))
