"""The 同比 policy (templates/change_policy.yaml): when a change is a percentage, and its wording.

Draft, refresh and roll-forward write by it; check judges a report's 同比 by it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

from drafter.errors import TemplateDataError
from drafter.resources import load_template_yaml, template_path
from drafter.text import format_quantity

POLICY = "change_policy.yaml"
_WORDINGS = ("增长", "下降", "增加", "减少", "提高", "降低", "持平")
_FIELDS = {"幅度", "数量", "单位"}
_FIELD = re.compile(r"\{([^{}]*)\}")
_SMALL = ("写增减", "不写")


@dataclass(frozen=True)
class ChangePolicy:
    """When a year-on-year change is written as a percentage, and how each case reads."""

    threshold: float
    no_percent_units: tuple[str, ...]
    small: str
    places: int
    wording: dict[str, str]
    rates_in_points: bool = True

    @property
    def min_base(self) -> int:
        """Return the 最小基数: counts under it on either side take no percentage."""
        return int(self.threshold)

    def percentage_allowed(self, current: float, previous: float) -> bool:
        """Return True when a count going from PREVIOUS to CURRENT may be written in percent."""
        return min(current, previous) >= self.threshold

    def phrase(self, current: float, previous: float, kind: str, unit: str) -> str | None:
        """Return the phrase for CURRENT against PREVIOUS; "" when the policy says nothing.

        None means it cannot be said at all (a percentage from a zero base, with no count
        to fall back on).
        """
        if kind == "percent" and self.rates_in_points:
            diff = _dec(current) - _dec(previous)
            shown = self.rounded(abs(diff))
            if shown == "0":
                return self.wording["持平"]
            return self.fill("提高" if diff > 0 else "降低", 幅度=shown)
        small = min(current, previous) < self.threshold or unit in self.no_percent_units
        if kind == "count" and small:
            if self.small == "不写":
                return ""
            diff = _dec(current) - _dec(previous)
            if diff == 0:
                return self.wording["持平"]
            amount = format_quantity(float(abs(diff)))
            return self.fill("增加" if diff > 0 else "减少", 数量=amount, 单位=unit)
        if previous == 0:
            return None
        pct = (_dec(current) - _dec(previous)) / _dec(previous) * 100
        shown = self.rounded(abs(pct))
        if shown == "0":
            return self.wording["持平"]
        return self.fill("增长" if pct > 0 else "下降", 幅度=shown)

    def rounded(self, value: Decimal) -> str:
        q = value.quantize(Decimal(1).scaleb(-self.places), rounding=ROUND_HALF_UP)
        text = format(q, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text

    def fill(self, case: str, **values: str) -> str:
        return _FIELD.sub(lambda m: values.get(m.group(1), ""), self.wording[case])


def change_phrase(current: float, previous: float, kind: str, unit: str) -> str | None:
    """Return the year-on-year phrase under templates/change_policy.yaml (see ChangePolicy.phrase)."""
    return load_change_policy().phrase(current, previous, kind, unit)


@cache
def load_change_policy() -> ChangePolicy:
    """Return the 同比 policy; raise TemplateDataError naming the file when it is broken."""
    raw = load_template_yaml(POLICY)
    if not isinstance(raw, dict):
        raise _error("应为“项目: 值”的若干行（最小基数、比率写法、较少时、写法……）。")
    try:
        threshold = raw.get("最小基数", 20)
        places = int(raw.get("小数位", 1))
    except (TypeError, ValueError) as e:
        raise _error("小数位应为整数。") from e
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 0:
        raise _error(f"最小基数应为不小于0的整数，现在是“{threshold}”。")
    rates = raw.get("比率写法", "百分点")
    if rates not in ("百分点", "百分比"):
        raise _error(f"比率写法应为“百分点”或“百分比”，现在是“{rates}”。")
    small = str(raw.get("较少时", "写增减"))
    if small not in _SMALL:
        raise _error(f"较少时应为“写增减”或“不写”，不是“{small}”。")
    units = raw.get("不写百分比的单位") or []
    if not isinstance(units, list):
        raise _error("不写百分比的单位应写成 [名, 人] 这样的列表。")
    wording = raw.get("写法")
    if not isinstance(wording, dict):
        raise _error("缺少“写法”。")
    for case in _WORDINGS:
        text = wording.get(case)
        if not isinstance(text, str) or not text.strip():
            raise _error(f"写法中缺少“{case}”。")
        unknown = set(_FIELD.findall(text)) - _FIELDS
        if unknown:
            raise _error(
                f"写法“{case}”中不认识 {{{unknown.pop()}}}，只能用 {{幅度}}、{{数量}}、{{单位}}。"
            )
    return ChangePolicy(
        threshold=float(threshold),
        no_percent_units=tuple(str(u) for u in units),
        small=small,
        places=places,
        wording={case: str(wording[case]).strip() for case in _WORDINGS},
        rates_in_points=rates == "百分点",
    )


def _dec(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(repr(float(value)))


def _error(message: str) -> TemplateDataError:
    return TemplateDataError(message, path=str(template_path(POLICY)))
