"""The 同比 phrase a draft writes, by the policy in templates/change_policy.yaml."""

from __future__ import annotations

from drafter.catalogue import Indicator, change_phrase


def year_on_year(current: float, previous: float, indicator: Indicator) -> str | None:
    """Return the phrase comparing CURRENT with PREVIOUS for INDICATOR, or None when none fits.

    "" when the policy says to write none (a small count, with 较少时: 不写).
    """
    return change_phrase(current, previous, indicator.kind, indicator.unit)
