"""numbers: figures written the way official reports write them."""

from __future__ import annotations

import pytest

from drafter.text import chinese_numeral, format_figure, format_quantity


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
