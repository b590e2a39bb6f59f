"""Write a Draft as a 公文 .docx: the blank 公文 (blank.py) filled with text, marks and comments."""

from __future__ import annotations

import io
import itertools
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta, timezone

import docx
from docx.document import Document as DocxDocument
from docx.enum.text import WD_COLOR_INDEX
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import SubElement

from drafter.docx import (
    CopyingZipWriter,
    bookmark_name,
    figure_tag,
    todo_tag,
    verify_tag,
)
from drafter.drafting.model import (
    Block,
    BlockKind,
    Draft,
    Figure,
    Flag,
    Inline,
    Placeholder,
    Suggestion,
    Text,
    ToConfirm,
    ToVerify,
)
from drafter.drafting.styles import (
    BODY_SIZE,
    BODY_STYLE,
    STYLE_FOR_KIND,
)
from drafter.errors import TemplateDataError
from drafter.resources import template_path
from drafter.text import SUGGESTION_MARK

COMMENT_AUTHOR = "drafter"
# The blank 公文 under templates/ every draft starts from (see blank.py).
STYLED_TEMPLATE = "styled.docx"
SUGGESTION_COMMENT = (
    "此处为参考以往年度报告归纳的建议表述，不是本单位的事实材料。"
    "请结合本年度实际情况改写或删除，并删去【建议改写】标记。"
)
_BEIJING = timezone(timedelta(hours=8))
# Element and attribute names in Clark notation, made once: the writer makes ~1,000 elements.
_W = {
    name: qn(f"w:{name}")
    for name in (
        "p",
        "pPr",
        "pStyle",
        "r",
        "t",
        "sdt",
        "sdtPr",
        "sdtContent",
        "alias",
        "tag",
        "id",
        "val",
        "name",
        "bookmarkStart",
        "bookmarkEnd",
    )
}
_XML_SPACE = qn("xml:space")


def render_docx(draft: Draft) -> bytes:
    """Return the .docx bytes of `draft`, laid out as a 公文; nothing is written to disk."""
    template, document, style_ids = _open_styled()
    _set_core_properties(document, draft)
    _add_blocks(document, style_ids, draft.blocks)
    return _save(document, template)


def _open_styled() -> tuple[bytes, DocxDocument, dict[str, str]]:
    """Return templates/styled.docx's bytes, a new document opened from them, its styles' ids."""
    path = template_path(STYLED_TEMPLATE)
    try:
        template = path.read_bytes()
        document = docx.Document(io.BytesIO(template))
        style_ids = _style_ids(document)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as e:
        raise TemplateDataError(
            "公文模板文件缺失、损坏或缺少 drafter 的样式，请重新安装 drafter。", path=str(path)
        ) from e
    return template, document, style_ids


# The private steps of python-docx's PackageWriter.write that _save drives.
_SAVE_STEPS = ("_write_content_types_stream", "_write_pkg_rels", "_write_parts")


def _save(document: DocxDocument, template: bytes) -> bytes:
    """Return DOCUMENT's package as python-docx saves it, the parts TEMPLATE holds copied as is."""
    out = io.BytesIO()
    if not all(hasattr(PackageWriter, step) for step in _SAVE_STEPS):
        document.save(out)  # a python-docx whose private steps moved: its own, slower save
        return out.getvalue()
    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    writer = CopyingZipWriter(template, out)
    # python-docx's own steps of PackageWriter.write, into a writer that copies the template
    PackageWriter._write_content_types_stream(writer, package.parts)  # type: ignore[no-untyped-call]
    PackageWriter._write_pkg_rels(writer, package.rels)  # type: ignore[no-untyped-call]
    PackageWriter._write_parts(writer, package.parts)  # type: ignore[arg-type]
    writer.close()
    return out.getvalue()


# The longest closing formula ("特此报告。", "以上报告，请审阅。").
_CLOSING_FORMULA = 10


