"""Tests for refresh.refresh_draft: draft the example, edit it like a writer, refresh, compare."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import _Element
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.catalogue import load_indicators
from drafter.cli.app import app
from drafter.datafile import YearData, load_data
from drafter.docx import find_controls, paragraph_text, parse_tag
from drafter.drafting import RefreshResult, refresh_draft
from drafter.errors import DraftFormatError, InputError

from helpers import example_text, reopen

DOCUMENT = "word/document.xml"
_SDT = re.compile(rb"<w:sdt>.*?</w:sdt>", re.S)
_TAG = re.compile(rb'<w:tag w:val="([^"]*)"/>')
_BOOKMARK_TAGS = {qn("w:bookmarkStart"), qn("w:bookmarkEnd")}

# The example as drafted: one figure left blank, so the draft holds one 【待填】 placeholder.
DRAFTED = {"行政复议纠错件数: 96": "行政复议纠错件数:"}
# Corrected statistics sent in after the draft was edited.
CORRECTED = {
    "行政复议纠错件数: 96": "行政复议纠错件数: 96",
    "行政复议受理件数: {本年: 1486, 上年: 1399}": "行政复议受理件数: {本年: 1500, 上年: 1399}",
    "集体学法次数: 6": "集体学法次数: 7",
    "行政检查次数: {本年: 3650, 上年: 3800, 约数: true}": "行政检查次数: {本年: 3700, 上年: 3800, 约数: true}",
    "规范性文件清理件数: 463": "规范性文件清理件数: 470",
}


def _data(replacements: dict[str, str]) -> YearData:
    return load_data(example_text(replacements), "数据.yaml")


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def _control(document: DocxDocument, key: str, role: str = "value") -> _Element:
    for c in find_controls(document):
        if c.key == key and c.role == role:
            return c.element
    raise AssertionError(f"no control for {key} {role}")


def _paragraph_of(document: DocxDocument, element: _Element) -> Paragraph:
    p = next(a for a in element.iterancestors() if a.tag == qn("w:p"))
    return Paragraph(p, document._body)


def _texts(document: DocxDocument) -> dict[tuple[str, str], list[str]]:
    out: dict[tuple[str, str], list[str]] = {}
    for c in find_controls(document):
        out.setdefault((c.key, c.role if c.kind == "figure" else "todo"), []).append(c.text)
    return out


def _save(document: DocxDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _sibling(el: _Element, step: str) -> _Element:
    """Return the next or previous sibling of EL ("getnext"/"getprevious") that is no bookmark."""
    node = getattr(el, step)()
    while node is not None and node.tag in _BOOKMARK_TAGS:
        node = getattr(node, step)()
    assert node is not None
    return node


def _delete_sentence(document: DocxDocument, key: str) -> None:
    """Delete "；开展行政检查3650余次，较上年下降3.9%" as a writer would: text, controls and all."""
    value, change = _control(document, key), _control(document, key, "change")
    before, comma = _sibling(value, "getprevious"), _sibling(value, "getnext")
    after = _sibling(change, "getnext")
    assert comma.findtext(qn("w:t")) == "，"
    t_before, t_after = before.find(qn("w:t")), after.find(qn("w:t"))
    assert t_before is not None and t_after is not None and t_before.text and t_after.text
    t_before.text = t_before.text[: t_before.text.rfind("；") + 1]
    t_after.text = t_after.text.removeprefix("；")
    doomed = []  # the controls, the comma between them and the bookmarks around them
    node = before.getnext()
    while node is not None and node is not after:
        doomed.append(node)
        node = node.getnext()
    assert node is after
    for el in doomed:
        before.getparent().remove(el)


def _edit_like_a_writer(data: bytes) -> bytes:
    """Return DATA after the edits of a week in Word, made through python-docx."""
    document = reopen(data)
    paragraphs = document.paragraphs
    # Rewrite a paragraph of prose (one without figures).
    intro = next(p for p in paragraphs if p.text.startswith("将法治政府建设纳入全市"))
    intro.text = "市政府党组坚持把法治政府建设摆在全局工作的重要位置，年初即研究部署全年任务。"
    # Add a paragraph.
    rules = next(p for p in paragraphs if p.text.startswith("围绕城市治理"))
    rules.insert_paragraph_before("新增：全年组织规章立法后评估2项。", style=rules.style)
    # Delete a sentence holding a figure.
    _delete_sentence(document, "行政检查次数")
    # Reword the text before a figure and make it bold; bold the figure itself too.
    accepted = _control(document, "行政复议受理件数")
    paragraph = _paragraph_of(document, accepted)
    lead = paragraph.runs[0]
    assert lead.text.endswith("，全年受理行政复议案件")
    lead.text = lead.text.replace("全年受理", "全年共受理")
    lead.bold = True
    Run(accepted.find(f"{qn('w:sdtContent')}/{qn('w:r')}"), paragraph).bold = True  # type: ignore[arg-type]
    # Add a comment on a paragraph holding figures.
    laws = _paragraph_of(document, _control(document, "地方性法规件数"))
    document.add_comment(laws.runs[0], text="请法制科核对立法数字。", author="王科长", initials="W")
    return _save(document)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("draft")
    data_file = folder / "数据.yaml"
    data_file.write_text(example_text(DRAFTED), encoding="utf-8")
    result = CliRunner().invoke(app, ["draft", str(data_file), "-o", str(folder / "初稿.docx")])
    assert result.exit_code == 0, result.output
    return (folder / "初稿.docx").read_bytes()


@pytest.fixture(scope="module")
def edited(drafted: bytes) -> bytes:
    return _edit_like_a_writer(drafted)


@pytest.fixture(scope="module")
def refreshed(edited: bytes) -> RefreshResult:
    return refresh_draft(edited, _data(CORRECTED))


def test_the_draft_has_the_placeholder_and_the_figures_to_update(drafted: bytes) -> None:
    texts = _texts(reopen(drafted))
    label = load_indicators()["行政复议纠错件数"].description
    assert texts[("行政复议纠错件数", "todo")] == [f"【待填：{label}】"]
    assert texts[("行政复议受理件数", "value")] == ["1486件"]
    assert texts[("行政复议受理件数", "change")] == ["较上年增长6.2%"]


def test_refresh_puts_every_changed_value_in_with_its_change_phrase(
    refreshed: RefreshResult,
) -> None:
    texts = _texts(reopen(refreshed.docx))
    assert texts[("行政复议受理件数", "value")] == ["1500件"]
    assert texts[("行政复议受理件数", "change")] == ["较上年增长7.2%"]
    assert texts[("集体学法次数", "value")] == ["7次"]
    assert texts[("规范性文件清理件数", "value")] == ["470件"]
    assert {(u.key, u.role, u.old, u.new) for u in refreshed.updated} == {
        ("行政复议受理件数", "value", "1486件", "1500件"),
        ("行政复议受理件数", "change", "较上年增长6.2%", "较上年增长7.2%"),
        ("集体学法次数", "value", "6次", "7次"),
        ("规范性文件清理件数", "value", "463件", "470件"),
    }


def test_refresh_keeps_the_writers_words_and_formatting_around_and_in_a_figure(
    refreshed: RefreshResult,
) -> None:
    document = reopen(refreshed.docx)
    accepted = _control(document, "行政复议受理件数")
    paragraph = _paragraph_of(document, accepted)
    assert "，全年共受理行政复议案件1500件，较上年增长7.2%；" in paragraph_text(paragraph._p)
    assert paragraph.runs[0].bold is True
    assert accepted.find(f".//{qn('w:rPr')}/{qn('w:b')}") is not None


def test_refresh_reports_the_deleted_figure_as_unplaceable(refreshed: RefreshResult) -> None:
    assert [(u.key, u.value) for u in refreshed.unplaceable] == [("行政检查次数", "3700余次")]
    assert "行政检查" not in "".join(
        paragraph_text(p._p) for p in reopen(refreshed.docx).paragraphs
    )


def test_refresh_fills_a_placeholder_and_makes_it_a_figure_control(
    refreshed: RefreshResult,
) -> None:
    assert [(u.key, u.new) for u in refreshed.filled] == [("行政复议纠错件数", "96件")]
    document = reopen(refreshed.docx)
    control = _control(document, "行政复议纠错件数")
    assert (
        control.find(f"{qn('w:sdtPr')}/{qn('w:tag')}").get(qn("w:val"))
        == "drafter:行政复议纠错件数"
    )  # type: ignore[union-attr]
    assert control.find(f".//{qn('w:highlight')}") is None
    assert "纠正违法或不当行政行为96件，" in paragraph_text(_paragraph_of(document, control)._p)
    assert refreshed.pending == ()


def _masked(xml: bytes, masked: set[tuple[str, str]]) -> tuple[bytes, int]:
    """Return XML with the whole of every control for a masked (key, role) cut out, and a count."""
    count = 0

    def cut(m: re.Match[bytes]) -> bytes:
        nonlocal count
        tag = _TAG.search(m.group(0))
        parsed = parse_tag(tag.group(1).decode()) if tag else None
        if parsed and (parsed[1], parsed[2]) in masked:
            count += 1
            return b"<masked/>"
        return m.group(0)

    return _SDT.sub(cut, xml), count


def test_refresh_changes_no_byte_outside_the_updated_controls(
    edited: bytes, refreshed: RefreshResult
) -> None:
    before, after = _members(edited), _members(refreshed.docx)
    assert list(before) == list(after)
    assert {n: d for n, d in before.items() if n != DOCUMENT} == {
        n: d for n, d in after.items() if n != DOCUMENT
    }
    touched = {(u.key, u.role) for u in refreshed.updated + refreshed.filled}
    masked_before, n_before = _masked(before[DOCUMENT], touched)
    masked_after, n_after = _masked(after[DOCUMENT], touched)
    assert n_before == n_after == len(refreshed.updated) + len(refreshed.filled)
    assert masked_before == masked_after


def test_the_writers_comment_and_new_paragraph_survive(refreshed: RefreshResult) -> None:
    document = reopen(refreshed.docx)
    assert [c.text for c in document.comments if c.author == "王科长"] == ["请法制科核对立法数字。"]
    texts = [p.text for p in document.paragraphs]
    assert "新增：全年组织规章立法后评估2项。" in texts
    assert (
        texts.count("市政府党组坚持把法治政府建设摆在全局工作的重要位置，年初即研究部署全年任务。")
        == 1
    )


def test_refresh_with_the_same_figures_returns_the_same_bytes(edited: bytes) -> None:
    once = refresh_draft(edited, _data(CORRECTED))
    twice = refresh_draft(once.docx, _data(CORRECTED))
    assert not twice.changed
    assert twice.docx == once.docx


def test_change_phrase_without_last_years_figure_becomes_a_yellow_placeholder(
    drafted: bytes,
) -> None:
    no_previous = {"行政复议受理件数: {本年: 1486, 上年: 1399}": "行政复议受理件数: 1500"}
    result = refresh_draft(drafted, _data(DRAFTED | no_previous))
    control = _control(reopen(result.docx), "行政复议受理件数", "change")
    assert paragraph_text(control) == "【待填：同比】"
    assert control.find(f".//{qn('w:highlight')}").get(qn("w:val")) == "yellow"  # type: ignore[union-attr]
    assert [(n.key, n.role) for n in result.notices] == [("行政复议受理件数", "change")]
    assert "无法计算同比" in result.notices[0].reason
    again = refresh_draft(result.docx, _data(DRAFTED))
    control = _control(reopen(again.docx), "行政复议受理件数", "change")
    assert paragraph_text(control) == "较上年增长6.2%"
    assert control.find(f".//{qn('w:highlight')}") is None


def test_a_figure_changed_with_track_changes_on_keeps_its_revision_marks(drafted: bytes) -> None:
    document = reopen(drafted)
    content = _control(document, "行政复议受理件数").find(qn("w:sdtContent"))
    assert content is not None
    revised = (
        '<w:sdtContent xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:del w:id="901" w:author="王科长" w:date="2026-02-01T09:00:00Z">'
        "<w:r><w:delText>1486件</w:delText></w:r></w:del>"
        '<w:ins w:id="902" w:author="王科长" w:date="2026-02-01T09:00:00Z">'
        "<w:r><w:t>1490件</w:t></w:r></w:ins></w:sdtContent>"
    )
    content.getparent().replace(content, docx.oxml.parse_xml(revised))  # type: ignore[union-attr]
    result = refresh_draft(_save(document), _data(DRAFTED))
    control = _control(reopen(result.docx), "行政复议受理件数")
    assert [(u.old, u.new) for u in result.updated] == [("1490件", "1486件")]
    assert control.findtext(f".//{qn('w:del')}//{qn('w:delText')}") == "1486件"
    assert control.findtext(f".//{qn('w:ins')}//{qn('w:t')}") == "1486件"


def _bookmark_around(control: _Element) -> tuple[_Element, _Element]:
    start, end = control.getprevious(), control.getnext()
    assert start is not None and start.tag == qn("w:bookmarkStart")
    assert end is not None and end.tag == qn("w:bookmarkEnd")
    assert start.get(qn("w:id")) == end.get(qn("w:id"))
    return start, end


def _like_libreoffice(data: bytes, *, bookmarks: bool = True) -> bytes:
    """Return DATA as LibreOffice 7.4 saves it: every `w:sdtPr` emptied, each bookmark's start
    moved to the head of its control's content; without BOOKMARKS, the bookmarks deleted too."""
    document = reopen(data)
    for sdt in list(document.element.body.iter(qn("w:sdt"))):
        start, end = _bookmark_around(sdt)
        sdt_pr, content = sdt.find(qn("w:sdtPr")), sdt.find(qn("w:sdtContent"))
        assert sdt_pr is not None and content is not None
        for child in list(sdt_pr):
            sdt_pr.remove(child)
        content.insert(0, start)
        if not bookmarks:
            content.remove(start)
            end.getparent().remove(end)
    return _save(document)


