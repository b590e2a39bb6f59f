"""find_figures finds what a report must update each year and nothing that only names or orders."""

from __future__ import annotations

import pytest

from drafter.reading import normalize_line
from drafter.text import find_figures, parse_number

Expected = tuple[str, float, str | None, bool, str]


def _found(text: str) -> list[Expected]:
    return [(f.text, f.value, f.unit, f.approx, f.kind) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counts with a measure word, 万/亿 multiplied out, 余/多/超/约/近 marking approximate
        ("受理案件1399件", [("1399件", 1399, "件", False, "count")]),
        ("培训人员2.8万余人次", [("2.8万余人次", 28000, "人次", True, "count")]),
        ("举办讲座200余场次", [("200余场次", 200, "场次", True, "count")]),
        (
            "明确10大类37项重点工作",
            [("10大类", 10, "大类", False, "count"), ("37项", 37, "项", False, "count")],
        ),
        ("服务人数290余万", [("290余万", 2_900_000, None, True, "count")]),
        ("总数据超过1.3亿条", [("超过1.3亿条", 130_000_000, "条", True, "count")]),
        ("受教育群众超16万人次", [("超16万人次", 160_000, "人次", True, "count")]),
        ("近3000件", [("近3000件", 3000, "件", True, "count")]),
        ("接待群众200多人", [("200多人", 200, "人", True, "count")]),
        ("检查企业536家次", [("536家次", 536, "家次", False, "count")]),
        ("3部门联合发文", [("3部门", 3, "部门", False, "count")]),
        ("共1,200件", [("1,200件", 1200, "件", False, "count")]),
        ("（含旧存159件）", [("159件", 159, "件", False, "count")]),
        # Chinese numerals that count (cn2an)
        ("从三个方面入手", [("三个", 3, "个", False, "count")]),
        ("设立两个中心", [("两个", 2, "个", False, "count")]),
        ("办理十余件", [("十余件", 10, "件", True, "count")]),
        ("召开三次会议", [("三次", 3, "次", False, "count")]),
        ("二十余家单位", [("二十余家", 20, "家", True, "count")]),
        ("参与群众十余万人次", [("十余万人次", 100_000, "人次", True, "count")]),
        ("培训两千余人次", [("两千余人次", 2000, "人次", True, "count")]),
        ("进一步加强，一是完善制度", []),
        # percentages: levels
        ("调处率达97.6%", [("97.6%", 97.6, "%", False, "percent")]),
        ("败诉率降至12.81%", [("12.81%", 12.81, "%", False, "percent")]),
        ("满意率保持在95%以上", [("95%以上", 95, "%", True, "percent")]),
        ("压减率超过77%", [("超过77%", 77, "%", True, "percent")]),
        ("满意率提高到98%", [("98%", 98, "%", False, "percent")]),
        ("工作100%完成", [("100%", 100, "%", False, "percent")]),
        ("覆盖率达到百分之九十五", [("百分之九十五", 95, "%", False, "percent")]),
        # percentages: changes
        (
            "受理1399件、同比增加163%",
            [("1399件", 1399, "件", False, "count"), ("同比增加163%", 163, "%", False, "change")],
        ),
        ("审批效率提升78%", [("提升78%", 78, "%", False, "change")]),
        ("较去年同期增长22%", [("较去年同期增长22%", 22, "%", False, "change")]),
        ("精简申报材料43.3%", [("精简申报材料43.3%", 43.3, "%", False, "change")]),
        ("较上年下降2.5个百分点", [("较上年下降2.5个百分点", 2.5, "百分点", False, "change")]),
        ("增长1.2倍", [("增长1.2倍", 1.2, "倍", False, "change")]),
        # money, always in 元
        ("问题资金3.84亿元", [("3.84亿元", 384_000_000, "元", False, "money")]),
        ("罚款340.19万元", [("340.19万元", 3_401_900, "元", False, "money")]),
        ("挽回损失约1445.24万元", [("约1445.24万元", 14_452_400, "元", True, "money")]),
        ("执行到位金额7.21亿余元", [("7.21亿余元", 721_000_000, "元", True, "money")]),
        ("涉及金额1197431元", [("1197431元", 1_197_431, "元", False, "money")]),
        ("减免费用2万余元", [("2万余元", 20000, "元", True, "money")]),
        # ranks
        (
            "办结率90.6%，居全省第1位",
            [("90.6%", 90.6, "%", False, "percent"), ("第1位", 1, "位", False, "rank")],
        ),
        ("排名全市第三。", [("第三", 3, "位", False, "rank")]),
    ],
)
def test_figures_are_found_with_value_unit_approx_and_kind(
    text: str, expected: list[Expected]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # years, dates, year ranges
        "2024年，全市法治政府建设",
        "在2022—2023年度全省营商环境评价中",
        "《实施纲要（2021-2025年）》",
        "“3·15”消费者权益日",
        "2022年3月18日",
        "12月4日是国家宪法日",
        # durations in years; durations that name a practice
        "贯彻落实的5年来",
        "连续2年被评为先进单位",
        "三年行动计划",
        "打造15分钟公共法律服务圈",
        "提供24小时自助服务",
        "开展为期3个月的专项整治",
        # 一 before a measure word other than 名/位
        "打造一个平台",
        # document numbers
        "（国办发〔2018〕115号）",
        # labels and slogans
        "“1+4”应急体系",
        "“14+N”重点工作周交办",
        "创新建立“1234”推进机制",
        "开展政务服务“1-N”专项行动",
        "12345热线",
        "2021年12345平台",
        "“十四五”规划",
        "八五普法",
        "“三调联动”为基础",
        "市县乡村四级全覆盖",
        "高效办成一件事",
        "实现法律援助“一件事一次办”",
        "严格落实行政执法“三项制度”",
        "做到两个维护",
        "增强“四个意识”",
        "走进千家万户",
        "二类设区市",
        # ordinals
        "第二次联席会议",
        "区委全面依法治区委员会第三次会议",
        "二十届三中全会",
        "第一责任人",
        "首次超过一审行政诉讼案件数量",
        "居全省第一方阵",
        "把安全放在第一位",
        "发挥人民调解第一道防线作用",
        # numbers inside titles
        "《12345热线周报》",
        "《权限目录（41项）》",
        # structural numbering
        "1.健全工作领导机制",
        "（一）加强党的领导",
        "一是深化学习贯彻",
        "第四，积极化解",
        # no measure word
        "推进一门一窗一网一次改革",
        "一次性化解率",
    ],
)
def test_numbers_that_only_name_or_order_are_not_figures(text: str) -> None:
    assert find_figures(normalize_line(text)) == []


