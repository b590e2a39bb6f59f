"""The year's data file ⇄ YearData: load and validate, scaffold, and figures from a past report."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_face

if TYPE_CHECKING:  # names load with their module when first used: a command imports what it needs
    from drafter.datafile.extract import (
        ExtractedFigure,
        dump_data_file,
        extract_figures,
        extract_paragraph,
        figures_to_data,
        first_matches,
        match_sentence,
        plain_number,
    )
    from drafter.datafile.from_report import Scaffold, scaffold_data
    from drafter.datafile.load import load_data, read_data_file
    from drafter.datafile.model import FigureValue, YearData
    from drafter.datafile.reported import reported_indicators
    from drafter.datafile.scaffold import scaffold_text

__all__ = [
    "ExtractedFigure",
    "FigureValue",
    "Scaffold",
    "YearData",
    "dump_data_file",
    "extract_figures",
    "extract_paragraph",
    "figures_to_data",
    "first_matches",
    "load_data",
    "match_sentence",
    "plain_number",
    "read_data_file",
    "reported_indicators",
    "scaffold_data",
    "scaffold_text",
]

__getattr__, __dir__ = lazy_face(
    __name__,
    {
        "extract": (
            "ExtractedFigure",
            "dump_data_file",
            "extract_figures",
            "extract_paragraph",
            "figures_to_data",
            "first_matches",
            "match_sentence",
            "plain_number",
        ),
        "from_report": ("Scaffold", "scaffold_data"),
        "load": ("load_data", "read_data_file"),
        "model": ("FigureValue", "YearData"),
        "reported": ("reported_indicators",),
        "scaffold": ("scaffold_text",),
    },
)
