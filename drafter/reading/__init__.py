"""A report file → paragraphs → outline → categories: `parse_report` and its product types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_face

if TYPE_CHECKING:  # names load with their module when first used: a command imports what it needs
    from drafter.reading.classify import (
        MODEL_FILE,
        REVIEW_THRESHOLD,
        HeadingModel,
        classify_outline,
        load_model,
        needs_review,
    )
    from drafter.reading.corpus import (
        SKIP_REASONS,
        Merged,
        Parsed,
        Skipped,
        find_report_files,
        fingerprint,
        parse_report,
        parse_reports,
    )
    from drafter.reading.docx_report import read_docx_paragraphs
    from drafter.reading.encoding import decode_text
    from drafter.reading.features import SHARED, section_features
    from drafter.reading.files import MAX_REPORT_BYTES, SUPPORTED_SUFFIXES, read_report
    from drafter.reading.metadata import Metadata, read_metadata
    from drafter.reading.model import Outline, RawParagraph, Section, SourceText
    from drafter.reading.normalize import is_artefact, normalize_line, to_simplified
    from drafter.reading.outline import build_outline, heading_key
    from drafter.reading.review import ReviewMark, review_marks

__all__ = [
    "MAX_REPORT_BYTES",
    "MODEL_FILE",
    "REVIEW_THRESHOLD",
    "SHARED",
    "SKIP_REASONS",
    "SUPPORTED_SUFFIXES",
    "HeadingModel",
    "Merged",
    "Metadata",
    "Outline",
    "Parsed",
    "RawParagraph",
    "ReviewMark",
    "Section",
    "Skipped",
    "SourceText",
    "build_outline",
    "classify_outline",
    "decode_text",
    "find_report_files",
    "fingerprint",
    "heading_key",
    "is_artefact",
    "load_model",
    "needs_review",
    "normalize_line",
    "parse_report",
    "parse_reports",
    "read_docx_paragraphs",
    "read_metadata",
    "read_report",
    "review_marks",
    "section_features",
    "to_simplified",
]

__getattr__, __dir__ = lazy_face(
    __name__,
    {
        "classify": (
            "MODEL_FILE",
            "REVIEW_THRESHOLD",
            "HeadingModel",
            "classify_outline",
            "load_model",
            "needs_review",
        ),
        "corpus": (
            "SKIP_REASONS",
            "Merged",
            "Parsed",
            "Skipped",
            "find_report_files",
            "fingerprint",
            "parse_report",
            "parse_reports",
        ),
        "docx_report": ("read_docx_paragraphs",),
        "encoding": ("decode_text",),
        "features": ("SHARED", "section_features"),
        "files": ("MAX_REPORT_BYTES", "SUPPORTED_SUFFIXES", "read_report"),
        "metadata": ("Metadata", "read_metadata"),
        "model": ("Outline", "RawParagraph", "Section", "SourceText"),
        "normalize": ("is_artefact", "normalize_line", "to_simplified"),
        "outline": ("build_outline", "heading_key"),
        "review": ("ReviewMark", "review_marks"),
    },
)
