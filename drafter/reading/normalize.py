"""Normalise report text for analysis: simplified characters, one punctuation width, no artefacts."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from drafter.text import drop_xml_illegal

# ASCII punctuation that Chinese text writes full-width; converted unless between ASCII alnum.
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_HALF_PUNCTUATION = re.compile("[" + re.escape("".join(_HALF_TO_FULL)) + "]")
# Full-width forms that analysis wants half-width.
_FULL_TO_HALF = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".", "\u3000": " "}
)
_SPACE = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_ARTEFACT_INLINE = re.compile(r"\[bookmark:[^\]]*\]")
_ARTEFACT_LINES = (
    re.compile(r"^.{0,20}公网安备.*号$"),  # website registration footer
    re.compile(r"^.{0,20}ICP备.*号.{0,5}$"),
    re.compile(r"^[—–\-－]\s*\d+\s*[—–\-－]$"),  # page number "— 3 —"
    re.compile(r"^第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?$"),
)


@cache
def _converter() -> Any:
    import opencc  # imported lazily: only reading reports needs it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Return TEXT with traditional characters converted to simplified (OpenCC t2s)."""
    return str(_converter().convert(text))


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _drop_spaces(text: str) -> str:
    """Remove spaces, except one between two ASCII letters or digits ("Word 2016")."""
    pieces: list[str] = []
    last = 0
    for m in _SPACE.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        pieces.append(text[last : m.start()])
        if (
            _is_ascii_alnum(before)
            and _is_ascii_alnum(after)
            and not (before.isdigit() and after.isdigit())
        ):
            pieces.append(" ")
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _widen_punctuation(text: str) -> str:
    def widen(m: re.Match[str]) -> str:
        ch, i = m.group(), m.start()
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in ",:" and before.isdigit() and after.isdigit():
            return ch  # 1,000 or 9:30
        if _is_ascii_alnum(before) and _is_ascii_alnum(after):
            return ch
        return _HALF_TO_FULL[ch]

    return _HALF_PUNCTUATION.sub(widen, text)


def normalize_line(text: str) -> str:
    """Return one paragraph normalised for analysis (simplified, full-width punctuation, no spaces)."""
    text = drop_xml_illegal(_ARTEFACT_INLINE.sub("", text))
    text = text.translate(_FULL_TO_HALF)
    text = to_simplified(text)
    text = _drop_spaces(text.strip())
    return _widen_punctuation(text)


def is_artefact(line: str) -> bool:
    """Return True for lines that are not report text: footers, page numbers, empty lines."""
    stripped = line.strip()
    return not stripped or any(p.match(stripped) for p in _ARTEFACT_LINES)
