"""load_data: the year's data file, its good values, and each bad one named by key path and line."""

from __future__ import annotations

import datetime as dt

import pytest

from drafter.datafile import FigureValue, YearData, load_data
from drafter.errors import DataError

from conftest import EXAMPLES

HEAD = "单位: 示例市人民政府\n年度: 2025\n"


def _load(text: str) -> YearData:
    return load_data(text, "数据.yaml")


# (what, file text, key path in the message or None, line, words the message must contain)
BAD: list[tuple[str, str, str | None, int, tuple[str, ...]]] = [
    (
        "yaml syntax: a key indented one space short",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: 1\n   行政复议审结件数: 2\n",
        None,
        6,
        ("YAML 格式错误", "第"),
    ),
    (
        "yaml syntax: unclosed flow mapping",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: {本年: 1, 上年: 2\n",
        None,
        6,
        ("YAML 格式错误", "列"),
    ),
    ("unknown top-level key", HEAD + "指票: {}\n", "指票", 3, ("未知的项目", "指标")),
    (
        "unknown category",
        HEAD + "指标:\n  矛盾化解:\n    行政复议受理件数: 1\n",
        "指标.矛盾化解",
        4,
        ("未知的类别", "矛盾纠纷化解"),
    ),
    (
        "unknown indicator key suggests the closest",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理数: 1486\n",
        "指标.矛盾纠纷化解.行政复议受理数",
        5,
        ("指标目录中没有这个指标", "行政复议受理件数"),
    ),
    (
        "a list where a number goes",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: [1, 2]\n",
        "指标.矛盾纠纷化解.行政复议受理件数",
        5,
        ("数字",),
    ),
    (
        "text that is not a number",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: abc\n",
        "指标.矛盾纠纷化解.行政复议受理件数",
        5,
        ("“abc”不是数字",),
    ),
    (
        "not a number in 本年",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数:\n      本年: 许多\n",
        "指标.矛盾纠纷化解.行政复议受理件数.本年",
        6,
        ("不是数字",),
    ),
    (
        "NaN is not a number",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: .nan\n",
        "指标.矛盾纠纷化解.行政复议受理件数",
        5,
        ("不是数字",),
    ),
    (
        "negative count",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: -3\n",
        "指标.矛盾纠纷化解.行政复议受理件数",
        5,
        ("负数",),
    ),
    (
        "fractional count",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: 3.5\n",
        "指标.矛盾纠纷化解.行政复议受理件数",
        5,
        ("整数",),
    ),
    (
        "rate over 100",
        HEAD + "指标:\n  矛盾纠纷化解:\n    调解成功率: 101\n",
        "指标.矛盾纠纷化解.调解成功率",
        5,
        ("比率不能超过100%",),
    ),
    (
        "审结 more than 受理 this year",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: 100\n    行政复议审结件数: 120\n",
        "指标.矛盾纠纷化解.行政复议审结件数",
        6,
        ("本年行政复议审结件数（120）不能大于行政复议受理件数（100）",),
    ),
    (
        "审结 more than 受理 last year",
        HEAD
        + "指标:\n  矛盾纠纷化解:\n"
        + "    行政复议受理件数: {本年: 100, 上年: 90}\n"
        + "    行政复议审结件数:\n      本年: 95\n      上年: 91\n",
        "指标.矛盾纠纷化解.行政复议审结件数.上年",
        8,
        ("上年行政复议审结件数（91）不能大于行政复议受理件数（90）",),
    ),
    (
        "control character in a sentence",
        HEAD + '要点:\n  矛盾纠纷化解:\n    - "推进\\x07复议"\n',
        "要点.矛盾纠纷化解.1",
        5,
        ("控制字符", "U+0007"),
    ),
    ("year missing", "单位: 示例市人民政府\n不足: []\n", "年度", 0, ("必须填写",)),
    ("year invalid", "单位: 示例市人民政府\n年度: 二五年\n", "年度", 2, ("四位数年份",)),
    ("year out of range", "单位: 示例市人民政府\n年度: 1925\n", "年度", 2, ("四位数年份",)),
    ("unparseable date", HEAD + "成文日期: 三月八日\n", "成文日期", 3, ("无法识别",)),
    ("impossible date", HEAD + "成文日期: 2026年2月30日\n", "成文日期", 3, ("无法识别",)),
    # written the ISO way, YAML itself builds the date and fails before drafter sees it
    ("impossible ISO date", HEAD + "成文日期: 2026-02-30\n", "成文日期", 3, ("日期不存在",)),
    ("date before the year", HEAD + "成文日期: 2024-12-30\n", "成文日期", 3, ("2025年或2026年",)),
    (
        "unknown key in a figure",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: {本年: 1, 去年: 2}\n",
        "指标.矛盾纠纷化解.行政复议受理件数.去年",
        5,
        ("未知的项目", "上年"),
    ),
    (
        "约数 neither yes nor no",
        HEAD + "指标:\n  党的领导:\n    法治培训人次: {本年: 28000, 约数: 大概}\n",
        "指标.党的领导.法治培训人次.约数",
        5,
        ("是 或 否",),
    ),
    (
        "indicator filed under another category",
        HEAD + "指标:\n  党的领导:\n    行政复议受理件数: 1\n",
        "指标.党的领导.行政复议受理件数",
        5,
        ("属于“矛盾纠纷化解”",),
    ),
    (
        "the same key twice",
        HEAD + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: 1\n    行政复议受理件数: 2\n",
        "指标.矛盾纠纷化解.行政复议受理件数",
        6,
        ("重复", "第5行"),
    ),
    (
        "the same figure under the category's id and its name",
        HEAD
        + "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: 1\n  disputes:\n    行政复议受理件数: 2\n",
        "指标.disputes.行政复议受理件数",
        7,
        ("填写了两次",),
    ),
    (
        "problems written as a category of 要点",
        HEAD + "要点:\n  不足:\n    - 基层力量薄弱。\n",
        "要点.不足",
        4,
        ("顶格", "不足"),
    ),
    ("a list where a mapping goes", HEAD + "指标:\n  - 1\n", "指标", 3, ("分组",)),
    ("a whole file that is a list", "- 1\n- 2\n", None, 0, ("键: 值",)),
]


@pytest.mark.parametrize(
    ("text", "key_path", "line", "words"),
    [case[1:] for case in BAD],
    ids=[case[0] for case in BAD],
)
def test_bad_data_is_named_by_key_path_and_line(
    text: str, key_path: str | None, line: int, words: tuple[str, ...]
) -> None:
    with pytest.raises(DataError) as caught:
        _load(text)
    error = caught.value
    message = str(error)
    assert error.key_path == key_path
    assert message.startswith("数据.yaml")
    if line:
        assert error.line == line
        assert f"第{line}行" in message
    if key_path:
        assert f"{key_path}：" in message
    for word in words:
        assert word in message
    assert "Traceback" not in message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("1486", FigureValue(1486)),
        ('"2.8万"', FigureValue(28000)),
        ('"3.84亿"', FigureValue(384_000_000)),
        ('"1,486"', FigureValue(1486)),
        ('"１４８６"', FigureValue(1486)),  # full-width digits from an IME
        ('"1486件"', FigureValue(1486)),  # the unit may be written too
        ('"2.8万余"', FigureValue(28000, approx=True)),
        ("{本年: 1486, 上年: 1399}", FigureValue(1486, 1399)),
        ("{本年: 28000, 上年: 25000, 约数: true}", FigureValue(28000, 25000, approx=True)),
        ("{本年: 28000, 约数: 是}", FigureValue(28000, approx=True)),
        ("{本年: 28000, 约数: 否}", FigureValue(28000)),
        ("{上年: 1399}", FigureValue(None, 1399)),
        ("", FigureValue(None)),
        ('""', FigureValue(None)),
    ],
)
def test_good_figure_values(written: str, expected: FigureValue) -> None:
    data = _load(HEAD + f"指标:\n  矛盾纠纷化解:\n    行政复议受理件数: {written}\n")
    assert data.figures["行政复议受理件数"] == expected


