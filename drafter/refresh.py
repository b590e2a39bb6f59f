"""Put corrected figures into a drafter .docx the writer has edited, leaving everything else alone.

Only drafter's content controls change. Every zip member but word/document.xml is copied as it
was; in document.xml the bytes of each updated control are replaced by its new XML and every
other byte is kept (the whole part is written anew only if the controls cannot be located).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass

from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import element_class_lookup
from docx.oxml.text.run import CT_R
from lxml import etree
from lxml.etree import _Element

from drafter.data import FigureValue, YearData
from drafter.docx_controls import retag
from drafter.draftmodel import Placeholder, figure_tag, parse_tag
from drafter.errors import DraftFormatError, InputError
from drafter.indicators import Indicator, load_indicators
from drafter.numbers import change_phrase, format_figure

DOCUMENT_PART = "word/document.xml"
# Shown in a year-on-year control whose phrase the new data cannot give (no or zero 上年).
CHANGE_TODO_LABEL = "同比"

_SDT, _SDT_PR, _SDT_CONTENT = qn("w:sdt"), qn("w:sdtPr"), qn("w:sdtContent")
_TAG, _VAL, _P, _R, _T = qn("w:tag"), qn("w:val"), qn("w:p"), qn("w:r"), qn("w:t")
_RPR, _DEL_TEXT = qn("w:rPr"), qn("w:delText")
# Text under these is not shown (tracked deletion, the source of a tracked move).
_HIDDEN = frozenset({qn("w:del"), qn("w:moveFrom")})
_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?")
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Comments, CDATA, declarations and processing instructions, or a tag: (end slash, name).
_MARKUP = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[?!][^>]*>|<(/?)([^\s/>]+)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S,
)
_START_TAG = re.compile(rb"<[^\s/>]+(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_XMLNS = re.compile(rb"\s+xmlns(?::([^\s=]+))?=\"([^\"]*)\"")
_APPLICATION = re.compile(r"<(?:\w+:)?Application>([^<$]*)")


@dataclass(frozen=True)
class Update:
    """One control whose text refresh replaced: a figure (role "value") or its 同比 phrase."""

    key: str
    role: str
    old: str
    new: str


@dataclass(frozen=True)
class Unplaced:
    """A figure the data gives but the draft has no control or placeholder for any more."""

    key: str
    value: str


@dataclass(frozen=True)
class Notice:
    """Something the writer should know about one control: left alone, or left to fill by hand."""

    key: str
    role: str
    text: str
    reason: str


@dataclass(frozen=True)
class RefreshResult:
    """The refreshed .docx and what refresh did to it."""

    docx: bytes
    updated: tuple[Update, ...]
    filled: tuple[Update, ...]
    unplaceable: tuple[Unplaced, ...]
    notices: tuple[Notice, ...]
    pending: tuple[str, ...]
    untagged: int

    @property
    def changed(self) -> bool:
        """Return True when at least one control got new text."""
        return bool(self.updated or self.filled)


@dataclass(frozen=True)
class _Control:
    element: _Element
    kind: str
    key: str
    role: str


def refresh_draft(docx: bytes, data: YearData, *, path: str | None = None) -> RefreshResult:
    """Return DOCX with the figures of DATA in its drafter controls, and a report of the changes.

    PATH only names the file in error messages. Raises InputError when DOCX is not a readable
    .docx, DraftFormatError when it holds no drafter control.
    """
    original = _read_member(docx, DOCUMENT_PART, path)
    tree = _parse(original, path)
    controls, untagged = _find_controls(tree.getroot())
    if not controls:
        raise DraftFormatError(_no_controls_message(untagged, _application(docx)), path=path)
    work = _Refresher(data, load_indicators(), controls)
    for control in controls:
        work.visit(control)
    work.note_missing_changes(controls)
    new_docx = docx
    if work.updated or work.filled:
        new_xml = _serialise(tree, original, {id(el) for el in work.touched})
        new_docx = _replace_member(docx, DOCUMENT_PART, new_xml, path)
    return RefreshResult(
        docx=new_docx,
        updated=tuple(work.updated),
        filled=tuple(work.filled),
        unplaceable=work.unplaceable(),
        notices=tuple(work.notices),
        pending=tuple(dict.fromkeys(work.pending)),
        untagged=untagged,
    )


class _Refresher:
    """Walk the controls once, updating their text and collecting the report."""

    def __init__(
        self, data: YearData, indicators: dict[str, Indicator], controls: list[_Control]
    ) -> None:
        self.data = data
        self.indicators = indicators
        self.change_keys = {c.key for c in controls if c.kind == "figure" and c.role == "change"}
        self.placed: set[str] = set()
        self.updated: list[Update] = []
        self.filled: list[Update] = []
        self.notices: list[Notice] = []
        self.pending: list[str] = []
        self.touched: list[_Element] = []

    def visit(self, control: _Control) -> None:
        content = control.element.find(_SDT_CONTENT)
        nodes = _visible_text_nodes(content)
        old = "".join(t.text or "" for t in nodes)
        if not nodes and content is not None and content.find(f".//{_DEL_TEXT}") is not None:
            self.note(control, old, "已在修订中删除（尚未接受），未更新")
            return
        if control.kind == "todo" or control.role == "value":
            self.placed.add(control.key)
        indicator = self.indicators.get(control.key)
        value = self.data.figures.get(control.key)
        if indicator is None:
            self.note(control, old, "指标目录中没有这个指标，未更新")
        elif control.kind == "todo":
            self.fill(control, old, indicator, value)
        elif value is None or value.current is None:
            self.note(control, old, "数据表中没有这个指标的本年数字，保留原文")
        elif control.role == "value":
            new = format_figure(value.current, indicator.unit, indicator.kind, approx=value.approx)
            self.replace(control, old, new, self.updated)
        elif control.role == "change":
            self.change(control, old, indicator, value)
        else:
            self.note(control, old, f"不认识的控件类型“{control.role}”，未更新")

    def fill(
        self, control: _Control, old: str, indicator: Indicator, value: FigureValue | None
    ) -> None:
        if value is None or value.current is None:
            self.pending.append(control.key)
            return
        new = format_figure(value.current, indicator.unit, indicator.kind, approx=value.approx)
        retag(control.element, figure_tag(control.key))
        self.replace(control, old, new, self.filled, force=True, highlight=False)

    def change(self, control: _Control, old: str, indicator: Indicator, value: FigureValue) -> None:
        phrase = _phrase(indicator, value)
        if phrase is None:
            new = Placeholder(control.key, CHANGE_TODO_LABEL).text
            self.note(control, new, "数据表中没有上年数字（或上年为0），无法计算同比，已标为待填")
            self.replace(control, old, new, self.updated, highlight=True)
        else:
            highlight = False if _is_placeholder(old) else None
            self.replace(control, old, phrase, self.updated, highlight=highlight)

    def replace(
        self,
        control: _Control,
        old: str,
        new: str,
        into: list[Update],
        *,
        force: bool = False,
        highlight: bool | None = None,
    ) -> None:
        """Set the control's text; with HIGHLIGHT True/False mark it yellow or unmark it."""
        if old == new and not force:
            return
        _set_text(control.element, new)
        if highlight is not None:
            _set_highlight(control.element, on=highlight)
        self.touched.append(control.element)
        into.append(Update(control.key, control.role, old, new))

    def note(self, control: _Control, text: str, reason: str) -> None:
        self.notices.append(Notice(control.key, control.role, text, reason))

    def note_missing_changes(self, controls: list[_Control]) -> None:
        """Tell where a 同比 phrase could now be computed but the draft has no control for it."""
        seen = set(self.change_keys)
        for control in controls:
            if control.key in seen or control.key not in self.placed:
                continue
            indicator = self.indicators.get(control.key)
            value = self.data.figures.get(control.key)
            if indicator is None or value is None or "{同比}" not in indicator.sentence:
                continue  # this indicator's sentence never carries a 同比 phrase
            phrase = _phrase(indicator, value)
            if phrase:
                seen.add(control.key)
                self.note(
                    control,
                    phrase,
                    "数据表给出了上年数字，但初稿此处没有同比的位置，如需要请手工补写",
                )

    def unplaceable(self) -> tuple[Unplaced, ...]:
        out = []
        for key, value in self.data.figures.items():
            if value.current is None or key in self.placed:
                continue
            ind = self.indicators.get(key)
            shown = (
                format_figure(value.current, ind.unit, ind.kind, approx=value.approx)
                if ind
                else f"{value.current:g}"
            )
            out.append(Unplaced(key, shown))
        return tuple(out)


