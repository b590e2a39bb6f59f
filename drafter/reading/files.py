"""Read a report file (.txt in any common Chinese encoding, or .docx) into raw paragraphs."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from drafter.errors import InputError
from drafter.reading.model import RawParagraph, SourceText

SUPPORTED_SUFFIXES = (".txt", ".docx")

# Frequent characters of these reports, simplified and traditional; a right decoding is rich in them.
_COMMON = set(
    "的法治政府建设年度工作推进行依一是和在全市区县局开展制度加强强化完善落实案件执监督"
    "決策規範設學習進開關於會議發們這為國來對從過時實現務員與資總機經"
    "决策规范设学习进开关于会议发们这为国来对从过时实现务员与资总机经"
    "中人有不了上以大个出展提高服项情况要主责任领导组"
)
_MIN_COMMON_SHARE = 0.12
_ENCODINGS = ("gb18030", "big5")
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
        hint = (
            "请先在 Word/WPS 中另存为 .docx 或 .txt。" if suffix in (".pdf", ".doc", ".wps") else ""
        )
        raise InputError(
            f"不支持 {suffix or '无扩展名'} 文件，只能读取 .txt 和 .docx。{hint}", path=str(path)
        )
    try:
        data = _read_bounded(path)
    except OSError as e:
        raise InputError(
            f"无法打开文件（{e.strerror}）。请检查权限，或先关闭占用它的程序。", path=str(path)
        ) from e
    if not data.strip():
        raise InputError("文件是空的，请确认选对了文件。", path=str(path))
    if suffix == ".docx":
        from drafter.reading.docx_report import (
            read_docx_paragraphs,  # python-docx loads only when needed
        )

        paragraphs = read_docx_paragraphs(data, str(path))
    else:
        paragraphs = tuple(RawParagraph(line) for line in decode_text(data, str(path)).splitlines())
    if not any(p.text.strip() for p in paragraphs):
        raise InputError("文件里没有文字，请确认选对了文件。", path=str(path))
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


def decode_text(data: bytes, name: str) -> str:
    """Return DATA decoded: UTF-8 (with or without BOM), else GB18030 or Big5, whichever reads as Chinese.

    UTF-16 is read when it has a BOM, or without one when it reads as Chinese.
    """
    if b"\x00" in data[:4096]:
        # A file cut short mid-character (a copy broken off) loses only that character.
        data = data[: len(data) - len(data) % 2]
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return data.decode("utf-16", errors="replace")
        text = _most_chinese(data, ("utf-16-le", "utf-16-be"))
        if text is None:
            raise InputError(
                "这是二进制文件，不是文本报告。请选择 .txt 或 .docx 格式的报告。", path=name
            )
        return text
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        decoded = _most_chinese(data, _ENCODINGS)
        if decoded is None:
            raise InputError(
                "无法识别文件编码（试过 UTF-8、GB18030/GBK、Big5）。请用记事本或 WPS 另存为 UTF-8 编码的 .txt。",
                path=name,
            ) from None
        return decoded
    if not any(_is_han(c) for c in text):
        raise InputError(
            "文件里没有中文字符，不像是报告；若用了 HZ 等少见编码，请用记事本或 WPS 另存为 UTF-8 编码的 .txt。",
            path=name,
        )
    return text


def _most_chinese(data: bytes, encodings: tuple[str, ...]) -> str | None:
    """Return DATA decoded by whichever of ENCODINGS reads most like Chinese, or None."""
    best: tuple[float, str] | None = None
    for enc in encodings:
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        share = _common_share(text)
        if best is None or share > best[0]:
            best = (share, text)
    if best is None or best[0] < _MIN_COMMON_SHARE:
        return None
    return best[1]


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _common_share(text: str) -> float:
    han = [c for c in text if _is_han(c)]
    if not han:
        return 0.0
    return sum(c in _COMMON for c in han) / len(han)
