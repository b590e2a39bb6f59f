"""extract_figures matches figures to indicators by unit and clause words; figures_to_data keeps the first."""

from __future__ import annotations

import pytest
import yaml

from drafter.catalogue import Indicator, load_indicators
from drafter.datafile import (
    ExtractedFigure,
    dump_data_file,
    extract_figures,
    figures_to_data,
    first_matches,
)
from drafter.errors import TemplateDataError
from drafter.reading import Outline, Section


def _indicator(key: str, category: str, unit: str, kind: str, *groups: str) -> Indicator:
    return Indicator(
        key=key,
        category=category,
        unit=unit,
        kind=kind,
        description="",
        sentence=f"{key}{{值}}",
        match=tuple(tuple(g.split()) for g in groups),
    )


CATALOGUE = {
    i.key: i
    for i in (
        _indicator("复议受理", "disputes", "件", "count", "行政复议 受理"),
        _indicator("复议审结", "disputes", "件", "count", "审结"),
        _indicator("复议审结率", "disputes", "%", "percent", "审结率"),
        _indicator("案卷评查件数", "enforcement", "件", "count", "评查"),
        _indicator("首违不罚案件", "enforcement", "件", "count", "首违不罚 案件"),
        _indicator("督察单位", "leadership", "家", "count", "督察 单位"),
        _indicator("受理其他", "other", "件", "count", "受理"),
        _indicator("罚没款", "enforcement", "元", "money", "罚款"),
    )
}


def _outline(*sections: tuple[str, str], opening: str | None = None) -> Outline:
    return Outline(
        file="示例.txt",
        title=None,
        year=2024,
        unit="示例市人民政府",
        opening=opening,
        sections=[
            Section(number=f"（{n}）", title="", level=1, paragraphs=[text], category=category)
            for n, (category, text) in enumerate(sections, 1)
        ],
    )


def _matches(*sections: tuple[str, str]) -> list[tuple[str, str | None]]:
    return [(f.figure.text, f.indicator) for f in extract_figures(_outline(*sections), CATALOGUE)]


def test_figures_keep_their_section_category_and_sentence() -> None:
    figures = extract_figures(
        _outline(
            ("disputes", "受理行政复议案件178件。审结172件。"),
            opening="2024年，全市3家单位获评先进。",
        ),
        CATALOGUE,
    )
    assert [(f.figure.text, f.category, f.sentence) for f in figures] == [
        ("3家", "other", "2024年，全市3家单位获评先进。"),
        ("178件", "disputes", "受理行政复议案件178件。"),
        ("172件", "disputes", "审结172件。"),
    ]
    assert figures[1].section == "（1）"


def test_indicator_needs_its_unit_and_all_words_of_a_group() -> None:
    assert _matches(("disputes", "受理行政复议案件178件，审结率100%，审结172人。")) == [
        ("178件", "复议受理"),
        ("100%", "复议审结率"),
        ("172人", None),  # 审结 words fit but 人 is not a 件-like unit
    ]


def test_words_may_sit_in_the_clause_before_the_figure() -> None:
    assert _matches(("disputes", "全市行政复议机关受理案件，共178件。")) == [("178件", "复议受理")]


def test_words_two_clauses_before_do_not_count() -> None:
    assert _matches(("disputes", "行政复议受理，工作有序，共178件。")) == [("178件", None)]


def test_units_of_one_family_fit() -> None:
    assert _matches(("enforcement", "开展案卷评查，评查174份。")) == [("174份", "案卷评查件数")]


def test_the_section_category_is_preferred() -> None:
    assert _matches(("other", "行政复议受理178件。")) == [("178件", "受理其他")]
    assert _matches(("disputes", "行政复议受理178件。")) == [("178件", "复议受理")]


def test_an_indicator_goes_to_one_figure_per_sentence() -> None:
    assert _matches(("enforcement", "办理首违不罚案件1661件，公益减罚案件42件。")) == [
        ("1661件", "首违不罚案件"),
        ("42件", None),
    ]


def test_the_figure_in_the_indicator_unit_wins_the_words_it_shares() -> None:
    assert _matches(("leadership", "5个法治督察组对54家单位开展督察。")) == [
        ("5个", None),
        ("54家", "督察单位"),
    ]


def test_changes_and_ranks_never_match() -> None:
    assert _matches(("disputes", "行政复议受理1399件、同比增加163%。")) == [
        ("1399件", "复议受理"),
        ("同比增加163%", None),
    ]


def _first(figures: list[ExtractedFigure]) -> dict[str, ExtractedFigure]:
    return first_matches(figures)


def test_data_holds_last_year_values_under_category_short_names() -> None:
    figures = extract_figures(
        _outline(
            ("disputes", "行政复议受理1399件，审结1280件，审结率100%。"),
            ("enforcement", "罚款340.19万元。"),
        ),
        CATALOGUE,
    )
    data, notices = figures_to_data(figures, 2024, unit="示例市人民政府", indicators=CATALOGUE)
    assert data == {
        "单位": "示例市人民政府",
        "年度": 2025,
        "指标": {
            "行政执法": {"罚没款": {"上年": 3401900}},
            "矛盾纠纷化解": {
                "复议受理": {"上年": 1399},
                "复议审结": {"上年": 1280},
                "复议审结率": {"上年": 100},
            },
        },
    }
    assert notices == []
    assert isinstance(data["指标"]["矛盾纠纷化解"]["复议受理"]["上年"], int)


def test_data_keeps_the_first_of_several_figures_for_one_indicator_and_says_so() -> None:
    figures = extract_figures(
        _outline(("disputes", "行政复议受理100件。全年行政复议受理120件。")), CATALOGUE
    )
    data, notices = figures_to_data(figures, 2024, indicators=CATALOGUE)
    assert data["指标"]["矛盾纠纷化解"]["复议受理"] == {"上年": 100}
    assert len(notices) == 1 and "复议受理" in notices[0] and "120件" in notices[0]