def _tags(data: bytes) -> list[str]:
    return [c.tag for c in find_controls(reopen(data))]


def test_a_control_that_lost_its_tag_is_known_by_its_bookmark_and_gets_it_back(
    drafted: bytes,
) -> None:
    document = reopen(drafted)
    sdt_pr = _control(document, "集体学法次数").find(qn("w:sdtPr"))
    assert sdt_pr is not None
    for child in list(sdt_pr):
        sdt_pr.remove(child)
    result = refresh_draft(_save(document), _data(CORRECTED))
    assert (result.untagged, result.restored) == (0, 1)
    assert ("集体学法次数", "value", "6次", "7次") in {
        (u.key, u.role, u.old, u.new) for u in result.updated
    }
    assert _tags(result.docx) == _tags(refresh_draft(drafted, _data(CORRECTED)).docx)
    restored = _control(reopen(result.docx), "集体学法次数").find(qn("w:sdtPr"))
    assert [(c.tag, c.get(qn("w:val"))) for c in restored] == [
        (qn("w:alias"), "集体学法次数"),
        (qn("w:tag"), "drafter:集体学法次数"),
    ]


def test_a_control_that_lost_its_tag_and_its_bookmark_is_counted_and_its_figure_unplaceable(
    drafted: bytes,
) -> None:
    document = reopen(drafted)
    control = _control(document, "集体学法次数")
    tag = control.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
    tag.getparent().remove(tag)  # type: ignore[union-attr]
    for mark in _bookmark_around(control):
        mark.getparent().remove(mark)
    result = refresh_draft(_save(document), _data(DRAFTED))
    assert (result.untagged, result.restored) == (1, 0)
    assert [u.key for u in result.unplaceable] == ["集体学法次数"]


