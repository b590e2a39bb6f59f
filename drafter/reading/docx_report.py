"""Read a .docx report: paragraphs in order, heading levels from styles, numbers from w:numPr."""

from __future__ import annotations

import io
import re
import zipfile
import zlib

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml.etree import XMLSyntaxError, _Element

from drafter.docx import body_paragraphs, open_package, paragraph_text
from drafter.errors import InputError
from drafter.reading.model import RawParagraph
from drafter.text import chinese_numeral

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
# Deepest heading level given to the outline: "Heading 9" (outlineLvl 8) counts as 8, so that no
# heading ranks with the outline's "一是" items (rank 9).
_MAX_LEVEL = 8


def read_docx_paragraphs(data: bytes, name: str) -> tuple[RawParagraph, ...]:
    """Return the paragraphs of a .docx given as bytes, tables' cells included, in body order."""
    open_package(data, name).close()  # bounds and methods checked before python-docx inflates
    try:
        document = Document(io.BytesIO(data))
        body = document.element.body
    except (
        zipfile.BadZipFile,  # also a member whose CRC does not match (bit rot)
        zlib.error,
        EOFError,
        NotImplementedError,
        KeyError,
        ValueError,
        AttributeError,
        XMLSyntaxError,
        PackageNotFoundError,
    ) as e:
        raise InputError(
            "不是有效的 .docx 文件（可能已损坏）。请用 Word/WPS 打开后重新另存为 .docx。", path=name
        ) from e
    styles = _Styles(document)
    numbering = _Numbering(document)
    out: list[RawParagraph] = []
    for p in body_paragraphs(body):
        # A text box's paragraphs are not part of the host's text: they follow it, each apart.
        # Line, page and column breaks (Shift+Enter) separate paragraphs as Enter does.
        pieces = [piece.strip() for piece in paragraph_text(p).split("\n")]
        pieces = [piece for piece in pieces if piece]
        if not pieces:
            continue
        ppr = p.find(qn("w:pPr"))
        style_id = _val(ppr, "w:pStyle") if ppr is not None else None
        numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
        number, num_level = numbering.number_for(numpr, styles.numpr(style_id))
        level = _outline_level(ppr) or styles.level(style_id) or num_level
        if level is not None:
            level = min(level, _MAX_LEVEL)
        out.append(RawParagraph(text=(number or "") + pieces[0], level=level, number=number))
        out.extend(RawParagraph(text=piece) for piece in pieces[1:])
    return tuple(out)


def _outline_level(ppr: _Element | None) -> int | None:
    """Return the 1-based outline level set directly on a paragraph or style (w:outlineLvl)."""
    lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    value = _int(lvl.get(qn("w:val")), 9) if lvl is not None else 9
    return value + 1 if 0 <= value < 9 else None


class _Styles:
    """Heading level and list numbering of each paragraph style, following w:basedOn."""

    def __init__(self, document: object) -> None:
        self._by_id: dict[str, _Element] = {}
        self._names: dict[str, str] = {}
        for style in document.styles.element.findall(qn("w:style")):  # type: ignore[attr-defined]
            style_id = style.get(qn("w:styleId"), "")
            self._by_id[style_id] = style
            self._names[style_id] = _val(style, "w:name") or ""

    def level(self, style_id: str | None) -> int | None:
        """Return the heading level style STYLE_ID gives ("Heading 2", "标题 2", outlineLvl 1)."""
        for sid, style in self._chain(style_id):
            m = _HEADING_STYLE.match(self._names[sid]) or _HEADING_STYLE.match(sid)
            if m:
                return int(m.group(1))
            level = _outline_level(style.find(qn("w:pPr")))
            if level is not None:
                return level
        return None

    def numpr(self, style_id: str | None) -> _Element | None:
        """Return the w:numPr of style STYLE_ID (a heading style linked to a list), if any."""
        for _, style in self._chain(style_id):
            numpr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            if numpr is not None:
                return numpr
        return None

    def _chain(self, style_id: str | None) -> list[tuple[str, _Element]]:
        chain: list[tuple[str, _Element]] = []
        while style_id in self._by_id and len(chain) < 10:
            style = self._by_id[style_id]
            chain.append((style_id, style))
            style_id = _val(style, "w:basedOn")
        return chain


