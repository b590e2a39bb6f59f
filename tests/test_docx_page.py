"""The 公文 page and styles every draft is laid out in (GB/T 9704, ../shared/docs/docx-format.md)."""

from __future__ import annotations

import io
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from drafter.drafting import Block, Draft, Text, render_docx, styled_template
from drafter.errors import TemplateDataError

from helpers import reopen

THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# The page and the styles are the same whatever the draft holds.
DRAFT = Draft(
    title="某某县人民政府关于2025年度法治政府建设情况的报告",
    unit="某某县人民政府",
    year=2025,
    signed=date(2026, 3, 8),
    blocks=(
        Block("title", (Text("某某县人民政府关于2025年度法治政府建设情况的报告"),)),
        Block("body", (Text("2025年，县政府深入学习贯彻习近平法治思想。"),)),
        Block("signature", (Text("某某县人民政府"),)),
        Block("date", (Text("2026年3月8日"),)),
    ),
)


@pytest.fixture(scope="module")
def document() -> DocxDocument:
    return reopen(render_docx(DRAFT))


def test_page_is_a4_portrait_with_gbt9704_margins(document: DocxDocument) -> None:
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    measured = {
        "width": section.page_width.mm,
        "height": section.page_height.mm,
        "top": section.top_margin.mm if section.top_margin is not None else None,
        "left": section.left_margin.mm if section.left_margin is not None else None,
        "right": section.right_margin.mm if section.right_margin is not None else None,
        "bottom": section.bottom_margin.mm if section.bottom_margin is not None else None,
    }
    expected = {"width": 210, "height": 297, "top": 37, "left": 28, "right": 26, "bottom": 35}
    assert measured == {k: pytest.approx(v, abs=0.05) for k, v in expected.items()}


def test_doc_grid_line_pitch_is_579(document: DocxDocument) -> None:
    grid = document.sections[0]._sectPr.find(qn("w:docGrid"))
    assert grid is not None
    assert grid.get(qn("w:linePitch")) == "579"


@pytest.mark.parametrize(
    ("style_name", "east_asia", "size_pt", "bold"),
    [
        ("公文标题", "方正小标宋简体", 22, False),
        ("公文正文", "仿宋_GB2312", 16, False),
        ("Heading 1", "黑体", 16, False),
        ("Heading 2", "楷体_GB2312", 16, False),
        ("Heading 3", "仿宋_GB2312", 16, True),
        ("公文落款", "仿宋_GB2312", 16, False),
        ("公文日期", "仿宋_GB2312", 16, False),
        ("公文页码", "宋体", 14, False),
    ],
)
def test_style_fonts_and_sizes(
    document: DocxDocument, style_name: str, east_asia: str, size_pt: int, bold: bool
) -> None:
    style = document.styles[style_name]
    rFonts = style.element.rPr.find(qn("w:rFonts"))
    assert rFonts.get(qn("w:eastAsia")) == east_asia
    # GB/T 9704: page numbers are half-width 宋体 digits; all other Latin text is Times New Roman.
    latin = "宋体" if style_name == "公文页码" else "Times New Roman"
    assert rFonts.get(qn("w:ascii")) == rFonts.get(qn("w:hAnsi")) == latin
    assert style.font.size == Pt(size_pt)
    assert bool(style.font.bold) is bold
    assert style.element.rPr.find(qn("w:color")) is None
    assert [a for a in THEME_ATTRS if rFonts.get(qn(a)) is not None] == []


def test_no_theme_fonts_anywhere_in_styles(document: DocxDocument) -> None:
    styles = document.styles.element
    leftovers = [
        a for rFonts in styles.iter(qn("w:rFonts")) for a in THEME_ATTRS if rFonts.get(qn(a))
    ]
    assert leftovers == []


def test_doc_defaults_and_settings_are_chinese(document: DocxDocument) -> None:
    rPr = document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    assert rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert rPr.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
    assert rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    lang = document.settings.element.find(qn("w:themeFontLang"))
    assert lang.get(qn("w:eastAsia")) == "zh-CN"


