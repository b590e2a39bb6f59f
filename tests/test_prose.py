"""Figures written as a report writes them: sentences with subject and effect, not a list."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from drafter.datafile import YearData, load_data, read_data_file
from drafter.drafting import Draft, draft_report
from drafter.learning import Exemplar, Skeleton, load_skeleton
from drafter.resources import template_path

from conftest import EXAMPLES

EXAMPLE = EXAMPLES / "示例市2025年度数据.yaml"


def _skeleton() -> Skeleton:
    return load_skeleton(template_path("skeleton.yaml"))


def _sections(draft: Draft) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    heading = ""
    for block in draft.blocks:
        if block.kind.startswith("heading"):
            heading = block.text
            out[heading] = []
        elif block.kind == "body" and heading:
            out[heading].append(block.text)
    return out


@pytest.fixture(scope="module")
def example() -> Draft:
    return draft_report(read_data_file(EXAMPLE), _skeleton())


def test_no_sentence_is_a_run_of_more_than_three_clauses(example: Draft) -> None:
    for block in example.blocks:
        for sentence in re.split("[。！？]", block.text):
            assert sentence.count("；") <= 2, sentence


def test_each_figure_paragraph_opens_with_what_was_done_and_ends_with_its_effect(
    example: Draft,
) -> None:
    laws = _sections(example)["（十）加快推进数字法治政府建设"]
    assert laws[-1] == (
        "加快推进政务服务数字化，累计制发电子证照421万余本，205项政务服务事项实现“免证可办”，"
        "全年网上办件156万余件，数字赋能政务服务成效明显。"
    )


def test_a_point_naming_an_indicators_subject_takes_the_figure_in(example: Draft) -> None:
    decisions = _sections(example)["（四）推进科学民主依法决策"]
    # the 要点 says 编制并公开年度重大行政决策事项目录: the count follows it, not a second 目录 sentence
    assert decisions[0].startswith(
        "编制并公开年度重大行政决策事项目录，列入重大行政决策事项12项，严格履行公众参与"
    )
    assert not any("编制并公布年度重大行政决策事项目录" in p for p in decisions)
    # a short clause for a subject the 要点 named: no "常务会议…常务会议" twice in one sentence
    leadership = _sections(example)["（一）加强党对法治政府建设的领导"]
    assert leadership[0].startswith(
        "市政府常务会议专题研究法治政府建设年度重点任务，全年专题研究5次，较上年增加1次，印发"
    )


def test_an_opening_the_points_said_already_is_not_said_twice(example: Draft) -> None:
    disputes = _sections(example)["（九）预防调处化解社会矛盾纠纷"]
    assert sum("坚持和发展新时代“枫桥经验”" in p for p in disputes) == 1


def _with_exemplar(skeleton: Skeleton, cid: str, text: str) -> Skeleton:
    categories = [
        replace(c, exemplars=[Exemplar(text=text, slots=["件数"], source="x")])
        if c.id == cid
        else c
        for c in skeleton.categories
    ]
    return replace(skeleton, categories=categories)


def _county(figures: str, points: str = "") -> YearData:
    return load_data(f"单位: 青禾县人民政府\n年度: 2025\n指标:\n{figures}{points}", "数据.yaml")


def test_the_units_own_sentence_carries_its_figure() -> None:
    skeleton = _with_exemplar(
        _skeleton(),
        "disputes",
        "坚持复议为民，{年度}年{自称}共受理行政复议案件{件数}件，同比增长{比例}%",
    )
    data = _county("  矛盾纠纷化解:\n    行政复议受理件数: {本年: 120, 上年: 100}\n")
    body = _sections(draft_report(data, skeleton))["（九）预防调处化解社会矛盾纠纷"]
    # the learned 同比 is rewritten under the policy, the year and 我县 filled in
    assert "坚持复议为民，2025年我县共受理行政复议案件120件，较上年增长20%" in body[-1]
    assert "全年受理行政复议案件" not in "".join(body)


def test_an_exemplar_naming_another_place_or_level_is_not_used() -> None:
    skeleton = _with_exemplar(
        _skeleton(), "disputes", "全市各级行政复议机关共受理行政复议案件{件数}件"
    )
    data = _county("  矛盾纠纷化解:\n    行政复议受理件数: 120\n")
    body = "".join(_sections(draft_report(data, skeleton))["（九）预防调处化解社会矛盾纠纷"])
    assert "全市" not in body
    assert "全年受理行政复议案件120件" in body


def test_a_section_of_one_figure_is_not_one_bare_sentence() -> None:
    data = _county("  制度体系:\n    规范性文件备案件数: 4\n")
    body = _sections(draft_report(data, _skeleton()))["（二）完善依法行政制度体系"]
    text = "".join(body)
    assert text.count("。") >= 1
    assert (
        body[-1]
        == "严格落实行政规范性文件合法性审核和备案审查制度，报送备案行政规范性文件4件，确保政令统一畅通。"
    )
