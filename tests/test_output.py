"""write_atomic: no overwrite without force, file modes kept, OS errors as one DrafterError."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app
from drafter.cli.output import write_atomic
from drafter.errors import DrafterError, OutputExistsError

from helpers import EXAMPLE


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_usual_mode_not_owner_only(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.docx", b"x")
    finally:
        os.umask(umask)
    assert _mode(tmp_path / "a.docx") == 0o644


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"old")
    path.chmod(0o664)
    write_atomic(path, b"new", force=True)
    assert path.read_bytes() == b"new"
    assert _mode(path) == 0o664


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    path = tmp_path / "a.docx"
    path.write_bytes(b"old")
    with pytest.raises(OutputExistsError):
        write_atomic(path, b"new")
    assert path.read_bytes() == b"old"


def test_an_os_error_is_one_drafter_error_and_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("drafter.cli.output.os.replace", fail)
    with pytest.raises(DrafterError, match="无法写入"):
        write_atomic(tmp_path / "a.docx", b"x")
    assert list(tmp_path.iterdir()) == []


def test_refresh_and_extract_report_an_unwritable_output_in_chinese(tmp_path: Path) -> None:
    runner = CliRunner()
    draft = tmp_path / "初稿.docx"
    assert runner.invoke(app, ["draft", str(EXAMPLE), "-o", str(draft)]).exit_code == 0
    data = tmp_path / "数据.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    data.write_text(text.replace("{本年: 1486, 上年: 1399}", "{本年: 1500, 上年: 1399}"), "utf-8")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, so nothing can be written below it", encoding="utf-8")
    for args in (
        ["refresh", str(draft), str(data), "-o", str(blocked / "x.docx")],
        ["extract", str(draft), "-o", str(blocked / "x.yaml")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith("错误：") and "无法写入" in result.stderr
        assert "Traceback" not in result.output
