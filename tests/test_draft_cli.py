"""`drafter draft` and `drafter scaffold` through the CLI: exit codes, messages, files left behind."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner, Result

from drafter.catalogue import PART1_CATEGORIES, load_indicators
from drafter.cli.app import app
from drafter.datafile import load_data
from drafter.docx import find_controls, iter_body_paragraphs
from drafter.learning import load_skeleton

from helpers import EXAMPLE, SEEDS, reopen

runner = CliRunner()
HAN = re.compile(r"[\u4e00-\u9fff]")


def _one_chinese_error(result: Result, *words: str) -> str:
    """Assert exit 2 with one Chinese line on stderr containing WORDS; return that line."""
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert line.startswith("错误：") and HAN.search(line)
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in line, line
    return line


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _data(tmp_path: Path, text: str, name: str = "数据.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


BAD_DATA = {
    "yaml error": (
        "单位: 示例市人民政府\n年度: 2025\n指标: {矛盾纠纷化解: [1\n",
        ("第4行", "YAML"),
    ),
    "unknown key": (
        "单位: 示例市人民政府\n年度: 2025\n安培: []\n",
        ("第3行", "安培：未知的项目", "安排"),
    ),
    "unknown indicator": (
        "单位: 示例市人民政府\n年度: 2025\n指标:\n  矛盾纠纷化解:\n    行政复议受理数: 5\n",
        ("第5行", "行政复议受理件数"),
    ),
    "not utf-8": (None, ("UTF-8",)),
}


@pytest.mark.parametrize("case", list(BAD_DATA))
def test_bad_data_exits_2_with_one_line_and_no_file(tmp_path: Path, case: str) -> None:
    text, words = BAD_DATA[case]
    data = tmp_path / "数据.yaml"
    if text is None:
        data.write_bytes("单位: 示例市人民政府\n".encode("gbk"))
    else:
        data.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["draft", str(data), "-o", str(tmp_path / "初稿.docx")])
    _one_chinese_error(result, str(data), *words)
    assert _files(tmp_path) == ["数据.yaml"]


def test_missing_data_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["draft", str(tmp_path / "没有.yaml")])
    _one_chinese_error(result, "没有.yaml", "不存在", "drafter scaffold")
    assert _files(tmp_path) == []


def test_a_folder_is_not_an_output_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["draft", str(EXAMPLE), "-o", str(tmp_path)])
    _one_chinese_error(result, "文件夹")
    assert _files(tmp_path) == []


def test_output_must_be_docx(tmp_path: Path) -> None:
    result = runner.invoke(app, ["draft", str(EXAMPLE), "-o", str(tmp_path / "初稿.doc")])
    _one_chinese_error(result, ".docx")
    assert _files(tmp_path) == []


def test_default_output_sits_beside_the_data(tmp_path: Path) -> None:
    data = tmp_path / "示例.yaml"
    shutil.copy(EXAMPLE, data)
    result = runner.invoke(app, ["draft", str(data)])
    assert result.exit_code == 0, result.output
    assert _files(tmp_path) == ["示例.docx", "示例.yaml"]
    assert "已填数字 51 个，待填 0 处" in result.stderr


def test_an_existing_draft_is_kept_without_force_and_replaced_with_it(tmp_path: Path) -> None:
    out = tmp_path / "初稿.docx"
    out.write_bytes(b"edited for days")
    result = runner.invoke(app, ["draft", str(EXAMPLE), "-o", str(out)])
    _one_chinese_error(result, "已存在", "--force")
    assert out.read_bytes() == b"edited for days"

    result = runner.invoke(app, ["draft", str(EXAMPLE), "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert docx.Document(str(out)).core_properties.author == "示例市人民政府"
    assert _files(tmp_path) == ["初稿.docx"]


def test_a_year_before_the_session_table_says_what_to_add_and_writes_nothing(
    tmp_path: Path,
) -> None:
    data = _data(tmp_path, "单位: 示例市人民政府\n年度: 2010\n")
    result = runner.invoke(app, ["draft", str(data), "-o", str(tmp_path / "初稿.docx")])
    _one_chinese_error(result, "当前文件夹的 templates/years.yaml", "2010年早于")
    assert _files(tmp_path) == ["数据.yaml"]  # neither the draft nor a temporary file


def test_a_failed_write_leaves_the_old_draft_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "初稿.docx"
    out.write_bytes(b"old draft")

    def fail(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("drafter.cli.output.os.replace", fail)
    result = runner.invoke(app, ["draft", str(EXAMPLE), "-o", str(out), "--force"])
    _one_chinese_error(result, "无法写入", "Permission denied")
    assert out.read_bytes() == b"old draft"
    assert _files(tmp_path) == ["初稿.docx"]


def test_an_interrupted_render_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(draft: object) -> bytes:
        raise KeyboardInterrupt

    monkeypatch.setattr("drafter.drafting.draft.render_docx", interrupted)
    result = runner.invoke(app, ["draft", str(EXAMPLE), "-o", str(tmp_path / "初稿.docx")])
    assert result.exit_code == 130
    assert "已中断" in result.stderr
    assert _files(tmp_path) == []


# ─── scaffold ───


def test_scaffold_writes_a_file_load_data_accepts_as_is(tmp_path: Path) -> None:
    out = tmp_path / "数据.yaml"
    result = runner.invoke(
        app, ["scaffold", "-o", str(out), "--unit", "测试县人民政府", "--year", "2025"]
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    data = load_data(text, str(out))
    assert (data.unit, data.self_name, data.year) == ("测试县人民政府", "我县", 2025)
    # a county is not offered what only a 设区的市 or province has (政府规章, 地方性法规); a
    # few to fill come first, every other offered indicator is one "# " away
    offered = {k for k, i in load_indicators().items() if i.offered_at("县")}
    assert {"政府规章件数", "地方性法规件数"} & offered == set()
    assert 0 < len(data.figures) <= 15 and set(data.figures) < offered
    for key in offered - set(data.figures):
        assert f"    # {key}:    # " in text, key
    uncommented = re.sub(r"^(\s+)# (\S+:    # )", r"\1\2", text, flags=re.M)
    assert set(load_data(uncommented, str(out)).figures) == offered
    assert all(v.current is None and v.previous is None for v in data.figures.values())
    assert all(p == () for p in data.points.values())
    assert (data.problems, data.plans) == ((), ())
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert len(comments) > len(load_indicators())
    assert all(HAN.search(c) for c in comments)
    assert "# 全年各级行政复议机关受理的行政复议案件数" in text


def test_scaffold_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "数据.yaml"
    out.write_text("单位: 填了一半\n", encoding="utf-8")
    result = runner.invoke(app, ["scaffold", "-o", str(out)])
    _one_chinese_error(result, "已存在", "--force")
    assert out.read_text(encoding="utf-8") == "单位: 填了一半\n"
    result = runner.invoke(app, ["scaffold", "-o", str(out), "--force"])
    assert result.exit_code == 0, result.output
    assert "指标:" in out.read_text(encoding="utf-8")


def test_scaffold_rejects_an_impossible_year(tmp_path: Path) -> None:
    result = runner.invoke(app, ["scaffold", "-o", str(tmp_path / "数据.yaml"), "--year", "25"])
    _one_chinese_error(result, "--year")
    assert _files(tmp_path) == []


def test_scaffold_unit_with_yaml_characters_survives(tmp_path: Path) -> None:
    out = tmp_path / "数据.yaml"
    unit = "示例市: #第一 区"
    result = runner.invoke(app, ["scaffold", "-o", str(out), "--unit", unit, "--year", "2025"])
    assert result.exit_code == 0, result.output
    assert load_data(out.read_text(encoding="utf-8"), str(out)).unit == unit


def test_the_untouched_scaffold_drafts_with_a_placeholder_for_every_listed_indicator(
    tmp_path: Path,
) -> None:
    data, out = tmp_path / "数据.yaml", tmp_path / "初稿.docx"
    assert runner.invoke(app, ["scaffold", "-o", str(data), "--year", "2025"]).exit_code == 0
    result = runner.invoke(app, ["draft", str(data), "-o", str(out)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(out))
    controls = find_controls(document)
    listed = load_data(data.read_text(encoding="utf-8"), str(data)).figures
    assert sorted(c.key for c in controls if c.kind == "todo") == sorted(listed)
    assert [c for c in controls if c.kind == "figure"] == []
    # a short draft to fill in, not a hundred yellow fields
    assert 0 < sum(p.text.count("【待填") for p in document.paragraphs) <= 20
    # the unit, the self-name and the date are left to fill too, in yellow
    title = document.paragraphs[0]
    assert title.text == "【待填：单位名称】关于2025年度法治政府建设情况的报告"
    assert "【待填：成文日期】" in document.paragraphs[-1].text


# Figures in three of the eight part-1 categories seeds 002 and 004 have (and in none they lack).
_LEARNED_ONLY = """\
单位: 示例市人民政府
年度: 2025
成文日期: 2026年3月6日
指标:
  党的领导:
    集体学法次数: 6
  矛盾纠纷化解:
    行政复议受理件数: 1486
  法治宣传:
    普法活动场次: 320