def _add_blocks(
    document: DocxDocument, style_ids: dict[str, str], blocks: tuple[Block, ...]
) -> None:
    """Append one paragraph per block, in the block kind's named style."""
    # w:id of content controls, and of the bookmarks around them: python-docx numbers comments
    # 0, 1, 2…, one per suggestion, so the bookmarks' ids start above the comments'.
    comments = sum(isinstance(i, Suggestion | Flag | ToVerify) for b in blocks for i in b.inlines)
    comments += sum(b.note is not None for b in blocks)
    ids = ((n, comments + n) for n in itertools.count(1))
    closing = _closing_indents(blocks)
    previous: BlockKind | None = None
    body: list[Paragraph] = []  # the body paragraphs so far
    for block in blocks:
        if block.kind == "signature" and previous not in (None, "signature"):
            # GB/T 9704: a blank line above the signature, which never stands on a page without
            # body text: the last body paragraph (its last line at least) goes along with it, and
            # the one before when the last is only a closing formula such as 特此报告。
            tail = 2 if body and len(body[-1].text) <= _CLOSING_FORMULA else 1
            for kept in body[-tail:]:
                kept.paragraph_format.keep_with_next = True
            blank = document.add_paragraph()
            _set_style_id(blank, style_ids[BODY_STYLE])
            blank.paragraph_format.keep_with_next = True
        paragraph = document.add_paragraph()
        _set_style_id(paragraph, style_ids[STYLE_FOR_KIND[block.kind]])
        if block.kind == "signature":  # signatures and date on one page
            paragraph.paragraph_format.keep_with_next = True
        if block.kind in closing:
            paragraph.paragraph_format.right_indent = closing[block.kind]
        # a note spans the paragraph: empty runs at both ends anchor it outside any control
        first = paragraph.add_run("") if block.note else None
        for inline in block.inlines:
            _add_inline(document, paragraph, inline, ids)
        if first is not None and block.note:
            end = paragraph.add_run("")
            document.add_comment([first, end], block.note, author=COMMENT_AUTHOR, initials="D")
        if block.kind == "body":
            body.append(paragraph)
        previous = block.kind


def _style_ids(document: DocxDocument) -> dict[str, str]:
    """Return the style id of each drafter paragraph style, looked up by name once."""
    names = {BODY_STYLE, *STYLE_FOR_KIND.values()}
    return {name: document.styles[name].style_id for name in names}


def _set_style_id(paragraph: Paragraph, style_id: str) -> None:
    """Give `paragraph` the style `style_id` (`w:pStyle`).

    `Paragraph.style = name` looks the name up among all the template's styles for each
    paragraph, which made it most of the time spent writing a draft. A new paragraph (no
    children yet) gets its `w:pPr` and `w:pStyle` made directly, as python-docx would make them.
    """
    p = paragraph._p
    if len(p):
        p.get_or_add_pPr().style = style_id
        return
    ppr = SubElement(p, _W["pPr"])
    SubElement(ppr, _W["pStyle"]).set(_W["val"], style_id)


def _closing_indents(blocks: tuple[Block, ...]) -> dict[BlockKind, Length]:
    """Return right indents placing signature and date per GB/T 9704 7.3.5.2 (no seal).

    The signature stands 2 characters from the right and the date's first character 2 characters
    right of the signature's; a longer date stands 2 characters from the right instead, pushing
    the signature left. Lengths are counted in Han characters, a half-width character as half.
    """
    texts = {b.kind: b.text for b in blocks if b.kind in ("signature", "date")}
    if len(texts) < 2:
        return {}
    sig, day = _width_in_chars(texts["signature"]), _width_in_chars(texts["date"])
    sig_right = max(2.0, day + 4 - sig)
    date_right = sig_right + sig - 2 - day
    char = BODY_SIZE.pt
    return {"signature": Pt(char * sig_right), "date": Pt(char * date_right)}


def _width_in_chars(text: str) -> float:
    """Return the width of `text` in Han characters, half-width characters counting half."""
    return sum(0.5 if ord(c) < 0x80 else 1.0 for c in text)


def _add_inline(
    document: DocxDocument, paragraph: Paragraph, inline: Inline, ids: Iterator[tuple[int, int]]
) -> None:
    """Append one inline piece to `paragraph`, marked the way the person finishing it needs."""
    if isinstance(inline, Text):
        _add_run(paragraph, inline.text)
    elif isinstance(inline, Figure):
        run = _add_run(paragraph, inline.text)
        if inline.pending:
            run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        tag = figure_tag(inline.key, inline.role)
        _wrap_in_content_control(run, tag, inline.key, next(ids), ("figure", inline.role))
    elif isinstance(inline, Placeholder | ToConfirm):  # 【待填：…】, 【待核：…】
        run = _add_run(paragraph, inline.text)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        if inline.key is not None:
            tag = todo_tag(inline.key)
            _wrap_in_content_control(run, tag, inline.key, next(ids), ("todo", "value"))
    elif isinstance(inline, Flag):
        run = _add_run(paragraph, inline.text)
        document.add_comment(run, text=inline.note, author=COMMENT_AUTHOR, initials="D")
    elif isinstance(inline, Suggestion):
        text = inline.text
        if not text.startswith(SUGGESTION_MARK):
            text = SUGGESTION_MARK + text
        run = _add_run(paragraph, text)
        run.font.highlight_color = WD_COLOR_INDEX.GRAY_25  # "lightGray": unlike yellow 待填
        run.font.italic = True
        document.add_comment(run, text=SUGGESTION_COMMENT, author=COMMENT_AUTHOR, initials="D")
    elif isinstance(inline, ToVerify):
        run = _add_run(paragraph, inline.text)
        run.font.highlight_color = WD_COLOR_INDEX.YELLOW
        # the comment's range goes around the control, so editing inside it keeps the comment
        document.add_comment(run, text=inline.comment, author=COMMENT_AUTHOR, initials="D")
        tag = verify_tag(inline.key)
        _wrap_in_content_control(
            run, tag, inline.key, next(ids), ("verify", "value"), title=inline.title
        )
    else:  # pragma: no cover - Inline is a closed union
        raise TypeError(f"unknown inline piece: {inline!r}")


