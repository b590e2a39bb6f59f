"""The example draft as LibreOffice prints it: the PDF's text holds the title and every heading.

Runs wherever soffice is installed, and always in CI (`.ci/run` installs LibreOffice and
poppler-utils), where a missing soffice or pdftotext fails the test instead of skipping it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app
from drafter.docx import iter_body_paragraphs

from helpers import EXAMPLE

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(
    (SOFFICE is None or PDFTOTEXT is None) and not os.environ.get("CI"),
    reason="LibreOffice (soffice) or pdftotext is not installed; in CI this test must run",
)


def _squeeze(text: str) -> str:
    """Return TEXT without whitespace: a title or heading may wrap anywhere in the PDF."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """Return the drafted example and the text of the PDF LibreOffice makes of it."""
    assert SOFFICE is not None, "CI is set but LibreOffice (soffice) is not installed"
    assert PDFTOTEXT is not None, "CI is set but pdftotext (poppler-utils) is not installed"
    folder = tmp_path_factory.mktemp("pdf")
    draft = folder / "初稿.docx"
    result = CliRunner().invoke(app, ["draft", str(EXAMPLE), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    profile = (folder / "profile").as_uri()  # a fresh profile: no lock on the user's own
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), str(draft)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    pdf = folder / "初稿.pdf"
    assert pdf.stat().st_size > 0
    text = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
        timeout=60,
    ).stdout.decode("utf-8")
    return draft, text


def test_pdf_has_the_title_and_every_heading(drafted: tuple[Path, str]) -> None:
    draft, text = drafted
    pdf = _squeeze(text)
    paragraphs = list(iter_body_paragraphs(docx.Document(str(draft))))
    headings = [t for style, t in paragraphs if style.startswith("Heading")]
    assert len(headings) == 4 + 10
    assert _squeeze("示例市人民政府关于2025年度法治政府建设情况的报告") in pdf
    for heading in headings:
        assert _squeeze(heading) in pdf, heading


def test_pdf_pages_are_numbered_and_figures_printed(drafted: tuple[Path, str]) -> None:
    _, text = drafted
    pages = text.count("\f")
    assert pages >= 3
    for n in range(1, pages + 1):
        assert re.search(rf"—\s*{n}\s*—", text), n
    pdf = _squeeze(text)
    assert "1486件，较上年增长6.2%" in pdf
    assert _squeeze("示例市人民政府2026年3月6日") in pdf
