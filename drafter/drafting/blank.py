"""The blank 公文 every draft starts from: styles, A4 page and margins, page numbers, no text.

templates/styled.docx is this document already built (opening it is faster than building the
styles each run); a test checks the shipped file equals what `styled_template` builds. After a
change here or in styles.py, rebuild it:

    python -c "from drafter.drafting import styled_template as t; open('templates/styled.docx', 'wb').write(t())"
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section, _Footer
from docx.shared import Mm
from docx.text.paragraph import Paragraph
from lxml.etree import _Element

from drafter.docx import get_or_add
from drafter.drafting.styles import (
    LINE_PITCH_TWIPS,
    PAGE_NUMBER_SIZE,
    PAGE_NUMBER_STYLE,
    define_styles,
)

# GB/T 9704: 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm on A4.
_PAGE = {"width": Mm(210), "height": Mm(297)}
_MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
# Puts the page number's 一字线 about 7 mm below the text block (tuned by rendering).
_FOOTER_DISTANCE = Mm(25)


def styled_template() -> bytes:
    """Return the .docx bytes of the blank 公文: styles, page, page numbers, no text."""
    document = docx.Document()
    define_styles(document)
    _set_page(document.sections[0])
    _add_page_numbers(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _set_page(section: Section) -> None:
    """Set A4 portrait, the GB/T 9704 margins, and the 22-line document grid."""
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = _PAGE["width"]
    section.page_height = _PAGE["height"]
    section.top_margin = _MARGINS["top"]
    section.bottom_margin = _MARGINS["bottom"]
    section.left_margin = _MARGINS["left"]
    section.right_margin = _MARGINS["right"]
    section.gutter = Mm(0)
    section.footer_distance = _FOOTER_DISTANCE
    _set_doc_grid(section._sectPr)


def _set_doc_grid(sect_pr: _Element) -> None:
    """Give the section a line grid of 579 twips (28.95 pt), 22 lines to the text block."""
    grid = get_or_add(sect_pr, "w:docGrid")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))


def _add_page_numbers(document: DocxDocument) -> None:
    """Put "— N —" in the footers: odd pages right, even pages left, one character in."""
    document.settings.odd_and_even_pages_header_footer = True
    section = document.sections[0]
    _add_page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
    _add_page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)


def _add_page_number(footer: _Footer, alignment: WD_ALIGN_PARAGRAPH) -> None:
    """Fill `footer` with one "— PAGE —" paragraph aligned to `alignment`."""
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]
    paragraph.style = PAGE_NUMBER_STYLE
    paragraph.alignment = alignment
    if alignment == WD_ALIGN_PARAGRAPH.RIGHT:
        paragraph.paragraph_format.right_indent = PAGE_NUMBER_SIZE
    else:
        paragraph.paragraph_format.left_indent = PAGE_NUMBER_SIZE
    paragraph.add_run("— ")
    _add_field(paragraph, "PAGE", cached="1")
    paragraph.add_run(" —")


def _add_field(paragraph: Paragraph, instruction: str, cached: str) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end) to `paragraph`."""

    def fld_char(kind: str) -> None:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        paragraph.add_run().element.append(el)

    fld_char("begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run().element.append(instr)
    fld_char("separate")
    paragraph.add_run(cached)
    fld_char("end")