"""


def test_draft_takes_the_sections_and_order_of_the_skeleton_learned_in_this_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Seeds 002 and 004 head eight part-1 categories, in an order of their own and without
    # 严格规范公正文明执法 or 健全突发事件应对体系; the shipped skeleton (all five seeds) has all ten.
    monkeypatch.chdir(tmp_path)
    learned = runner.invoke(
        app,
        ["learn", str(SEEDS / "002_c41a6bf51d27d1a9.txt"), str(SEEDS / "004_b9359028ade3b507.txt")],
    )
    assert learned.exit_code == 0, learned.output
    data = _data(tmp_path, _LEARNED_ONLY)
    result = runner.invoke(app, ["draft", str(data), "-o", "out.docx"])
    assert result.exit_code == 0, result.output
    assert "使用本文件夹中学到的骨架：templates/skeleton.yaml" in result.stderr
    document = reopen((tmp_path / "out.docx").read_bytes())
    headings = [text for style, text in iter_body_paragraphs(document) if style == "Heading 2"]
    # the headings the two reports wrote (each once: the first in order), in the learned order
    skeleton = load_skeleton(tmp_path / "templates" / "skeleton.yaml")
    part1 = [c for c in skeleton.categories if c.id in PART1_CATEGORIES]
    assert len(headings) == len(part1) == 8
    for heading, category in zip(headings, part1, strict=True):
        assert heading.endswith(category.headings[0].text), (heading, category.id)
    # 默认标题 asks for the default names, in the same order
    data.write_text(_LEARNED_ONLY + "默认标题: 是\n", encoding="utf-8")
    result = runner.invoke(app, ["draft", str(data), "-o", "out.docx", "--force"])
    assert result.exit_code == 0, result.output
    document = reopen((tmp_path / "out.docx").read_bytes())
    headings = [text for style, text in iter_body_paragraphs(document) if style == "Heading 2"]
    assert headings == [
        "（一）加强党对法治政府建设的领导",
        "（二）完善依法行政制度体系",
        "（三）推进科学民主依法决策",
        "（四）依法全面履行政府职能",
        "（五）强化行政权力制约和监督",
        "（六）深入推进法治宣传教育",
        "（七）加快推进数字法治政府建设",
        "（八）预防调处化解社会矛盾纠纷",
    ]


@pytest.mark.parametrize("bad", ["folder", "binary"])
def test_a_skeleton_that_is_not_one_is_a_chinese_error(tmp_path: Path, bad: str) -> None:
    skeleton = tmp_path if bad == "folder" else tmp_path / "x.yaml"
    if bad == "binary":
        skeleton.write_bytes(b"\xff\xfe\x00binary")
    result = runner.invoke(
        app, ["draft", str(EXAMPLE), "-o", str(tmp_path / "o.docx"), "--skeleton", str(skeleton)]
    )
    _one_chinese_error(result, "骨架文件", "--skeleton")
    assert not (tmp_path / "o.docx").exists()


def test_a_draft_given_where_the_data_file_goes_is_named_as_such(tmp_path: Path) -> None:
    draft = tmp_path / "初稿.docx"
    assert runner.invoke(app, ["draft", str(EXAMPLE), "-o", str(draft)]).exit_code == 0
    result = runner.invoke(app, ["draft", str(draft), "-o", str(tmp_path / "o.docx")])
    _one_chinese_error(result, "这是 .docx 文件，不是数据表")


def test_scaffold_from_last_years_report_notes_each_values_source_and_what_it_left(
    tmp_path: Path,
) -> None:
    out = tmp_path / "数据.yaml"
    report = SEEDS / "003_90db4c8167dd60b7.txt"
    result = runner.invoke(app, ["scaffold", "--from", str(report), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.strip().startswith("行政复议受理件数:"))
    # the seed: "受理行政复议案件178件（含结转13件）"
    assert line.strip() == "行政复议受理件数: {本年: , 上年: 178}  # 原文：受理行政复议案件178件"
    assert "未能对应到指标" in result.stderr and "未能对应到指标" in text
    data = load_data(text, str(out))  # the comments keep it a valid data file
    assert data.figures["行政复议受理件数"].previous == 178
