"""Helpers the test files share: where the real reports and the example are, reopening a .docx."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "示例市2025年度数据.yaml"
# The labelled real-report excerpts, beside the checkout (read at test time, never copied in).
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def reopen(data: bytes) -> DocxDocument:
    """Return the .docx in DATA opened with python-docx."""
    return docx.Document(io.BytesIO(data))


def example_text(replacements: dict[str, str] | None = None) -> str:
    """Return the example data file's text with each key of REPLACEMENTS replaced by its value."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in (replacements or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    return text