def _add_run(paragraph: Paragraph, text: str) -> Run:
    """Return a new run of TEXT at the end of PARAGRAPH, as `paragraph.add_run(text)` makes it.

    The run and its `w:t` are made directly, as lxml sub-elements (python-docx's element
    machinery took most of the writing time); a tab or line break in TEXT goes through python-docx.
    """
    r = SubElement(paragraph._p, _W["r"])
    run = Run(r, paragraph)
    if not text:
        return run
    if "\t" in text or "\n" in text or "\r" in text:
        run.text = text
        return run
    t = SubElement(r, _W["t"])
    t.text = text
    if len(text.strip()) < len(text):
        t.set(_XML_SPACE, "preserve")
    return run


def _wrap_in_content_control(
    run: Run,
    tag: str,
    key: str,
    ids: tuple[int, int],
    kind_role: tuple[str, str],
    *,
    title: str | None = None,
) -> None:
    """Move `run` into a new inline rich-text content control (`w:sdt`) tagged `tag`.

    Word shows TITLE (default: the key) as the control's name.
    IDS are the control's `w:id` and its bookmark's. Not a plain-text control (`w:text`):
    LibreOffice 7.4 turns those into input fields and drops the run's formatting, so
    placeholders would lose their yellow highlight. The control stands between the start and
    end of a hidden bookmark naming its key and role (`bookmark_name`): LibreOffice 7.4 drops
    the tag on saving a .docx but keeps the bookmark, from which refresh restores the tag.
    The elements are made in the run's paragraph, then moved into place.
    """
    sdt_id, mark_id = ids
    r = run.element
    p = r.getparent()
    sdt = SubElement(p, _W["sdt"])
    sdt_pr = SubElement(sdt, _W["sdtPr"])
    for name, value in (("alias", title or key), ("tag", tag), ("id", str(sdt_id))):
        SubElement(sdt_pr, _W[name]).set(_W["val"], value)
    content = SubElement(sdt, _W["sdtContent"])
    r.addprevious(sdt)
    content.append(r)
    kind, role = kind_role
    start, end = SubElement(p, _W["bookmarkStart"]), SubElement(p, _W["bookmarkEnd"])
    start.set(_W["id"], str(mark_id))
    start.set(_W["name"], bookmark_name(kind, key, role, sdt_id))
    end.set(_W["id"], str(mark_id))
    sdt.addprevious(start)
    sdt.addnext(end)


_MAX_PROPERTY = 255


def _set_core_properties(document: DocxDocument, draft: Draft) -> None:
    """Set title, author (the reporting unit), dates (the signing day, 09:00) and language."""
    props = document.core_properties
    # python-docx writes the clock time with a literal "Z" whatever the tzinfo: convert 09:00
    # Beijing time to UTC first, so Word shows 09:00 to the Chinese user.
    signed = (
        datetime.combine(draft.signed, time(9, 0), _BEIJING).astimezone(UTC).replace(tzinfo=None)
    )
    # The package's properties hold at most 255 characters (python-docx refuses more); the
    # document's own title and 落款 are never cut.
    props.title = draft.title[:_MAX_PROPERTY]
    props.author = draft.unit[:_MAX_PROPERTY]
    props.last_modified_by = draft.unit[:_MAX_PROPERTY]
    props.created = signed
    props.modified = signed
    props.revision = 1
    props.language = "zh-CN"
    props.comments = "drafter 生成的初稿，须人工核改"  # replaces "generated by python-docx"
