"""Read a drafter .docx back: paragraphs with their styles, and the tagged content controls."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal, cast

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

from drafter.docxtext import paragraph_text
from drafter.draftmodel import parse_tag

_P = qn("w:p")
_R = qn("w:r")
_SDT = qn("w:sdt")
_SDT_PR = qn("w:sdtPr")
_SDT_CONTENT = qn("w:sdtContent")
_VAL = qn("w:val")


@dataclass(frozen=True)
class Control:
    """A drafter content control: a filled figure or a placeholder still to fill."""

    tag: str
    kind: Literal["figure", "todo"]
    key: str
    role: str
    text: str
    element: _Element = field(repr=False, compare=False)


def iter_body_paragraphs(document: DocxDocument) -> Iterator[tuple[str, str]]:
    """Yield (style name, visible text) for each paragraph of the body in reading order.

    Paragraphs inside tables and block-level content controls are included; a text box's
    paragraphs are not yielded apart, their text is part of the paragraph holding them.
    """
    names = {s.style_id: s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = default.name if default is not None else "Normal"
    for p in document.element.body.iter(_P):
        if any(anc.tag == _P for anc in p.iterancestors()):
            continue
        style_id = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = default_name if style_id is None else names.get(style_id.get(_VAL), default_name)
        yield (name or default_name, paragraph_text(p))


def find_controls(document: DocxDocument) -> list[Control]:
    """Return every content control of the body carrying a drafter tag, in document order."""
    controls: list[Control] = []
    for sdt in document.element.body.iter(_SDT):
        tag_el = sdt.find(f"{qn('w:sdtPr')}/{qn('w:tag')}")
        tag = tag_el.get(_VAL) if tag_el is not None else None
        parsed = parse_tag(tag) if tag else None
        if tag is None or parsed is None:
            continue
        kind, key, role = parsed
        content = sdt.find(_SDT_CONTENT)
        text = paragraph_text(content) if content is not None else ""
        controls.append(
            Control(tag, cast(Literal["figure", "todo"], kind), key, role, text, element=sdt)
        )
    return controls


def set_control_text(
    control_element: _Element, text: str, *, clear_highlight: bool = False
) -> None:
    """Replace the content of an inline content control by one run of `text`.

    The new run keeps the first old run's formatting (`w:rPr`); with `clear_highlight` its
    highlight goes, as when a yellow placeholder becomes a filled figure.
    """
    content = control_element.find(_SDT_CONTENT)
    if content is None:
        content = OxmlElement("w:sdtContent")
        control_element.append(content)
    if content.find(f".//{_P}") is not None:
        raise ValueError("not an inline content control: it holds whole paragraphs")
    first_run = content.find(f".//{_R}")
    rPr = first_run.find(qn("w:rPr")) if first_run is not None else None
    for child in list(content):
        content.remove(child)
    run = OxmlElement("w:r")
    if rPr is not None:
        new_rPr = copy.deepcopy(rPr)
        if clear_highlight:
            for highlight in new_rPr.findall(qn("w:highlight")):
                new_rPr.remove(highlight)
        if len(new_rPr):
            run.append(new_rPr)
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    content.append(run)
    # Word would otherwise still treat the new text as the control's placeholder prompt.
    sdt_pr = control_element.find(_SDT_PR)
    if sdt_pr is not None:
        for flag in sdt_pr.findall(qn("w:showingPlcHdr")):
            sdt_pr.remove(flag)


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
