"""Last year's report → this year's data file: the scaffold with 上年 pre-filled from its figures."""

from __future__ import annotations

from dataclasses import dataclass

from drafter.datafile.extract import extract_figures, first_matches, source_words, unplaced
from drafter.datafile.scaffold import scaffold_text
from drafter.learning import Skeleton
from drafter.reading import Outline


@dataclass(frozen=True)
class Scaffold:
    """The data file's text, the year and unit it is for, how many 上年 values it pre-fills, and
    how many of last year's figures it could not place under an indicator."""

    text: str
    year: int
    unit: str
    prefilled: int
    unplaced: int = 0


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
    default UNIT. Each pre-filled value carries the words it came from as a comment.
    """
    previous: dict[str, float] = {}
    evidence: dict[str, str] = {}
    note = None
    left = 0
    notes: list[str] = []
    if last_report is not None:
        extracted = extract_figures(last_report)
        chosen = first_matches(extracted)
        previous = {k: f.value for k, f in chosen.items()}
        evidence = {k: source_words(f) for k, f in chosen.items()}
        left = len(unplaced(extracted))
        if year is None and last_report.year is not None:
            year = last_report.year + 1
        unit = unit or (last_report.unit or "")
        note = f"{source_name or last_report.file}（{len(previous)} 项）"
        if left:
            notes.append(
                f"另有 {left} 个数字未能对应到指标，没有预填；"
                "可用 drafter extract 查看，需要的请手工填入。"
            )
    year = year or default_year
    text = scaffold_text(
        skeleton,
        unit=unit,
        year=year,
        previous=previous,
        source_note=note,
        evidence=evidence,
        notes=notes,
    )
    return Scaffold(text=text, year=year, unit=unit, prefilled=len(previous), unplaced=left)