class _Numbering:
    """Recover automatic list numbers ("一、", "（一）", "1.") that Word keeps out of the text.

    Paragraphs of w:num instances over one abstractNum share its counters, as in Word, unless
    the instance overrides a level's start ("restart numbering at 1"): then it counts apart.
    """

    def __init__(self, document: object) -> None:
        self._formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._counter_key: dict[str, str] = {}
        self._counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstracts: dict[str, dict[int, tuple[str, str, int]]] = {}
        for absn in root.findall(qn("w:abstractNum")):
            abstracts[absn.get(qn("w:abstractNumId"), "")] = _levels(absn)
        for num in root.findall(qn("w:num")):
            num_id = num.get(qn("w:numId"), "")
            abs_id = _val(num, "w:abstractNumId") or ""
            levels = dict(abstracts.get(abs_id, {}))
            overrides = num.findall(qn("w:lvlOverride"))
            for override in overrides:
                ilvl = _int(override.get(qn("w:ilvl")), 0)
                fmt, text, start = levels.get(ilvl, ("decimal", "", 1))
                lvl = override.find(qn("w:lvl"))
                if lvl is not None:
                    fmt, text, start = _levels_of(lvl)
                start = _int(_val(override, "w:startOverride"), start)
                levels[ilvl] = (fmt, text, start)
            self._counter_key[num_id] = f"num {num_id}" if overrides else f"abstract {abs_id}"
            for ilvl, spec in levels.items():
                self._formats[(num_id, ilvl)] = spec

    def number_for(
        self, numpr: _Element | None, style_numpr: _Element | None
    ) -> tuple[str | None, int | None]:
        """Return (number text, 1-based level) of a numbered paragraph, advancing the counters.

        NUMPR is the paragraph's own w:numPr, STYLE_NUMPR its style's; the paragraph's wins.
        """
        num_id = _first_val("w:numId", numpr, style_numpr) or ""
        ilvl = _int(_first_val("w:ilvl", numpr, style_numpr), 0)
        spec = self._formats.get((num_id, ilvl))
        if num_id == "0" or spec is None or not 0 <= ilvl < 9:
            return None, None
        counters = self._counters.setdefault(self._counter_key[num_id], [0] * 9)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        text = spec[1]
        for lv in range(ilvl + 1):
            placeholder = f"%{lv + 1}"
            if placeholder in text:
                fmt, _, start = self._formats.get((num_id, lv), spec)
                # a level never used above this paragraph shows its start value, as Word does
                text = text.replace(
                    placeholder, _format_number(start + max(counters[lv], 1) - 1, fmt)
                )
        return text, ilvl + 1


def _levels(absn: _Element) -> dict[int, tuple[str, str, int]]:
    return {_int(lvl.get(qn("w:ilvl")), 0): _levels_of(lvl) for lvl in absn.findall(qn("w:lvl"))}


def _levels_of(lvl: _Element) -> tuple[str, str, int]:
    """Return (number format, level text such as "（%2）", start value) of a w:lvl."""
    return (
        _val(lvl, "w:numFmt") or "decimal",
        _val(lvl, "w:lvlText") or "",
        _int(_val(lvl, "w:start"), 1),
    )


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _val(el: _Element, child: str) -> str | None:
    found = el.find(qn(child))
    return None if found is None else found.get(qn("w:val"))


def _first_val(child: str, *elements: _Element | None) -> str | None:
    for el in elements:
        value = _val(el, child) if el is not None else None
        if value is not None:
            return value
    return None


def _format_number(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",  # what LibreOffice turns chineseCounting into, via .doc
        "japaneseCounting",
    ):
        return chinese_numeral(n) if 0 < n < 100 else str(n)
    return str(n)