def test_a_draft_saved_like_libreoffice_refreshes_as_the_draft_itself(drafted: bytes) -> None:
    saved = _like_libreoffice(drafted)
    assert _tags(saved) == []
    expected = refresh_draft(drafted, _data(CORRECTED))
    result = refresh_draft(saved, _data(CORRECTED))
    assert result.updated == expected.updated and result.filled == expected.filled
    assert result.unplaceable == expected.unplaceable and result.pending == expected.pending
    assert (result.untagged, result.restored) == (0, len(_tags(drafted)))
    assert result.notices[0].key == "内容控件标签"
    assert f"{result.restored} 个数字控件" in result.notices[0].reason
    assert result.notices[1:] == expected.notices
    assert _tags(result.docx) == _tags(expected.docx)


def test_tags_restored_when_no_figure_changed_are_still_written(drafted: bytes) -> None:
    saved = _like_libreoffice(drafted)
    result = refresh_draft(saved, _data(DRAFTED))
    assert (result.updated, result.filled, result.restored) == ((), (), len(_tags(drafted)))
    assert result.changed
    assert _tags(result.docx) == _tags(drafted)


def test_a_filled_placeholder_saved_like_libreoffice_is_a_figure_again(drafted: bytes) -> None:
    filled = refresh_draft(drafted, _data(CORRECTED)).docx
    result = refresh_draft(_like_libreoffice(filled), _data(CORRECTED))
    assert (result.updated, result.filled, result.pending) == ((), (), ())
    assert "drafter:行政复议纠错件数" in _tags(result.docx)
    assert all(not t.startswith("drafter-todo:") for t in _tags(result.docx))


