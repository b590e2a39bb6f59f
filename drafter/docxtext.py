"""Read text out of .docx XML the way Word shows it, including text inside content controls."""

from __future__ import annotations

from docx.oxml.ns import qn
from lxml.etree import _Element

_T = qn("w:t")
_TAB = qn("w:tab")
_BR = qn("w:br")
_DEL = qn("w:del")


def paragraph_text(p: _Element) -> str:
    """Return the visible text of a `w:p`, walking every run, content control and hyperlink.

    `docx.text.paragraph.Paragraph.text` skips runs inside inline `w:sdt`; this does not.
    Text inside tracked deletions (`w:del`) is not visible and is left out.
    """
    parts: list[str] = []
    for el in p.iter(_T, _TAB, _BR):
        if any(anc.tag == _DEL for anc in el.iterancestors()):
            continue
        if el.tag == _T:
            parts.append(el.text or "")
        elif el.tag == _TAB:
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)
