"""Put corrected figures into a drafter .docx the writer has edited, leaving everything else alone.

Only drafter's figure and placeholder controls change, never text left to verify. Every zip
member but word/document.xml is copied as it was; in document.xml the bytes of each updated
control are replaced by its new XML and every other byte is kept (the whole part is written
anew only if the controls cannot be located).
A control whose tag a LibreOffice save dropped is known by the hidden drafter bookmark around
it; refresh writes its tag back, so that control is written anew too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.etree import _Element

from drafter.catalogue import Indicator, load_indicators
from drafter.datafile import FigureValue, YearData
from drafter.docx import (
    Control,
    figure_tag,
    find_controls_in,
    last_saved_by,
    parse_part,
    read_part,
    replace_part,
    serialise_part,
    shown_text_nodes,
)
from drafter.drafting.change import year_on_year
from drafter.errors import DataError, DraftFormatError
from drafter.text import (
    CHANGE_TODO_LABEL,
    format_figure,
    is_placeholder,
    placeholder,
    typed_figure,
)

DOCUMENT_PART = "word/document.xml"
# Stands for the key in the notice of tags restored from bookmarks.
RESTORED_LABEL = "内容控件标签"


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
    """Something the writer should know about one control: left alone, or left to fill by hand.

    The notice of restored tags is about all those controls: its KEY is RESTORED_LABEL.
    """

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
    restored: int = 0

    @property
    def changed(self) -> bool:
        """Return True when at least one control got new text, or its tag back from a bookmark."""
        return bool(self.updated or self.filled or self.restored)


def refresh_draft(docx: bytes, data: YearData, *, path: str | None = None) -> RefreshResult:
    """Return DOCX with the figures of DATA in its drafter controls, and a report of the changes.

    A control that lost its tag but stands in a drafter bookmark (a LibreOffice save) is refreshed
    like a tagged one and gets its tag back. PATH only names the file in error messages. Raises
    InputError when DOCX is not a readable .docx, DraftFormatError when it holds no drafter
    control.
    """
    original = read_part(docx, DOCUMENT_PART, path)
    tree = parse_part(original, path)
    indicators = load_indicators()
    controls, untagged = find_controls_in(tree.getroot(), keys=[*indicators, *data.figures])
    controls = [_as_filled(c) for c in controls]
    if not controls:
        raise DraftFormatError(_no_controls_message(untagged, last_saved_by(docx)), path=path)
    _check_year(tree.getroot(), data, path)
    # text to verify (the opening's citation past the years table) is the writer's to edit
    controls = [c for c in controls if c.kind != "verify"]
    work = _Refresher(data, indicators, controls)
    restored = work.restore_tags(controls)
    for control in controls:
        work.visit(control)
    work.note_missing_changes(controls)
    new_docx = docx
    if work.touched:
        new_xml = serialise_part(tree, original, {id(el) for el in work.touched})
        new_docx = replace_part(docx, DOCUMENT_PART, new_xml, path)
    return RefreshResult(
        docx=new_docx,
        updated=tuple(work.updated),
        filled=tuple(work.filled),
        unplaceable=work.unplaceable(),
        notices=tuple(work.notices),
        pending=tuple(dict.fromkeys(work.pending)),
        untagged=untagged,
        restored=restored,
    )


class _Refresher:
    """Walk the controls once, updating their text and collecting the report."""

    def __init__(
        self, data: YearData, indicators: dict[str, Indicator], controls: list[Control]
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

    def restore_tags(self, controls: list[Control]) -> int:
        """Write back the tag of each control known by its bookmark; return how many."""
        restored = [c for c in controls if c.from_bookmark]
        for control in restored:
            control.retag()
            self.touched.append(control.element)
        if restored:
            self.notices.append(
                Notice(
                    RESTORED_LABEL,
                    "value",
                    "",
                    f"{len(restored)} 个数字控件的 drafter 标签在另存时丢失（LibreOffice 另存 .docx 会"
                    "这样），已按控件处的隐藏书签认出并恢复，这些数字照常更新",
                )
            )
        return len(restored)

    def visit(self, control: Control) -> None:
        old = control.text
        if control.only_deleted:
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
        elif (
            control.role == "change"
            and is_placeholder(old)
            and (value is None or value.current is None)
        ):
            return  # a 同比 still to come beside a figure still to come: nothing new to say
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
        self, control: Control, old: str, indicator: Indicator, value: FigureValue | None
    ) -> None:
        if value is None or value.current is None:
            typed = typed_figure(old) if is_placeholder(old) else (old.strip() or None)
            if typed is None:
                self.pending.append(control.key)
            elif is_placeholder(old):
                self.note(control, old, f"已填入“{typed}”，请删去“【待填：”和“】”，保留原文")
            return
        new = format_figure(value.current, indicator.unit, indicator.kind, approx=value.approx)
        control.retag(figure_tag(control.key))
        self.replace(control, old, new, self.filled, force=True, highlight=False)

    def change(self, control: Control, old: str, indicator: Indicator, value: FigureValue) -> None:
        phrase = _phrase(indicator, value)
        if phrase is None:
            new = placeholder(CHANGE_TODO_LABEL)
            self.note(control, new, "数据表中没有上年数字（或上年为0），无法计算同比，已标为待填")
            self.replace(control, old, new, self.updated, highlight=True)
        elif not phrase:
            self.note(
                control,
                old,
                "按 templates/change_policy.yaml，这个数字不写同比，请连同前面的逗号手工删去",
            )
        else:
            highlight = False if is_placeholder(old) else None
            self.replace(control, old, phrase, self.updated, highlight=highlight)

    def replace(
        self,
        control: Control,
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
        control.set_text(new)
        if highlight is not None:
            control.highlight(on=highlight)
        self.touched.append(control.element)
        into.append(Update(control.key, control.role, old, new))

    def note(self, control: Control, text: str, reason: str) -> None:
        self.notices.append(Notice(control.key, control.role, text, reason))

    def note_missing_changes(self, controls: list[Control]) -> None:
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


_TITLE_YEAR = re.compile(r"关于(20\d\d)年度")
_HEAD_CHARS = 400  # the title stands at the top; a year further down may be a comparison


def _check_year(root: _Element, data: YearData, path: str | None) -> None:
    """Refuse data for another year than the draft's title names (a wrong file picked)."""
    head = "".join(t.text or "" for t in shown_text_nodes(root))[:_HEAD_CHARS]
    m = _TITLE_YEAR.search(head)
    if m and int(m.group(1)) != data.year:
        raise DataError(
            f"数据表是 {data.year} 年度的，初稿却是 {m.group(1)} 年度的报告（见初稿标题），未做任何修改。"
            "请核对是否选错了文件。",
            key_path="年度",
            path=data.source or path,
        )


def _as_filled(control: Control) -> Control:
    """Return CONTROL, as a figure when it is a placeholder known by its bookmark but filled.

    refresh retags a placeholder it fills; a LibreOffice save then drops the tag, and the
    placeholder's bookmark is all that is left around the figure.
    """
    if control.from_bookmark and control.kind == "todo":
        text = control.text
        if text and not is_placeholder(text):
            return Control(control.element, figure_tag(control.key), from_bookmark=True)
    return control


def _phrase(indicator: Indicator, value: FigureValue) -> str | None:
    if value.current is None or value.previous is None:
        return None
    return year_on_year(value.current, value.previous, indicator)


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
