"""What the datafile stage produces: the year's figures and facts, validated (`YearData`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class FigureValue:
    """One indicator's figures: this year's, last year's, and whether they are approximate (余)."""

    current: float | None
    previous: float | None = None
    approx: bool = False


@dataclass(frozen=True)
class YearData:
    """Everything the data file says, validated.

    `unit`, `self_name` and `signature` are "" when the file leaves them (and 单位) empty;
    `signed` is None without a 成文日期. The draft shows placeholders for them. `level` is
    the data file's 级别 or the one 单位 implies; `addressee` None leaves 主送 to the skeleton.
    """

    unit: str
    self_name: str
    year: int
    signed: dt.date | None
    signature: str
    figures: dict[str, FigureValue] = field(default_factory=dict)
    points: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()
    other: tuple[str, ...] = ()
    source: str = ""
    level: str = "市"
    addressee: str | None = None
    default_headings: bool = False
