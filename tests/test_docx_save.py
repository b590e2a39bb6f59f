"""Saving a draft: the parts styled.docx already holds are copied, and a python-docx whose
private save steps moved still gets a draft with the same parts (its own save)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import drafter.cli  # registers the commands
import drafter.drafting.writer
from drafter.cli.app import app

from helpers import EXAMPLE

runner = CliRunner()


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _draft(out: Path) -> dict[str, bytes]:
    result = runner.invoke(app, ["draft", str(EXAMPLE), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return _parts(out)


def test_a_python_docx_without_the_private_save_steps_writes_the_same_parts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copied = _draft(tmp_path / "copied.docx")
    # a later python-docx renames one of the steps _save drives
    steps = (*drafter.drafting.writer._SAVE_STEPS, "_write_parts_renamed_away")
    monkeypatch.setattr(drafter.drafting.writer, "_SAVE_STEPS", steps)
    saved = _draft(tmp_path / "saved.docx")
    assert saved == copied
