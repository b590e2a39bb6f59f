"""Find drafter's content controls in a .docx and set their text; read its paragraphs back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal, cast

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.run import CT_R
from lxml import etree
from lxml.etree import _Element

from drafter.docx.markers import (
    figure_tag,
    is_drafter_bookmark,
    parse_bookmark,
    parse_tag,
    todo_tag,
)
from drafter.docx.xml import body_paragraphs, paragraph_text

_SDT, _SDT_PR, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtPr"), qn("w:sdtContent")
_TAG, _VAL, _P, _R, _T = qn("w:tag"), qn("w:val"), qn("w:p"), qn("w:r"), qn("w:t")
_RPR = qn("w:rPr")
_MARK_START, _MARK_END, _ID, _NAME = (
    qn("w:bookmarkStart"),
    qn("w:bookmarkEnd"),
    qn("w:id"),
    qn("w:name"),
)
# Text under these is not shown (tracked deletion, the source of a tracked move).
_HIDDEN = frozenset({qn("w:del"), qn("w:moveFrom")})


@dataclass(frozen=True)
class Control:
    """A drafter content control: a filled figure or a placeholder still to fill.

    FROM_BOOKMARK: the control had lost its tag (a LibreOffice save) and was told by the drafter
    bookmark around it; TAG is then the tag it should have, not yet written into it.
    """

    tag: str
    kind: Literal["figure", "todo"]
    key: str
    role: str
    text: str
    element: _Element = field(repr=False, compare=False)
    from_bookmark: bool = False


def iter_body_paragraphs(document: DocxDocument) -> Iterator[tuple[str, str]]:
    """Yield (style name, visible text) for each paragraph of the body in reading order.

    Paragraphs inside tables, block-level content controls and text boxes are included, each
    once and apart from the paragraph holding it (as `drafter.reading.docx_report` reads reports).
    """
    names = {s.style_id: s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = default.name if default is not None else "Normal"
    for p in body_paragraphs(document.element.body):
        style_id = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = default_name if style_id is None else names.get(style_id.get(_VAL), default_name)
        yield (name or default_name, paragraph_text(p))


def find_controls(document: DocxDocument) -> list[Control]:
    """Return every content control of the body carrying a drafter tag, in document order."""
    return find_controls_in(document.element.body)[0]


def find_controls_in(root: _Element, keys: Iterable[str] = ()) -> tuple[list[Control], int]:
    """Return the drafter controls under ROOT in document order, and the count of untagged ones.

    Only inline controls count as untagged: block controls around paragraphs are not drafter's.
    With KEYS (indicator keys), an inline control without a tag is drafter's when a drafter
    bookmark for one of KEYS spans it and no other control (`bookmarked_controls`); a
    placeholder's bookmark on a control that no longer shows a placeholder makes it a figure,
    as refresh retagged it when it filled it.
    """
    keys = tuple(keys)
    marked: dict[_Element, str] | None = None  # looked for at the first control without a tag
    controls: list[Control] = []
    untagged = 0
    for sdt in root.iter(_SDT):
        tag_el = sdt.find(f"{_SDT_PR}/{_TAG}")
        tag = (tag_el.get(_VAL) if tag_el is not None else None) or ""
        content = sdt.find(_SDT_CONTENT)
        parsed = parse_tag(tag)
        from_bookmark = False
        if parsed is None and not tag and keys:
            if marked is None:
                marked = bookmarked_controls(root)
            parsed = parse_bookmark(marked[sdt], keys) if sdt in marked else None
            from_bookmark = parsed is not None
        if parsed is not None:
            kind, key, role = parsed
            text = paragraph_text(content) if content is not None else ""
            if from_bookmark:
                if kind == "todo" and text and not text.startswith("【待填"):
                    kind = "figure"
                tag = todo_tag(key) if kind == "todo" else figure_tag(key, role)
            controls.append(
                Control(
                    tag,
                    cast(Literal["figure", "todo"], kind),
                    key,
                    role,
                    text,
                    element=sdt,
                    from_bookmark=from_bookmark,
                )
            )
        elif tag_el is None and not _is_block(sdt):
            untagged += 1
    return controls, untagged


def bookmarked_controls(root: _Element) -> dict[_Element, str]:
    """Return each inline control under ROOT that a drafter-shaped bookmark spans, with its name.

    drafter writes the bookmark's start right before the control and its end right after;
    LibreOffice 7.4 moves the start to the head of the control's content. A bookmark counts
    when exactly one inline control contains its start or end or lies between them.
    """
    open_marks: dict[str | None, tuple[str, set[_Element]]] = {}
    inside: list[_Element] = []  # the inline controls holding the current element
    found: dict[_Element, str] = {}
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if el.tag == _SDT and not _is_block(el):
            if event == "end":
                inside.pop()
                continue
            inside.append(el)
            for _, spanned in open_marks.values():
                spanned.add(el)
        elif event != "start":
            continue
        elif el.tag == _MARK_START and is_drafter_bookmark(el.get(_NAME) or ""):
            open_marks[el.get(_ID)] = (el.get(_NAME) or "", set(inside[-1:]))
        elif el.tag == _MARK_END and el.get(_ID) in open_marks:
            name, spanned = open_marks.pop(el.get(_ID))
            spanned.update(inside[-1:])
            if len(spanned) == 1:
                found.setdefault(spanned.pop(), name)
    return found


def _is_block(sdt: _Element) -> bool:
    return sdt.find(f"{_SDT_CONTENT}//{_P}") is not None


def set_control_text(sdt: _Element, text: str) -> None:
    """Put TEXT in the first visible `w:t` of the control; drop its other visible text.

    Runs, their formatting and tracked deletions stay; a run left with nothing but its
    formatting goes. An empty control gets a new run.
    """
    content = sdt.find(_SDT_CONTENT)
    if content is None:
        content = OxmlElement("w:sdtContent")
        sdt.append(content)
    nodes = visible_text_nodes(content)
    if nodes:
        first = nodes[0]
        for t in nodes[1:]:
            run = t.getparent()
            if run is None:
                continue
            run.remove(t)
            holder = run.getparent()
            if holder is not None and all(child.tag == _RPR for child in run):
                holder.remove(run)
    else:
        runs = [r for r in content.iter(_R) if not _is_hidden(r, content)]
        run = runs[0] if runs else OxmlElement("w:r")
        if not runs:
            content.append(run)
        first = OxmlElement("w:t")
        run.append(first)
    first.text = text
    if text != text.strip():
        first.set(qn("xml:space"), "preserve")
    sdt_pr = sdt.find(_SDT_PR)
    if sdt_pr is not None:  # else Word would show the new text as the control's prompt
        for flag in sdt_pr.findall(qn("w:showingPlcHdr")):
            sdt_pr.remove(flag)


def set_highlight(sdt: _Element, *, on: bool) -> None:
    """Highlight the control's runs yellow like a placeholder, or take any highlight off."""
    content = sdt.find(_SDT_CONTENT)
    runs = [] if content is None else [r for r in content.iter(_R) if isinstance(r, CT_R)]
    for run in runs:
        if on:
            run.get_or_add_rPr().highlight_val = WD_COLOR_INDEX.YELLOW
        elif run.rPr is not None and run.rPr.highlight is not None:
            run.rPr.highlight_val = None


