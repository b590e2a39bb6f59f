"""drafter's content controls in a .docx, as `Control` proxies; the body's paragraphs read back."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Literal, cast

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.text.run import CT_R
from lxml import etree
from lxml.etree import _Element

from drafter.docx.markers import (
    figure_tag,
    is_drafter_bookmark,
    parse_bookmark,
    parse_tag,
    todo_tag,
    verify_tag,
)
from drafter.docx.xml import (
    W_BOOKMARK_END,
    W_BOOKMARK_START,
    W_DEL_TEXT,
    W_ID,
    W_NAME,
    W_P,
    W_PPR,
    W_PSTYLE,
    W_R,
    W_RPR,
    W_SDT,
    W_SDT_CONTENT,
    W_SDT_PR,
    W_SHOWING_PLC_HDR,
    W_TAG,
    W_VAL,
    XML_SPACE,
    body_paragraphs,
    get_or_add,
    is_shown,
    paragraph_text,
    shown_text_nodes,
)

# The children of w:sdtPr in schema order, up to the control's type.
_SDT_PR_ORDER = (
    "w:rPr", "w:alias", "w:tag", "w:id", "w:lock", "w:placeholder", "w:temporary",
    "w:showingPlcHdr", "w:dataBinding", "w:label", "w:tabIndex", "w:docPartObj", "w:docPartList",
    "w:text", "w:richText", "w:comboBox", "w:dropDownList", "w:date", "w:picture", "w:group",
)  # fmt: skip

ControlKind = Literal["figure", "todo", "verify"]


class Control:
    """A drafter content control (a figure, a placeholder still to fill, text to verify), as a proxy.

    Read and change it through this object, as python-docx's proxies wrap their elements: `text`
    is what Word shows; `set_text`, `highlight` and `retag` change ELEMENT. FROM_BOOKMARK: the
    control had lost its tag (a LibreOffice save) and was known by the drafter bookmark around
    it; TAG is then the tag it should have, written into it only by `retag()`.
    """

    def __init__(self, element: _Element, tag: str, *, from_bookmark: bool = False) -> None:
        parsed = parse_tag(tag)
        if parsed is None:
            raise ValueError(f"not a drafter tag: {tag!r}")
        self.element = element
        self.tag = tag
        self.kind = cast(ControlKind, parsed[0])
        self.key, self.role = parsed[1], parsed[2]
        self.from_bookmark = from_bookmark

    def __repr__(self) -> str:
        return f"Control({self.tag!r}, text={self.text!r})"

    @property
    def text(self) -> str:
        """Return the text Word shows in the control."""
        return "".join(t.text or "" for t in shown_text_nodes(self.element.find(W_SDT_CONTENT)))

    @property
    def only_deleted(self) -> bool:
        """Return True when the control shows nothing but holds a tracked deletion."""
        content = self.element.find(W_SDT_CONTENT)
        return (
            content is not None
            and not shown_text_nodes(content)
            and content.find(f".//{W_DEL_TEXT}") is not None
        )

    def set_text(self, text: str) -> None:
        """Show TEXT in the control, keeping its first run's formatting (`set_control_text`)."""
        set_control_text(self.element, text)

    def highlight(self, *, on: bool) -> None:
        """Highlight the control yellow like a placeholder, or take any highlight off."""
        set_highlight(self.element, on=on)

    def retag(self, tag: str | None = None) -> None:
        """Write TAG (default: the tag the control should have) into the control and adopt it."""
        tag = tag or self.tag
        retag(self.element, tag)
        parsed = parse_tag(tag)
        if parsed is not None:
            self.tag, self.kind = tag, cast(ControlKind, parsed[0])
            self.key, self.role = parsed[1], parsed[2]
        self.from_bookmark = False


def iter_body_paragraphs(document: DocxDocument) -> Iterator[tuple[str, str]]:
    """Yield (style name, shown text) for each paragraph of the body in reading order.

    Paragraphs inside tables, block-level content controls and text boxes are included, each
    once and apart from the paragraph holding it (as `drafter.reading` reads reports).
    """
    names = {s.style_id: s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH}
    default = document.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_name = default.name if default is not None else "Normal"
    for p in body_paragraphs(document.element.body):
        style_id = p.find(f"{W_PPR}/{W_PSTYLE}")
        name = default_name if style_id is None else names.get(style_id.get(W_VAL), default_name)
        yield (name or default_name, paragraph_text(p))


def find_controls(document: DocxDocument) -> list[Control]:
    """Return every content control of the body carrying a drafter tag, in document order."""
    return find_controls_in(document.element.body)[0]