def test_a_bookmark_spanning_two_controls_names_neither(drafted: bytes) -> None:
    document = reopen(_like_libreoffice(drafted))
    sdts = list(document.element.body.iter(qn("w:sdt")))
    end = sdts[0].getnext()
    assert end is not None and end.tag == qn("w:bookmarkEnd")
    after_next = sdts[1].getnext()
    assert after_next is not None
    after_next.addnext(end)  # the first control's bookmark now ends after the second control
    result = refresh_draft(_save(document), _data(DRAFTED))
    assert (result.untagged, result.restored) == (1, len(sdts) - 1)


def test_a_draft_saved_like_libreoffice_without_its_bookmarks_is_refused(drafted: bytes) -> None:
    with pytest.raises(DraftFormatError, match="都没有 drafter 的标签"):
        refresh_draft(_like_libreoffice(drafted, bookmarks=False), _data(CORRECTED))


def test_a_docx_without_drafter_controls_is_not_a_drafter_draft() -> None:
    with pytest.raises(DraftFormatError, match="不是 drafter 生成的初稿"):
        refresh_draft(_save(docx.Document()), _data(DRAFTED))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"plain text, not a zip", "不是 .docx 文件"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "旧版 .doc"),
        (b"", "不是 .docx 文件"),
    ],
)
def test_not_a_docx_is_an_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        refresh_draft(data, _data(DRAFTED))


