"""`drafter check` on the command line: exit codes, the text and JSON output, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from drafter.cli.app import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, app

from conftest import EXAMPLES

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "check"
FINDING_KEYS = {"rule", "severity", "section", "paragraph", "message", "excerpt"}
runner = CliRunner()


def test_cli_clean_draft_exits_0() -> None:
    result = runner.invoke(app, ["check", str(FIXTURES / "clean.txt")])
    assert result.exit_code == EXIT_OK, result.output
    assert "未发现问题" in result.stdout


def test_cli_findings_exit_1_grouped_by_section_with_a_summary() -> None:
    result = runner.invoke(app, ["check", str(FIXTURES / "placeholder.txt")])
    assert result.exit_code == EXIT_FINDINGS
    assert "■ （四）预防调处化解社会矛盾纠纷" in result.stdout
    assert "严重 [未填占位符] 第1段" in result.stdout
    assert "共发现 1 处问题：严重 1 处，提示 0 处。" in result.stdout


def test_cli_against_finds_the_copied_paragraph() -> None:
    args = ["check", str(FIXTURES / "copied.txt"), "--against", str(FIXTURES / "last_year.txt")]
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_FINDINGS
    assert "提示 [照搬上年] 第2段" in result.stdout


def test_cli_json_is_exactly_an_array_of_findings() -> None:
    result = runner.invoke(app, ["check", str(FIXTURES / "change_mismatch.txt"), "--json"])
    assert result.exit_code == EXIT_FINDINGS
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 1
    (item,) = data
    assert set(item) == FINDING_KEYS
    assert item["rule"] == "change-mismatch" and item["severity"] == "error"
    assert item["section"] == "（四）预防调处化解社会矛盾纠纷" and item["paragraph"] == 1
    assert isinstance(item["message"], str) and isinstance(item["excerpt"], str)
    assert "同比增长30%" in result.stdout  # ensure_ascii=False: Chinese kept as is


def test_cli_json_of_a_clean_draft_is_an_empty_array() -> None:
    result = runner.invoke(app, ["check", str(FIXTURES / "clean.txt"), "--json"])
    assert result.exit_code == EXIT_OK
    assert json.loads(result.stdout) == []


def test_cli_year_option() -> None:
    result = runner.invoke(app, ["check", str(FIXTURES / "clean.txt"), "--year", "2025", "--json"])
    assert result.exit_code == EXIT_FINDINGS
    assert "wrong-plenary" in {f["rule"] for f in json.loads(result.stdout)}


def test_cli_year_beyond_the_table_says_which_file_to_extend() -> None:
    result = runner.invoke(app, ["check", str(FIXTURES / "clean.txt"), "--year", "2030"])
    assert "当前文件夹的 templates/years.yaml" in result.stderr
    assert "未检查报告是否漏引2026年至2030年召开的全会" in result.stderr
    assert result.exit_code == EXIT_FINDINGS  # the years are still checked: 2024 is stale in 2030


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("missing.txt", None, "不存在"),
        ("report.pdf", b"%PDF-1.4", "无法读取这个 PDF"),
        ("report.xlsx", b"PK\x03\x04", "不支持 .xlsx"),
        ("corrupt.docx", b"PK\x03\x04 not really a zip", "docx"),
        ("empty.txt", b"", "空的"),
    ],
)
def test_cli_unreadable_input_exits_2_with_a_chinese_message(
    tmp_path: Path, name: str, content: bytes | None, message: str
) -> None:
    if content is not None:
        (tmp_path / name).write_bytes(content)
    result = runner.invoke(app, ["check", str(tmp_path / name)])
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr.startswith("错误：") and message in result.stderr
    assert result.stdout == ""


def test_cli_unreadable_against_file_exits_2(tmp_path: Path) -> None:
    args = ["check", str(FIXTURES / "clean.txt"), "--against", str(tmp_path / "last.pdf")]
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_BAD_INPUT
    assert result.stderr.startswith("错误：")


def test_check_of_a_complete_draft_made_by_draft_finds_nothing(tmp_path: Path) -> None:
    data = EXAMPLES / "示例市2025年度数据.yaml"
    out = tmp_path / "draft.docx"
    made = runner.invoke(app, ["draft", str(data), "-o", str(out)])
    assert made.exit_code == EXIT_OK, made.output
    result = runner.invoke(app, ["check", str(out), "--json"])
    assert json.loads(result.stdout) == []
    assert result.exit_code == EXIT_OK


@pytest.mark.parametrize(
    ("year", "said"),
    [
        ("2010", "年度表从2017年记起，未检查2010年度报告的全会提法"),
        ("2030", "如没有召开，在该文件中写一行“覆盖至: 2030”"),
    ],
)
def test_a_year_outside_the_table_is_explained(year: str, said: str) -> None:
    result = runner.invoke(app, ["check", str(FIXTURES / "clean.txt"), "--year", year])
    assert said in result.stderr


def test_cli_data_option_checks_the_draft_against_the_data_file() -> None:
    args = ["check", str(FIXTURES / "clean.txt"), "--data"]
    ok = runner.invoke(app, [*args, str(FIXTURES / "clean_data.yaml")])
    assert ok.exit_code == EXIT_OK, ok.output
    bad = runner.invoke(app, [*args, str(FIXTURES / "data_mismatch.yaml"), "--json"])
    assert bad.exit_code == EXIT_FINDINGS
    assert [f["rule"] for f in json.loads(bad.stdout)] == ["data-mismatch"]


def test_the_example_draft_agrees_with_its_data_file(tmp_path: Path) -> None:
    data = EXAMPLES / "示例市2025年度数据.yaml"
    out = tmp_path / "draft.docx"
    assert runner.invoke(app, ["draft", str(data), "-o", str(out)]).exit_code == EXIT_OK
    result = runner.invoke(app, ["check", str(out), "--data", str(data), "--json"])
    assert json.loads(result.stdout) == []
    assert result.exit_code == EXIT_OK
