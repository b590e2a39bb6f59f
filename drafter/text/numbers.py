"""Write figures as officials write them: 2.8万人次, 3.84亿元, 200余场次, 97.8%."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from typing import Any

_WAN = 10_000
_YI = 100_000_000


def _dec(value: float | Decimal) -> Decimal:
    """Return VALUE as the Decimal its shortest repr writes (0.1 → Decimal("0.1"), not 0.1000…01)."""
    return value if isinstance(value, Decimal) else Decimal(repr(float(value)))


def _plain(value: float | Decimal, places: int = 2) -> str:
    """Return VALUE with at most PLACES decimals and no trailing zeros: 2.80 → "2.8", 5.0 → "5"."""
    q = _dec(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(q, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _exact_in(value: float, scale: int, places: int = 2) -> bool:
    """Return True when VALUE in units of SCALE needs at most PLACES decimals (no digit lost)."""
    scaled = _dec(value) / scale
    return scaled == scaled.quantize(Decimal(1).scaleb(-places))


def format_quantity(value: float, *, approx: bool = False) -> str:
    """Return a count or amount in 万/亿 where officials use them: 28000 → "2.8万", 1399 → "1399".

    Exact values are shortened only when no digit is lost (19169 stays 19169); approximate ones
    (约数) are rounded to two decimals of 万 or 亿.
    """
    if value >= _YI and (approx or _exact_in(value, _YI)):
        return _plain(value / _YI) + "亿"
    if value >= _WAN and (approx or _exact_in(value, _WAN)):
        wan = _plain(value / _WAN)
        if approx and Decimal(wan) >= _WAN:  # 99999999 rounds to 10000万: say 1亿
            return _plain(value / _YI) + "亿"
        return wan + "万"
    return _plain(value)


def format_figure(value: float, unit: str, kind: str, *, approx: bool = False) -> str:
    """Return VALUE with its unit: "1399件", "2.8万余人次", "3.84亿元", "97.6%", "100%"."""
    if kind == "percent" or unit == "%":
        return f"{_plain(value)}%"
    number = format_quantity(value, approx=approx)
    return f"{number}{'余' if approx else ''}{unit}"


_CN_DIGITS = "零一二三四五六七八九"


def chinese_numeral(n: int) -> str:
    """Return N as structural numbering writes it: 1 → "一", 12 → "十二", 105 → "一百零五".

    Up to 999 in Chinese numerals ("一百一十" for 110, as 一百一十是 is read); beyond, in
    Arabic digits, which no report reaches but a long list must not crash on.
    """
    if n <= 0:
        raise ValueError(f"numbering out of range: {n}")
    if n >= 1000:
        return str(n)
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _below_100(rest)
    head = _CN_DIGITS[hundreds] + "百"
    if not rest:
        return head
    if rest < 10:
        return head + "零" + _CN_DIGITS[rest]
    return head + ("一" if rest < 20 else "") + _below_100(rest)


def _below_100(n: int) -> str:
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
    return head + (_CN_DIGITS[ones] if ones else "")


def parse_chinese_numeral(text: str) -> int:
    """Return the value of a Chinese numeral 1..99 (`chinese_numeral`'s inverse): "二十一" → 21."""
    digits = _CN_DIGITS[1:]
    if "十" not in text:
        return digits.index(text) + 1
    tens, _, ones = text.partition("十")
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


def chinese_value(numeral: str) -> Decimal | None:
    """Return the value of a Chinese NUMERAL ("两百" → 200, "九十五点五" → 95.5), or None.

    一 to 九百九十九 as reports write them are looked up (cn2an reads each of them alike);
    cn2an, which takes a few tenths of a second to load, reads the rest (点, 万, odd forms).
    """
    numeral = numeral.replace("两", "二").replace("〇", "零")
    known = _common_numerals().get(numeral)
    if known is not None:
        return Decimal(known)
    try:
        value = _cn2an()(numeral, "strict")
    except (ValueError, KeyError, IndexError):
        return None
    return Decimal(str(value))


@cache
def _common_numerals() -> dict[str, int]:
    return {chinese_numeral(n): n for n in range(1, 1000)}


@cache
def _cn2an() -> Any:
    import cn2an  # loaded for the first numeral the table lacks

    return cn2an.cn2an
