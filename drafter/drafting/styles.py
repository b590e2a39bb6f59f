"""The named paragraph styles of a drafter .docx (GB/T 9704 fonts, sizes, indents), defined once."""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Length, Pt
from docx.styles.style import ParagraphStyle
from lxml.etree import _Element

from drafter.docx import get_or_add
from drafter.drafting.model import BlockKind

LATIN_FONT = "Times New Roman"
LINE_PITCH = Pt(28.95)  # 579 twips: 22 lines fill the 225 mm text block
LINE_PITCH_TWIPS = 579
BODY_SIZE = Pt(16)  # 3号
TWO_CHARS = Pt(32)  # the 2-character indent of body text and headings at 3号
FOUR_CHARS = Pt(64)
PAGE_NUMBER_SIZE = Pt(14)  # 4号
# 28 characters at 3号 are 448 pt, wider than the 156 mm (442 pt) text block: tighten each by
# 0.25 pt (w:spacing is in twentieths of a point) so a line holds the 28 GB/T 9704 asks for.
TIGHTEN_TWENTIETHS = -5

TITLE_STYLE = "公文标题"
BODY_STYLE = "公文正文"
SIGNATURE_STYLE = "公文落款"
DATE_STYLE = "公文日期"
PAGE_NUMBER_STYLE = "公文页码"
ADDRESSEE_STYLE = "公文主送"

STYLE_FOR_KIND: dict[BlockKind, str] = {
    "title": TITLE_STYLE,
    "heading1": "Heading 1",
    "heading2": "Heading 2",
    "heading3": "Heading 3",
    "body": BODY_STYLE,
    "addressee": ADDRESSEE_STYLE,
    "signature": SIGNATURE_STYLE,
    "date": DATE_STYLE,
}

