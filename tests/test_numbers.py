"""numbers: figures and year-on-year phrases written the way official reports write them."""

from __future__ import annotations

import pytest

from drafter.text import change_phrase, chinese_numeral, format_figure, format_quantity


@pytest.mark.parametrize(
    ("value", "approx", "expected"),
    [
        (0, False, "0"),
        (7, False, "7"),
        (1399, False, "1399"),
        (9999, False, "9999"),
        (10000, False, "1万"),
        (28000, False, "2.8万"),
        (19169, False, "19169"),  # 1.9169万 would need four decimals: keep every digit
        (19169, True, "1.92万"),  # approximate: two decimals of 万
        (28000, True, "2.8万"),
        (99999, True, "10万"),
        (99_999_999, True, "1亿"),  # not "10000万"
        (100_000_000, False, "1亿"),
        (1e8, False, "1亿"),
        (384_000_000, False, "3.84亿"),
        (384_000_001, False, "384000001"),
        # exact in 万/亿 even where binary floating point is not (110000000 / 1e8 = 1.1000000000000001)
        (110_000_000, False, "1.1亿"),
        (115_000_000, False, "1.15亿"),
        (45_600, False, "4.56万"),
        (2.5, False, "2.5"),
        (15000.5, False, "15000.5"),
    ],
)
def test_format_quantity(value: float, approx: bool, expected: str) -> None:
    assert format_quantity(value, approx=approx) == expected


@pytest.mark.parametrize(
    ("value", "unit", "kind", "approx", "expected"),
    [
        (1399, "件", "count", False, "1399件"),
        (0, "件", "count", False, "0件"),
        (28000, "人次", "count", True, "2.8万余人次"),
        (31000, "人次", "count", True, "3.1万余人次"),
        (230, "场次", "count", True, "230余场次"),
        (412_000_000, "元", "money", False, "4.12亿元"),
        (384_000_000, "元", "money", False, "3.84亿元"),
        (97.6, "%", "percent", False, "97.6%"),
        (100, "%", "percent", False, "100%"),
        (99.95, "%", "percent", False, "99.95%"),
        (0, "%", "percent", False, "0%"),
        (12.81, "%", "percent", True, "12.81%"),  # a rate is never "余"
    ],
)
def test_format_figure(value: float, unit: str, kind: str, approx: bool, expected: str) -> None:
    assert format_figure(value, unit, kind, approx=approx) == expected


@pytest.mark.parametrize(
    ("current", "previous", "kind", "expected"),
    [
        (1486, 1399, "count", "同比增长6.2%"),
        (1399, 532, "count", "同比增长163%"),
        (3650, 3800, "count", "同比下降3.9%"),
        (5, 4, "count", "同比增长25%"),
        (0, 5, "count", "同比下降100%"),
        (100, 100, "count", "与上年持平"),
        (10000, 10001, "count", "与上年持平"),  # -0.01% rounds to 0.0%
        (5, 0, "count", None),  # no percentage from nothing
        (0, 0, "count", None),
        (412_000_000, 384_000_000, "money", "同比增长7.3%"),
        (9.6, 12.81, "percent", "较上年下降3.2个百分点"),
        (99.3, 98.6, "percent", "较上年提高0.7个百分点"),
        (100, 100, "percent", "与上年持平"),
        (50, 0, "percent", "较上年提高50个百分点"),  # points need no base
        (97.84, 97.8, "percent", "与上年持平"),
        # 0.05 points round half up, whatever binary floating point makes of the difference
        (95.45, 95.4, "percent", "较上年提高0.1个百分点"),
        (98.65, 98.6, "percent", "较上年提高0.1个百分点"),
    ],
)
def test_change_phrase(current: float, previous: float, kind: str, expected: str | None) -> None:
    assert change_phrase(current, previous, kind) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "一"),
        (4, "四"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (115, "一百一十五"),
        (230, "二百三十"),
        (999, "九百九十九"),
        (1000, "1000"),
    ],
)
def test_chinese_numeral(n: int, expected: str) -> None:
    assert chinese_numeral(n) == expected


@pytest.mark.parametrize("n", [0, -1])
def test_chinese_numeral_out_of_range(n: int) -> None:
    with pytest.raises(ValueError):
        chinese_numeral(n)
