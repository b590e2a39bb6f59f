"""Refresh on drafts that lost their tags (as LibreOffice saves them) or are damaged files."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from lxml.etree import _Element

from drafter.docx import find_controls
from drafter.drafting import refresh_draft
from drafter.errors import DraftFormatError, InputError

from helpers import reopen
from refreshing import (
    CORRECTED,
    DOCUMENT,
    DRAFTED,
    control_of,
    draft_example,
    members_of,
    save,
    texts_of,
    year_data,
)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return draft_example(tmp_path_factory.mktemp("draft"))


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
    return save(document)


def _tags(data: bytes) -> list[str]:
    return [c.tag for c in find_controls(reopen(data))]


def test_a_control_that_lost_its_tag_is_known_by_its_bookmark_and_gets_it_back(
    drafted: bytes,
) -> None:
    document = reopen(drafted)
    sdt_pr = control_of(document, "集体学法次数").find(qn("w:sdtPr"))
    assert sdt_pr is not None
    for child in list(sdt_pr):
        sdt_pr.remove(child)
    result = refresh_draft(save(document), year_data(CORRECTED))
    assert (result.untagged, result.restored) == (0, 1)
    assert ("集体学法次数", "value", "6次", "7次") in {
        (u.key, u.role, u.old, u.new) for u in result.updated
    }
    assert _tags(result.docx) == _tags(refresh_draft(drafted, year_data(CORRECTED)).docx)
    restored = control_of(reopen(result.docx), "集体学法次数").find(qn("w:sdtPr"))
    assert [(c.tag, c.get(qn("w:val"))) for c in restored] == [
        (qn("w:alias"), "集体学法次数"),
        (qn("w:tag"), "drafter:集体学法次数"),
    ]


def test_a_control_that_lost_its_tag_and_its_bookmark_is_counted_and_its_figure_unplaceable(
    drafted: bytes,
) -> None:
    document = reopen(drafted)
    control = control_of(document, "集体学法次数")
    tag = control.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
    tag.getparent().remove(tag)  # type: ignore[union-attr]
    for mark in _bookmark_around(control):
        mark.getparent().remove(mark)
    result = refresh_draft(save(document), year_data(DRAFTED))
    assert (result.untagged, result.restored) == (1, 0)
    assert [u.key for u in result.unplaceable] == ["集体学法次数"]


def test_a_draft_saved_like_libreoffice_refreshes_as_the_draft_itself(drafted: bytes) -> None:
    saved = _like_libreoffice(drafted)
    assert _tags(saved) == []
    expected = refresh_draft(drafted, year_data(CORRECTED))
    result = refresh_draft(saved, year_data(CORRECTED))
    assert result.updated == expected.updated and result.filled == expected.filled
    assert result.unplaceable == expected.unplaceable and result.pending == expected.pending
    assert (result.untagged, result.restored) == (0, len(_tags(drafted)))
    assert result.notices[0].key == "内容控件标签"
    assert f"{result.restored} 个数字控件" in result.notices[0].reason
    assert result.notices[1:] == expected.notices
    assert _tags(result.docx) == _tags(expected.docx)


def test_tags_restored_when_no_figure_changed_are_still_written(drafted: bytes) -> None:
    saved = _like_libreoffice(drafted)
    result = refresh_draft(saved, year_data(DRAFTED))
    assert (result.updated, result.filled, result.restored) == ((), (), len(_tags(drafted)))
    assert result.changed
    assert _tags(result.docx) == _tags(drafted)


def test_a_filled_placeholder_saved_like_libreoffice_is_a_figure_again(drafted: bytes) -> None:
    filled = refresh_draft(drafted, year_data(CORRECTED)).docx
    result = refresh_draft(_like_libreoffice(filled), year_data(CORRECTED))
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
    result = refresh_draft(save(document), year_data(DRAFTED))
    assert (result.untagged, result.restored) == (1, len(sdts) - 1)


def test_a_draft_saved_like_libreoffice_without_its_bookmarks_is_refused(drafted: bytes) -> None:
    with pytest.raises(DraftFormatError, match="都没有 drafter 的标签"):
        refresh_draft(_like_libreoffice(drafted, bookmarks=False), year_data(CORRECTED))


def test_a_docx_without_drafter_controls_is_not_a_drafter_draft() -> None:
    with pytest.raises(DraftFormatError, match="不是 drafter 生成的初稿"):
        refresh_draft(save(docx.Document()), year_data(DRAFTED))


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
        refresh_draft(data, year_data(DRAFTED))


def test_a_truncated_docx_is_an_input_error(drafted: bytes) -> None:
    with pytest.raises(InputError, match="损坏"):
        refresh_draft(drafted[: len(drafted) // 2], year_data(DRAFTED))


def test_a_zip_without_a_document_part_is_an_input_error() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(InputError, match="没有正文部分"):
        refresh_draft(out.getvalue(), year_data(DRAFTED))


def test_a_control_the_writer_emptied_gets_its_figure_back(drafted: bytes) -> None:
    document = reopen(drafted)
    content = control_of(document, "集体学法次数").find(qn("w:sdtContent"))
    assert content is not None
    for child in list(content):
        content.remove(child)
    result = refresh_draft(save(document), year_data(DRAFTED))
    assert [(u.key, u.old, u.new) for u in result.updated] == [("集体学法次数", "", "6次")]
    assert texts_of(reopen(result.docx))[("集体学法次数", "value")] == ["6次"]
    assert members_of(result.docx)[DOCUMENT].count(b"xmlns:w=") == 1


def test_a_document_xml_it_cannot_splice_is_written_whole_and_still_right(drafted: bytes) -> None:
    members = members_of(drafted)
    w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    xml = members[DOCUMENT].replace(w, w + b" " + w.replace(b"xmlns:w", b"xmlns:w2"), 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, xml if name == DOCUMENT else data)
    result = refresh_draft(out.getvalue(), year_data(CORRECTED))
    assert texts_of(reopen(result.docx))[("行政复议受理件数", "value")] == ["1500件"]
    assert members_of(result.docx)[DOCUMENT].startswith(xml[: xml.index(b"?>") + 3])