def test_a_truncated_docx_is_an_input_error(drafted: bytes) -> None:
    with pytest.raises(InputError, match="损坏"):
        refresh_draft(drafted[: len(drafted) // 2], _data(DRAFTED))


def test_a_zip_without_a_document_part_is_an_input_error() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="没有正文部分"):
        refresh_draft(out.getvalue(), _data(DRAFTED))


def test_a_control_the_writer_emptied_gets_its_figure_back(drafted: bytes) -> None:
    document = reopen(drafted)
    content = _control(document, "集体学法次数").find(qn("w:sdtContent"))
    assert content is not None
    for child in list(content):
        content.remove(child)
    result = refresh_draft(_save(document), _data(DRAFTED))
    assert [(u.key, u.old, u.new) for u in result.updated] == [("集体学法次数", "", "6次")]
    assert _texts(reopen(result.docx))[("集体学法次数", "value")] == ["6次"]
    assert _members(result.docx)[DOCUMENT].count(b"xmlns:w=") == 1


def test_a_document_xml_it_cannot_splice_is_written_whole_and_still_right(drafted: bytes) -> None:
    members = _members(drafted)
    w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = members[DOCUMENT].replace(w, w + b" " + w.replace(b"xmlns:w", b"xmlns:w2"), 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, xml if name == DOCUMENT else data)
    result = refresh_draft(out.getvalue(), _data(CORRECTED))
    assert _texts(reopen(result.docx))[("行政复议受理件数", "value")] == ["1500件"]
    assert _members(result.docx)[DOCUMENT].startswith(xml[: xml.index(b"?>") + 3])


def test_refresh_writes_a_small_counts_change_under_the_same_policy_as_draft(
    drafted: bytes,
) -> None:
    # 5 meetings against 4 was drafted as "较上年增加1次"; 6 against 4 is "较上年增加2次", not "增长50%"
    meetings = "常务会议研究法治次数: {本年: 5, 上年: 4}"
    assert _texts(reopen(drafted))[("常务会议研究法治次数", "change")] == ["较上年增加1次"]
    result = refresh_draft(drafted, _data({**DRAFTED, meetings: meetings.replace("5", "6")}))
    assert _texts(reopen(result.docx))[("常务会议研究法治次数", "change")] == ["较上年增加2次"]
