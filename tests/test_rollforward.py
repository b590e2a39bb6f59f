"""`draft DATA --base LAST_REPORT`: last year's report rolled forward to this year's draft."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from docx.oxml.ns import qn
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.catalogue import citation_for
from drafter.cli.app import app
from drafter.docx import find_controls
from drafter.text import find_figures

from conftest import SEEDS

SEED_000 = SEEDS / "000_b1cc889bd410f338.txt"  # 许昌市政府, 2024
SEED_002 = SEEDS / "002_c41a6bf51d27d1a9.txt"  # 新余市行政审批局, 2024, traditional script
runner = CliRunner()
_MARK = re.compile(r"【待核：[^】]*】")


def _data_file(base: Path, tmp_path: Path, values: dict[str, Any], left: set[str]) -> Path:
    """Return a 2025 data file from `drafter extract -o` of BASE with this year's values added.

    VALUES gives some indicators' 本年; every other one gets 上年 + 1 (a rate stays), except
    the LEFT ones, which get no 本年.
    """
    out = tmp_path / "数据.yaml"
    result = runner.invoke(app, ["extract", str(base), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    for group in data["指标"].values():
        for key, value in group.items():
            if key in left:
                continue
            value["本年"] = values.get(key, value["上年"] + (0 if "率" in key else 1))
    data["指标"].setdefault("行政执法", {})["行政处罚案件数"] = {"本年": 812}
    data["成文日期"] = "2026年2月10日"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def _roll(data: Path, base: Path, tmp_path: Path) -> tuple[Path, str]:
    out = tmp_path / "初稿.docx"
    result = runner.invoke(app, ["draft", str(data), "--base", str(base), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, result.output


def _comment_ranges(path: Path) -> list[tuple[str, str]]:
    """Return (comment text, text it is anchored on) for every comment of the .docx."""
    document = docx.Document(str(path))
    notes = {c.comment_id: "".join(p.text for p in c.paragraphs) for c in document.comments}
    open_: dict[int, list[str]] = {}
    out = []
    for el in document.element.body.iter():
        if el.tag == qn("w:commentRangeStart"):
            open_[int(el.get(qn("w:id")))] = []
        elif el.tag == qn("w:commentRangeEnd"):
            cid = int(el.get(qn("w:id")))
            out.append((notes[cid], "".join(open_.pop(cid))))
        elif el.tag == qn("w:t"):
            for texts in open_.values():
                texts.append(el.text or "")
    return out


def _text(paragraph: Any) -> str:
    """Return the paragraph's text, content controls included (python-docx skips them)."""
    return "".join(t.text or "" for t in paragraph._p.iter(qn("w:t")))


def _paragraphs(path: Path) -> list[str]:
    return [t for t in map(_text, docx.Document(str(path)).paragraphs) if t]


def _outside_controls(path: Path) -> str:
    """Return the body text without the text of drafter's controls and 【待核】 marks."""
    document = docx.Document(str(path))
    for control in find_controls(document):
        for t in control.element.iter(qn("w:t")):
            t.text = ""
    return _MARK.sub("", "\n".join(map(_text, document.paragraphs)))


@pytest.fixture
def rolled_000(tmp_path: Path) -> tuple[Path, Path, str]:
    values = {"行政复议受理件数": 1486, "集体学法次数": 7, "审计整改问题资金": 4.12e8}
    data = _data_file(SEED_000, tmp_path, values, left={"法治培训场次", "调解成功率"})
    out, output = _roll(data, SEED_000, tmp_path)
    return data, out, output


def test_seed_000_figures_carry_this_years_values(rolled_000: tuple[Path, Path, str]) -> None:
    _, out, _ = rolled_000
    text = "\n".join(_paragraphs(out))
    # the sentence's 同比 phrase recomputed from the data file: 1486 / 1399 = +6.2%
    assert "全市各级行政复议机关受理案件1486件、较上年增长6.2%，" in text
    assert "年内市政府常务会议集体学法7次" in text
    assert "促进整改落实问题资金4.12亿元" in text
    controls = {c.tag: c.text for c in find_controls(docx.Document(str(out)))}
    assert controls["drafter:行政复议受理件数"] == "1486件"
    assert controls["drafter:行政复议受理件数:change"] == "较上年增长6.2%"
    # no 本年 yet: last year's figure marked, in a control refresh fills
    assert controls["drafter-todo:法治培训场次"] == "【待核：200余场次】"
    assert controls["drafter-todo:调解成功率"] == "【待核：97.6%】"
    # tied to no indicator: marked, no control
    assert "办结率【待核：90.6%】，居全省【待核：第1位】" in text


def test_seed_000_no_old_figure_survives_unmarked(rolled_000: tuple[Path, Path, str]) -> None:
    _, out, _ = rolled_000
    left = [f.text for line in _outside_controls(out).split("\n") for f in find_figures(line)]
    assert left == []