def find_controls_in(root: _Element, keys: Iterable[str] = ()) -> tuple[list[Control], int]:
    """Return the drafter controls under ROOT in document order, and the count of untagged ones.

    Only inline controls count as untagged: block controls around paragraphs are not drafter's.
    With KEYS (indicator keys), an inline control without a tag is drafter's when a drafter
    bookmark for one of KEYS spans it and no other control (`bookmarked_controls`).
    """
    keys = tuple(keys)
    marked: dict[_Element, str] | None = None  # looked for at the first control without a tag
    controls: list[Control] = []
    untagged = 0
    for sdt in root.iter(W_SDT):
        tag_el = sdt.find(f"{W_SDT_PR}/{W_TAG}")
        tag = (tag_el.get(W_VAL) if tag_el is not None else None) or ""
        if parse_tag(tag) is not None:
            controls.append(Control(sdt, tag))
            continue
        if not tag and keys:
            if marked is None:
                marked = bookmarked_controls(root)
            parsed = parse_bookmark(marked[sdt], keys) if sdt in marked else None
            if parsed is not None:
                kind, key, role = parsed
                tag = (
                    todo_tag(key)
                    if kind == "todo"
                    else verify_tag(key)
                    if kind == "verify"
                    else figure_tag(key, role)
                )
                controls.append(Control(sdt, tag, from_bookmark=True))
                continue
        if tag_el is None and not _is_block(sdt):
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
        if el.tag == W_SDT and not _is_block(el):
            if event == "end":
                inside.pop()
                continue
            inside.append(el)
            for _, spanned in open_marks.values():
                spanned.add(el)
        elif event != "start":
            continue
        elif el.tag == W_BOOKMARK_START and is_drafter_bookmark(el.get(W_NAME) or ""):
            open_marks[el.get(W_ID)] = (el.get(W_NAME) or "", set(inside[-1:]))
        elif el.tag == W_BOOKMARK_END and el.get(W_ID) in open_marks:
            name, spanned = open_marks.pop(el.get(W_ID))
            spanned.update(inside[-1:])
            if len(spanned) == 1:
                found.setdefault(spanned.pop(), name)
    return found


def _is_block(sdt: _Element) -> bool:
    return sdt.find(f"{W_SDT_CONTENT}//{W_P}") is not None


def set_control_text(sdt: _Element, text: str) -> None:
    """Put TEXT in the first shown `w:t` of the control; drop its other shown text.

    Runs, their formatting and tracked deletions stay; a run left with nothing but its
    formatting goes. An empty control gets a new run.
    """
    content = get_or_add(sdt, "w:sdtContent")
    nodes = shown_text_nodes(content)
    if nodes:
        first = nodes[0]
        for t in nodes[1:]:
            run = t.getparent()
            if run is None:
                continue
            run.remove(t)
            holder = run.getparent()
            if holder is not None and all(child.tag == W_RPR for child in run):
                holder.remove(run)
    else:
        runs = [r for r in content.iter(W_R) if is_shown(r, content)]
        run = runs[0] if runs else OxmlElement("w:r")
        if not runs:
            content.append(run)
        first = OxmlElement("w:t")
        run.append(first)
    first.text = text
    if text != text.strip():
        first.set(XML_SPACE, "preserve")
    sdt_pr = sdt.find(W_SDT_PR)
    if sdt_pr is not None:  # else Word would show the new text as the control's prompt
        for flag in sdt_pr.findall(W_SHOWING_PLC_HDR):
            sdt_pr.remove(flag)


def set_highlight(sdt: _Element, *, on: bool) -> None:
    """Highlight the control's runs yellow like a placeholder, or take any highlight off."""
    content = sdt.find(W_SDT_CONTENT)
    runs = [] if content is None else [r for r in content.iter(W_R) if isinstance(r, CT_R)]
    for run in runs:
        if on:
            run.get_or_add_rPr().highlight_val = WD_COLOR_INDEX.YELLOW
        elif run.rPr is not None and run.rPr.highlight is not None:
            run.rPr.highlight_val = None


def retag(control_element: _Element, new_tag: str) -> None:
    """Set the tag of a content control, and its title (alias) to the key when it is drafter's."""
    sdt_pr = get_or_add(control_element, "w:sdtPr", first=True)
    _set_val(sdt_pr, "w:tag", new_tag)
    parsed = parse_tag(new_tag)
    if parsed is not None:
        _set_val(sdt_pr, "w:alias", parsed[1])


def _set_val(sdt_pr: _Element, name: str, value: str) -> None:
    """Set `w:val` of the NAME child of SDT_PR, adding it in schema order when missing."""
    successors = _SDT_PR_ORDER[_SDT_PR_ORDER.index(name) + 1 :]
    get_or_add(sdt_pr, name, successors=successors).set(W_VAL, value)