# Children of w:pPr that the schema puts after w:autoSpaceDN.
_PPR_AFTER_AUTOSPACE = (
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)  # fmt: skip
_THEME_ATTRS = tuple(qn(f"w:{a}") for a in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"))


@dataclass(frozen=True)
class _Spec:
    """How one paragraph style looks; the defaults are those of body text."""

    name: str
    east_asia: str
    size: Length = BODY_SIZE
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.JUSTIFY
    first_line_indent: Length | None = TWO_CHARS
    right_indent: Length | None = None
    bold: bool = False
    outline_level: int | None = None
    space_after: Length | None = None
    latin: str = LATIN_FONT
    exact_pitch: bool = True
    tighten: bool = True
    autospace: bool = True


_SPECS = (
    _Spec(
        name=TITLE_STYLE,
        east_asia="方正小标宋简体",
        size=Pt(22),
        align=WD_ALIGN_PARAGRAPH.CENTER,
        first_line_indent=None,
        space_after=LINE_PITCH,  # one blank line below the title
        tighten=False,
    ),
    _Spec(name=BODY_STYLE, east_asia="仿宋_GB2312"),
    # GB/T 9704 7.3.2: the 主送机关 on the line under the title, flush left
    _Spec(name=ADDRESSEE_STYLE, east_asia="仿宋_GB2312", first_line_indent=None),
    _Spec(name="Heading 1", east_asia="黑体", outline_level=0),
    _Spec(name="Heading 2", east_asia="楷体_GB2312", outline_level=1),
    _Spec(name="Heading 3", east_asia="仿宋_GB2312", bold=True, outline_level=2),
    # GB/T 9704 7.3.5.2: the date 2 characters from the right, the signature starting 2 characters
    # left of it; the writer refines both indents from the actual lengths.
    _Spec(
        name=SIGNATURE_STYLE,
        east_asia="仿宋_GB2312",
        align=WD_ALIGN_PARAGRAPH.RIGHT,
        first_line_indent=None,
        right_indent=FOUR_CHARS,
    ),
    _Spec(
        name=DATE_STYLE,
        east_asia="仿宋_GB2312",
        align=WD_ALIGN_PARAGRAPH.RIGHT,
        first_line_indent=None,
        right_indent=TWO_CHARS,
        autospace=False,  # "2026年3月8日" set tight, so its width is what the writer counts
    ),
    # Page numbers are half-width digits in 宋体, so every script gets 宋体 (the dashes too).
    _Spec(
        name=PAGE_NUMBER_STYLE,
        east_asia="宋体",
        latin="宋体",
        size=PAGE_NUMBER_SIZE,
        align=WD_ALIGN_PARAGRAPH.RIGHT,
        first_line_indent=None,
        exact_pitch=False,
        tighten=False,
    ),
)


def define_styles(document: DocxDocument) -> None:
    """Set document defaults and define every drafter paragraph style in `document`."""
    _set_doc_defaults(document)
    _set_theme_font_lang(document)
    for spec in _SPECS:
        _define(document, spec)
    _strip_theme_fonts(document.styles.element)


def _define(document: DocxDocument, spec: _Spec) -> None:
    """Create (or reset) one paragraph style from its spec."""
    styles = document.styles
    try:  # a lookup by name; listing every style's name would be ten times slower
        style = styles[spec.name]
    except KeyError:
        style = styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Footer" if spec.name == PAGE_NUMBER_STYLE else "Normal"]
        style.quick_style = True
    else:
        assert isinstance(style, ParagraphStyle)
        _reset_linked_character_style(document, style)
    assert isinstance(style, ParagraphStyle)
    # Built-in headings come blue, bold, larger and spaced, with theme fonts: start clean.
    if style.element.rPr is not None:
        style.element.remove(style.element.rPr)
    font = style.font
    font.size = spec.size
    font.bold = spec.bold
    font.italic = False
    rPr = style.element.get_or_add_rPr()
    _set_fonts(rPr, spec.latin, spec.east_asia)
    if spec.tighten:
        _set_char_spacing(rPr, TIGHTEN_TWENTIETHS)
    pf = style.paragraph_format
    pf.alignment = spec.align
    pf.first_line_indent = spec.first_line_indent
    pf.right_indent = spec.right_indent
    pf.space_before = Pt(0)
    pf.space_after = spec.space_after or Pt(0)
    pf.widow_control = False  # full pages: every page keeps its 22 lines
    pf.line_spacing = LINE_PITCH if spec.exact_pitch else 1.0
    if spec.outline_level is not None:
        _set_outline_level(style.element.get_or_add_pPr(), spec.outline_level)
    if not spec.autospace:
        _turn_off_autospace(style.element.get_or_add_pPr())


def _reset_linked_character_style(document: DocxDocument, style: ParagraphStyle) -> None:
    """Drop the run format of a built-in style's linked character style (blue 14 pt headings).

    Word applies "Heading 1 Char" when a heading style is applied to part of a paragraph.
    """
    link = style.element.find(qn("w:link"))
    linked = document.styles.element.get_by_id(link.get(qn("w:val"))) if link is not None else None
    if linked is not None and linked.rPr is not None:
        linked.remove(linked.rPr)


def _set_fonts(rPr: _Element, latin: str, east_asia: str) -> None:
    """Name the Latin and East Asian faces in `w:rFonts`, without theme fonts that override them."""
    rFonts = get_or_add(rPr, "w:rFonts", first=True)
    for attr in _THEME_ATTRS:
        rFonts.attrib.pop(attr, None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        rFonts.set(qn(attr), latin)
    rFonts.set(qn("w:eastAsia"), east_asia)


def _set_char_spacing(rPr: BaseOxmlElement, twentieths: int) -> None:
    """Set the character spacing (`w:spacing`, twentieths of a point) of a style's run format."""
    later = ("w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:lang")
    spacing = get_or_add(rPr, "w:spacing", successors=later)
    spacing.set(qn("w:val"), str(twentieths))


def _set_outline_level(pPr: BaseOxmlElement, level: int) -> None:
    """Give the paragraph style an outline level, for Word's navigation pane and TOC."""
    later = ("w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
    outline = get_or_add(pPr, "w:outlineLvl", successors=later)
    outline.set(qn("w:val"), str(level))


def _turn_off_autospace(pPr: BaseOxmlElement) -> None:
    """Stop Word adding space between Han characters and Latin letters or digits."""
    for name in ("w:autoSpaceDE", "w:autoSpaceDN"):
        flag = get_or_add(pPr, name, successors=_PPR_AFTER_AUTOSPACE)
        flag.set(qn("w:val"), "0")


def _set_doc_defaults(document: DocxDocument) -> None:
    """Make the document defaults Chinese: 仿宋_GB2312 3号, zh-CN, no paragraph spacing."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    assert defaults is not None
    rPr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert rPr is not None
    _set_fonts(rPr, LATIN_FONT, "仿宋_GB2312")
    for tag in ("w:sz", "w:szCs"):
        el = rPr.find(qn(tag))
        if el is not None:
            el.set(qn("w:val"), str(int(BODY_SIZE.pt * 2)))
    lang = get_or_add(rPr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    if spacing is not None:
        spacing.set(qn("w:after"), "0")


def _set_theme_font_lang(document: DocxDocument) -> None:
    """Replace the template's Japanese theme font language with zh-CN."""
    settings = document.settings.element
    lang = get_or_add(settings, "w:themeFontLang")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _strip_theme_fonts(styles: _Element) -> None:
    """Drop every theme-font attribute left in the styles part (linked character styles too)."""
    for rFonts in styles.iter(qn("w:rFonts")):
        for attr in _THEME_ATTRS:
            rFonts.attrib.pop(attr, None)