def test_seed_000_years_moved_or_flagged(rolled_000: tuple[Path, Path, str]) -> None:
    _, out, _ = rolled_000
    paragraphs = _paragraphs(out)
    assert paragraphs[0] == "许昌市政府关于2025年度法治政府建设情况的报告"
    assert paragraphs[1].startswith("2025年，在市委的正确领导下")
    assert f"全面贯彻落实{citation_for(2025).text}精神" in paragraphs[1]
    assert "党的二十大和二十届二中、三中、四中全会" in paragraphs[1]
    assert "九、2025年度推进法治政府建设存在的不足和原因" in paragraphs
    assert "十、2026年度推进法治政府建设的主要安排" in paragraphs
    assert any(p.startswith("2026年，我们将继续深入贯彻") for p in paragraphs)
    assert "在2022—2023年度全省营商环境评价中" in "".join(paragraphs)  # history stays
    flagged = [anchor for note, anchor in _comment_ranges(out) if note.startswith("上年的")]
    whole = "".join(paragraphs)
    assert whole.count("2024") == len(flagged) == 6
    assert all("2024" in anchor for anchor in flagged)


def test_seed_000_summary_and_comments(rolled_000: tuple[Path, Path, str]) -> None:
    _, out, output = rolled_000
    # kept: the opening, the eight sections' paragraphs, the 不足 and the 安排 paragraph;
    # flags: those 11, the 2 headings added for 不足/安排, 6 mentions of 2024 in the body
    assert "沿用上年段落 11 段，批注 19 处" in output
    # 66 figures, 47 matched to an indicator: 18 unmatched (the 19th is the 同比 phrase; one is
    # "办理法律援助、公证、仲裁案件1.9万余件", a count of three kinds) and the 2 with no 本年
    assert "已填本年数字 45 个，待核上年数字 20 处" in output
    assert "公证、仲裁案件【待核：1.9万余件】" in "".join(_paragraphs(out))
    assert "另有 1 项本年数字在去年报告中没有对应的位置" in output
    assert "行政处罚案件数" in output
    notes = [note for note, _ in _comment_ranges(out)]
    assert notes.count("沿用上年表述，请按本年情况改写。") == 8
    assert "沿用上年的不足和原因，请按本年情况改写。" in notes
    assert "沿用上年的工作安排，请改写为2026年度的安排。" in notes


def test_check_against_the_seed_reports_the_copies(rolled_000: tuple[Path, Path, str]) -> None:
    _, out, _ = rolled_000
    result = runner.invoke(app, ["check", str(out), "--against", str(SEED_000), "--json"])
    assert result.exit_code == 1
    findings = yaml.safe_load(result.output[result.output.index("[") :])
    copied = [f["section"] for f in findings if f["rule"] == "copied-from-last-year"]
    # every section but 六 (its 同比 now reads 增长, not 增加) and the opening (四中全会 added)
    assert len(copied) == 9
    assert "六、健全社会矛盾纠纷预防调处化解体系" not in copied
    marks = [f for f in findings if f["rule"] == "placeholder"]
    assert len(marks) == 20


def test_refresh_fills_a_figure_still_to_confirm(
    rolled_000: tuple[Path, Path, str], tmp_path: Path
) -> None:
    data, out, _ = rolled_000
    text = data.read_text(encoding="utf-8")
    raw = yaml.safe_load(text)
    raw["指标"]["党的领导"]["法治培训场次"]["本年"] = 230
    data.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    refreshed = tmp_path / "更新.docx"
    result = runner.invoke(app, ["refresh", str(out), str(data), "-o", str(refreshed)])
    assert result.exit_code == 0, result.output
    assert "辅导讲座230场次，培训人员" in "".join(_paragraphs(refreshed))


def test_seed_002_traditional_rolls_forward(tmp_path: Path) -> None:
    data = _data_file(SEED_002, tmp_path, {}, left=set())
    out, output = _roll(data, SEED_002, tmp_path)
    paragraphs = _paragraphs(out)
    assert paragraphs[0] == "新余市行政审批局关于2025年度法治政府建设情况的报告"
    assert "一、2025年度推进法治政府建设的主要举措和成效" in paragraphs
    assert (
        "三、2025年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
        in paragraphs
    )
    assert "四、2026年度推进法治政府建设的主要安排" in paragraphs
    opening = paragraphs[1]
    # the base cites no session: this year's citation goes in after 习近平法治思想
    assert opening.startswith("2025年，市行政审批局以习近平新时代中国特色社会主义思想为指导")
    assert f"考察江西重要讲话精神，全面贯彻落实{citation_for(2025).text}精神，聚焦" in opening
    assert opening.endswith("现将2025年度法治政府建设工作总结报告如下：")
    # 开展习近平法治思想学习宣传活动2次 → 3场次 (上年 + 1, in the indicator's unit)
    assert "开展习近平法治思想学习宣传活动3场次" in "".join(paragraphs)
    assert "《新余市行政许可事项清单（2023年版）》" in "".join(paragraphs)  # history stays
    left = [f.text for line in _outside_controls(out).split("\n") for f in find_figures(line)]
    assert left == []
    flagged = [a for note, a in _comment_ranges(out) if note.startswith(("上年的", "含上年"))]
    assert "".join(paragraphs).count("2024") == len(flagged) == 6
    assert re.search(r"沿用上年段落 \d+ 段，批注 \d+ 处", output)


