"""render_docx and the docx controls: reopen a draft and check its paragraphs, figures and marks."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_COLOR_INDEX
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
)
from drafter.text import SUGGESTION_MARK

from helpers import reopen

TITLE = "某某市人民政府关于2025年度法治政府建设情况的报告"
UNIT = "某某市人民政府"
SUGGESTED = "基层法治工作力量相对薄弱。"

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
