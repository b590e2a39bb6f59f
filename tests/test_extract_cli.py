"""`drafter extract`: the --json shape, the -o data file, and bad input refused with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.catalogue import load_categories, load_indicators
from drafter.cli.app import app
from drafter.datafile import load_data

from conftest import SEEDS

SEED = SEEDS / "000_b1cc889bd410f338.txt"
FIGURE_KEYS = {"value", "text", "unit", "approx", "kind", "category", "indicator", "sentence"}
KINDS = {"count", "percent", "money", "rank", "change"}

runner = CliRunner()


def _json_of(*paths: Path) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["extract", *map(str, paths), "--json"])
    assert result.exit_code == 0, result.output
    data: list[dict[str, Any]] = json.loads(result.stdout)
    return data


def test_json_has_exactly_the_documented_shape() -> None:
    (report,) = _json_of(SEED)
    assert set(report) == {"file", "year", "figures"}
    assert report["file"] == str(SEED)
    assert report["year"] == 2024
    assert report["figures"]
    for fig in report["figures"]:
        assert set(fig) == FIGURE_KEYS
        assert isinstance(fig["value"], int | float) and not isinstance(fig["value"], bool)
        assert isinstance(fig["text"], str) and fig["text"] in fig["sentence"]
        assert fig["unit"] is None or isinstance(fig["unit"], str)
        assert isinstance(fig["approx"], bool)
        assert fig["kind"] in KINDS
        assert isinstance(fig["category"], str)
        assert fig["indicator"] is None or fig["indicator"] in load_indicators()


def test_json_prints_integral_values_as_integers_and_keeps_chinese() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--json"])
    assert '"value": 28000,' in result.stdout  # 2.8万余人次
    assert '"value": 12.81,' in result.stdout
    assert ".0," not in result.stdout
    assert "受理案件1399件" in result.stdout  # ensure_ascii=False


def test_json_has_one_object_per_file() -> None:
    other = SEEDS / "001_bc27b33d59f37cf0.txt"
    reports = _json_of(SEED, other)
    assert [r["file"] for r in reports] == [str(SEED), str(other)]


def test_json_gives_each_figure_its_section_category() -> None:
    (report,) = _json_of(SEED)
    by_text = {f["text"]: f for f in report["figures"]}
    assert by_text["1399件"]["category"] == "disputes"
    assert by_text["同比增加163%"]["kind"] == "change"
    assert by_text["第1位"]["kind"] == "rank"
    assert by_text["3.84亿元"] == {**by_text["3.84亿元"], "value": 384000000, "unit": "元"}


def test_output_file_holds_matched_values_as_last_year_under_their_category(
    tmp_path: Path,
) -> None:
    out = tmp_path / "figures.yaml"
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# ") and SEED.name in text.splitlines()[0]
    data = yaml.safe_load(text)
    assert data["年度"] == 2025
    (report,) = _json_of(SEED)
    matched = [f for f in report["figures"] if f["indicator"]]
    assert matched
    indicators = load_indicators()
    categories = load_categories()
    seen: set[str] = set()
    for fig in matched:
        key = fig["indicator"]
        short = categories[indicators[key].category].short
        if key not in seen:  # the first figure matching an indicator is the one kept
            assert data["指标"][short][key] == {"上年": fig["value"]}
            seen.add(key)
    assert sum(len(group) for group in data["指标"].values()) == len(seen)


def test_output_file_is_a_valid_data_file_for_draft(tmp_path: Path) -> None:
    out = tmp_path / "figures.yaml"
    runner.invoke(app, ["extract", str(SEED), "-o", str(out)])
    year_data = load_data(out.read_text(encoding="utf-8"), str(out))
    assert year_data.year == 2025
    assert year_data.figures
    assert all(v.previous is not None and v.current is None for v in year_data.figures.values())


def test_output_file_is_not_overwritten_without_force(tmp_path: Path) -> None:
    out = tmp_path / "figures.yaml"
    out.write_text("old", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(out)])
    assert result.exit_code == 2
    assert "已存在" in result.stderr and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "old"
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(out), "--force"])
    assert result.exit_code == 0
    assert "指标" in yaml.safe_load(out.read_text(encoding="utf-8"))


def test_table_is_the_default_output() -> None:
    result = runner.invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0
    assert "1399件" in result.stdout and "矛盾纠纷化解" in result.stdout
    assert "找到数字" in result.stderr


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("missing.txt", "不存在"),
        ("report.pdf", "无法读取这个 PDF"),
        ("report.xlsx", "不支持 .xlsx"),
        ("empty.txt", "空的"),
    ],
)
def test_bad_input_exits_2_with_a_chinese_message_and_writes_nothing(
    tmp_path: Path, name: str, message: str
) -> None:
    if name != "missing.txt":
        (tmp_path / name).write_bytes(b"" if name == "empty.txt" else b"%PDF-1.4")
    out = tmp_path / "figures.yaml"
    result = runner.invoke(app, ["extract", str(tmp_path / name), "-o", str(out), "--json"])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：") and message in result.stderr
    assert result.stdout == ""
    assert not out.exists()


def test_one_bad_file_among_several_stops_before_any_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), str(tmp_path / "missing.txt"), "--json"])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_output_file_takes_a_single_report(tmp_path: Path) -> None:
    out = tmp_path / "figures.yaml"
    other = SEEDS / "001_bc27b33d59f37cf0.txt"
    result = runner.invoke(app, ["extract", str(SEED), str(other), "-o", str(out)])
    assert result.exit_code == 2
    assert "只能给一篇报告" in result.stderr
    assert not out.exists()


def test_docx_report_gives_the_same_figures_as_its_text(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for line in SEED.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(str(path))
    (as_docx,) = _json_of(path)
    (as_text,) = _json_of(SEED)
    assert as_docx["year"] == as_text["year"]
    assert as_docx["figures"] == as_text["figures"]


def test_round_trip_extract_then_draft_writes_last_year_and_the_change(tmp_path: Path) -> None:
    from docx import Document

    from drafter.docx import paragraph_text

    data_file = tmp_path / "data.yaml"
    assert runner.invoke(app, ["extract", str(SEED), "-o", str(data_file)]).exit_code == 0
    (report,) = _json_of(SEED)
    (fig,) = [f for f in report["figures"] if f["text"] == "1399件"]
    key = fig["indicator"]
    assert key is not None
    text = data_file.read_text(encoding="utf-8")
    # the writer fills in this year's value under last year's
    text = text.replace("      上年: 1399\n", "      上年: 1399\n      本年: 1486\n", 1)
    data_file.write_text(text, encoding="utf-8")
    out = tmp_path / "draft.docx"
    result = runner.invoke(app, ["draft", str(data_file), "-o", str(out)])
    assert result.exit_code == 0, result.output
    body = "".join(paragraph_text(p._p) for p in Document(str(out)).paragraphs)
    assert "1486件，较上年增长6.2%" in body  # (1486 - 1399) / 1399