def test_data_file_text_loads_back_and_says_where_values_came_from() -> None:
    figures = extract_figures(_outline(("disputes", "行政复议受理100件。")), CATALOGUE)
    data, notices = figures_to_data(figures, None, indicators=CATALOGUE)
    text = dump_data_file(data, "去年报告.docx", notices, _first(figures))
    assert "去年报告.docx" in text.splitlines()[0]
    assert "补填一行“年度" in text and "补填一行“单位" in text
    assert "# 原文：行政复议受理100件" in text
    assert yaml.safe_load(text) == {"指标": {"矛盾纠纷化解": {"复议受理": {"上年": 100}}}}


def test_catalogue_loads_with_categories_kinds_and_match_groups() -> None:
    catalogue = load_indicators()
    assert catalogue
    for ind in catalogue.values():
        assert ind.kind in ("count", "percent", "money")
        assert "{值}" in ind.sentence
        assert all(group and all(group) for group in ind.match)
        assert ind.not_above is None or ind.not_above in catalogue


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("类别: nowhere\n  单位: 件\n  类型: count\n  句式: '{值}'", "类别"),
        ("类别: disputes\n  单位: 件\n  类型: number\n  句式: '{值}'", "类型"),
        ("类别: disputes\n  单位: 件\n  类型: percent\n  句式: '{值}'", "单位应为“%”"),
        ("类别: disputes\n  单位: 件\n  类型: count\n  句式: 没有值", "{值}"),
        ("类别: disputes\n  单位: 件\n  类型: count\n  句式: '{值}'\n  匹配: [[1]]", "匹配"),
        ("类别: disputes\n  单位: 件\n  类型: count\n  句式: '{值}'\n  匹陪: [受理]", "匹配"),
        ("类别: disputes\n  单位: 件\n  类型: count\n  句式: '{值}'\n  不大于: 无此指标", "不大于"),
        ("单位: 件\n  类型: count\n  句式: '{值}'", "缺少字段“类别”"),
    ],
)
def test_broken_catalogue_entries_name_the_indicator_and_the_problem(
    tmp_path: object, monkeypatch: pytest.MonkeyPatch, entry: str, message: str
) -> None:
    from pathlib import Path

    import drafter.catalogue.indicators as indicators_module
    import drafter.resources as resources

    folder = Path(str(tmp_path))
    (folder / "indicators.yaml").write_text(f"坏指标:\n  {entry}\n", encoding="utf-8")
    monkeypatch.setattr(resources, "templates_dir", lambda: folder)
    resources.load_template_yaml.cache_clear()
    indicators_module.load_indicators.cache_clear()
    try:
        with pytest.raises(TemplateDataError) as err:
            indicators_module.load_indicators()
    finally:
        resources.load_template_yaml.cache_clear()
        indicators_module.load_indicators.cache_clear()
    assert "坏指标" in str(err.value) and message in str(err.value)
    assert err.value.path and err.value.path.endswith("indicators.yaml")
    assert err.value.line == 1


# --- matching needs the indicator's subject and enough words; otherwise the figure stays unmatched


def _matched(category: str, text: str) -> list[tuple[str, str | None]]:
    """Return (figure, indicator) for TEXT in a section of CATEGORY, with the shipped catalogue."""
    return [(f.text, f.indicator) for f in extract_figures(_outline((category, text)))]


@pytest.mark.parametrize(
    ("category", "text", "expected"),
    [
        # county-wide lectures are not the principal leader's own
        ("publicity", "全县开展习近平法治思想宣讲活动40场次。", None),
        ("first_responsible", "区长带头开展习近平法治思想宣讲3次。", "主要负责人讲法治课次数"),
        # a collective meeting that studies the work is not the leader hearing a report
        (
            "first_responsible",
            "区政府常务会议专题听取汇报，专题研究法治建设相关工作10余次。",
            "常务会议研究法治次数",
        ),
        ("first_responsible", "区委书记听取法治建设工作汇报2次。", "主要负责人听取法治汇报次数"),
    ],
)
def test_an_indicator_with_a_subject_needs_it_named(
    category: str, text: str, expected: str | None
) -> None:
    assert [ind for _, ind in _matched(category, text)] == [expected]


def test_the_subject_may_be_named_earlier_in_the_paragraph() -> None:
    text = "局长认真履行第一责任人职责。全年主持召开法治建设工作专题会议4次。"
    assert _matched("first_responsible", text) == [("4次", "主要负责人主持法治专题会议次数")]


def test_a_count_of_several_kinds_together_fills_none_of_them() -> None:
    found = _matched("disputes", "办理法律援助、公证、仲裁案件1.9万余件。")
    assert found == [("1.9万余件", None)]


def test_a_list_of_one_kinds_parts_still_fills_it() -> None:
    found = _matched("supervision", "办理人大建议、政协提案557件。")
    assert found == [("557件", "建议提案办理件数")]


def test_the_previous_clause_alone_does_not_name_a_long_clauses_figure() -> None:
    found = _matched("digital", "推进政务数据共享，开通180条电子政务外网线路。")
    assert found == [("180条", None)]
    assert _matched("disputes", "受理行政复议申请100件，审结85件。") == [
        ("100件", "行政复议受理件数"),
        ("85件", "行政复议审结件数"),
    ]


@pytest.mark.parametrize(
    "text",
    ["县政府常务会专题研究法治政府建设工作2次。", "县政府常务会议专题研究法治政府建设工作2次。"],
)
def test_a_standing_meeting_studying_the_work(text: str) -> None:
    assert _matched("leadership", text) == [("2次", "常务会议研究法治次数")]
