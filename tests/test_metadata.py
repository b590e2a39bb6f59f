"""Title, unit, issuers and year as real pages write them; web chrome and pinyin notes dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from drafter.reading import Outline, parse_report
from tests.helpers import ROOT

_BODY = "一、加强组织领导\n成立法治政府建设领导小组。\n"


def _outline(tmp_path: Path, text: str) -> Outline:
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    return parse_report(path)


@pytest.mark.parametrize(
    ("head", "year", "issuers"),
    [
        # the title on two lines: the issuer, then 关于…
        (
            "示例县人民政府\n关于2024年度法治政府建设情况的报告\n2024年，示例县坚持依法行政。\n",
            2024,
            ["示例县人民政府"],
        ),
        # joint issuers on one line, or the line before 关于…
        (
            "中共示例县委 示例县人民政府\n关于2024年法治政府建设情况的报告\n2024年，全县坚持依法行政。\n",
            2024,
            ["中共示例县委", "示例县人民政府"],
        ),
        (
            "中共示例县委员会 示例县人民政府关于2023年法治政府建设情况的报告\n全县坚持依法行政。\n",
            2023,
            ["中共示例县委员会", "示例县人民政府"],
        ),
        # a department's title, and an opening that says only 我局
        (
            "示例市司法局2023年度法治政府建设情况报告\n现将我局2023年度法治政府建设情况报告如下：\n",
            2023,
            ["示例市司法局"],
        ),
        # no title: the opening's subject, after or before the year
        # a 法治政府建设 report naming only its place is that place's government (the genre's
        # convention): 区/县/省/镇 → 人民政府, 街道 → 街道办事处
        (
            "2023年，示例区坚持以习近平法治思想为指导，扎实推进法治政府建设。\n",
            2023,
            ["示例区人民政府"],
        ),
        ("示例区2023年法治政府建设工作扎实推进。\n", 2023, ["示例区人民政府"]),
        ("示例街道2024年法治政府建设年度报告\n现将有关情况报告如下：\n", 2024, ["示例街道办事处"]),
        (
            "示例县示例镇2024年法治政府建设年度报告\n全镇坚持依法行政。\n",
            2024,
            ["示例县示例镇人民政府"],
        ),
        # the Party committee and the government of one place: the report is the government's
        ("2025年以来，示例镇党委、政府深入学习贯彻习近平法治思想。\n", 2025, ["示例镇人民政府"]),
        # the government as the report writes it stays as written; a zone is no people's government
        ("2023年，示例县政府坚持依法行政，推进法治政府建设。\n", 2023, ["示例县政府"]),
        (
            "示例经济开发区2023年法治政府建设情况报告\n全区坚持依法行政。\n",
            2023,
            ["示例经济开发区"],
        ),
        # a title the outline leaves in the opening: the issuer over the 法治政府 line
        (
            "示例省交通运输厅\n2025年法治政府部门建设工作情况\n2025年，我厅坚持依法行政。\n",
            2025,
            ["示例省交通运输厅"],
        ),
        # the year first in the title; a subject after 在…领导下
        ("2023年度示例省法治政府建设年度报告\n全省坚持依法行政。\n", 2023, ["示例省人民政府"]),
        (
            "2024年，在市委、市政府的坚强领导下，示例市商务局坚持依法行政。\n",
            2024,
            ["示例市商务局"],
        ),
        # a name without its place is incomplete: no unit rather than half a one
        ("2023年，自治区人民政府坚持依法行政。\n", 2023, []),
        ("市科技局2023年法治政府建设情况报告\n现将有关情况报告如下：\n", 2023, []),
        # a garbled subject from a mirror site is no unit at all
        ("2025年，法治赵县政府坚持以习近平法治思想为指导。\n", 2025, []),
        # a name without its place, completed by the one place of its level the text names as
        # its own (a document it issued, its Party committee, its government) …
        (
            "2024年，市商务局坚持依法行政，落实《示例市优化营商环境条例》。\n",
            2024,
            ["示例市商务局"],
        ),
        (
            "2024年，我市坚持依法行政。\n中共示例市委、示例市人民政府印发实施方案。\n",
            2024,
            ["示例市人民政府"],
        ),
        # … a standard abbreviation written out (templates/organ_names.yaml) …
        (
            "2024年，市科技局坚持依法行政，落实《示例市科技创新促进条例》。\n",
            2024,
            ["示例市科学技术局"],
        ),
        ("示例县人社局2024年法治政府建设情况报告\n", 2024, ["示例县人力资源和社会保障局"]),
        # … a province from the closed list when the text names only one
        ("2024年，省教育厅坚持依法行政，印发《河北省学校安全条例》。\n", 2024, ["河北省教育厅"]),
        ("2024年，省教育厅坚持依法行政，与河北省、山东省签订协议。\n", 2024, []),
        # a place of another level is not the unit's: a 区 department citing its city's and its
        # province's documents, a 街道 citing its county's
        (
            "2024年，区科技局坚持依法行政，落实《示例市科技创新促进条例》《河北省法治政府建设实施方案》。\n",
            2024,
            [],
        ),
        ("2024年，在区委区政府的领导下，我局落实《河北省法治政府建设实施方案》。\n", 2024, []),
        # two places of the unit's level: no guess
        (
            "2024年，市商务局坚持依法行政，落实《示例市营商环境条例》和《样板市协作协议》。\n",
            2024,
            [],
        ),
        # the opening's 现将…: the unit it reports for, or nothing when it names no place
        (
            "根据有关要求，现将示例镇2024年法治政府建设情况报告如下：\n",
            2024,
            ["示例镇人民政府"],
        ),
        ("根据有关要求，现将全县2024年法治政府建设情况报告如下：\n", 2024, []),
        # 示例街 is how some cities shorten 示例街道, when the text shows it is one
        (
            "2024年，示例街以习近平法治思想为指导，街党工委统筹推进法治建设。\n",
            2024,
            ["示例街道办事处"],
        ),
        ("2024年，示例街以习近平法治思想为指导，推进法治建设。\n", 2024, []),
        # a 街 named inside a district's sentence is not the unit
        (
            "2024年，区政府坚持依法行政，示例街以示范创建为抓手，街党工委统筹推进法治建设。\n",
            2024,
            [],
        ),
        # a 我局 report naming its own earlier report
        (
            "2024年，我局坚持依法行政，公开《示例市交通运输局关于2023年法治政府建设情况的报告》。\n",
            2024,
            ["示例市交通运输局"],
        ),
        # the whole place's administration as the subject
        (
            "2024年，全市各级行政机关坚持依法行政，落实《示例市法治政府建设实施方案》。\n",
            2024,
            ["示例市人民政府"],
        ),
    ],
)
def test_unit_issuers_and_year(tmp_path: Path, head: str, year: int, issuers: list[str]) -> None:
    outline = _outline(tmp_path, head + _BODY)
    assert outline.year == year
    assert outline.issuers == issuers
    assert outline.unit == (" ".join(issuers) or None)
    assert outline.as_dict()["issuers"] == issuers


def test_signature_block_names_the_unit_and_the_date_the_year(tmp_path: Path) -> None:
    outline = _outline(
        tmp_path,
        "今年以来，我局扎实推进法治政府建设。\n" + _BODY + "示例市交通运输局\n2024年1月15日\n",
    )
    assert (outline.unit, outline.year, outline.date) == ("示例市交通运输局", 2023, "2024年1月15日")
    assert outline.walk()[-1].paragraphs == ["成立法治政府建设领导小组。"]


def test_web_chrome_and_pinyin_notes_are_dropped_and_heading_forms_read(tmp_path: Path) -> None:
    outline = _outline(
        tmp_path,
        "当前位置：首页 > 政务公开 > 法治政府建设\n"
        "示例县2024年度法治政府建设情况报告\n"
        "发布时间：2025-01-20 来源：示例县司法局\n"
        "字体：大 中 小 【打印】 浏览次数：128\n"
        "2024年，示例县坚持以习近平法治思想为指导。\n"
        "（一） 加強組織領導(lǐng)\n成立領導(lǐng)小組。\n"
        "二）深化放管服改革\n推进政务服务标准化。\n",
    )
    assert outline.title == "示例县2024年度法治政府建设情况报告"
    assert outline.opening == "2024年，示例县坚持以习近平法治思想为指导。"
    assert [(s.number, s.title, s.paragraphs) for s in outline.walk()] == [
        ("（一）", "加强组织领导", ["成立领导小组。"]),
        ("（二）", "深化放管服改革", ["推进政务服务标准化。"]),
    ]
    assert outline.unit == "示例县人民政府"


def test_a_heading_run_into_its_items_keeps_its_title(tmp_path: Path) -> None:
    outline = _outline(
        tmp_path,
        "一、工作开展情况\n（一）加强组织领导一是成立领导小组。二是召开专题会议3次。\n",
    )
    sub = outline.sections[0].children[0]
    assert (sub.number, sub.title) == ("（一）", "加强组织领导")
    assert [(c.number, c.title) for c in sub.children] == [
        ("一是", "成立领导小组"),
        ("二是", "召开专题会议3次"),
    ]


def test_a_heading_run_into_its_body_without_a_stop_keeps_its_title(tmp_path: Path) -> None:
    outline = _outline(
        tmp_path,
        "一、工作开展情况\n"
        "（一）科学谋划法治政府建设工作编制《示例县法治政府建设实施方案》，明确年度重点任务和责任分工，"
        "按季度调度推进情况，年底组织专项督察并通报结果。\n",
    )
    sub = outline.sections[0].children[0]
    assert (sub.number, sub.title) == ("（一）", "科学谋划法治政府建设工作")
    assert sub.paragraphs[0].startswith("编制《示例县法治政府建设实施方案》")


@pytest.mark.parametrize(
    ("source", "unit"),
    [
        # the page's 来源 names the very organ the title gives without its place
        ("发布时间：2024-02-05 来源：示例市退役军人事务局", "示例市退役军人事务局"),
        # another organ (the site's publisher), or no place: no unit
        ("发布时间：2024-02-05 来源：示例市司法局", None),
        ("发布时间：2024-02-05 来源：退役军人事务局", None),
    ],
)
def test_a_source_line_only_completes_the_name_the_title_gives(
    tmp_path: Path, source: str, unit: str | None
) -> None:
    outline = _outline(
        tmp_path,
        "2023年度退役军人事务局法治政府建设工作报告\n"
        + source
        + "\n2023年，我局坚持依法行政。\n"
        + _BODY,
    )
    assert outline.unit == unit


def test_a_source_line_alone_names_no_unit(tmp_path: Path) -> None:
    outline = _outline(
        tmp_path,
        "来源：示例县人民政府\n2023年，我局坚持依法行政，推进法治政府建设。\n" + _BODY,
    )
    assert outline.unit is None


def test_every_abbreviation_in_the_table_is_written_out(tmp_path: Path) -> None:
    table = yaml.safe_load((ROOT / "templates" / "organ_names.yaml").read_text(encoding="utf-8"))
    assert len(table["简称"]) >= 10
    for short, full in table["简称"].items():
        # the full name is the same kind of organ (局 → …局, 委 → …委员会)
        assert full.endswith("委员会" if short.endswith("委") else short[-1]), short
        outline = _outline(tmp_path, f"示例市{short}2024年法治政府建设情况报告\n" + _BODY)
        assert outline.unit == f"示例市{full}"
