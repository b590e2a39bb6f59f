"""Tests for docx_writer.render_docx and docx_controls: reopen the .docx and check what it holds."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt

from drafter.docx import (
    bookmark_name,
    figure_tag,
    find_controls,
    iter_body_paragraphs,
    parse_bookmark,
    retag,
    set_control_text,
    set_highlight,
    todo_tag,
)
from drafter.drafting import (
    Block,
    Draft,
    Figure,
    Placeholder,
    Suggestion,
    Text,
    render_docx,
    styled_template,
)
from drafter.errors import TemplateDataError
from drafter.text import SUGGESTION_MARK

from helpers import reopen

TITLE = "某某市人民政府关于2025年度法治政府建设情况的报告"
UNIT = "某某市人民政府"
SUGGESTED = "基层法治工作力量相对薄弱。"
THEME_ATTRS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")

DRAFT = Draft(
    title=TITLE,
    unit=UNIT,
    year=2025,
    signed=date(2026, 3, 8),
    blocks=(
        Block("title", (Text(TITLE),)),
        Block("heading1", (Text("一、主要举措和成效"),)),
        Block("heading2", (Text("（一）推进行政复议体制改革"),)),
        Block("heading3", (Text("1.办理行政复议案件。"),)),
        Block(
            "body",
            (
                Text("全年收到行政复议申请"),
                Figure("复议.收到", "1286"),
                Text("件，"),
                Figure("复议.收到", "同比增长12.5%", "change"),
                Text("；受理"),
                Placeholder("复议.受理", "行政复议受理件数"),
                Text("件，化解率"),
                Placeholder(None, "实质性化解率"),
                Text("。"),
            ),
        ),
        Block("body", (Text("存在的不足："), Suggestion(SUGGESTED))),
        Block("signature", (Text(UNIT),)),
        Block("date", (Text("2026年3月8日"),)),
    ),
)


def _save_andreopen(document: DocxDocument) -> DocxDocument:
    out = io.BytesIO()
    document.save(out)
    return reopen(out.getvalue())


@pytest.fixture(scope="module")
def data() -> bytes:
    return render_docx(DRAFT)


@pytest.fixture
def document(data: bytes) -> DocxDocument:
    return reopen(data)


def test_render_returns_docx_bytes(data: bytes) -> None:
    assert data[:2] == b"PK"


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


def test_paragraphs_in_order_with_their_styles(document: DocxDocument) -> None:
    assert list(iter_body_paragraphs(document)) == [
        ("公文标题", TITLE),
        ("Heading 1", "一、主要举措和成效"),
        ("Heading 2", "（一）推进行政复议体制改革"),
        ("Heading 3", "1.办理行政复议案件。"),
        (
            "公文正文",
            "全年收到行政复议申请1286件，同比增长12.5%；受理【待填：行政复议受理件数】"
            "件，化解率【待填：实质性化解率】。",
        ),
        ("公文正文", f"存在的不足：{SUGGESTION_MARK}{SUGGESTED}"),
        ("公文正文", ""),
        ("公文落款", UNIT),
        ("公文日期", "2026年3月8日"),
    ]


def test_signature_and_date_indents_follow_gbt9704(document: DocxDocument) -> None:
    # 某某市人民政府 is 7 characters, 2026年3月8日 is 6: the signature stands 3 characters from
    # the right so that the date, 2 from the right, starts 2 characters right of it.
    paragraphs = {p.style.name: p for p in document.paragraphs if p.style is not None}
    assert paragraphs["公文落款"].paragraph_format.right_indent == Pt(48)
    assert paragraphs["公文日期"].paragraph_format.right_indent == Pt(32)


def test_figures_are_tagged_content_controls(document: DocxDocument) -> None:
    figures = [
        (c.tag, c.key, c.role, c.text) for c in find_controls(document) if c.kind == "figure"
    ]
    assert figures == [
        (figure_tag("复议.收到"), "复议.收到", "value", "1286"),
        (figure_tag("复议.收到", "change"), "复议.收到", "change", "同比增长12.5%"),
    ]
    for control in find_controls(document):
        sdt_pr = control.element.find(qn("w:sdtPr"))
        assert sdt_pr.find(qn("w:alias")).get(qn("w:val")) == control.key
        assert sdt_pr.find(qn("w:showingPlcHdr")) is None


def _annotation_ids(document: DocxDocument) -> list[str]:
    """Return the `w:id` of every bookmark start and comment of the document, with repeats."""
    starts = document.element.body.iter(qn("w:bookmarkStart"), qn("w:commentRangeStart"))
    return [el.get(qn("w:id")) for el in starts]


def test_every_control_stands_in_a_hidden_bookmark_naming_its_key_and_role(
    document: DocxDocument,
) -> None:
    controls = find_controls(document)
    keys = {c.key for c in controls}
    names = []
    for control in controls:
        start, end = control.element.getprevious(), control.element.getnext()
        assert start.tag == qn("w:bookmarkStart") and end.tag == qn("w:bookmarkEnd")
        assert start.get(qn("w:id")) == end.get(qn("w:id"))
        name = start.get(qn("w:name"))
        assert re.fullmatch(r"_[A-Za-z0-9_]{1,39}", name), name  # hidden, ASCII, ≤ 40
        assert parse_bookmark(name, keys) == (control.kind, control.key, control.role)
        names.append(name)
    assert len(names) == len(set(names)) == 3
    assert len(list(document.element.body.iter(qn("w:bookmarkStart")))) == 3


def test_bookmark_ids_are_unique_and_clash_with_no_comment() -> None:
    inlines = (Suggestion("甲"), Figure("甲", "1"), Suggestion("乙"), Placeholder("乙", "乙"))
    draft = Draft(TITLE, UNIT, 2025, date(2026, 3, 8), (Block("body", inlines),) * 3)
    document = reopen(render_docx(draft))
    ids = _annotation_ids(document)
    assert len(ids) == 12 and len(set(ids)) == 12
    assert {str(c.comment_id) for c in document.comments} <= set(ids)


def test_bookmark_names_round_trip_and_other_names_do_not_parse() -> None:
    key = "行政复议案件办理" * 20  # a long key still gives a short name
    for kind, role in (("figure", "value"), ("figure", "change"), ("todo", "value")):
        name = bookmark_name(kind, key, role, 12345)
        assert len(name) <= 40 and name.isascii()
        assert parse_bookmark(name, ["其他", key]) == (kind, key, role)
        assert parse_bookmark(name, ["其他"]) is None
    for other in ("_GoBack", "_Toc123", "_drv_xyz_1", "drv_0123456789ab_1", ""):
        assert parse_bookmark(other, [key]) is None


def test_figure_runs_inherit_the_paragraph_style(document: DocxDocument) -> None:
    control = find_controls(document)[0]
    assert control.element.find(f"{qn('w:sdtContent')}/{qn('w:r')}/{qn('w:rPr')}") is None


def test_placeholders_are_yellow_and_keyed_ones_are_todo_controls(document: DocxDocument) -> None:
    todos = [c for c in find_controls(document) if c.kind == "todo"]
    assert [(c.tag, c.text) for c in todos] == [
        (todo_tag("复议.受理"), "【待填：行政复议受理件数】")
    ]
    highlight = todos[0].element.find(f".//{qn('w:highlight')}")
    assert highlight.get(qn("w:val")) == "yellow"
    body = document.paragraphs[4]
    # Paragraph.runs skips runs inside content controls: the keyless placeholder is a plain run.
    plain = [(r.text, r.font.highlight_color) for r in body.runs if "待填" in r.text]
    assert plain == [("【待填：实质性化解率】", WD_COLOR_INDEX.YELLOW)]


def test_suggestion_is_grey_italic_and_commented(document: DocxDocument) -> None:
    runs = [r for r in document.paragraphs[5].runs if r.text.startswith(SUGGESTION_MARK)]
    assert [(r.text, r.font.highlight_color, r.font.italic) for r in runs] == [
        (SUGGESTION_MARK + SUGGESTED, WD_COLOR_INDEX.GRAY_25, True)
    ]
    comments = list(document.comments)
    assert [c.author for c in comments] == ["drafter"]
    assert "改写" in comments[0].text
    body = document.element.body
    start = body.find(f".//{qn('w:commentRangeStart')}")
    assert start.getnext() is runs[0].element


def test_suggestion_mark_is_not_doubled() -> None:
    draft = Draft(
        TITLE, UNIT, 2025, date(2026, 3, 8), (Block("body", (Suggestion("【建议改写】甲"),)),)
    )
    assert list(iter_body_paragraphs(reopen(render_docx(draft)))) == [
        ("公文正文", "【建议改写】甲")
    ]


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


def test_core_properties(document: DocxDocument) -> None:
    props = document.core_properties
    assert (props.title, props.author, props.language) == (TITLE, UNIT, "zh-CN")
    assert props.created == datetime(2026, 3, 8, 9, 0, tzinfo=timezone(timedelta(hours=8)))


def test_set_control_text_round_trip_keeps_the_rest_of_the_paragraph(
    document: DocxDocument,
) -> None:
    [received] = [c for c in find_controls(document) if c.tag == figure_tag("复议.收到")]
    set_control_text(received.element, "1300")
    reopened = _save_andreopen(document)
    assert [c.text for c in find_controls(reopened)][:2] == ["1300", "同比增长12.5%"]
    assert list(iter_body_paragraphs(reopened))[4][1] == (
        "全年收到行政复议申请1300件，同比增长12.5%；受理【待填：行政复议受理件数】"
        "件，化解率【待填：实质性化解率】。"
    )


def test_filling_a_todo_clears_its_highlight_and_retags_it(document: DocxDocument) -> None:
    [todo] = [c for c in find_controls(document) if c.kind == "todo"]
    set_control_text(todo.element, "1100")
    set_highlight(todo.element, on=False)
    retag(todo.element, figure_tag("复议.受理"))
    reopened = _save_andreopen(document)
    filled = [c for c in find_controls(reopened) if c.key == "复议.受理"]
    assert [(c.kind, c.tag, c.text) for c in filled] == [("figure", "drafter:复议.受理", "1100")]
    assert filled[0].element.find(f".//{qn('w:highlight')}") is None


def test_set_control_text_keeps_first_run_formatting(document: DocxDocument) -> None:
    [todo] = [c for c in find_controls(document) if c.kind == "todo"]
    set_control_text(todo.element, "【待填：改】")
    highlight = todo.element.find(f".//{qn('w:highlight')}")
    assert highlight is not None and highlight.get(qn("w:val")) == "yellow"


def test_iter_body_paragraphs_reads_table_cells_in_order(document: DocxDocument) -> None:
    document.add_table(rows=1, cols=2).rows[0].cells[1].paragraphs[0].add_run("表中文字")
    document.add_paragraph("表后", style="公文正文")
    tail = list(iter_body_paragraphs(document))[-3:]
    assert tail == [("Normal", ""), ("Normal", "表中文字"), ("公文正文", "表后")]


@pytest.mark.parametrize("style_name", ["Heading 1 Char", "Heading 2 Char", "Heading 3 Char"])
def test_linked_heading_character_styles_are_not_blue(
    document: DocxDocument, style_name: str
) -> None:
    assert document.styles[style_name].element.rPr is None


@pytest.mark.parametrize(
    ("unit", "signature_right", "date_right"),
    [
        # a long unit stands 2 characters from the right; the 6-character date starts 2 in
        ("某某省某某市某某区人民政府", 32, 112),
        # a short unit moves left so that it starts 2 characters left of the date
        ("某某局", 112, 32),
    ],
)
def test_signature_and_date_indents_by_length(
    unit: str, signature_right: int, date_right: int
) -> None:
    blocks = (Block("signature", (Text(unit),)), Block("date", (Text("2026年3月8日"),)))
    document = reopen(render_docx(Draft(TITLE, unit, 2025, date(2026, 3, 8), blocks)))
    indents = [p.paragraph_format.right_indent for p in document.paragraphs]
    assert indents == [Pt(signature_right), Pt(date_right)]


@pytest.mark.parametrize(
    ("closing", "kept"),
    [
        ((), [f"存在的不足：【建议改写】{SUGGESTED}"]),
        (("特此报告。",), [f"存在的不足：【建议改写】{SUGGESTED}", "特此报告。"]),
    ],
    ids=["last paragraph", "closing formula and the paragraph before"],
)
def test_the_signature_never_stands_on_a_page_without_body_text(
    closing: tuple[str, ...], kept: list[str]
) -> None:
    # GB/T 9704: body text on the signature's page. The last body paragraph (and the one before a
    # bare 特此报告。) is kept with the blank line, signature and date below it.
    blocks = list(DRAFT.blocks)
    at = next(i for i, b in enumerate(blocks) if b.kind == "signature")
    blocks[at:at] = [Block("body", (Text(t),)) for t in closing]
    document = reopen(render_docx(replace(DRAFT, blocks=tuple(blocks))))
    paragraphs = document.paragraphs
    signature = next(i for i, p in enumerate(paragraphs) if p.text == UNIT and i > 0)
    with_next = [p.text for p in paragraphs[:signature] if p.paragraph_format.keep_with_next]
    assert with_next == [*kept, ""]  # "" is the blank line above the signature


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
