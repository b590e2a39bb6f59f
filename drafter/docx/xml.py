"""WordprocessingML basics: the element names, the text Word shows, and get-or-add of a child.

One definition of "text Word does not show" serves every reader (reports, drafts, controls):
text under a tracked deletion (`w:del`), under the source of a tracked move (`w:moveFrom`; the
same text stands again under `w:moveTo`), and the `mc:Fallback` copy of an `mc:AlternateContent`
(it repeats `mc:Choice` for older readers). A text box's paragraphs (`w:txbxContent`) are shown,
but as paragraphs of their own, not as part of the paragraph that anchors the box.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import _Element

W_P, W_R, W_T, W_TAB, W_BR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br")
W_PPR, W_RPR, W_VAL, W_DEL_TEXT = qn("w:pPr"), qn("w:rPr"), qn("w:val"), qn("w:delText")
W_SDT, W_SDT_PR, W_SDT_CONTENT, W_TAG = qn("w:sdt"), qn("w:sdtPr"), qn("w:sdtContent"), qn("w:tag")
W_BOOKMARK_START, W_BOOKMARK_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
W_ID, W_NAME, W_TXBX_CONTENT = qn("w:id"), qn("w:name"), qn("w:txbxContent")
W_PSTYLE, W_SHOWING_PLC_HDR, XML_SPACE = qn("w:pStyle"), qn("w:showingPlcHdr"), qn("xml:space")
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"

# Subtrees whose text Word does not show (see the module docstring).
HIDDEN = frozenset({qn("w:del"), qn("w:moveFrom"), MC_FALLBACK})
# Subtrees left out of a paragraph's own text: hidden ones, and text boxes (read apart).
_NOT_OWN_TEXT = HIDDEN | {W_TXBX_CONTENT}


def is_shown(el: _Element, top: _Element | None = None) -> bool:
    """Return False when EL lies inside a subtree Word does not show (below TOP, if given)."""
    parent = el.getparent()
    while parent is not None and parent is not top:
        if parent.tag in HIDDEN:
            return False
        parent = parent.getparent()
    return True


def paragraph_text(p: _Element) -> str:
    """Return the text Word shows for a `w:p`, walking every run, content control and hyperlink.

    `docx.text.paragraph.Paragraph.text` skips runs inside inline `w:sdt`; this does not. Hidden
    text (tracked deletions, the source of tracked moves, mc:Fallback) and the paragraphs of text
    boxes anchored in P are left out. Every `w:br` (line, page or column break) gives "\\n".
    """
    if not is_shown(p):
        return ""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(el: _Element, parts: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == W_T:
            parts.append(child.text or "")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag == W_BR:
            parts.append("\n")
        elif tag not in _NOT_OWN_TEXT:
            _collect(child, parts)


def shown_text_nodes(root: _Element | None) -> list[_Element]:
    """Return the `w:t` elements under ROOT that Word shows, in document order."""
    if root is None:
        return []
    return [t for t in root.iter(W_T) if is_shown(t, root)]


def body_paragraphs(root: _Element) -> Iterator[_Element]:
    """Yield every shown `w:p` under ROOT in document order, text boxes' paragraphs each once.

    Table cells, content controls and text boxes are included; paragraphs Word does not show
    (a tracked deletion or move source of whole paragraphs, the mc:Fallback copy of a text box)
    are not.
    """
    for p in root.iter(W_P):
        if is_shown(p):
            yield p


def get_or_add(
    parent: _Element, name: str, *, successors: Iterable[str] = (), first: bool = False
) -> _Element:
    """Return PARENT's child NAME (e.g. "w:rFonts"), adding it when missing.

    A new child goes before the first existing child named in SUCCESSORS (the schema's order),
    else first when FIRST, else last.
    """
    found = parent.find(qn(name))
    if found is not None:
        return found
    child: _Element = OxmlElement(name)
    later = {qn(s) for s in successors}
    anchor = next((c for c in parent if c.tag in later), None)
    if anchor is not None:
        anchor.addprevious(child)
    elif first:
        parent.insert(0, child)
    else:
        parent.append(child)
    return child
