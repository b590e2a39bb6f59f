"""The outline of every seed equals the outline written by reading it (tests/data)."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from drafter.reading import Section, build_outline, classify_outline, read_report

from conftest import DATA, SEED_NAMES, SEEDS

EXPECTED = yaml.safe_load((DATA / "expected_outlines.yaml").read_text(encoding="utf-8"))


def _shape(section: Section) -> dict[str, Any]:
    out: dict[str, Any] = {
        "number": section.number,
        "title": section.title,
        "level": section.level,
        "category": section.category,
    }
    if section.children:
        out["children"] = [_shape(c) for c in section.children]
    return out


def _expected_shape(section: dict[str, Any]) -> dict[str, Any]:
    out = {k: section[k] for k in ("number", "title", "level", "category")}
    if section.get("children"):
        out["children"] = [_expected_shape(c) for c in section["children"]]
    return out


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_outline_matches_reading(name: str) -> None:
    outline = classify_outline(build_outline(read_report(SEEDS / name)))
    expected = EXPECTED[name]
    assert outline.title == expected["title"]
    assert outline.year == expected["year"]
    assert outline.unit == expected["unit"]
    assert outline.date == expected["date"]
    assert [_shape(s) for s in outline.sections] == [
        _expected_shape(s) for s in expected["sections"]
    ]
