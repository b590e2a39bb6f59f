"""Check rule against the year's data file: a figure in the text that differs from the file's."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.checking.model import CheckContext, Located, Passage
from drafter.datafile import ExtractedFigure, extract_paragraph
from drafter.text import format_figure

_PRIOR = ("上年", "去年", "上一年", "同期", "由", "从")
_ROUNDED = 0.05  # "2.8万余" stands for 28000 to 29999


def data_mismatches(ctx: CheckContext) -> Iterator[Located]:
    """Yield an error for each indicator whose figures in the text all differ from the data file's.

    The figures are those the text gives each indicator (as `extract` matches them); last year's
    ("较上年的300件", "由…增至") are left out. A rounded figure ("2.8万余") matches a value it
    rounds. An indicator the text gives no figure is not this rule's business.
    """
    if ctx.data is None:
        return
    from drafter.catalogue import load_indicators

    indicators = load_indicators()
    seen: dict[str, list[tuple[Passage, int, ExtractedFigure]]] = {}
    for p in ctx.passages:
        if p.kind not in ("body", "opening"):
            continue
        for offset, item in extract_paragraph(p.text, p.category or "other"):
            if item.indicator is None or _is_prior(item):
                continue
            seen.setdefault(item.indicator, []).append((p, offset, item))
    for key, found in seen.items():
        value = ctx.data.figures.get(key)
        if value is None or value.current is None or key not in indicators:
            continue
        if any(_agrees(item, value.current) for _, _, item in found):
            continue
        p, offset, item = found[0]
        ind = indicators[key]
        expected = format_figure(value.current, ind.unit, ind.kind, approx=value.approx)
        yield p.finding(
            "data-mismatch",
            "error",
            f"文中“{item.text}”（{key}）与数据表中的本年数字 {expected} 不一致。"
            "请核对：数据表对就改正文（或运行 drafter refresh），正文对就改数据表。",
            offset + item.figure.start,
            offset + item.figure.end,
        )


def _is_prior(item: ExtractedFigure) -> bool:
    start = max(item.sentence.rfind(ch, 0, item.figure.start) for ch in "，；：。") + 1
    return any(cue in item.sentence[start : item.figure.start] for cue in _PRIOR)


def _agrees(item: ExtractedFigure, value: float) -> bool:
    shown = item.figure.value
    if shown == value:
        return True
    rounded = item.figure.approx or any(ch in item.text for ch in "万亿")
    return rounded and value > 0 and abs(shown - value) / value < _ROUNDED
