"""The unit's level: inferred from 单位 or given as 级别; it picks wording, indicators, suggestions."""

from __future__ import annotations

import pytest

from drafter.catalogue import foreign_body, level_of, load_indicators
from drafter.datafile import load_data
from drafter.drafting import draft_report
from drafter.errors import DataError
from drafter.learning import load_skeleton
from drafter.resources import template_path


@pytest.mark.parametrize(
    ("unit", "level", "whole", "meeting"),
    [
        ("示例市人民政府", "市", "全市", "市政府常务会议"),
        ("青禾县人民政府", "县", "全县", "县政府常务会议"),
        ("杭锦旗人民政府", "县", "全旗", "旗政府常务会议"),
        ("某市荣昌区人民政府", "区", "全区", "区政府常务会议"),
        ("观胜镇人民政府", "乡镇", "全镇", "镇党委会、镇长办公会"),
        ("徐圩乡人民政府", "乡镇", "全乡", "乡党委会、乡长办公会"),
        ("友谊路街道办事处", "街道", "全街道", "街道党工委会、主任办公会"),
        ("长沙县司法局", "部门", "全系统", "局党组会、局务会"),
        ("某市发展和改革委员会", "部门", "全系统", "委党组会、委务会"),
        ("重庆市人民政府", "省", "全市", "市政府常务会议"),
        ("某省人民政府", "省", "全省", "省政府常务会议"),
    ],
)
def test_level_is_inferred_from_the_units_name(
    unit: str, level: str, whole: str, meeting: str
) -> None:
    found = level_of(unit)
    assert (found.name, found.word("全域"), found.word("常务会议")) == (level, whole, meeting)


def test_the_data_files_level_wins_over_the_name() -> None:
    # a county-level city names itself 市 but cannot make 规章
    data = load_data("单位: 长葛市人民政府\n级别: 县\n年度: 2025\n", "数据.yaml")
    assert (data.level, data.self_name) == ("县", "我县")


@pytest.mark.parametrize(
    ("text", "level", "foreign"),
    [
        ("召开全面依法治市委员会会议", "县", "市委"),
        ("区委、区政府高度重视", "县", "区委"),
        ("全县各部门认真落实", "县", None),
        ("社区矫正对象", "县", None),
        ("自治区党委部署", "区", None),
        ("全区各级行政机关", "县", "全区"),
        ("全市行政复议案件", "市", None),
    ],
)
def test_another_levels_bodies_are_found(text: str, level: str, foreign: str | None) -> None:
    assert foreign_body(text, level) == foreign


def test_a_county_cannot_report_government_rules() -> None:
    text = "单位: 青禾县人民政府\n年度: 2025\n指标:\n  制度体系:\n    政府规章件数: 1\n"
    with pytest.raises(DataError) as e:
        load_data(text, "数据.yaml")
    assert e.value.line == 5
    assert "级别" in str(e.value) and "省、市" in str(e.value)
    assert not load_indicators()["政府规章件数"].offered_at("县")
    assert load_indicators()["政府规章件数"].offered_at("市")


def test_a_county_draft_speaks_of_its_own_bodies() -> None:
    text = (
        "单位: 青禾县人民政府\n年度: 2025\n指标:\n  党的领导:\n"
        "    常务会议研究法治次数: {本年: 3, 上年: 2}\n    依法治委员会会议次数: 2\n"
    )
    draft = draft_report(
        load_data(text, "数据.yaml"), load_skeleton(template_path("skeleton.yaml"))
    )
    body = "".join(b.text for b in draft.blocks)
    assert "召开县政府常务会议专题研究法治政府建设3次，较上年增加1次" in body
    assert "召开县委全面依法治县委员会会议2次" in body
    for word in ("全市", "市政府", "依法治市", "区委", "旗政府", "自治区", "法制培训", "同志"):
        assert word not in body, word
