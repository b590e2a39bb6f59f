"""Every command that reads a report reads every format through the reading stage: a web page or a
PDF given to scaffold --from, extract, check --against and draft --base does what the .txt does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app

from helpers import EXAMPLE, SEEDS, SOFFICE, printable_docx, soffice_convert, web_page

runner = CliRunner()
SEED = SEEDS / "000_b1cc889bd410f338.txt"
LINES = [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "去年报告.html"
    path.write_bytes(web_page(LINES, "法治政府建设年度报告", charset="gb2312"))
    return path


def test_scaffold_from_a_web_page_fills_what_the_txt_fills(page: Path, tmp_path: Path) -> None:
    outputs = []
    for source in (page, SEED):
        out = tmp_path / f"{source.suffix[1:]}.yaml"
        result = runner.invoke(app, ["scaffold", "--from", str(source), "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs.append(out.read_text(encoding="utf-8").replace(source.name, "去年报告"))
    assert outputs[0] == outputs[1]


def test_extract_of_a_web_page_lists_the_figures_of_the_txt(page: Path) -> None:
    results = [runner.invoke(app, ["extract", str(p), "--json"]) for p in (page, SEED)]
    assert [r.exit_code for r in results] == [0, 0]
    assert results[0].stdout.replace(str(page), "F") == results[1].stdout.replace(str(SEED), "F")


@pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; in CI this test must run",
)
def test_check_against_and_draft_base_read_a_pdf(tmp_path: Path) -> None:
    source = tmp_path / "去年报告.docx"
    printable_docx(LINES, source)
    [pdf] = soffice_convert([source], "pdf", tmp_path)
    draft = tmp_path / "初稿.docx"
    result = runner.invoke(app, ["draft", str(EXAMPLE), "--base", str(pdf), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    checks = [runner.invoke(app, ["check", str(draft), "--against", str(p)]) for p in (pdf, SEED)]
    assert checks[0].exit_code == checks[1].exit_code == 1  # paragraphs kept from last year
    assert checks[0].stdout.replace(str(pdf), "F") == checks[1].stdout.replace(str(SEED), "F")
