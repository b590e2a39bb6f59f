"""The 同比 policy: a percentage only where it means something, one wording, the same in refresh."""

from __future__ import annotations

import pytest

from drafter.catalogue import ChangePolicy, change_phrase, load_change_policy


@pytest.mark.parametrize(
    ("current", "previous", "kind", "unit", "expected"),
    [
        # counts of 20 or more on both sides: a percentage
        (1486, 1399, "count", "件", "较上年增长6.2%"),
        (1399, 532, "count", "件", "较上年增长163%"),
        (3650, 3800, "count", "次", "较上年下降3.9%"),
        (20, 25, "count", "件", "较上年下降20%"),
        (10000, 10001, "count", "件", "与上年持平"),  # -0.01% rounds to 0.0%
        (100, 100, "count", "件", "与上年持平"),
        # a handful of meetings or cases: how many more or fewer, never "增长50%"
        (3, 2, "count", "次", "较上年增加1次"),
        (5, 4, "count", "次", "较上年增加1次"),
        (1, 3, "count", "件", "较上年减少2件"),
        (19, 40, "count", "件", "较上年减少21件"),  # one side under 20 is enough
        (6, 6, "count", "次", "与上年持平"),
        (5, 0, "count", "次", "较上年增加5次"),  # a count says so even from nothing
        (0, 0, "count", "次", "与上年持平"),
        # people are counted, not percented, however many
        (28, 26, "count", "名", "较上年增加2名"),
        (2846, 2700, "count", "名", "较上年增加146名"),
        # money: a percentage from any base but nothing
        (412_000_000, 384_000_000, "money", "元", "较上年增长7.3%"),
        (5, 0, "money", "元", None),
        # rates: points, never a percentage of a percentage
        (9.6, 12.81, "percent", "%", "较上年下降3.2个百分点"),
        (99.3, 98.6, "percent", "%", "较上年提高0.7个百分点"),
        (100, 100, "percent", "%", "与上年持平"),
        (50, 0, "percent", "%", "较上年提高50个百分点"),
        (97.84, 97.8, "percent", "%", "与上年持平"),
        (95.45, 95.4, "percent", "%", "较上年提高0.1个百分点"),  # half up, not binary
        (98.65, 98.6, "percent", "%", "较上年提高0.1个百分点"),
    ],
)
def test_shipped_policy(
    current: float, previous: float, kind: str, unit: str, expected: str | None
) -> None:
    assert change_phrase(current, previous, kind, unit) == expected


def _policy(**changes: object) -> ChangePolicy:
    base = load_change_policy()
    fields = {
        "threshold": base.threshold,
        "no_percent_units": base.no_percent_units,
        "small": base.small,
        "places": base.places,
        "wording": dict(base.wording),
    }
    fields.update(changes)
    return ChangePolicy(**fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("policy", "current", "previous", "kind", "unit", "expected"),
    [
        ({"small": "不写"}, 3, 2, "count", "次", ""),
        ({"small": "不写"}, 300, 200, "count", "次", "较上年增长50%"),
        ({"threshold": 2}, 3, 2, "count", "次", "较上年增长50%"),
        ({"places": 2}, 1486, 1399, "count", "件", "较上年增长6.22%"),
        ({"no_percent_units": ()}, 28, 26, "count", "名", "较上年增长7.7%"),
        (
            {"wording": {**load_change_policy().wording, "增长": "同比增长{幅度}%"}},
            1486,
            1399,
            "count",
            "件",
            "同比增长6.2%",
        ),
    ],
)
def test_policy_settings(
    policy: dict[str, object],
    current: float,
    previous: float,
    kind: str,
    unit: str,
    expected: str,
) -> None:
    assert _policy(**policy).phrase(current, previous, kind, unit) == expected
