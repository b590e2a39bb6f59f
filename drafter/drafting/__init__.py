"""YearData + skeleton → Draft → GB/T 9704 .docx, and refresh of a draft edited in Word."""

from drafter.drafting.compose import draft_report
from drafter.drafting.draft import draft_docx
from drafter.drafting.model import (
    Block,
    Draft,
    DraftCounts,
    DraftedDocx,
    Figure,
    Placeholder,
    Suggestion,
    Text,
)
from drafter.drafting.refresh import RefreshResult, refresh_draft
from drafter.drafting.suggestions import fill_suggestion, suggestion_pool
from drafter.drafting.writer import render_docx

__all__ = [
    "Block",
    "Draft",
    "DraftCounts",
    "DraftedDocx",
    "Figure",
    "Placeholder",
    "RefreshResult",
    "Suggestion",
    "Text",
    "draft_docx",
    "draft_report",
    "fill_suggestion",
    "refresh_draft",
    "render_docx",
    "suggestion_pool",
]
