"""A report file → paragraphs → outline → categories: `parse_report` and its product types."""

from drafter.reading.classify import classify_outline
from drafter.reading.corpus import Parsed, find_report_files, parse_report, parse_reports
from drafter.reading.docx_report import read_docx_paragraphs
from drafter.reading.files import MAX_REPORT_BYTES, SUPPORTED_SUFFIXES, decode_text, read_report
from drafter.reading.model import Outline, RawParagraph, Section, SourceText
from drafter.reading.normalize import is_artefact, normalize_line, to_simplified
from drafter.reading.outline import build_outline
from drafter.reading.review import ReviewMark, review_marks

__all__ = [
    "MAX_REPORT_BYTES",
    "SUPPORTED_SUFFIXES",
    "Outline",
    "Parsed",
    "RawParagraph",
    "ReviewMark",
    "Section",
    "SourceText",
    "build_outline",
    "classify_outline",
    "decode_text",
    "find_report_files",
    "is_artefact",
    "normalize_line",
    "parse_report",
    "parse_reports",
    "read_docx_paragraphs",
    "read_report",
    "review_marks",
    "to_simplified",
]