def test_a_rate_may_carry_its_percent_sign() -> None:
    data = _load(HEAD + '指标:\n  矛盾纠纷化解:\n    调解成功率: "97.8%"\n')
    assert data.figures["调解成功率"] == FigureValue(97.8)


@pytest.mark.parametrize("name", ["矛盾纠纷化解", "disputes", "预防调处化解社会矛盾纠纷"])
def test_a_category_is_its_short_name_english_id_or_default_heading(name: str) -> None:
    data = _load(HEAD + f"指标:\n  {name}:\n    行政复议受理件数: 5\n要点:\n  {name}: 一句话。\n")
    assert data.figures["行政复议受理件数"].current == 5
    assert data.points == {"disputes": ("一句话。",)}


@pytest.mark.parametrize(
    ("unit", "self_name"),
    [
        ("示例市人民政府", "我市"),
        ("示例市示范区人民政府", "我区"),
        ("某某县人民政府", "我县"),
        ("某某旗人民政府", "我旗"),
        ("示例市司法局", "我局"),
        ("示例市人民政府办公室", "我办"),
        ("某某研究会", "我们"),
    ],
)
def test_self_name_defaults_from_the_unit(unit: str, self_name: str) -> None:
    data = _load(f"单位: {unit}\n年度: 2025\n")
    assert data.self_name == self_name
    assert data.signature == unit


