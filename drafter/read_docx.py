"""Read a .docx report: paragraphs in order, heading levels from styles, numbers from w:numPr."""

from __future__ import annotations

import io
import re
import zipfile

from docx import Document
from docx.oxml.ns import qn
from lxml.etree import _Element

from drafter.docxtext import paragraph_text
from drafter.errors import InputError
from drafter.model import RawParagraph
from drafter.numbers import chinese_numeral

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)


def read_docx_paragraphs(data: bytes, name: str) -> tuple[RawParagraph, ...]:
    """Return the paragraphs of a .docx given as bytes, tables' cells included, in body order."""
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(
            "不是有效的 .docx 文件（可能已损坏）。请用 Word/WPS 打开后重新另存为 .docx。", path=name
        ) from e
    numbering = _Numbering(document)
    out: list[RawParagraph] = []
    for p in document.element.body.iter(qn("w:p")):
        text = paragraph_text(p).strip()
        if not text:
            continue
        style_level = _style_level(document, p)
        number, num_level = numbering.number_for(p)
        level = style_level if style_level is not None else num_level
        out.append(RawParagraph(text=(number or "") + text, level=level, number=number))
    return tuple(out)


def _style_level(document: object, p: _Element) -> int | None:
    """Return the heading level (1-based) a paragraph's style gives, or None for body text."""
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        outline = ppr.find(qn("w:outlineLvl"))
        if outline is not None and outline.get(qn("w:val")) not in (None, "9"):
            return int(outline.get(qn("w:val"), "0")) + 1
        pstyle = ppr.find(qn("w:pStyle"))
        if pstyle is not None:
            style_id = pstyle.get(qn("w:val"), "")
            styles = document.styles  # type: ignore[attr-defined]
            for style in styles:
                if style.style_id == style_id:
                    m = _HEADING_STYLE.match(style.name or "")
                    if m:
                        return int(m.group(1))
                    el = style.element.find(qn("w:pPr"))
                    lvl = el.find(qn("w:outlineLvl")) if el is not None else None
                    if lvl is not None and lvl.get(qn("w:val")) != "9":
                        return int(lvl.get(qn("w:val"), "0")) + 1
                    break
            m = _HEADING_STYLE.match(style_id)
            if m:
                return int(m.group(1))
    return None


class _Numbering:
    """Recover automatic list numbers ("一、", "（一）", "1.") that Word keeps out of the text."""

    def __init__(self, document: object) -> None:
        self._formats: dict[tuple[str, int], tuple[str, str, int]] = {}
        self._abstract_of: dict[str, str] = {}
        self._counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element  # type: ignore[attr-defined]
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstracts: dict[str, dict[int, tuple[str, str, int]]] = {}
        for absn in root.findall(qn("w:abstractNum")):
            levels: dict[int, tuple[str, str, int]] = {}
            for lvl in absn.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                fmt = _val(lvl, "w:numFmt") or "decimal"
                text = _val(lvl, "w:lvlText") or ""
                start = int(_val(lvl, "w:start") or "1")
                levels[ilvl] = (fmt, text, start)
            abstracts[absn.get(qn("w:abstractNumId"), "")] = levels
        for num in root.findall(qn("w:num")):
            abs_id = _val(num, "w:abstractNumId") or ""
            self._abstract_of[num.get(qn("w:numId"), "")] = abs_id
            for ilvl, spec in abstracts.get(abs_id, {}).items():
                self._formats[(num.get(qn("w:numId"), ""), ilvl)] = spec

    def number_for(self, p: _Element) -> tuple[str | None, int | None]:
        """Return (number text, 1-based level) for a numbered paragraph, advancing the counters."""
        numpr = p.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if numpr is None:
            return None, None
        num_id = _val(numpr, "w:numId") or ""
        ilvl = int(_val(numpr, "w:ilvl") or "0")
        spec = self._formats.get((num_id, ilvl))
        if num_id == "0" or spec is None:
            return None, None
        counters = self._counters.setdefault(self._abstract_of.get(num_id, num_id), [0] * 9)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        text = spec[1]
        for lv in range(ilvl + 1):
            lv_spec = self._formats.get((num_id, lv), spec)
            value = counters[lv] + lv_spec[2] - 1
            text = text.replace(f"%{lv + 1}", _format_number(value, lv_spec[0]))
        return text, ilvl + 1


def _val(el: _Element, child: str) -> str | None:
    found = el.find(qn(child))
    return None if found is None else found.get(qn("w:val"))


def _format_number(n: int, fmt: str) -> str:
    if fmt in (
        "chineseCounting",
        "chineseCountingThousand",
        "ideographTraditional",
        "taiwaneseCounting",
    ):
        return chinese_numeral(n)
    return str(n)
