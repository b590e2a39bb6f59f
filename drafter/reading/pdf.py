"""Read a PDF's text layer: a paragraph's lines joined back, headers, footers and page numbers dropped.

The text comes from pdfminer.six (the optional `pdf` extra), which gives each line's box: a line
starts a paragraph when it is indented, follows a short line or a gap; a line at a page's top or
bottom is dropped when it is a page number or repeats on most pages (a running header or footer).
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from drafter.errors import EmptyReportError, InputError, MissingToolError
from drafter.reading.model import RawParagraph

INSTALL_COMMAND = 'pip install "drafter[pdf]"'
_PAGE_NUMBER = re.compile(
    r"^(?:[—–\-－~～·•]*\d{1,4}[—–\-－~～·•]*"  # 3, — 3 —, -3-
    r"|第\d{1,4}页(?:[，,/、]?共\d{1,4}页)?"  # 第3页, 第3页共6页
    r"|\d{1,4}/\d{1,4})$"  # 3/6
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_UNMAPPED = re.compile(r"\(cid:\d+\)")
# Lines this many font sizes in from the left edge are indented (GB/T 9704 indents two).
_INDENT = 1.2
# A line ending this far before the right edge ends its paragraph: with indented paragraphs only
# a clearly short line does (line breaking may push a number or a quote mark to the next line).
_SHORT_WITH_INDENTS = 4.5
_SHORT_WITHOUT = 1.5
# A gap between two lines bigger than this (in font sizes) separates paragraphs.
_GAP = 1.2


@dataclass(frozen=True)
class Line:
    """One text line of a page: its text and box in PDF points (y grows upwards)."""

    text: str
    x0: float
    x1: float
    y0: float
    y1: float


def read_pdf_paragraphs(data: bytes, name: str) -> tuple[RawParagraph, ...]:
    """Return the paragraphs of a PDF given as bytes; raise InputError for a scan or a bad file."""
    pages, images = _page_lines(data, name)
    text = "".join(ln.text for lines in pages for ln in lines)
    if sum(len(m) for m in _UNMAPPED.findall(text)) > 0.1 * len(text):
        raise InputError(
            "PDF 里的文字无法还原（字体没有附带编码表，只能显示、不能复制）。"
            "请找到原始的 Word/WPS 文件，或另存为 .docx/.txt 后再试。",
            path=name,
        )
    if len(_HAN.findall(text)) < 20:
        if images:
            raise InputError(
                "这是扫描件（页面是图片，没有文字层），drafter 无法读取图片中的文字。"
                "请找到原始的 Word/WPS 文件，或先用 OCR 软件转成文字后另存为 .docx/.txt。",
                path=name,
            )
        raise EmptyReportError("PDF 里没有文字，请确认选对了文件。", path=name)
    return tuple(RawParagraph(p) for p in join_paragraphs(drop_furniture(pages)))


def _page_lines(data: bytes, name: str) -> tuple[list[list[Line]], int]:
    """Return each page's lines top to bottom, and how many images the pages hold."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.pdfdocument import PDFPasswordIncorrect
    except ImportError as e:
        raise MissingToolError(
            f"读取 PDF 需要可选组件 pdfminer.six，但尚未安装。请运行：{INSTALL_COMMAND}",
            path=name,
        ) from e
    pages: list[list[Line]] = []
    images = 0
    try:
        # No layout analysis (laparams=None): its boxes split a justified row where a quote mark
        # comes from another font; rows are rebuilt from the characters instead.
        for page in extract_pages(io.BytesIO(data), laparams=None):
            chars: list[_Char] = []
            images += _collect(page, chars)
            pages.append(_rows(chars))
    except PDFPasswordIncorrect as e:
        raise InputError(
            "PDF 设有打开密码，无法读取。请用密码打开后另存为不加密的 PDF，或找到原始文件。",
            path=name,
        ) from e
    except Exception as e:  # pdfminer raises many kinds on a damaged file; none is our bug
        raise InputError(
            "无法读取这个 PDF（文件可能已损坏或不完整）。请重新下载或导出后再试。", path=name
        ) from e
    return pages, images


