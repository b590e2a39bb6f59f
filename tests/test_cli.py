"""The command line as a whole: Chinese help for every command, version, a fast start."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter import __version__
from drafter.cli.app import app

from helpers import ROOT

COMMANDS = ["learn", "outline", "scaffold", "draft", "extract", "check", "refresh"]


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
def test_help_is_chinese(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "-h"])
    assert result.exit_code == 0
    assert result.output.startswith("用法：")
    assert "显示本帮助并退出。" in result.output
    assert "选项" in result.output
    assert "Show this message" not in result.output


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"drafter {__version__}"


def _run(*code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, *code], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )


def test_python_m_drafter_help_lists_every_command_in_order() -> None:
    proc = _run("-m", "drafter", "--help")
    assert proc.returncode == 0, proc.stderr
    listed = [
        line.split()[0]
        for line in proc.stdout.split("命令：")[1].splitlines()
        if line.strip() and not line.startswith("   ")  # a wrapped summary is indented further
    ]
    assert sorted(listed) == sorted(COMMANDS)
    assert "法治政府建设年度报告" in proc.stdout


def test_importing_the_cli_loads_no_reader_segmenter_or_writer() -> None:
    proc = _run(
        "-c",
        "import sys, drafter.cli; "
        "print(sorted(m for m in ('jieba', 'opencc', 'docx', 'cn2an', 'lxml', 'pdfminer',"
        " 'drafter.reading') if m in sys.modules))",
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
