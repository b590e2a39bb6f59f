"""Values passed between the reading stages: raw paragraphs, the outline tree, categories."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawParagraph:
    """One paragraph as read from a file, with the heading level a .docx style or numbering gave."""

    text: str
    level: int | None = None
    number: str | None = None


@dataclass(frozen=True)
class SourceText:
    """A report as read: its path, its paragraphs in order (original characters)."""

    path: str
    paragraphs: tuple[RawParagraph, ...]


@dataclass
class Section:
    """One section of a report: number as written, title, depth, category, body and children."""

    number: str | None
    title: str
    level: int
    paragraphs: list[str] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    category: str = "other"
    score: float = 0.0
    runner_up: str | None = None
    runner_up_score: float = 0.0
    # Set by the outline stage where the structure itself says the category (an implicit
    # umbrella, the split halves of an unheaded closing paragraph); classify keeps it.
    category_hint: str | None = None
    # The probability that goes with category_hint: 0.0 for the one section made up for a report
    # in which no heading was recognised (shown 待核).
    hint_score: float = 1.0

    def walk(self) -> list[Section]:
        """Return this section and all its descendants, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out

    def as_dict(self) -> dict[str, Any]:
        """Return the section in the `drafter outline --json` shape."""
        return {
            "number": self.number,
            "title": self.title,
            "level": self.level,
            "category": self.category,
            "score": self.score,
            "paragraphs": list(self.paragraphs),
            "children": [c.as_dict() for c in self.children],
        }

    def full_text(self) -> str:
        """Return title, paragraphs and children's text joined, for classification and search."""
        parts = [self.title, *self.paragraphs]
        parts.extend(child.full_text() for child in self.children)
        return "\n".join(p for p in parts if p)


@dataclass
class Outline:
    """A parsed report: title line, opening, sections tree, closing date line."""

    file: str
    title: str | None
    year: int | None
    unit: str | None
    opening: str | None
    sections: list[Section]
    date: str | None = None
    # The issuing units one by one (a joint report has two); `unit` is them joined by a space.
    issuers: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """Return the outline in the `drafter outline --json` shape (other tools depend on it)."""
        return {
            "file": self.file,
            "title": self.title,
            "year": self.year,
            "unit": self.unit,
            "issuers": list(self.issuers),
            "sections": [s.as_dict() for s in self.sections],
        }

    def has_headings(self) -> bool:
        """Return True when some heading was recognised (not just the one flagged section)."""
        return any(s.number or s.title for s in self.walk())

    def walk(self) -> list[Section]:
        """Return every section, depth first."""
        out: list[Section] = []
        for s in self.sections:
            out.extend(s.walk())
        return out