@pytest.mark.parametrize(
    "style_name", ["公文标题", "公文正文", "Heading 1", "Heading 2", "Heading 3", "公文落款"]
)
def test_text_styles_use_exact_28_95pt_lines(document: DocxDocument, style_name: str) -> None:
    pf = document.styles[style_name].paragraph_format
    assert pf.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert pf.line_spacing == Pt(28.95)


def test_body_style_indents_two_characters_and_justifies(document: DocxDocument) -> None:
    pf = document.styles["公文正文"].paragraph_format
    assert (pf.first_line_indent, pf.alignment) == (Pt(32), WD_ALIGN_PARAGRAPH.JUSTIFY)


def test_title_is_centred_with_one_blank_line_below(document: DocxDocument) -> None:
    pf = document.styles["公文标题"].paragraph_format
    assert (pf.alignment, pf.space_after) == (WD_ALIGN_PARAGRAPH.CENTER, Pt(28.95))


@pytest.mark.parametrize(
    ("style_name", "level"), [("Heading 1", 0), ("Heading 2", 1), ("Heading 3", 2)]
)
def test_heading_outline_levels_and_spacing(
    document: DocxDocument, style_name: str, level: int
) -> None:
    style = document.styles[style_name]
    outline = style.element.pPr.find(qn("w:outlineLvl"))
    assert outline.get(qn("w:val")) == str(level)
    pf = style.paragraph_format
    assert (pf.space_before, pf.space_after, pf.first_line_indent) == (Pt(0), Pt(0), Pt(32))


@pytest.mark.parametrize(
    ("which", "alignment", "indent_side"),
    [
        ("footer", WD_ALIGN_PARAGRAPH.RIGHT, "right"),
        ("even_page_footer", WD_ALIGN_PARAGRAPH.LEFT, "left"),
    ],
)
def test_footers_hold_a_page_field_between_dashes(
    document: DocxDocument, which: str, alignment: WD_ALIGN_PARAGRAPH, indent_side: str
) -> None:
    assert document.settings.odd_and_even_pages_header_footer is True
    footer = getattr(document.sections[0], which)
    [paragraph] = footer.paragraphs
    p = paragraph._p
    kinds = [f.get(qn("w:fldCharType")) for f in p.iter(qn("w:fldChar"))]
    instructions = [i.text for i in p.iter(qn("w:instrText"))]
    texts = [t.text for t in p.iter(qn("w:t"))]
    assert (kinds, instructions, texts) == (
        ["begin", "separate", "end"],
        [" PAGE "],
        ["— ", "1", " —"],
    )
    assert paragraph.style.name == "公文页码"
    assert paragraph.alignment == alignment
    assert getattr(paragraph.paragraph_format, f"{indent_side}_indent") == Pt(14)


@pytest.mark.parametrize("style_name", ["Heading 1 Char", "Heading 2 Char", "Heading 3 Char"])
def test_linked_heading_character_styles_are_not_blue(
    document: DocxDocument, style_name: str
) -> None:
    assert document.styles[style_name].element.rPr is None


def test_the_shipped_styled_template_is_what_the_styles_build() -> None:
    # Drafts open templates/styled.docx instead of building the styles each time; it must hold
    # exactly what styles.py and the page setup build, part for part. Rebuild it with
    # python -c "from drafter.drafting import styled_template as t; open('templates/styled.docx', 'wb').write(t())"
    shipped = zipfile.ZipFile(Path(__file__).parent.parent / "templates" / "styled.docx")
    built = zipfile.ZipFile(io.BytesIO(styled_template()))
    assert shipped.namelist() == built.namelist()
    changed = [n for n in built.namelist() if shipped.read(n) != built.read(n)]
    assert changed == []


def test_a_broken_styled_template_is_one_chinese_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "styled.docx").write_bytes(b"not a zip")
    monkeypatch.setattr("drafter.resources.templates_dir", lambda: tmp_path)
    with pytest.raises(TemplateDataError, match="公文模板文件缺失、损坏"):
        render_docx(DRAFT)
