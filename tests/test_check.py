"""check_report: each planted defect is found, clean and real reports give no false errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from docx.oxml.ns import qn
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.checking import RULE_NAMES, Finding, check_report, excerpt
from drafter.cli.app import app
from drafter.datafile import read_data_file
from drafter.learning import load_skeleton
from drafter.reading import (
    Outline,
    RawParagraph,
    SourceText,
    build_outline,
    classify_outline,
    parse_report,
    review_marks,
)
from drafter.resources import template_path

from conftest import SEEDS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"
CASES: dict[str, dict[str, Any]] = yaml.safe_load(
    (FIXTURES / "cases.yaml").read_text(encoding="utf-8")
)

runner = CliRunner()


SKELETON = load_skeleton(template_path("skeleton.yaml"))


def _check_file(name: str) -> list[Finding]:
    case = CASES[name]
    against, data = case.get("against"), case.get("data")
    path = FIXTURES / case.get("file", name)
    return check_report(
        parse_report(path),
        year=None,
        last_year=parse_report(FIXTURES / against) if against else None,
        review=review_marks(path),
        skeleton=SKELETON,
        data=read_data_file(FIXTURES / data) if data else None,
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_doctored_draft_gives_exactly_its_planted_defect(name: str) -> None:
    expected = CASES[name]["rule"]
    findings = _check_file(name)
    assert [f.rule for f in findings] == ([expected] if expected else []), findings


def test_clean_draft_has_no_paragraph_copied_from_last_year() -> None:
    last_year = parse_report(FIXTURES / "last_year.txt")
    outline = parse_report(FIXTURES / "clean.txt")
    assert check_report(outline, year=None, last_year=last_year) == []


def test_findings_say_where_they_are() -> None:
    (finding,) = _check_file("placeholder.txt")
    assert finding.severity == "error"
    assert finding.section == "（四）预防调处化解社会矛盾纠纷"
    assert finding.paragraph == 1
    assert "【待填：行政争议调解和解件数】" in finding.excerpt
    assert len(finding.excerpt) <= 40


def _report(body: str, *, year: int = 2024, extra_sections: str = "") -> Outline:
    """Return a classified outline of a small complete report whose 执法 section holds BODY."""
    lines = [
        f"青山市人民政府关于{year}年度法治政府建设情况的报告",
        f"{year}年，青山市人民政府深入学习贯彻习近平法治思想，扎实推进法治政府建设。现将有关情况报告如下。",
        "一、主要举措和成效",
        "（一）严格规范公正文明执法",
        body,
        "二、存在的不足和原因",
        "基层法治工作力量相对薄弱，行政执法规范化水平有待提升。",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "市政府主要负责人认真履行推进法治建设第一责任人职责，带头学法用法。",
        f"四、{year + 1}年工作安排",
        f"{year + 1}年，我们将继续深入推进法治政府建设。",
        *filter(None, extra_sections.split("\n")),
    ]
    source = SourceText("test.txt", tuple(RawParagraph(line) for line in lines))
    return classify_outline(build_outline(source))


def _rules(body: str, year: int = 2024) -> list[str]:
    return [f.rule for f in check_report(_report(body, year=year), year=None, last_year=None)]


@pytest.mark.parametrize(
    "body",
    [
        "认真落实《法治政府建设实施纲要（2021—2025年）》，全面推行行政执法三项制度。",
        "全市开展行政检查2100余次，较2023年减少15%。",
        "全市开展行政检查2100余次，比2023年减少300次。",
        "受理行政复议案件360件，与2023年同期相比有所增长。",
        "2018年以来，我市持续推进综合行政执法改革。",
        "公布《行政许可事项清单（2023年版）》。",
        "计划到2035年基本建成法治政府。",
        "落实行政执法质量三年行动计划（2023—2025年），开展案卷评查。",
    ],
)
def test_years_that_are_fine(body: str) -> None:
    assert _rules(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "2023年，全面推行行政执法三项制度。",
        "在2022—2023年度全省评价中位居前列。",
        "2026年，全市开展行政检查2100余次。",
    ],
)
def test_years_that_are_stale(body: str) -> None:
    assert _rules(body) == ["stale-year"]


def test_next_year_outside_the_plan_is_flagged_but_inside_it_is_fine() -> None:
    assert _rules("2025年1月，全市综合行政执法改革通过验收。") == ["stale-year"]
    assert _rules("2025年，将全面推行柔性执法。") == []


@pytest.mark.parametrize("title", ["2024年工作安排", "2023年工作安排"])
def test_plan_heading_not_naming_next_year_is_flagged(title: str) -> None:
    outline = _report("全面推行行政执法三项制度。")
    outline.sections[-1].title = title  # last year's plan heading kept
    findings = check_report(outline, year=None, last_year=None)
    assert [(f.rule, f.section, f.paragraph) for f in findings] == [
        ("stale-year", f"四、{title}", None)
    ]


@pytest.mark.parametrize(
    ("body", "year", "rules"),
    [
        ("全面贯彻落实党的二十大和二十届二中、三中全会精神。", 2024, []),
        ("全面贯彻落实党的二十大和二十届三中全会精神。", 2024, []),
        ("全面贯彻落实党的二十大和二十届二中全会精神。", 2024, ["wrong-plenary"]),
        ("全面贯彻落实党的二十大和二十届二中、三中、四中全会精神。", 2024, ["wrong-plenary"]),
        ("深入贯彻党的十九大和十九届二中、三中、四中、五中、六中全会精神。", 2021, []),
        ("深入贯彻党的二十大精神。", 2021, ["wrong-plenary"]),
        ("党的十八届四中全会以来，我市持续推进依法行政。", 2024, []),
    ],
)
def test_plenary_citations_against_the_year(body: str, year: int, rules: list[str]) -> None:
    assert _rules(body, year) == rules


@pytest.mark.parametrize(
    ("body", "rules"),
    [
        ("行政复议案件按期办结率达120%。", ["rate-over-100"]),
        ("办理人大代表建议56件，办复率100%。", []),
        ("审批服务事项办理时限平均压缩163%。", []),
        ("全市新增市场主体1200户，同比增长120%。", []),
        ("全年受理行政复议案件150件，审结162件。", ["figure-relation"]),
        ("受理行政复议案件150件，审结行政诉讼案件162件。", []),
        ("受理行政复议案件150件，审结162件（含上年结转案件20件）。", []),
        ("受理行政复议案件150件，审结142件。", []),
        ("上年受理行政复议案件1000件，本年受理1200件，同比增长30%。", ["change-mismatch"]),
        ("上年受理行政复议案件1000件。本年受理1200件，同比增长20%。", []),
        ("全年受理行政复议案件1200件，较上年的1000件增长20%。", []),
        ("全年受理行政复议案件1200件，较上年增加200件，增长20%。", []),
        ("行政诉讼案件由100件下降到80件，下降20%。", []),
        ("行政诉讼案件由100件下降到80件，下降25%。", ["change-mismatch"]),
        ("2023年受理行政复议案件1000件，2024年受理1100件，同比增长20%。", ["change-mismatch"]),
        ("较去年新增事项30项。推出164项套餐服务，办件量5.8万件，较去年同期增长22%。", []),
        ("上年受理行政复议案件1000件，本年受理1204件，同比增长20%。", []),
    ],
)
def test_figure_rules(body: str, rules: list[str]) -> None:
    assert _rules(body) == rules


def test_missing_first_responsible_part_is_an_error_unless_merged_into_leadership() -> None:
    merged = _report("区政府主要负责人切实履行推进法治建设第一责任人职责，主持研究执法工作。")
    del merged.sections[2]  # the separate 第一责任人 part
    findings = check_report(merged, year=None, last_year=None)
    assert [(f.rule, f.severity) for f in findings] == [("missing-part", "warning")]
    assert findings[0].section == "（一）严格规范公正文明执法"

    missing = _report("全面推行行政执法三项制度。")
    del missing.sections[2]
    findings = check_report(missing, year=None, last_year=None)
    assert [(f.rule, f.severity, f.section) for f in findings] == [("missing-part", "error", None)]


def test_year_option_overrides_the_reports_own_year() -> None:
    outline = parse_report(FIXTURES / "clean.txt")
    rules = {f.rule for f in check_report(outline, year=2025, last_year=None)}
    assert rules == {"stale-year", "wrong-plenary"}


def test_year_beyond_the_table_skips_the_plenary_rule() -> None:
    outline = _report("全面贯彻落实党的二十大和二十届二中、三中、四中全会精神。", year=2030)
    assert _rules("全面推行行政执法三项制度。", 2030) == []
    assert "wrong-plenary" not in [f.rule for f in check_report(outline, year=None, last_year=None)]


@pytest.mark.parametrize(
    ("name", "errors"),
    [
        ("000_b1cc889bd410f338.txt", []),
        ("001_bc27b33d59f37cf0.txt", []),
        ("002_c41a6bf51d27d1a9.txt", []),
        ("003_90db4c8167dd60b7.txt", []),
        ("004_b9359028ade3b507.txt", ["missing-part"]),  # it really has no 不足 part
    ],
)
def test_real_reports_give_no_false_errors(name: str, errors: list[str]) -> None:
    findings = check_report(parse_report(SEEDS / name), year=None, last_year=None)
    assert [f.rule for f in findings if f.severity == "error"] == errors


@pytest.mark.parametrize(
    ("text", "start", "end", "shown"),
    [
        ("短句。", 0, 2, "短句。"),
        (
            "甲" * 30 + "【待填：件数】" + "乙" * 30,
            30,
            37,
            "甲" * 16 + "【待填：件数】" + "乙" * 17,
        ),
        ("丙" * 60, 5, 55, "丙" * 40),
    ],
)
def test_excerpt_is_at_most_40_characters_around_the_problem(
    text: str, start: int, end: int, shown: str
) -> None:
    assert excerpt(text, start, end) == shown


# --- the rules added for issue 14 ----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "rules"),
    [
        ("全市开展行政检查2100余次。", ["other-level"]),
        ("我市深入推进严格规范公正文明执法。", ["other-level"]),
        ("召开县委全面依法治市委员会会议2次。", ["other-level"]),
        ("区委常委会专题研究法治建设工作。", ["other-level"]),
        # the parent city's scope and bodies are the county's to name
        ("行政执法案卷评查工作在全市推广。", []),
        ("迎接市委全面依法治市委员会办公室督察。", []),
        ("在市委、市政府的坚强领导下推进执法规范化。", []),
        ("开发区委托乡镇开展综合执法。", []),
    ],
)
def test_words_of_another_level_in_a_county_report(body: str, rules: list[str]) -> None:
    outline = _report(body)
    outline.unit = "青山县人民政府"
    found = check_report(outline, year=None, last_year=None)
    assert [f.rule for f in found] == rules


def test_a_resolved_comment_is_not_a_finding(tmp_path: Path) -> None:
    import shutil
    import zipfile

    path = tmp_path / "resolved.docx"
    shutil.copy(FIXTURES / "review_comment.docx", path)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    from lxml import etree

    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    comments = etree.fromstring(parts["word/comments.xml"])
    for p in comments.iter(qn("w:p")):  # Word gives each comment paragraph an id
        p.set(f"{{{w14}}}paraId", "1A2B3C4D")
    parts["word/comments.xml"] = etree.tostring(comments)
    para_id = "1A2B3C4D"
    parts["word/commentsExtended.xml"] = (
        '<w15:commentsEx xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml">'
        f'<w15:commentEx w15:paraId="{para_id}" w15:done="1"/></w15:commentsEx>'
    ).encode()
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    assert [m.kind for m in review_marks(FIXTURES / "review_comment.docx")] == ["comment"]
    assert review_marks(path) == ()


def test_every_rule_has_a_chinese_name_in_the_text_output() -> None:
    rules = {case["rule"] for case in CASES.values() if case["rule"]}
    assert rules <= set(RULE_NAMES)
    result = runner.invoke(app, ["check", str(FIXTURES / "tracked_change.docx")])
    assert "严重 [未处理的修订] 第1段：有未接受的修订（李四）" in result.stdout
