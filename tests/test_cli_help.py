"""Every command's help is in Chinese: the usage line, the help option, the sections."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app

COMMANDS = ["learn", "outline", "scaffold", "draft", "extract", "check", "refresh"]


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
def test_help_is_chinese(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "-h"])
    assert result.exit_code == 0
    assert result.output.startswith("用法：")
    assert "显示本帮助并退出。" in result.output
    assert "选项" in result.output
    assert "Show this message" not in result.output


def test_root_help_lists_every_command() -> None:
    output = CliRunner().invoke(app, ["--help"]).output
    for command in COMMANDS:
        assert f"  {command} " in output
