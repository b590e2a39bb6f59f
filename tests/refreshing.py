"""What the refresh tests share: the example drafted with one figure blank, and its corrections."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx.document import Document as DocxDocument
from lxml.etree import _Element
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app
from drafter.datafile import YearData, load_data
from drafter.docx import find_controls

from helpers import example_text

DOCUMENT = "word/document.xml"
# The example as drafted: one figure left blank, so the draft holds one 【待填】 placeholder.
DRAFTED = {"行政复议纠错件数: 96": "行政复议纠错件数:"}
# Corrected statistics sent in after the draft was edited.
CORRECTED = {
    "行政复议纠错件数: 96": "行政复议纠错件数: 96",
    "行政复议受理件数: {本年: 1486, 上年: 1399}": "行政复议受理件数: {本年: 1500, 上年: 1399}",
    "集体学法次数: 6": "集体学法次数: 7",
    "行政检查次数: {本年: 3650, 上年: 3800, 约数: true}": "行政检查次数: {本年: 3700, 上年: 3800, 约数: true}",
    "规范性文件清理件数: 463": "规范性文件清理件数: 470",
}


def draft_example(folder: Path) -> bytes:
    """Return the example's draft with DRAFTED's blank, made by `drafter draft` in FOLDER."""
    data_file = folder / "数据.yaml"
    data_file.write_text(example_text(DRAFTED), encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", str(data_file), "-o", str(folder / "初稿.docx")])
    assert result.exit_code == 0, result.output
    return (folder / "初稿.docx").read_bytes()


def year_data(replacements: dict[str, str]) -> YearData:
    """Return the example's figures with REPLACEMENTS made in its YAML text."""
    return load_data(example_text(replacements), "数据.yaml")


def members_of(data: bytes) -> dict[str, bytes]:
    """Return every member of the zip DATA by name, in the zip's order."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def control_of(document: DocxDocument, key: str, role: str = "value") -> _Element:
    """Return the content control of KEY's ROLE in DOCUMENT."""
    for c in find_controls(document):
        if c.key == key and c.role == role:
            return c.element
    raise AssertionError(f"no control for {key} {role}")


def texts_of(document: DocxDocument) -> dict[tuple[str, str], list[str]]:
    """Return the text of every control by (key, role), placeholders under the role "todo"."""
    out: dict[tuple[str, str], list[str]] = {}
    for c in find_controls(document):
        out.setdefault((c.key, c.role if c.kind == "figure" else "todo"), []).append(c.text)
    return out


def save(document: DocxDocument) -> bytes:
    """Return DOCUMENT saved as .docx bytes."""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
