"""Tests for refresh.refresh_draft: draft the example, edit it like a writer, refresh, compare."""

from __future__ import annotations

import re

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import _Element

from drafter.catalogue import load_indicators
from drafter.docx import paragraph_text, parse_tag
from drafter.drafting import RefreshResult, refresh_draft

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

_SDT = re.compile(rb"<w:sdt>.*?</w:sdt>", re.S)
_TAG = re.compile(rb'<w:tag w:val="([^"]*)"/>')
_BOOKMARK_TAGS = {qn("w:bookmarkStart"), qn("w:bookmarkEnd")}


def _paragraph_of(document: DocxDocument, element: _Element) -> Paragraph:
    p = next(a for a in element.iterancestors() if a.tag == qn("w:p"))
    return Paragraph(p, document._body)


def _sibling(el: _Element, step: str) -> _Element:
    """Return the next or previous sibling of EL ("getnext"/"getprevious") that is no bookmark."""
    node = getattr(el, step)()
    while node is not None and node.tag in _BOOKMARK_TAGS:
        node = getattr(node, step)()
    assert node is not None
    return node


def _delete_sentence(document: DocxDocument, key: str) -> None:
    """Delete "；开展行政检查3650余次，较上年下降3.9%" as a writer would: text, controls and all."""
    value, change = control_of(document, key), control_of(document, key, "change")
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
    accepted = control_of(document, "行政复议受理件数")
    paragraph = _paragraph_of(document, accepted)
    lead = paragraph.runs[0]
    assert lead.text.endswith("，全年受理行政复议案件")
    lead.text = lead.text.replace("全年受理", "全年共受理")
    lead.bold = True
    Run(accepted.find(f"{qn('w:sdtContent')}/{qn('w:r')}"), paragraph).bold = True  # type: ignore[arg-type]
    # Add a comment on a paragraph holding figures.
    laws = _paragraph_of(document, control_of(document, "地方性法规件数"))
    document.add_comment(laws.runs[0], text="请法制科核对立法数字。", author="王科长", initials="W")
    return save(document)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return draft_example(tmp_path_factory.mktemp("draft"))


@pytest.fixture(scope="module")
def edited(drafted: bytes) -> bytes:
    return _edit_like_a_writer(drafted)


@pytest.fixture(scope="module")
def refreshed(edited: bytes) -> RefreshResult:
    return refresh_draft(edited, year_data(CORRECTED))


def test_the_draft_has_the_placeholder_and_the_figures_to_update(drafted: bytes) -> None:
    texts = texts_of(reopen(drafted))
    label = load_indicators()["行政复议纠错件数"].description
    assert texts[("行政复议纠错件数", "todo")] == [f"【待填：{label}】"]
    assert texts[("行政复议受理件数", "value")] == ["1486件"]
    assert texts[("行政复议受理件数", "change")] == ["较上年增长6.2%"]


def test_refresh_puts_every_changed_value_in_with_its_change_phrase(
    refreshed: RefreshResult,
) -> None:
    texts = texts_of(reopen(refreshed.docx))
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
    accepted = control_of(document, "行政复议受理件数")
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
    control = control_of(document, "行政复议纠错件数")
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
    before, after = members_of(edited), members_of(refreshed.docx)
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
    once = refresh_draft(edited, year_data(CORRECTED))
    twice = refresh_draft(once.docx, year_data(CORRECTED))
    assert not twice.changed
    assert twice.docx == once.docx


def test_change_phrase_without_last_years_figure_becomes_a_yellow_placeholder(
    drafted: bytes,
) -> None:
    no_previous = {"行政复议受理件数: {本年: 1486, 上年: 1399}": "行政复议受理件数: 1500"}
    result = refresh_draft(drafted, year_data(DRAFTED | no_previous))
    control = control_of(reopen(result.docx), "行政复议受理件数", "change")
    assert paragraph_text(control) == "【待填：同比】"
    assert control.find(f".//{qn('w:highlight')}").get(qn("w:val")) == "yellow"  # type: ignore[union-attr]
    assert [(n.key, n.role) for n in result.notices] == [("行政复议受理件数", "change")]
    assert "无法计算同比" in result.notices[0].reason
    again = refresh_draft(result.docx, year_data(DRAFTED))
    control = control_of(reopen(again.docx), "行政复议受理件数", "change")
    assert paragraph_text(control) == "较上年增长6.2%"
    assert control.find(f".//{qn('w:highlight')}") is None


def test_a_figure_changed_with_track_changes_on_keeps_its_revision_marks(drafted: bytes) -> None:
    document = reopen(drafted)
    content = control_of(document, "行政复议受理件数").find(qn("w:sdtContent"))
    assert content is not None
    revised = (
        '<w:sdtContent xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:del w:id="901" w:author="王科长" w:date="2026-02-01T09:00:00Z">'
        "<w:r><w:delText>1486件</w:delText></w:r></w:del>"
        '<w:ins w:id="902" w:author="王科长" w:date="2026-02-01T09:00:00Z">'
        "<w:r><w:t>1490件</w:t></w:r></w:ins></w:sdtContent>"
    )
    content.getparent().replace(content, docx.oxml.parse_xml(revised))  # type: ignore[union-attr]
    result = refresh_draft(save(document), year_data(DRAFTED))
    control = control_of(reopen(result.docx), "行政复议受理件数")
    assert [(u.old, u.new) for u in result.updated] == [("1490件", "1486件")]
    assert control.findtext(f".//{qn('w:del')}//{qn('w:delText')}") == "1486件"
    assert control.findtext(f".//{qn('w:ins')}//{qn('w:t')}") == "1486件"


def test_refresh_writes_a_small_counts_change_under_the_same_policy_as_draft(
    drafted: bytes,
) -> None:
    # 5 meetings against 4 was drafted as "较上年增加1次"; 6 against 4 is "较上年增加2次", not "增长50%"
    meetings = "常务会议研究法治次数: {本年: 5, 上年: 4}"
    assert texts_of(reopen(drafted))[("常务会议研究法治次数", "change")] == ["较上年增加1次"]
    result = refresh_draft(drafted, year_data({**DRAFTED, meetings: meetings.replace("5", "6")}))
    assert texts_of(reopen(result.docx))[("常务会议研究法治次数", "change")] == ["较上年增加2次"]