def _is_placeholder(text: str) -> bool:
    return text.startswith("【待填")


def _phrase(indicator: Indicator, value: FigureValue) -> str | None:
    if value.current is None or value.previous is None:
        return None
    return change_phrase(value.current, value.previous, indicator.kind)


def _find_controls(root: _Element) -> tuple[list[_Control], int]:
    """Return the drafter controls in document order, and how many inline controls lack a tag."""
    controls: list[_Control] = []
    untagged = 0
    for sdt in root.iter(_SDT):
        tag_el = sdt.find(f"{_SDT_PR}/{_TAG}")
        parsed = parse_tag(tag_el.get(_VAL) or "") if tag_el is not None else None
        if parsed is not None:
            controls.append(_Control(sdt, *parsed))
        elif tag_el is None and sdt.find(f"{_SDT_CONTENT}//{_P}") is None:
            untagged += 1
    return controls, untagged


def _visible_text_nodes(content: _Element | None) -> list[_Element]:
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


def _set_text(sdt: _Element, text: str) -> None:
    """Put TEXT in the first visible `w:t` of the control; drop its other visible text.

    Runs, their formatting and tracked deletions stay; a run left with nothing but its
    formatting goes. An empty control gets a new run.
    """
    content = sdt.find(_SDT_CONTENT)
    if content is None:
        content = OxmlElement("w:sdtContent")
        sdt.append(content)
    nodes = _visible_text_nodes(content)
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