@dataclass(frozen=True)
class _Char:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float


def _collect(container: Any, chars: list[_Char]) -> int:
    """Add the visible characters inside CONTAINER to CHARS; return how many images it holds."""
    from pdfminer.layout import LTChar, LTContainer, LTImage

    images = 0
    for item in container:
        if isinstance(item, LTChar):
            text = item.get_text()
            if text.strip():
                chars.append(_Char(text, item.x0, item.x1, item.y0, item.y1))
        elif isinstance(item, LTImage):
            images += 1
        elif isinstance(item, LTContainer):  # figures (form XObjects) hold characters too
            images += _collect(item, chars)
    return images


def _rows(chars: list[_Char]) -> list[Line]:
    """Return CHARS grouped into printed rows, top to bottom, each read left to right."""
    rows: list[list[_Char]] = []
    for c in sorted(chars, key=lambda c: -(c.y0 + c.y1) / 2):
        middle = (c.y0 + c.y1) / 2
        if rows:
            last = rows[-1]
            row_middle = sum(r.y0 + r.y1 for r in last) / (2 * len(last))
            if abs(middle - row_middle) < 0.5 * max(c.y1 - c.y0, last[0].y1 - last[0].y0):
                last.append(c)
                continue
        rows.append([c])
    lines = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        size = max(c.y1 - c.y0 for c in row)
        text = row[0].text
        for before, c in itertools.pairwise(row):
            gap = c.x0 - before.x1
            text += (" " if gap > 0.3 * size else "") + c.text
        box = (row[0].x0, max(c.x1 for c in row), min(c.y0 for c in row), max(c.y1 for c in row))
        lines.append(Line(text, *box))
    return lines


def drop_furniture(pages: list[list[Line]]) -> list[list[Line]]:
    """Return PAGES without page numbers and header or footer lines repeated on most pages."""
    edges = [lines[:2] + lines[-2:] for lines in pages]
    counts = Counter(key for edge in edges for key in {_key(ln.text) for ln in edge})
    needed = max(2, len(pages) // 2 + 1)
    repeated = {key for key, n in counts.items() if n >= needed}
    out = []
    for lines, edge in zip(pages, edges, strict=True):
        out.append(
            [
                ln
                for ln in lines
                if not (
                    any(ln is e for e in edge)
                    and (_PAGE_NUMBER.match(_squash(ln.text)) or _key(ln.text) in repeated)
                )
            ]
        )
    return out


def join_paragraphs(pages: list[list[Line]]) -> list[str]:
    """Return the text as paragraphs: a line starts one when indented, after a short line or a gap."""
    lines = [ln for page in pages for ln in page]
    if not lines:
        return []
    size = sorted(ln.y1 - ln.y0 for ln in lines)[len(lines) // 2]
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    right = sorted(ln.x1 for ln in lines)[int(len(lines) * 0.95)]
    indented = [ln.x0 - left > _INDENT * size for ln in lines]
    short = (_SHORT_WITH_INDENTS if sum(indented) >= 2 else _SHORT_WITHOUT) * size
    paragraphs: list[str] = []
    n = 0
    for page in pages:
        prev: Line | None = None
        for ln in page:
            starts = (
                not paragraphs
                or indented[n]
                or right - lines[n - 1].x1 > short
                or (prev is not None and prev.y0 - ln.y1 > _GAP * size)
            )
            if starts:
                paragraphs.append(ln.text)
            else:
                paragraphs[-1] = _glue(paragraphs[-1], ln.text)
            prev = ln
            n += 1
    return paragraphs


def _glue(a: str, b: str) -> str:
    """Return two pieces of one paragraph joined; a space only between ASCII letters or digits."""
    if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalnum():
        return f"{a} {b}"
    return a + b


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _key(text: str) -> str:
    """Return TEXT without spaces and with digits generalised: a running header's page-free form."""
    return re.sub(r"\d+", "#", _squash(text))
