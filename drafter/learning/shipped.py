"""The skeleton shipped in templates/ (learned from seeds/, other places' reports)."""

from __future__ import annotations

from functools import cache

from drafter.learning.model import Skeleton, load_skeleton
from drafter.resources import template_path


def is_shipped(skeleton: Skeleton) -> bool:
    """Return True when SKELETON is the shipped one: its sentences are not the unit's own."""
    return tuple(skeleton.reports) == _shipped_reports()


@cache
def _shipped_reports() -> tuple[str, ...]:
    return tuple(load_skeleton(template_path("skeleton.yaml")).reports)
