"""The 同比 phrase a draft writes, by the policy in templates/change_policy.yaml."""

from __future__ import annotations

from drafter.catalogue import Indicator, load_change_policy
from drafter.text import change_phrase, format_figure


def year_on_year(current: float, previous: float, indicator: Indicator) -> str | None:
    """Return the phrase comparing CURRENT with PREVIOUS for INDICATOR, or None when none fits.

    A count too small for a percentage (either side under the policy's 最小基数) is compared by
    its difference ("比上年增加1次"); rates in 百分点, the rest in percent (`change_phrase`).
    """
    if indicator.kind == "count" and not load_change_policy().percentage_allowed(current, previous):
        diff = current - previous
        if diff == 0:
            return "与上年持平"
        amount = format_figure(abs(diff), indicator.unit, indicator.kind)
        return f"比上年{'增加' if diff > 0 else '减少'}{amount}"
    return change_phrase(current, previous, indicator.kind)
