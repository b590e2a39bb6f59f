"""The 同比 policy (templates/change_policy.yaml): when a change may be written as a percentage."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from drafter.errors import TemplateDataError
from drafter.resources import load_template_yaml, template_path

POLICY = "change_policy.yaml"


@dataclass(frozen=True)
class ChangePolicy:
    """Counts of at least MIN_BASE on both sides take a percentage; rates change in 百分点."""

    min_base: int = 20
    rates_in_points: bool = True

    def percentage_allowed(self, current: float, previous: float) -> bool:
        """Return True when a count going from PREVIOUS to CURRENT may be written in percent."""
        return min(current, previous) >= self.min_base


@cache
def load_change_policy() -> ChangePolicy:
    """Return the policy; raise TemplateDataError naming the file when it is malformed."""
    raw = load_template_yaml(POLICY)
    if not isinstance(raw, dict):
        raise TemplateDataError("应为“最小基数: 20”“比率写法: 百分点”两行。", path=_where())
    base = raw.get("最小基数", 20)
    if not isinstance(base, int) or isinstance(base, bool) or base < 0:
        raise TemplateDataError(f"最小基数应为不小于0的整数，现在是“{base}”。", path=_where())
    rates = raw.get("比率写法", "百分点")
    if rates not in ("百分点", "百分比"):
        raise TemplateDataError(f"比率写法应为“百分点”或“百分比”，现在是“{rates}”。", path=_where())
    return ChangePolicy(min_base=base, rates_in_points=rates == "百分点")


def _where() -> str:
    return str(template_path(POLICY))
