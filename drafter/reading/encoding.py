"""Decode a text file's bytes: UTF-8, UTF-16, GB18030/GBK or Big5, whichever reads as Chinese."""

from __future__ import annotations

from drafter.errors import InputError

# Frequent characters of these reports, simplified and traditional; a right decoding is rich in them.
_COMMON = set(
    "的法治政府建设年度工作推进行依一是和在全市区县局开展制度加强强化完善落实案件执监督"
    "決策規範設學習進開關於會議發們這為國來對從過時實現務員與資總機經"
    "决策规范设学习进开关于会议发们这为国来对从过时实现务员与资总机经"
    "中人有不了上以大个出展提高服项情况要主责任领导组"
)
_MIN_COMMON_SHARE = 0.12
_ENCODINGS = ("gb18030", "big5")


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
