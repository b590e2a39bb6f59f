"""Read text out of .docx XML the way Word shows it, including text inside content controls."""

from __future__ import annotations

from collections.abc import Iterator

from docx.oxml.ns import qn
from lxml.etree import _Element

_P = qn("w:p")
_T = qn("w:t")
_TAB = qn("w:tab")
_BR = qn("w:br")
_DEL = qn("w:del")
_TXBX_CONTENT = qn("w:txbxContent")
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Subtrees whose text is not part of the element's own text: tracked deletions are not shown,
# mc:Fallback repeats mc:Choice for older readers, and a text box's paragraphs are their own.
_SKIPPED = frozenset({_DEL, _MC_FALLBACK, _TXBX_CONTENT})


def paragraph_text(p: _Element) -> str:
    """Return the visible text of a `w:p`, walking every run, content control and hyperlink.

    `docx.text.paragraph.Paragraph.text` skips runs inside inline `w:sdt`; this does not.
    Text inside tracked deletions (`w:del`) is not visible and is left out. Text of text boxes
    anchored in P (`w:txbxContent`) is left out too: those are paragraphs of their own, read
    apart; and the `mc:Fallback` copy of an `mc:AlternateContent` is never read. Every `w:br`
    (line, page or column break) gives "\\n".
    """
    if any(anc.tag == _DEL for anc in p.iterancestors()):
        return ""
    parts: list[str] = []
    _collect(p, parts)
    return "".join(parts)


def _collect(el: _Element, parts: list[str]) -> None:
    for child in el:
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _BR:
            parts.append("\n")
        elif tag not in _SKIPPED:
            _collect(child, parts)


def body_paragraphs(root: _Element) -> Iterator[_Element]:
    """Yield every `w:p` under ROOT in document order, text boxes' paragraphs each once.

    Table cells and content controls are included; the mc:Fallback copy of a text box (for old
    readers; its mc:Choice twin is yielded) is not.
    """
    for p in root.iter(_P):
        if not any(anc.tag == _MC_FALLBACK for anc in p.iterancestors()):
            yield p