def test_spans_point_at_the_written_text() -> None:
    text = "全年调解案件3.1万余件，调处率达97.6%。"
    for f in find_figures(text):
        assert text[f.start : f.end] == f.text


def test_integral_values_are_integral_floats() -> None:
    (fig,) = find_figures("培训人员2.8万余人次")
    assert isinstance(fig.value, float) and fig.value.is_integer()


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2.8万", 28000),
        ("3.84亿", 384_000_000),
        ("7.21亿余", 721_000_000),
        ("290余万", 2_900_000),
        ("1,399", 1399),
        ("十余", 10),
        ("两", 2),
        ("两万", 20000),
        ("二十万", 200_000),
        ("九十五点五", 95.5),
        ("十四五", None),
        ("八五", None),
        ("", None),
        ("abc", None),
    ],
)
def test_parse_number(written: str, value: float | None) -> None:
    assert parse_number(written) == value


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("审批时限由20.86天提速至6.44天", [("20.86天", 20.86, "天"), ("6.44天", 6.44, "天")]),
        ("行政复议案件在30个工作日内审结", [("30个工作日", 30, "个工作日")]),
        ("企业开办10分钟办结", [("10分钟", 10, "分钟")]),
        ("办理时限压缩至3个月", [("3个月", 3, "个月")]),
        ("平均节约审查时限10天以上。", [("10天以上", 10, "天")]),
    ],
)
def test_durations_of_work_are_figures_of_their_own_kind(
    text: str, found: list[tuple[str, float, str]]
) -> None:
    figures = find_figures(normalize_line(text))
    assert [(f.text, f.value, f.unit) for f in figures] == found
    assert {f.kind for f in figures} == {"duration"}


@pytest.mark.parametrize(
    ("text", "shown", "unit"),
    [("为每个村配备一名法律顾问", "一名", "名"), ("新增两个省级示范点", "两个", "个")],
)
def test_chinese_numeral_counts(text: str, shown: str, unit: str) -> None:
    (figure,) = find_figures(normalize_line(text))
    assert (figure.text, figure.unit, figure.kind) == (shown, unit, "count")


def test_chinese_numerals_one_to_999_read_as_reports_write_them() -> None:
    # 一 … 九, 十, 十一, 二十, 一百零五, 一百一十, 九百九十九: the form numbering is written in
    from drafter.text import chinese_numeral

    assert [parse_number(chinese_numeral(n)) for n in range(1, 1000)] == list(range(1, 1000))
    assert parse_number("一百零五") == 105 and parse_number("两百") == 200


def test_common_chinese_numerals_are_read_without_loading_cn2an() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from drafter.text import find_figures;"
        "f = find_figures('召开三次会议，培训两百余人次，办理十余件，进一步加强');"
        "print(len(f), 'cn2an' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["3", "False"]
