"""YearData + skeleton → Draft → GB/T 9704 .docx, and refresh of a draft edited in Word."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_face

if TYPE_CHECKING:  # names load with their module when first used: a command imports what it needs
    from drafter.drafting.blank import styled_template
    from drafter.drafting.compose import draft_report
    from drafter.drafting.draft import draft_docx
    from drafter.drafting.model import (
        Block,
        Draft,
        DraftCounts,
        DraftedDocx,
        Figure,
        Flag,
        Placeholder,
        Suggestion,
        Text,
        ToConfirm,
        ToVerify,
    )
    from drafter.drafting.refresh import RefreshResult, refresh_draft
    from drafter.drafting.rollforward import (
        RolledDocx,
        RolledForward,
        roll_forward,
        roll_forward_docx,
    )
    from drafter.drafting.suggestions import fill_suggestion, reusable, suggestion_pool
    from drafter.drafting.writer import render_docx

__all__ = [
    "Block",
    "Draft",
    "DraftCounts",
    "DraftedDocx",
    "Figure",
    "Flag",
    "Placeholder",
    "RefreshResult",
    "RolledDocx",
    "RolledForward",
    "Suggestion",
    "Text",
    "ToConfirm",
    "ToVerify",
    "draft_docx",
    "draft_report",
    "fill_suggestion",
    "refresh_draft",
    "render_docx",
    "reusable",
    "roll_forward",
    "roll_forward_docx",
    "styled_template",
    "suggestion_pool",
]

__getattr__, __dir__ = lazy_face(
    __name__,
    {
        "compose": ("draft_report",),
        "draft": ("draft_docx",),
        "model": (
            "Block",
            "Draft",
            "DraftCounts",
            "DraftedDocx",
            "Figure",
            "Flag",
            "Placeholder",
            "Suggestion",
            "Text",
            "ToConfirm",
            "ToVerify",
        ),
        "refresh": ("RefreshResult", "refresh_draft"),
        "rollforward": ("RolledDocx", "RolledForward", "roll_forward", "roll_forward_docx"),
        "suggestions": ("fill_suggestion", "reusable", "suggestion_pool"),
        "blank": ("styled_template",),
        "writer": ("render_docx",),
    },
)