def test_wrong_year_base_is_refused_naming_both_years(tmp_path: Path) -> None:
    data = _data_file(SEED_000, tmp_path, {}, left=set())
    data.write_text(data.read_text(encoding="utf-8").replace("年度: 2025", "年度: 2026"), "utf-8")
    out = tmp_path / "初稿.docx"
    result = runner.invoke(app, ["draft", str(data), "--base", str(SEED_000), "-o", str(out)])
    assert result.exit_code == 2
    assert "这是2024年度的报告，数据表却是2026年度的" in result.output
    assert "2025年度" in result.output
    assert not out.exists()


def test_base_without_outline_is_refused(tmp_path: Path) -> None:
    base = tmp_path / "去年.txt"
    base.write_text("2024年，我们做了很多工作，取得了成效。\n今后继续努力。\n", encoding="utf-8")
    data = _data_file(SEED_000, tmp_path, {}, left=set())
    result = runner.invoke(app, ["draft", str(data), "--base", str(base)])
    assert result.exit_code == 2
    assert "没有从这份2024年度报告中认出" in result.output
    assert "无法据此起草2025年度初稿" in result.output


def test_docx_base_with_heading_styles(tmp_path: Path) -> None:
    base = tmp_path / "2024年度报告.docx"
    document = docx.Document()
    document.add_paragraph("示例县人民政府关于2024年度法治政府建设情况的报告", style="Title")
    document.add_paragraph(
        "2024年，我县坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党的二十大和"
        "二十届二中、三中全会精神，扎实推进法治政府建设。现将有关情况报告如下。"
    )
    document.add_heading("一、2024年度推进法治政府建设的主要举措和成效", level=1)
    document.add_heading("（一）健全矛盾纠纷化解体系", level=2)
    document.add_paragraph(
        "全县各级行政复议机关受理案件210件、同比增长5%，2024年3月召开全县调解工作会议，"
        "自2019年以来持续推进“枫桥经验”。"
    )
    document.add_heading("二、2024年度推进法治政府建设存在的不足和原因", level=1)
    document.add_paragraph("法治宣传的方式还不够多样，基层执法力量仍显不足。")
    document.add_heading("三、2025年度推进法治政府建设的主要安排", level=1)
    document.add_paragraph("2025年，我县将持续深化行政执法体制改革，提升执法规范化水平。")
    document.save(str(base))
    data = tmp_path / "数据.yaml"
    data.write_text(
        "单位: 示例县人民政府\n年度: 2025\n指标:\n  矛盾纠纷化解:\n"
        "    行政复议受理件数: {本年: 231, 上年: 210}\n",
        encoding="utf-8",
    )
    out, output = _roll(data, base, tmp_path)
    paragraphs = _paragraphs(out)
    assert paragraphs[0] == "示例县人民政府关于2025年度法治政府建设情况的报告"
    assert "全面贯彻落实党的二十大和二十届二中、三中、四中全会精神" in paragraphs[1]
    assert paragraphs[2:4] == [
        "一、2025年度推进法治政府建设的主要举措和成效",
        "（一）健全矛盾纠纷化解体系",
    ]
    assert paragraphs[4].startswith(
        "全县各级行政复议机关受理案件231件、较上年增长10%，2024年3月召开"
    )
    assert "自2019年以来" in paragraphs[4]
    assert "三、2026年度推进法治政府建设的主要安排" in paragraphs
    assert "2026年，我县将持续深化行政执法体制改革，提升执法规范化水平。" in paragraphs
    styles = {_text(p): p.style.name for p in docx.Document(str(out)).paragraphs}
    assert styles["（一）健全矛盾纠纷化解体系"] == "Heading 2"
    notes = dict(_comment_ranges(out))
    assert notes["上年的日期，请按本年情况改写或删除。"] == "2024年3月"
    # kept: opening, the 举措 paragraph, the 不足, the 安排; flags: those and the date
    assert (
        "沿用上年段落 4 段，批注 5 处（请逐条改写）；已填本年数字 1 个，待核上年数字 0 处" in output
    )
