"""The skeleton shipped in templates/ (learned from seeds/, other places' reports)."""

from __future__ import annotations

from functools import cache

from drafter.errors import TemplateDataError
from drafter.learning.model import Skeleton, load_skeleton
from drafter.resources import read_yaml, template_path


def is_shipped(skeleton: Skeleton) -> bool:
    """Return True when SKELETON is the shipped one: its sentences are not the unit's own."""
    return tuple(skeleton.reports) == _shipped_reports()


@cache
def _shipped_reports() -> tuple[str, ...]:
    # The parsed file's list, not a second build of the whole skeleton (most of a draft's
    # skeleton time); a malformed file is built, to say what is wrong with it.
    path = template_path("skeleton.yaml")
    raw = read_yaml(path, TemplateDataError, "骨架文件")
    reports = raw.get("reports") if isinstance(raw, dict) else None
    if isinstance(reports, list) and all(isinstance(r, str) for r in reports):
        return tuple(reports)
    return tuple(load_skeleton(path).reports)
