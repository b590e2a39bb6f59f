"""Hostile, huge and damaged input read by every command: one Chinese line and exit 2, or read.

Each case is a finding of issue 15: a file that hung, ate memory or gave a traceback before.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import docx
import pytest
import yaml

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.datafile import read_data_file
from drafter.reading import MAX_REPORT_BYTES, parse_report
from drafter.text import XML_ILLEGAL, chinese_numeral, find_figures

from helpers import EXAMPLE, OLD_RECEIVED, ROOT, one_line_error, run
from helpers import SEED_000 as SEED

# --- data files --------------------------------------------------------------------------


def _data(tmp_path: Path, old: str, new: str) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "数据.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        # a figure beyond any report's: named by key and line, not drafted as 1000000000000000万亿
        ("行政复议受理件数: {本年: 1486, 上年: 1000000000000000000000000000000}", "过大"),
        ("行政复议受理件数: {本年: 1.0e+308, 上年: 1399}", "过大"),
        ("行政复议受理件数: {本年: .inf, 上年: 1399}", "过大"),
        ("行政复议受理件数: {本年: .nan, 上年: 1399}", "不是数字"),
        ("行政复议受理件数: {本年: 3万亿, 上年: 1399}", "过大"),
        # 5,000 digits: Python refuses the int; it was reported as a bad 成文日期
        ("行政复议受理件数: {本年: 1486, 上年: " + "9" * 5000 + "}", "数字有5000位"),
    ],
)
def test_implausible_figures_are_refused_by_key_and_line(
    tmp_path: Path, new: str, expected: str
) -> None:
    code, _, err = run(
        "draft", str(_data(tmp_path, OLD_RECEIVED, new)), "-o", str(tmp_path / "a.docx")
    )
    line = one_line_error(err)
    assert code == 2
    assert expected in line and "行政复议受理件数" in line and "第45行" in line
    assert "日期" not in line
    assert not (tmp_path / "a.docx").exists()


def test_minus_zero_is_drafted_as_zero(tmp_path: Path) -> None:
    path = _data(tmp_path, "负责人出庭应诉率: 100", "负责人出庭应诉率: -0.0")
    value = read_data_file(path).figures["负责人出庭应诉率"].current
    assert value == 0 and str(value) == "0.0"
    code, _, err = run("draft", str(path), "-o", str(tmp_path / "a.docx"))
    assert code == 0, err
    xml = zipfile.ZipFile(tmp_path / "a.docx").read("word/document.xml").decode()
    assert "-0%" not in xml


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    # 377 bytes that expand to 9^9 strings: the message quoting 年度's value never ended
    parts = ["&a [x, x, x, x, x, x, x, x, x]"] + [
        f"&{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]" for i in range(8)
    ]
    path = tmp_path / "数据.yaml"
    path.write_text(f"单位: 示例市人民政府\n年度: [{', '.join(parts)}]\n", encoding="utf-8")
    code, _, err = run("draft", str(path), "-o", str(tmp_path / "a.docx"))
    line = one_line_error(err)
    assert code == 2 and "& 锚点" in line and "第2行" in line and "年度" in line


def test_a_key_with_a_line_break_is_quoted_on_one_line(tmp_path: Path) -> None:
    path = _data(tmp_path, "  党的领导:\n", '  党的领导:\n    "集体\\n学法": 5\n')
    code, _, err = run("draft", str(path), "-o", str(tmp_path / "a.docx"))
    line = one_line_error(err)
    assert code == 2 and "集体\\n学法" in line


@pytest.mark.parametrize("items", [100, 130])
def test_more_than_99_problems_and_plans_are_numbered(tmp_path: Path, items: int) -> None:
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["不足"] = [f"第{i}个问题需要解决。" for i in range(1, items + 1)]
    data["安排"] = [f"第{i}项安排。" for i in range(1, items + 1)]
    path = tmp_path / "数据.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    code, _, err = run("draft", str(path), "-o", str(tmp_path / "a.docx"))
    assert code == 0, err
    xml = zipfile.ZipFile(tmp_path / "a.docx").read("word/document.xml").decode()
    assert f"{chinese_numeral(items)}是第{items}项安排。" in xml
    assert "一百是第100个问题需要解决。" in xml


def test_a_unit_longer_than_the_package_properties_hold(tmp_path: Path) -> None:
    unit = "很长的名称" * 60 + "人民政府"  # 304 characters; the title property holds 255
    path = _data(tmp_path, "单位: 示例市人民政府", f"单位: {unit}")
    code, _, err = run("draft", str(path), "-o", str(tmp_path / "a.docx"))
    assert code == 0, err
    xml = zipfile.ZipFile(tmp_path / "a.docx").read("word/document.xml").decode()
    assert unit in xml  # the document itself keeps the whole name


@pytest.mark.parametrize("unit", ["0x1F", "null", "yes", "1_000", "~"])
def test_scaffold_unit_stays_text(tmp_path: Path, unit: str) -> None:
    out = tmp_path / "数据.yaml"
    code, _, err = run("scaffold", "--unit", unit, "--year", "2025", "-o", str(out))
    assert code == 0, err
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["单位"] == unit


# --- report files ------------------------------------------------------------------------


def test_a_report_over_the_size_bound_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "报告.txt"
    text = SEED.read_text(encoding="utf-8")
    path.write_text(text * (MAX_REPORT_BYTES // len(text.encode()) + 1), encoding="utf-8")
    code, _, err = run("outline", str(path))
    assert code == 2 and "超过 20 MB" in one_line_error(err)


def test_a_docx_whose_text_is_over_the_size_bound_is_refused(tmp_path: Path) -> None:
    # the issue's .docx with a 50 MB document.xml took 195 s and 9.6 GB; its file is far smaller
    path = tmp_path / "报告.docx"
    text = SEED.read_text(encoding="utf-8").replace("\n", "")
    document = docx.Document()
    for _ in range(MAX_REPORT_BYTES // len(text.encode()) + 1):
        document.add_paragraph(text)
    document.save(str(path))
    assert path.stat().st_size < MAX_REPORT_BYTES
    code, _, err = run("outline", str(path))
    assert code == 2 and "报告的文字超过 20 MB" in one_line_error(err)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    pipe = tmp_path / "报告.txt"
    os.mkfifo(pipe)
    code, _, err = run("outline", str(pipe))
    assert code == 2 and "不是普通文件" in one_line_error(err)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_a_truncated_utf16_text_is_read(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "报告.txt"
    path.write_bytes(SEED.read_text(encoding="utf-8").encode(encoding)[:-1])
    full = tmp_path / "完整.txt"
    full.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    titles = [s.title for s in parse_report(path).sections]
    assert len(titles) == 10 and titles == [s.title for s in parse_report(full).sections]


def test_control_characters_never_enter_an_outline_or_a_skeleton(tmp_path: Path) -> None:
    # what .doc and PDF converters leave: BEL, vertical tab, form feed, NUL, U+FFFF
    text = SEED.read_text(encoding="utf-8")
    dirty = (
        text.replace("。", "。\x07", 5).replace("，", "\x0b，", 5).replace("、", "\x0c、\ufffe", 3)
    )
    folder = tmp_path / "往年"
    folder.mkdir()
    (folder / "报告.txt").write_text(dirty, encoding="utf-8")
    outline = parse_report(folder / "报告.txt")
    texts = [outline.title or "", outline.opening or ""]
    texts += [t for s in outline.walk() for t in (s.title, *s.paragraphs)]
    assert not any(XML_ILLEGAL.search(t) for t in texts)
    skeleton = tmp_path / "templates" / "skeleton.yaml"
    code, _, err = run("learn", str(folder), "-o", str(skeleton))
    assert code == 0, err
    assert not XML_ILLEGAL.search(str(yaml.safe_load(skeleton.read_text(encoding="utf-8"))))
    code, _, err = run(
        "draft", str(EXAMPLE), "--skeleton", str(skeleton), "-o", str(tmp_path / "a.docx")
    )
    assert code == 0, err


def _learned_skeleton(tmp_path: Path) -> Path:
    skeleton = tmp_path / "templates" / "skeleton.yaml"
    code, _, err = run("learn", str(ROOT / "seeds"), "-o", str(skeleton))
    assert code == 0, err
    return skeleton


def test_a_skeleton_with_control_characters_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    skeleton = _learned_skeleton(tmp_path)
    raw = yaml.safe_load(skeleton.read_text(encoding="utf-8"))
    raw["categories"][0]["name"] += "\x07"
    skeleton.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # ./templates/skeleton.yaml is used without being named
    code, _, err = run("draft", str(EXAMPLE), "-o", str(tmp_path / "a.docx"))
    line = one_line_error(err)
    assert code == 2 and "U+0007" in line and "skeleton.yaml" in line


def test_a_skeleton_with_aliases_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    skeleton = _learned_skeleton(tmp_path)
    text = skeleton.read_text(encoding="utf-8")
    skeleton.write_text(text + "extra: &a [x, x]\nmore: [*a, *a]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run("draft", str(EXAMPLE), "-o", str(tmp_path / "a.docx"))
    line = one_line_error(err)
    assert code == 2 and "& 锚点" in line and "skeleton.yaml" in line


def test_items_beyond_99_in_a_report(tmp_path: Path) -> None:
    items = "".join(f"{chinese_numeral(i)}是加强第{i}项工作。" for i in range(1, 121))
    path = tmp_path / "报告.txt"
    path.write_text(
        f"某市2024年法治政府建设工作报告\n一、主要举措和成效\n（一）加强领导。{items}\n",
        encoding="utf-8",
    )
    leading = parse_report(path).sections[0].children[0]
    assert [c.number for c in leading.children][98:] == [
        f"{chinese_numeral(i)}是" for i in range(99, 121)
    ]


# --- figures in report text --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("受理案件1399件。", [1399.0]),
        ("受理案件" + "9" * 400 + "件。", []),  # was inf: "Infinity" in extract --json
        ("受理案件" + "9" * 300 + "件。", []),  # finite, but no report's figure
        ("资金3.84亿元，另有9999999亿元。", [384_000_000.0]),
    ],
)
def test_implausible_numbers_are_no_figures(text: str, values: list[float]) -> None:
    assert [f.value for f in find_figures(text)] == values


def test_a_huge_figure_in_last_years_report(tmp_path: Path) -> None:
    path = tmp_path / "去年报告.txt"
    text = SEED.read_text(encoding="utf-8").replace("受理案件1399件", "受理案件" + "9" * 400 + "件")
    path.write_text(text, encoding="utf-8")
    code, out, err = run("extract", "--json", str(path))
    assert code == 0, err
    assert "Infinity" not in out and json.loads(out)[0]["figures"]
    code, _, err = run(
        "scaffold", "--from", str(path), "--year", "2025", "-o", str(tmp_path / "数据.yaml")
    )
    assert code == 0, err


def test_extract_json_quotes_an_excerpt_of_a_sentence_without_end(tmp_path: Path) -> None:
    # a web copy without 。: one sentence of 40,000 characters, once per figure before
    body = "".join(line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()[1:])
    path = tmp_path / "报告.txt"
    path.write_text(
        "某市2024年法治政府建设工作报告\n" + body.replace("。", "，") * 5, encoding="utf-8"
    )
    code, out, err = run("extract", "--json", str(path))
    assert code == 0, err
    figures = json.loads(out)[0]["figures"]
    assert len(figures) > 100
    assert all(len(f["sentence"]) <= 200 and f["text"] in f["sentence"] for f in figures)