def visible_text_nodes(content: _Element | None) -> list[_Element]:
    """Return the `w:t` elements of a control's content that Word shows."""
    if content is None:
        return []
    return [t for t in content.iter(_T) if not _is_hidden(t, content)]


def _is_hidden(el: _Element, top: _Element) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not top:
        if parent.tag in _HIDDEN:
            return True
        parent = parent.getparent()
    return False


def retag(control_element: _Element, new_tag: str) -> None:
    """Set the tag of a content control, and its title (alias) to the key when it is drafter's."""
    sdt_pr = control_element.find(_SDT_PR)
    if sdt_pr is None:
        sdt_pr = OxmlElement("w:sdtPr")
        control_element.insert(0, sdt_pr)
    _set_val(sdt_pr, "w:tag", new_tag)
    parsed = parse_tag(new_tag)
    if parsed is not None:
        _set_val(sdt_pr, "w:alias", parsed[1])


def _set_val(sdt_pr: _Element, name: str, value: str) -> None:
    """Set `w:val` of the `name` child of `sdt_pr`, adding it in schema order when missing."""
    el = sdt_pr.find(qn(name))
    if el is None:
        el = OxmlElement(name)
        # w:rPr, then w:alias, then w:tag lead the children of w:sdtPr.
        leaders = {qn("w:rPr"), qn("w:alias")} if name == "w:tag" else {qn("w:rPr")}
        index = sum(1 for child in sdt_pr if child.tag in leaders)
        sdt_pr.insert(index, el)
    el.set(_VAL, value)
