"""The `draft` job in one call: compose the draft and write it as GB/T 9704 .docx bytes."""

from __future__ import annotations

from drafter.catalogue import SessionTable
from drafter.datafile import YearData
from drafter.drafting.compose import draft_report
from drafter.drafting.model import DraftedDocx
from drafter.drafting.writer import render_docx
from drafter.learning import Skeleton


def draft_docx(
    data: YearData, skeleton: Skeleton, years: SessionTable | None = None
) -> DraftedDocx:
    """Return the .docx drafted from DATA and SKELETON, with its figure and placeholder counts.

    YEARS is the years table for the opening's citation (default: the shipped one).
    """
    report = draft_report(data, skeleton, years)
    return DraftedDocx(docx=render_docx(report), counts=report.counts())
