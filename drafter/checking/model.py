"""What `check` works on and reports: the report's text pieces with their place, and findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from drafter.catalogue import CitedSessions, SessionTable, find_cited_sessions, load_sessions
from drafter.datafile import YearData
from drafter.reading import Outline, ReviewMark, Section

Severity = Literal["error", "warning"]
PassageKind = Literal["title", "opening", "heading", "body"]
EXCERPT_LEN = 40

# The rules by id (kept in the JSON) and the Chinese name the text output shows.
RULE_NAMES: dict[str, str] = {
    "placeholder": "未填占位符",
    "suggestion": "未改写的建议文字",
    "suggestion-left": "遗留参考句",
    "missing-part": "缺少部分",
    "part-order": "部分顺序",
    "stale-year": "过时年份",
    "wrong-plenary": "全会提法",
    "citation-to-verify": "待核的会议引文",
    "expired-plan": "过期的规划纲要",
    "previous-term-session": "上届全会",
    "rate-over-100": "比率超过100%",
    "figure-relation": "数字关系矛盾",
    "change-mismatch": "同比算错",
    "change-policy": "同比写法",
    "copied-from-last-year": "照搬上年",
    "similar-to-last-year": "与上年雷同",
    "review-comment": "未处理的批注",
    "tracked-change": "未处理的修订",
    "other-level": "他级用语",
    "other-place": "他地地名",
    "data-mismatch": "与数据表不符",
}


@dataclass(frozen=True)
class Finding:
    """One problem in a draft: which rule, how bad, where (heading as shown, paragraph), what."""

    rule: str
    severity: Severity
    section: str | None
    paragraph: int | None
    message: str
    excerpt: str

    def as_dict(self) -> dict[str, Any]:
        """Return the finding in the `drafter check --json` shape (other tools depend on it)."""
        return {
            "rule": self.rule,
            "severity": self.severity,
            "section": self.section,
            "paragraph": self.paragraph,
            "message": self.message,
            "excerpt": self.excerpt,
        }


@dataclass(frozen=True)
class Passage:
    """One piece of report text in reading order, with the place a finding about it names.

    `paragraph` is the 1-based index within the section (or within the opening); None for the
    report title and for headings.
    """

    index: int
    kind: PassageKind
    section: str | None
    paragraph: int | None
    text: str
    category: str | None

    def finding(
        self, rule: str, severity: Severity, message: str, start: int = 0, end: int | None = None
    ) -> Located:
        """Return a finding about TEXT[START:END] of this passage, with its sort position."""
        end = len(self.text) if end is None else end
        return (
            (self.index, start),
            Finding(
                rule,
                severity,
                self.section,
                self.paragraph,
                message,
                excerpt(self.text, start, end),
            ),
        )


@dataclass(frozen=True)
class CheckContext:
    """Everything a rule may look at: the outline, its passages, the year, last year's passages.

    YEARS is the years table (sessions, plans) to judge citations by; None: the shipped one.
    """

    outline: Outline
    passages: list[Passage]
    year: int | None
    last_year: list[Passage] | None = None
    years: SessionTable | None = None

    @property
    def table(self) -> SessionTable:
        """Return the years table in use."""
        return self.years or load_sessions()

    review: tuple[ReviewMark, ...] = ()
    suggestions: frozenset[str] = frozenset()
    data: YearData | None = None


# A finding and where it is ((passage index, offset)), so findings sort in reading order.
Located = tuple[tuple[int, int], Finding]


def excerpt(text: str, start: int, end: int, width: int = EXCERPT_LEN) -> str:
    """Return at most WIDTH characters of TEXT centred on START:END (the span itself first)."""
    if end - start >= width:
        return text[start : start + width]
    spare = width - (end - start)
    left = max(0, start - spare // 2)
    right = min(len(text), left + width)
    left = max(0, right - width)
    return text[left:right]


def cited_sessions(text: str) -> list[CitedSessions]:
    """Return the congress and plenary citations in TEXT (find_cited_sessions, quick when none).

    Every citation names a 届 (plenaries) or a 大 (congresses): most passages hold neither.
    """
    if "届" not in text and "大" not in text:
        return []
    return find_cited_sessions(text)


def heading_of(section: Section, category_names: dict[str, str]) -> str:
    """Return a section's heading as shown ("（三）推进科学民主依法决策"), or a label if untitled."""
    shown = f"{section.number or ''}{section.title}"
    if shown:
        return shown
    name = category_names.get(section.category, section.category)
    return f"（无标题部分：{name}）"


def passages_of(outline: Outline, category_names: dict[str, str]) -> list[Passage]:
    """Return the report's text in reading order: title, opening lines, headings and paragraphs."""
    out: list[Passage] = []

    def add(
        kind: PassageKind, section: str | None, paragraph: int | None, text: str, cat: str | None
    ) -> None:
        out.append(Passage(len(out), kind, section, paragraph, text, cat))

    if outline.title:
        add("title", None, None, outline.title, None)
    for i, line in enumerate((outline.opening or "").split("\n"), 1):
        if line:
            add("opening", None, i, line, None)
    for section in outline.walk():
        heading = heading_of(section, category_names)
        if section.number or section.title:
            add(
                "heading", heading, None, f"{section.number or ''}{section.title}", section.category
            )
        for i, paragraph in enumerate(section.paragraphs, 1):
            add("body", heading, i, paragraph, section.category)
    return out
