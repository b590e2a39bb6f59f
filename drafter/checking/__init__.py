"""A report's outline (and last year's) → findings a reviewer would raise: `check_report`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_face

if TYPE_CHECKING:  # names load with their module when first used: a command imports what it needs
    from drafter.checking.model import RULE_NAMES, Finding, excerpt
    from drafter.checking.rules import CheckResult, check_draft, check_report

__all__ = [
    "RULE_NAMES",
    "CheckResult",
    "Finding",
    "check_draft",
    "check_report",
    "excerpt",
]

__getattr__, __dir__ = lazy_face(
    __name__,
    {
        "model": ("RULE_NAMES", "Finding", "excerpt"),
        "rules": ("CheckResult", "check_draft", "check_report"),
    },
)