def _set_highlight(sdt: _Element, *, on: bool) -> None:
    """Highlight the control's runs yellow like a placeholder, or take any highlight off."""
    content = sdt.find(_SDT_CONTENT)
    runs = [] if content is None else [r for r in content.iter(_R) if isinstance(r, CT_R)]
    for run in runs:
        if on:
            run.get_or_add_rPr().highlight_val = WD_COLOR_INDEX.YELLOW
        elif run.rPr is not None and run.rPr.highlight is not None:
            run.rPr.highlight_val = None


def _read_member(docx: bytes, name: str, path: str | None) -> bytes:
    if docx[:4] == b"\xd0\xcf\x11\xe0":
        raise InputError(
            "这是旧版 .doc、.wps 或加密的文档，不是 .docx：请在 Word/WPS 中另存为 .docx（不加密码）。",
            path=path,
        )
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as zf:
            if name not in zf.namelist():
                raise InputError("不是 Word 文档（.docx）：文件中没有正文部分。", path=path)
            return zf.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as e:
        raise InputError("不是 .docx 文件，或文件已损坏，无法打开。", path=path) from e


def _parse(xml: bytes, path: str | None) -> etree._ElementTree:
    # python-docx's own parser drops whitespace-only text; this one keeps every character.
    parser = etree.XMLParser(resolve_entities=False, remove_blank_text=False, huge_tree=True)
    parser.set_element_class_lookup(element_class_lookup)
    try:
        return etree.ElementTree(etree.fromstring(xml, parser))
    except etree.XMLSyntaxError as e:
        raise InputError(f"文件已损坏：正文部分不是有效的 XML（{e}）。", path=path) from e


def _serialise(tree: etree._ElementTree, original: bytes, touched: set[int]) -> bytes:
    """Return ORIGINAL with the controls whose id() is in TOUCHED written anew from TREE.

    Every byte outside those controls is kept, even where lxml would write it differently
    (LibreOffice's `<w:rPr></w:rPr>`). When the controls cannot be located in the bytes with
    certainty, the whole tree is written instead, with the original XML declaration.
    """
    root = tree.getroot()
    sdts = list(root.iter(_SDT))
    spans = _sdt_spans(original, root)
    encoding = (tree.docinfo.encoding or "UTF-8").upper().replace("UTF8", "UTF-8")
    if spans is None or len(spans) != len(sdts) or encoding != "UTF-8":
        return _serialise_whole(tree, original)
    out = original
    for (start, end), sdt in reversed(list(zip(spans, sdts, strict=True))):
        if id(sdt) in touched:
            out = out[:start] + _element_bytes(sdt) + out[end:]
    return out


