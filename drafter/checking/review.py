"""Check rule on review left in a .docx: unresolved comments and tracked changes, with author."""

from __future__ import annotations

from collections.abc import Iterator

from drafter.checking.model import CheckContext, Finding, Located, Passage
from drafter.reading import ReviewMark, normalize_line

_QUOTED = 20  # characters of a comment or change quoted in the message
# The author drafter signs its own reminder comments with (drafting's COMMENT_AUTHOR): each goes
# with a mark other rules report (【建议改写】, 【待核】, a paragraph carried over).
_DRAFTER = "drafter"


def review_left(ctx: CheckContext) -> Iterator[Located]:
    """Yield a finding for each unresolved comment and each tracked change still in the file."""
    for mark in ctx.review:
        if mark.kind == "comment" and mark.author == _DRAFTER:
            continue
        who = f"（{mark.author}）" if mark.author else ""
        words = _short(mark.text)
        if mark.kind == "comment":
            rule = "review-comment"
            message = f"有未处理的批注{who}：“{words}”。请按批注修改后删除批注（或在 Word 中标为已解决）。"
        else:
            rule = "tracked-change"
            what = "插入" if mark.kind == "insertion" else "删除"
            message = (
                f"有未接受的修订{who}：{what}“{words}”。请在 Word“审阅”中接受或拒绝修订，"
                "否则对方看到的文字可能不是定稿。"
            )
        host = _host(ctx.passages, mark)
        if host is None:
            shown = normalize_line(mark.paragraph)[:40]
            yield (len(ctx.passages), 0), Finding(rule, "error", None, None, message, shown)
            continue
        at = host.text.find(normalize_line(mark.text)) if mark.kind != "deletion" else -1
        start, end = (at, at + len(mark.text)) if at >= 0 else (0, len(host.text))
        yield host.finding(rule, "error", message, start, end)


def _host(passages: list[Passage], mark: ReviewMark) -> Passage | None:
    """Return the passage holding MARK's paragraph (the outline may have split or trimmed it)."""
    text = normalize_line(mark.paragraph)
    if not text:
        return None
    head = text[:20]
    for p in passages:
        if p.text == text or head in p.text or (p.text in text and len(p.text) >= 8):
            return p
    return None


def _short(text: str) -> str:
    text = normalize_line(text)
    return text if len(text) <= _QUOTED else text[:_QUOTED] + "…"
