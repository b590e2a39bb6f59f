"""The heading classifier: the shipped model is current, probabilities, and the conventions."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from drafter.learning import labelled_reports, model_json
from drafter.reading import MODEL_FILE, HeadingModel, Outline, parse_report

from conftest import DATA, ROOT, SEEDS

CORPUS = ROOT / ".." / "shared" / "corpus"  # beside the clone, in CI too


def test_shipped_model_is_what_training_gives() -> None:
    reports = labelled_reports(CORPUS, SEEDS, DATA / "expected_outlines.yaml")
    shipped = (ROOT / "templates" / MODEL_FILE).read_text(encoding="utf-8")
    assert model_json(reports) == shipped, "请运行 python -m drafter.learning 重新训练"


def test_probabilities_are_a_softmax_with_shared_weights() -> None:
    model = HeadingModel(
        classes=("leadership", "functions"),
        bias=(0.0, 0.5),
        weights={"t2:领导": ((0, 2.0),)},
        shared={"tw": 1.0},
    )
    ranked = model.probabilities(["t2:领导", "@tw:functions", "t2:未知"])
    # leadership 2.0 against functions 0.5 + 1.0
    expected = 1 / (1 + math.exp(-0.5))
    assert [c for c, _ in ranked] == ["leadership", "functions"]
    assert ranked[0][1] == pytest.approx(expected)
    assert sum(p for _, p in ranked) == pytest.approx(1.0)


def _outline(tmp_path: Path, text: str) -> Outline:
    path = tmp_path / "报告.txt"
    path.write_text(text, encoding="utf-8")
    return parse_report(path)


def _categories(outline: Outline) -> list[tuple[str | None, str, str]]:
    return [(s.number, s.title, s.category) for s in outline.walk()]


_OPENING = "2024年，示例县坚持以习近平法治思想为指导，扎实推进法治政府建设。\n"


def test_first_responsible_inside_leadership_keeps_its_own_category(tmp_path: Path) -> None:
    outline = _outline(
        tmp_path,
        _OPENING + "一、加强党对法治政府建设的领导\n"
        "（一）切实履行推进法治建设第一责任人职责。县政府主要负责人认真履行推进法治建设第一责任人"
        "职责，亲自部署、亲自过问重大法治问题。\n"
        "（二）深入学习贯彻习近平法治思想。将习近平法治思想纳入县政府常务会议会前学法内容，组织领导"
        "干部集中学法4次。\n"
        "二、依法全面履行政府职能\n深化放管服改革，推进政务服务标准化。\n",
    )
    assert _categories(outline) == [
        ("一、", "加强党对法治政府建设的领导", "leadership"),
        ("（一）", "切实履行推进法治建设第一责任人职责", "first_responsible"),
        ("（二）", "深入学习贯彻习近平法治思想", "leadership"),
        ("二、", "依法全面履行政府职能", "functions"),
    ]


@pytest.mark.parametrize(
    "umbrella",
    ["主要举措、成效和不足", "主要工作及成效", "工作完成情况", "2024年法治政府建设基本情况"],
)
def test_every_umbrella_wording_is_achievements_and_children_judged_alone(
    tmp_path: Path, umbrella: str
) -> None:
    outline = _outline(
        tmp_path,
        _OPENING + f"一、{umbrella}\n"
        "（一）加强组织领导。成立法治政府建设领导小组，县政府常务会议专题研究法治政府建设工作3次。\n"
        "（二）深化放管服改革。推进高效办成一件事，优化营商环境，政务服务事项全程网办率达95%。\n",
    )
    assert [s.category for s in outline.walk()] == ["achievements", "leadership", "functions"]


def test_only_parts_two_to_four_pass_their_category_down(tmp_path: Path) -> None:
    outline = _outline(
        tmp_path,
        _OPENING + "一、存在的不足\n（一）行政执法规范化水平有待提升。个别执法人员素质不高。\n"
        "二、2025年工作打算\n（一）深化行政复议体制改革。发挥行政复议化解行政争议主渠道作用。\n",
    )
    assert [s.category for s in outline.walk()] == ["problems", "problems", "plan", "plan"]


def test_a_first_responsible_part_passes_down_only_after_part_one(tmp_path: Path) -> None:
    part = "党政主要负责人履行推进法治建设第一责任人职责情况"
    kids = (
        "（一）深入学习贯彻习近平法治思想。县政府常务会议会前学法12次，组织领导干部集中学法4次。\n"
        "（二）推进依法决策。重大行政决策全部经过合法性审查和集体讨论决定，聘请法律顾问5名。\n"
    )
    # opening the report, the part stands for parts 1 and 3: its children are part-1 measures
    first = _outline(tmp_path, _OPENING + f"一、{part}\n" + kids)
    assert [s.category for s in first.walk()] == ["first_responsible", "leadership", "decision"]
    # after part 1 it is part 3 of the rule, and its children are the leader's duties
    third = _outline(
        tmp_path,
        _OPENING + "一、主要举措和成效\n（一）深化放管服改革。推进政务服务标准化。\n"
        f"二、{part}\n" + kids,
    )
    assert [s.category for s in third.walk()] == ["achievements", "functions"] + [
        "first_responsible"
    ] * 3


def test_a_report_without_headings_is_one_flagged_section(tmp_path: Path) -> None:
    outline = _outline(tmp_path, _OPENING)
    assert len(outline.sections) == 1
    only = outline.sections[0]
    assert (only.number, only.title, only.category, only.score) == (None, "", "other", 0.0)
    assert only.paragraphs == [_OPENING.strip()]
    assert outline.year == 2024