def _sdt_spans(xml: bytes, root: _Element) -> list[tuple[int, int]] | None:
    """Return the byte span of every `w:sdt` element of XML in document order, or None."""
    prefixes = [prefix for prefix, uri in root.nsmap.items() if uri == _W_NS]
    if len(prefixes) != 1:
        return None
    name = b"sdt" if prefixes[0] is None else prefixes[0].encode() + b":sdt"
    open_at: list[int] = []
    spans: list[tuple[int, int]] = []
    for m in _MARKUP.finditer(xml):
        if m.group(2) != name:
            continue
        if m.group(1):
            if not open_at:
                return None
            spans.append((open_at.pop(), m.end()))
        elif m.group(0).endswith(b"/>"):
            spans.append((m.start(), m.end()))
        else:
            open_at.append(m.start())
    return None if open_at else sorted(spans)


def _element_bytes(el: _Element) -> bytes:
    """Return EL serialised alone, without the namespace declarations its context already has."""
    data: bytes = etree.tostring(el, encoding="UTF-8", xml_declaration=False, with_tail=False)
    parent = el.getparent()
    in_scope = {} if parent is None else parent.nsmap
    head = _START_TAG.match(data)
    if head is None:
        return data

    def drop(m: re.Match[bytes]) -> bytes:
        prefix = m.group(1).decode() if m.group(1) else None
        return b"" if in_scope.get(prefix) == m.group(2).decode() else m.group(0)

    return _XMLNS.sub(drop, head.group(0)) + data[head.end() :]


def _serialise_whole(tree: etree._ElementTree, original: bytes) -> bytes:
    """Return TREE as bytes with the original's XML declaration and trailing whitespace."""
    head = _DECLARATION.match(original)
    body: bytes = etree.tostring(
        tree, encoding=tree.docinfo.encoding or "UTF-8", xml_declaration=False
    )
    tail = original[len(original.rstrip()) :]
    return (head.group(0) if head else b"") + body + tail


def _replace_member(docx: bytes, name: str, data: bytes, path: str | None) -> bytes:
    """Return DOCX with member NAME replaced by DATA; every other member copied unchanged."""
    out = io.BytesIO()
    try:
        with (
            zipfile.ZipFile(io.BytesIO(docx)) as src,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
        ):
            dst.comment = src.comment
            for info in src.infolist():
                dst.writestr(info, data if info.filename == name else src.read(info))
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
        raise InputError("文件已损坏（压缩包中有无法读取的部分），无法更新。", path=path) from e
    return out.getvalue()


def _application(docx: bytes) -> str:
    """Return the name of the program that last saved DOCX, from docProps/app.xml, or ""."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as zf:
            app = zf.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, zlib.error):
        return ""
    m = _APPLICATION.search(app)
    return m.group(1).strip() if m else ""


def _no_controls_message(untagged: int, application: str) -> str:
    saved_by = f"（此文件最后由 {application} 保存）" if application else ""
    if untagged:
        return (
            f"找到 {untagged} 个内容控件，但都没有 drafter 的标签{saved_by}：控件的标签在另存时丢失了"
            "（LibreOffice 7.4 另存为 .docx 时会删除内容控件的标签），drafter 已无法分辨哪个数字属于"
            "哪个指标，未做任何修改。请在没有经 LibreOffice 另存过的初稿上运行 refresh，"
            "或用 drafter draft 重新生成初稿。"
        )
    return (
        "没有找到 drafter 的内容控件：这个文件不是 drafter 生成的初稿，或者其中的数字控件已被删除"
        f"（例如在 Word 中“删除内容控件”）{saved_by}，未做任何修改。"
    )
