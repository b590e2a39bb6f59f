"""A report's outline (and last year's) → findings a reviewer would raise: `check_report`."""

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
