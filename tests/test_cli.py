"""The command line as a whole: Chinese help for every command, version, a fast start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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


def test_drafting_the_example_loads_no_report_reader_classifier_learner_segmenter_or_jinja2(
    tmp_path: Path,
) -> None:
    out = tmp_path / "初稿.docx"
    proc = _run(
        "-c",
        "import runpy, sys\n"
        f"sys.argv = ['drafter', 'draft', 'examples/示例市2025年度数据.yaml', '-o', {str(out)!r}]\n"
        "try:\n    runpy.run_module('drafter', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('drafter.reading',"
        " 'drafter.learning.learn', 'drafter.learning.train', 'drafter.checking.'))"
        " or m in ('jinja2', 'drafter.text.words', 'logging')))",
    )
    assert proc.returncode == 0, proc.stderr
    assert out.exists()  # the draft was written, from the skeleton model alone
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_every_name_a_stage_face_lists_is_there_and_listed_by_dir() -> None:
    proc = _run(
        "-c",
        "import importlib\n"
        "for stage in ('catalogue', 'checking', 'datafile', 'docx', 'drafting', 'learning',"
        " 'reading', 'text'):\n"
        "    face = importlib.import_module('drafter.' + stage)\n"
        "    missing = [n for n in face.__all__ if n not in dir(face) or getattr(face, n) is None]\n"
        "    print(stage, len(face.__all__), missing)",
    )
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 8
    for line in lines:
        _stage, count, missing = line.split(" ", 2)
        assert int(count) > 0 and missing == "[]", line
