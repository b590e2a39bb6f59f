"""Read the labelled training data: the corpus excerpts with their headings, and the seeds' outlines.

Each labelled heading is located in the outline drafter builds from its report, so training sees the
same sections, levels and bodies that classifying a new report sees.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from drafter.errors import InputError
from drafter.reading import (
    Outline,
    RawParagraph,
    Section,
    SourceText,
    build_outline,
    heading_key,
    read_report,
)


@dataclass(frozen=True)
class LabelledHeading:
    """One gold heading: its text, label, acceptable second label, and where it sits (or None)."""

    text: str
    label: str
    alt: str | None
    path: tuple[int, ...] | None


@dataclass
class LabelledReport:
    """A report's text, its gold headings located in its outline, and its unit and year if known."""

    name: str
    source: SourceText
    headings: list[LabelledHeading] = field(default_factory=list)
    entity: str | None = None
    year: int | None = None

    def fresh_outline(self) -> Outline:
        """Return a new, unclassified outline of the report."""
        return build_outline(self.source)


def labelled_reports(corpus: Path, seeds: Path, expected: Path) -> list[LabelledReport]:
    """Return the corpus reports and the seeds, each with its gold headings located."""
    return [*_corpus_reports(corpus), *_seed_reports(seeds, expected)]


def _corpus_reports(corpus: Path) -> list[LabelledReport]:
    try:
        heading_lines = (corpus / "headings.jsonl").read_text(encoding="utf-8").splitlines()
        manifest = (corpus / "manifest.tsv").read_text(encoding="utf-8")
    except OSError as e:
        raise InputError(f"无法读取语料（{e.strerror}）。", path=str(corpus)) from e
    by_file: dict[str, list[dict[str, Any]]] = {}
    for line in heading_lines:
        if line.strip():
            item = json.loads(line)
            by_file.setdefault(item["source"], []).append(item)
    reports = []
    for row in csv.DictReader(manifest.splitlines(), delimiter="\t"):
        lines = (corpus / row["file"]).read_text(encoding="utf-8").splitlines()
        if lines and lines[0].startswith("URL:"):
            lines = lines[1:]  # the collector's line, not the page's
        source = SourceText(row["file"], tuple(RawParagraph(t) for t in lines))
        report = LabelledReport(
            row["file"], source, entity=row["entity"] or None, year=int(row["report_year"])
        )
        outline = report.fresh_outline()
        gold = [(h["text"], h["label"], h.get("alt")) for h in by_file.get(row["file"], [])]
        report.headings = _locate(outline, gold)
        reports.append(report)
    return reports


def _seed_reports(seeds: Path, expected: Path) -> list[LabelledReport]:
    table = yaml.safe_load(expected.read_text(encoding="utf-8"))
    reports = []
    for name in sorted(table):
        source = read_report(seeds / name)
        report = LabelledReport(f"seeds/{name}", source)
        gold: list[tuple[str, str, str | None]] = list(_expected_headings(table[name]["sections"]))
        report.headings = _locate(report.fresh_outline(), gold)
        reports.append(report)
    return reports


def _expected_headings(sections: list[dict[str, Any]]) -> Iterator[tuple[str, str, None]]:
    """Yield (number + title, category, no alt) of hand-written SECTIONS, depth first."""
    for s in sections:
        yield (s["number"] or "") + s["title"], s["category"], None
        yield from _expected_headings(s.get("children") or [])


def _locate(outline: Outline, gold: list[tuple[str, str, str | None]]) -> list[LabelledHeading]:
    """Return GOLD headings with the path of the section each one is, in reading order."""
    flat: list[tuple[tuple[int, ...], Section]] = []

    def walk(sections: list[Section], prefix: tuple[int, ...]) -> None:
        for i, s in enumerate(sections):
            flat.append(((*prefix, i), s))
            walk(s.children, (*prefix, i))

    walk(outline.sections, ())
    keys = [heading_key((s.number or "") + s.title) for _, s in flat]
    used: set[int] = set()
    out = []
    start = 0
    for text, label, alt in gold:
        key = heading_key(text)
        hit = next((i for i in range(start, len(flat)) if i not in used and keys[i] == key), None)
        if hit is None:
            hit = next((i for i in range(len(flat)) if i not in used and keys[i] == key), None)
        if hit is not None:
            used.add(hit)
            start = hit + 1
        out.append(LabelledHeading(text, label, alt, flat[hit][0] if hit is not None else None))
    return out
