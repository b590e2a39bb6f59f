"""Read a report file into raw paragraphs, whatever its format: the one door to every reader.

.txt (any common Chinese encoding) and .docx are read directly; .doc, .wps, .odt and .rtf go
through LibreOffice to .docx; .pdf through its text layer; .html/.htm through the article text.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from drafter.errors import EmptyReportError, InputError, UnsupportedFormatError
from drafter.reading.convert import CONVERTED_SUFFIXES
from drafter.reading.encoding import decode_text
from drafter.reading.model import RawParagraph, SourceText

PDF_SUFFIXES = (".pdf",)
HTML_SUFFIXES = (".html", ".htm")
SUPPORTED_SUFFIXES = (".txt", ".docx", *CONVERTED_SUFFIXES, *PDF_SUFFIXES, *HTML_SUFFIXES)
SUPPORTED_LIST = "、".join(SUPPORTED_SUFFIXES)
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc, .wps) files start so
# Which copy to keep when the same report comes in several formats: styles and numbering
# of a .docx tell heading levels best; a PDF's rejoined lines are the last resort.
FORMAT_RANK = {
    ".docx": 0,
    **dict.fromkeys(CONVERTED_SUFFIXES, 1),
    ".txt": 2,
    **dict.fromkeys(HTML_SUFFIXES, 3),
    ".pdf": 4,
}
# A year's report is 10–100 KB of text (a .docx with photos a few MB); 20 MB is far beyond any
# and keeps every command within seconds and a few hundred MB.
MAX_REPORT_BYTES = 20_000_000


def read_report(path: Path) -> SourceText:
    """Return the paragraphs of the report at PATH; raise InputError for unusable files."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError("文件不存在，请检查路径。", path=str(path))
    if path.is_dir():
        raise InputError("这是一个文件夹，不是报告文件。", path=str(path))
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnsupportedFormatError(
            f"不支持 {suffix or '无扩展名'} 文件。能读取的格式：{SUPPORTED_LIST}。", path=str(path)
        )
    try:
        data = _read_bounded(path)
    except OSError as e:
        raise InputError(
            f"无法打开文件（{e.strerror}）。请检查权限，或先关闭占用它的程序。", path=str(path)
        ) from e
    if not data.strip():
        raise EmptyReportError("文件是空的，请确认选对了文件。", path=str(path))
    paragraphs = _paragraphs(path, suffix, data)
    if not any(p.text.strip() for p in paragraphs):
        raise EmptyReportError("文件里没有文字，请确认选对了文件。", path=str(path))
    # the same bound on the text itself: a compressed .docx or a PDF holds far more than its size
    if sum(len(p.text.encode("utf-8", "replace")) for p in paragraphs) > MAX_REPORT_BYTES:
        raise InputError(
            f"报告的文字超过 {MAX_REPORT_BYTES // 1_000_000} MB，不像是一篇年度报告。"
            "请确认选对了文件。",
            path=str(path),
        )
    return SourceText(path=str(path), paragraphs=paragraphs)


def _read_bounded(path: Path) -> bytes:
    """Return the bytes of PATH; InputError for a non-regular file or one beyond MAX_REPORT_BYTES."""
    # Asked before opening: opening a named pipe would wait for a writer forever.
    if not stat.S_ISREG(os.stat(path).st_mode):
        raise InputError(
            "这不是普通文件（可能是设备、管道或套接字），请选择报告文件。", path=str(path)
        )
    with path.open("rb") as fh:
        data = fh.read(MAX_REPORT_BYTES + 1)
    if len(data) > MAX_REPORT_BYTES:
        raise InputError(
            f"文件超过 {MAX_REPORT_BYTES // 1_000_000} MB，不像是一篇年度报告。"
            "请确认选对了文件；如是带大量图片的 .docx，请删去图片后另存。",
            path=str(path),
        )
    return data


def _paragraphs(path: Path, suffix: str, data: bytes) -> tuple[RawParagraph, ...]:
    """Return the paragraphs of DATA read by the reader for SUFFIX (each loads only when needed)."""
    name = str(path)
    if suffix == ".txt":
        return tuple(RawParagraph(line) for line in decode_text(data, name).splitlines())
    if suffix in PDF_SUFFIXES:
        from drafter.reading.pdf import read_pdf_paragraphs

        return read_pdf_paragraphs(data, name)
    if suffix in HTML_SUFFIXES:
        from drafter.reading.webpage import read_html_paragraphs

        return read_html_paragraphs(data, name)
    from drafter.reading.docx_report import read_docx_paragraphs

    # An old Word file renamed .docx (it happens) is converted like a .doc.
    if suffix in CONVERTED_SUFFIXES or data.startswith(_OLE_MAGIC):
        from drafter.reading.convert import convert_to_docx

        return read_docx_paragraphs(convert_to_docx(path), name)
    return read_docx_paragraphs(data, name)
