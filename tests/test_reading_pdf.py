"""A published PDF reads back to its paragraphs: lines rejoined across lines and pages, page
numbers (— 3 —, -3-, 第3页) and running headers dropped; a scan or a broken file is a clear error."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from drafter.errors import InputError, MissingToolError
from drafter.reading import parse_report, read_report

from conftest import SEEDS
from helpers import SOFFICE, printable_docx, scanned_pdf, soffice_convert

SEED_LINES = [
    ln
    for ln in (SEEDS / "000_b1cc889bd410f338.txt").read_text(encoding="utf-8").splitlines()
    if ln.strip()
]
TITLE = "许昌市人民政府关于2024年度法治政府建设情况的报告"
# Opening, the long first section (it runs from page 1 onto page 2) and the closing paragraph.
REPORT = [TITLE, SEED_LINES[0], SEED_LINES[1], SEED_LINES[-1]]
FOOTERS = {"dash": "— {} —", "hyphen": "-{}-", "page": "第{}页"}
HEADER = "许昌市人民政府 2024年度法治政府建设情况报告"

needs_soffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; in CI this test must run",
)


def _squeeze(text: str) -> str:
    """Return TEXT without spaces: LibreOffice spaces digits from Chinese, normalising drops it."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Return the report printed to PDF with each page-number style (and one with a header)."""
    root = tmp_path_factory.mktemp("pdf")
    sources = []
    for name, footer in FOOTERS.items():
        sources.append(root / f"{name}.docx")
        printable_docx(
            REPORT, sources[-1], footer=footer, header=HEADER if name == "page" else None
        )
    sources.append(root / "ragged.docx")
    printable_docx(REPORT, sources[-1], justified=False)
    return {p.stem: p for p in soffice_convert(sources, "pdf", root)}


def _page_count(path: Path) -> int:
    from pdfminer.high_level import extract_pages

    return sum(1 for _ in extract_pages(path))


@needs_soffice
@pytest.mark.parametrize("name", [*FOOTERS, "ragged"])
def test_two_page_pdf_reads_back_to_its_paragraphs(printed: dict[str, Path], name: str) -> None:
    path = printed[name]
    assert _page_count(path) == 2
    paragraphs = [p.text for p in read_report(path).paragraphs]
    assert [_squeeze(p) for p in paragraphs] == [_squeeze(p) for p in REPORT]


@needs_soffice
def test_pdf_outline_is_the_outline_of_the_text_without_page_furniture(
    printed: dict[str, Path], tmp_path: Path
) -> None:
    txt = tmp_path / "report.txt"
    txt.write_text("\n".join(REPORT), encoding="utf-8")
    outline = parse_report(printed["page"])
    assert outline.title == TITLE
    assert [s.as_dict() for s in outline.sections] == [
        s.as_dict() for s in parse_report(txt).sections
    ]
    text = "".join([outline.opening or "", *(p for s in outline.walk() for p in s.paragraphs)])
    assert "第1页" not in text and "第2页" not in text and "情况报告许昌" not in text


def test_scanned_pdf_is_an_error_saying_it_is_a_scan(tmp_path: Path) -> None:
    path = tmp_path / "扫描件.pdf"
    path.write_bytes(scanned_pdf())
    with pytest.raises(InputError, match=r"扫描件.*无法读取图片") as caught:
        read_report(path)
    assert caught.value.path == str(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "无法读取这个 PDF"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n", "无法读取这个 PDF"),
        (b"not a pdf at all, but named .pdf", "无法读取这个 PDF"),
    ],
)
def test_broken_pdf_is_a_clear_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "报告.pdf"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_report(path)


def test_pdf_without_pdfminer_names_the_install_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "报告.pdf"
    path.write_bytes(scanned_pdf())
    monkeypatch.setitem(sys.modules, "pdfminer.high_level", None)  # import fails as if missing
    with pytest.raises(MissingToolError, match=re.escape('pip install "drafter[pdf]"')):
        read_report(path)
