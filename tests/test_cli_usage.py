"""Usage mistakes are answered in one Chinese line; commands load only what they need."""

from __future__ import annotations

import subprocess
import sys

import pytest
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app

from conftest import ROOT

MISTAKES = [
    (
        ["drat", "数据.yaml"],
        "错误：没有命令“drat”，您要的是不是 draft？用 drafter -h 查看帮助。",
    ),
    (["draft"], "错误：缺少参数“数据表”。用 drafter draft -h 查看帮助。"),
    (
        ["draft", "数据.yaml", "--forse"],
        "错误：没有选项 --forse，您要的是不是 --force？用 drafter draft -h 查看帮助。",
    ),
    (
        ["check", "初稿.docx", "--year", "二〇二五"],
        "错误：--year 的值不对：“二〇二五”不是整数，请写阿拉伯数字，如 2025。"
        "用 drafter check -h 查看帮助。",
    ),
    (
        ["check", "初稿.docx", "--year", "25"],
        "错误：--year 的值不对：25 不在 1990 至 2100 之间。用 drafter check -h 查看帮助。",
    ),
    (["draft", "数据.yaml", "-o"], "错误：选项 -o 后面要写一个值。用 drafter draft -h 查看帮助。"),
    (
        ["draft", "我的", "数据.yaml"],
        "错误：多写了：数据.yaml。请检查命令，文件名中有空格时请加引号。"
        "用 drafter draft -h 查看帮助。",
    ),
    (
        ["--verbose"],
        "错误：没有选项 --verbose，您要的是不是 --version？用 drafter -h 查看帮助。",
    ),
    (["--没有"], "错误：没有选项 --没有。用 drafter -h 查看帮助。"),
]


@pytest.mark.parametrize(("args", "expected"), MISTAKES, ids=[" ".join(a) for a, _ in MISTAKES])
def test_a_usage_mistake_is_one_chinese_line(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == expected + "\n"


def test_an_unknown_command_with_nothing_close_lists_the_commands() -> None:
    result = CliRunner().invoke(app, ["帮助"])
    assert result.stderr == (
        "错误：没有命令“帮助”。可用的命令：check、draft、extract、learn、outline、refresh、"
        "scaffold。用 drafter -h 查看帮助。\n"
    )


def test_help_markers_and_types_are_chinese() -> None:
    check = CliRunner().invoke(app, ["check", "-h"]).output
    assert "  初稿 <路径>  要检查的初稿（.docx 或 .txt）。  [必填]\n" in check
    assert "  --year <整数>" in check and "[1990至2100]" in check
    learn = CliRunner().invoke(app, ["learn", "-h"]).output
    assert "报告或文件夹 <路径>..." in learn
    assert "[默认：templates/skeleton.yaml]" in learn
    for output in (check, learn, CliRunner().invoke(app, ["-h"]).output):
        for english in ("<path>", "<int", "<str>", "[required]", "default:", "<=x<=", "OPTIONS"):
            assert english not in output


# Runs one command in a fresh interpreter, then prints which heavy modules it imported.
_PROBE = """
import runpy, sys
sys.argv = ["drafter", *sys.argv[1:]]
try:
    runpy.run_module("drafter", run_name="__main__")
except SystemExit:
    pass
print(sorted(m for m in ("pydantic", "jieba") if m in sys.modules))
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["--help"], "[]"),
        (["draft", "examples/示例市2025年度数据.yaml", "-o", "{tmp}/初稿.docx"], "[]"),
        (["scaffold", "-o", "{tmp}/数据.yaml"], "[]"),
        (["check", "{tmp}/none.docx", "--year", "2025"], "[]"),
    ],
    ids=["help", "draft", "scaffold", "check a missing file"],
)
def test_a_command_imports_neither_pydantic_nor_jieba(
    args: list[str], loaded: str, tmp_path: object
) -> None:
    argv = [a.format(tmp=tmp_path) for a in args]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.stdout.strip().splitlines()[-1] == loaded, done.stderr
