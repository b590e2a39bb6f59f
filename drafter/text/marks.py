"""The marks drafter leaves in report text for the writer: placeholders and suggestions."""

from __future__ import annotations

import re

# A figure still to fill: 【待填：行政复议受理件数】.
PLACEHOLDER_OPEN = "【待填："
PLACEHOLDER_CLOSE = "】"
# A figure carried over that the writer must confirm: 【待核：原文数字】.
TO_CONFIRM_OPEN = "【待核："
# A learned sentence offered where the data says nothing, to rewrite or delete.
SUGGESTION_MARK = "【建议改写】"
# The label of a 同比 phrase still to compute: shown as 【待填：同比】.
CHANGE_TODO_LABEL = "同比"

# A placeholder (or a carried-over figure to confirm, 【待核：…】) in text as read back; the
# closing 】 is optional because the outline may have split a heading at the placeholder's "：".
PLACEHOLDER_PATTERN = re.compile(r"【待[填核][^】\n]{0,80}】?")
# A whole 【待核：TEXT】 mark, TEXT as group 1.
TO_CONFIRM_PATTERN = re.compile(
    rf"{TO_CONFIRM_OPEN}([^{PLACEHOLDER_CLOSE}\n]{{0,80}}){PLACEHOLDER_CLOSE}"
)


def placeholder(label: str) -> str:
    """Return the placeholder text for LABEL: 【待填：LABEL】."""
    return f"{PLACEHOLDER_OPEN}{label}{PLACEHOLDER_CLOSE}"


def to_confirm(text: str) -> str:
    """Return TEXT marked for the writer to confirm: 【待核：TEXT】."""
    return f"{TO_CONFIRM_OPEN}{text}{PLACEHOLDER_CLOSE}"


def is_placeholder(text: str) -> bool:
    """Return True when TEXT is (starts as) a placeholder or a 【待核：…】 figure to confirm."""
    return text.startswith(("【待填", TO_CONFIRM_OPEN))


# Inline marks in rendered template text, resolved by drafting into figures and placeholders:
# MARK_OPEN + KIND + ":" + KEY + MARK_CLOSE, in the Private Use Area so that no report text holds
# them (a data file that does is refused). KIND: V value, C 同比 phrase, T figure to fill,
# P a fact of the data file to fill (单位, 成文日期, …), K text to verify (会议引文).
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
RESERVED_CHARS = MARK_OPEN + MARK_CLOSE
MARK_PATTERN = re.compile(f"{MARK_OPEN}([VCTPK]):([^{MARK_CLOSE}]*){MARK_CLOSE}")


def inline_mark(kind: str, key: str) -> str:
    """Return the inline mark of KIND ("V", "C", "T", "P" or "K") for KEY."""
    return f"{MARK_OPEN}{kind}:{key}{MARK_CLOSE}"


# What a writer types for a figure: "1500件", "98.5%", "2.8万余人次", "约3.84亿元".
_TYPED_FIGURE = re.compile(
    r"(?:约|近|超过|超|逾)?\d[\d.,]*[万亿]?[余多]?[^\d\s【】：:]{0,3}(?:以上|左右)?"
)


def typed_figure(text: str) -> str | None:
    """Return the figure a writer typed into a placeholder ("【待填：1500件】" → "1500件"), else None.

    A placeholder whose label is still there ("【待填：行政复议受理件数】", "【待填：12345热线受理量】")
    is waiting: None. Refresh and check both count a placeholder with a typed figure as filled.
    """
    inner = text.strip()
    if inner.startswith("【待填"):
        inner = inner[len("【待填") :].lstrip("：:").rstrip("】").strip()
    return inner if _TYPED_FIGURE.fullmatch(inner) else None