def test_facts_and_lists() -> None:
    data = _load(
        "单位: 示例市人民政府\n自称: 本市\n年度: 2025年\n成文日期: 2026年3月8日\n落款: 示例市政府\n"
        "不足: 基层力量薄弱。\n安排:\n  - 一。\n  -\n  - 二。\n"
        "第一责任人:\n  要点: [带头学法。]\n  指标:\n    主要负责人述法人数: 68\n"
    )
    assert (data.unit, data.self_name, data.year) == ("示例市人民政府", "本市", 2025)
    assert data.signed == dt.date(2026, 3, 8)
    assert data.signature == "示例市政府"
    assert data.problems == ("基层力量薄弱。",)
    assert data.plans == ("一。", "二。")
    assert data.points == {"first_responsible": ("带头学法。",)}
    assert data.figures["主要负责人述法人数"] == FigureValue(68)


@pytest.mark.parametrize("written", ["2026-03-08", "2026年3月8日", "2026.3.8", "2026/03/08"])
def test_dates_in_common_spellings(written: str) -> None:
    assert _load(HEAD + f"成文日期: {written}\n").signed == dt.date(2026, 3, 8)


def test_an_empty_unit_is_left_for_the_draft_to_mark() -> None:
    data = _load("单位:\n年度: 2025\n")
    assert (data.unit, data.self_name, data.signature) == ("", "", "")


def test_the_example_loads_every_figure_it_lists() -> None:
    path = EXAMPLES / "示例市2025年度数据.yaml"
    data = load_data(path.read_text(encoding="utf-8"), str(path))
    assert len(data.figures) == 51
    assert all(v.current is not None for v in data.figures.values())
    assert data.figures["法治培训人次"] == FigureValue(31000, 28000, approx=True)


def test_a_sentence_wrapped_over_lines_is_joined_without_spaces() -> None:
    data = _load(
        HEAD + "不足:\n  - 法治政府建设推进还不够均衡，\n    部分部门工作力量相对薄弱。\n"
        "安排:\n  - |\n    深化行政执法\n    体制改革。\n"
    )
    assert data.problems == ("法治政府建设推进还不够均衡，部分部门工作力量相对薄弱。",)
    assert data.plans == ("深化行政执法体制改革。",)
