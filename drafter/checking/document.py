"""Check rules on marks left in, the parts the rule requires, and text copied from last year."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from difflib import SequenceMatcher

from drafter.catalogue import RULE_PARTS, load_categories, part_of
from drafter.checking.citations import is_citation_to_verify
from drafter.checking.model import EXCERPT_LEN, CheckContext, Finding, Located, Passage, heading_of
from drafter.text import (
    PLACEHOLDER_PATTERN,
    SUGGESTION_MARK,
    TO_CONFIRM_OPEN,
    TO_CONFIRM_PATTERN,
    chinese_numeral,
    sentence_spans,
    typed_figure,
)

_COPY_MIN_CHARS = 30
# A paragraph is "mostly" last year's when this share of its characters, in order, come from
# one paragraph of last year's report (a copy with a sentence cut or a figure changed).
_SIMILAR_SHARE = 0.8
_RUN = 6  # the shortest run of characters counted as copied
_NOT_TEXT = re.compile(r"[^0-9A-Za-z\u4e00-\u9fff]")
_NOT_WORDS = re.compile(r"[^A-Za-z\u4e00-\u9fff]|[万亿余多]")


def placeholders(ctx: CheckContext) -> Iterator[Located]:
    """Yield an error for each 【待填…】 placeholder left in the draft.

    One the writer typed a figure into ("【待填：1500件】") is filled, as refresh counts it: only
    its marks are left to delete (a warning).
    """
    for p in ctx.passages:
        for m in PLACEHOLDER_PATTERN.finditer(p.text):
            if is_citation_to_verify(m.group()):
                continue  # the opening's sessions past the years table: `citation_to_verify`
            typed = typed_figure(m.group())
            if typed is not None:
                message = f"占位符中已填入“{typed}”，请删去“【待填：”和“】”，只留数字。"
                yield p.finding("placeholder", "warning", message, m.start(), m.end())
                continue
            todo = (
                "这是上年的数字，请改为本年数字（或在数据表中填写后运行 drafter refresh）。"
                if m.group().startswith(TO_CONFIRM_OPEN)
                else "请填入数字（或在数据表中填写后运行 drafter refresh），不需要的删去这句。"
            )
            yield p.finding(
                "placeholder", "error", f"占位符未填写：{m.group()}。{todo}", m.start(), m.end()
            )


def suggestions(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each 【建议改写】 mark left in the draft."""
    for p in ctx.passages:
        start = p.text.find(SUGGESTION_MARK)
        while start >= 0:
            end = start + len(SUGGESTION_MARK)
            yield p.finding(
                "suggestion",
                "warning",
                "建议改写的参考文字尚未改写，改写后请删除“【建议改写】”标记。",
                start,
                end,
            )
            start = p.text.find(SUGGESTION_MARK, end)


# What a draft fills into a learned sentence, or a writer changes for the year and the unit.
_FILLED = re.compile(
    r"\{[^}]*\}(?:年度|年)?|\d+(?:年度|年)?|我(?:市|县|区|旗|局|委|办|厅|镇|乡|们)|本(?:市|县|区|旗|局)"
)
_SUGGESTION_MIN_CHARS = 15


def suggestion_key(sentence: str) -> str:
    """Return SENTENCE without its year, self-name, template fields and punctuation.

    A learned sentence ("{年度}，{自称}…") and the same sentence as a draft filled it
    ("2025年，我市…") give the same key.
    """
    return _fingerprint(_FILLED.sub("", sentence))


def suggestions_left(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each skeleton suggestion left in the text without its 【建议改写】 mark.

    The mark deleted but the sentence kept: it is some other report's sentence, not this year's.
    """
    if not ctx.suggestions:
        return
    for p in ctx.passages:
        if p.kind != "body" or SUGGESTION_MARK in p.text:
            continue
        for start, end in sentence_spans(p.text, "。！？"):
            key = suggestion_key(p.text[start:end])
            if len(key) >= _SUGGESTION_MIN_CHARS and key in ctx.suggestions:
                yield p.finding(
                    "suggestion-left",
                    "warning",
                    "本句与骨架中的参考句（往年报告的原句）相同：若是初稿给出的参考句，"
                    "“【建议改写】”标记删了但文字没改；请按本单位本年度的实际情况改写或删除。",
                    start,
                    end,
                )


def parts(ctx: CheckContext) -> Iterator[Located]:
    """Yield missing-part and part-order findings for the four parts the rule requires."""
    sections = ctx.outline.walk()
    present = {part_of(s.category) for s in sections} | {
        cid for s in ctx.outline.sections for cid in _parts_named_in(s.title)
    }
    end = (len(ctx.passages), 0)
    specs = load_categories()
    for number, cid in enumerate(RULE_PARTS, start=1):
        name = specs[cid].name
        if cid in present:
            continue
        if cid == "first_responsible":
            merged = _merged_first_responsible(ctx.passages)
            if merged is not None:
                yield merged
                continue
        message = (
            f"缺少规定要求的第{chinese_numeral(number)}部分“{name}”。"
            "请补写这一部分（单列一个一级标题）。"
        )
        yield end, Finding("missing-part", "error", None, None, message, "")
    yield from _part_order(ctx)


def _parts_named_in(title: str) -> set[str]:
    """Return the parts a heading names: "存在的问题和下一步打算" names problems and plan."""
    specs = load_categories()
    return {
        cid
        for cid in ("problems", "first_responsible", "plan")
        if any(w in title for w in specs[cid].title_words)
    }


def _merged_first_responsible(passages: list[Passage]) -> Located | None:
    for p in passages:
        at = p.text.find("第一责任人")
        if p.kind == "body" and at >= 0:
            return p.finding(
                "missing-part",
                "warning",
                "第一责任人履职情况没有单列为一部分（写在了本节中）；规定要求单独报告"
                f"“{load_categories()['first_responsible'].name}”。",
                at,
                at + 5,
            )
    return None


def _part_order(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each part outside the longest run of parts already in the rule's order."""
    rank = {cid: number for number, cid in enumerate(RULE_PARTS, start=1)}
    specs = load_categories()
    names = {c.id: c.name for c in specs.values()}
    ranked = [
        (rank[part_of(s.category)], s) for s in ctx.outline.sections if part_of(s.category) in rank
    ]
    kept = _longest_ordered([n for n, _ in ranked])
    # Of the run, the last part below each number and the first above it: a part out of the run
    # either precedes a lower part (then it belongs after the last of them) or follows a higher one.
    last_below: dict[int, int] = {}
    first_above: dict[int, int] = {}
    for j in sorted(kept):
        for number in range(1, len(RULE_PARTS) + 1):
            if ranked[j][0] < number:
                last_below[number] = j
            if ranked[j][0] > number:
                first_above.setdefault(number, j)
    first_passage: dict[str | None, Passage] = {}
    for p in ctx.passages:
        first_passage.setdefault(p.section, p)
    for i, (number, section) in enumerate(ranked):
        if i in kept:
            continue
        lower, higher = last_below.get(number, -1), first_above.get(number, len(ranked))
        if lower > i:
            where = f"应写在“{specs[part_of(ranked[lower][1].category)].name}”之后"
        else:
            where = f"应写在“{specs[part_of(ranked[higher][1].category)].name}”之前"
        name = specs[part_of(section.category)].name
        label = heading_of(section, names)
        first = first_passage.get(label)
        message = f"“{name}”{where}。规定的顺序是：{'、'.join(specs[c].name for c in RULE_PARTS)}。"
        shown = first.text[:EXCERPT_LEN] if first else ""
        at = (first.index if first else len(ctx.passages), 0)
        yield at, Finding("part-order", "warning", label, None, message, shown)


def _longest_ordered(numbers: list[int]) -> set[int]:
    """Return the indexes of a longest non-decreasing subsequence of NUMBERS (earliest on ties).

    NUMBERS are the few part numbers: for each number the longest run ending in it so far (and
    where) is kept, so the search is linear, not quadratic in the sections.
    """
    best_by_number: dict[int, tuple[int, int]] = {}  # number -> (run length, -index of its end)
    previous: list[int] = []
    length: list[int] = []
    for i, n in enumerate(numbers):
        ends = [v for k, v in best_by_number.items() if k <= n]
        if ends:
            run, minus_j = max(ends)
            previous.append(-minus_j)
            length.append(run + 1)
        else:
            previous.append(-1)
            length.append(1)
        if n not in best_by_number or length[i] > best_by_number[n][0]:
            best_by_number[n] = (length[i], -i)
    if not numbers:
        return set()
    winner: list[int] = []
    i = length.index(max(length))
    while i >= 0:
        winner.append(i)
        i = previous[i]
    return set(winner)


def copied_from_last_year(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each body paragraph identical to, or mostly the same as, last year's.

    Identical (punctuation and spaces aside): copied-from-last-year. Mostly the same (at least
    80% of its characters, in order, from one paragraph of last year's): similar-to-last-year.
    """
    if not ctx.last_year:
        return
    last = [p for p in ctx.last_year if p.kind in ("body", "opening")]
    old = {_fingerprint(p.text) for p in last}
    old_words = {_words(p.text) for p in last}
    pool = [(key, Counter(key)) for key in old if len(key) >= _COPY_MIN_CHARS]
    for p in ctx.passages:
        if p.kind not in ("body", "opening"):
            continue
        key = _fingerprint(p.text)
        if len(key) < _COPY_MIN_CHARS:
            continue
        if key in old:
            yield p.finding(
                "copied-from-last-year",
                "warning",
                "本段与上年报告中的一段完全相同，请按本年度情况改写。",
            )
        elif _words(p.text) in old_words:
            yield p.finding(
                "copied-from-last-year",
                "warning",
                "本段除数字和年份外与上年报告中的一段相同，请按本年度情况改写。",
            )
        else:
            yield from _similar(p, key, pool)


def _similar(p: Passage, key: str, pool: list[tuple[str, Counter[str]]]) -> Iterator[Located]:
    """Yield similar-to-last-year for P when most of KEY comes from one paragraph of POOL."""
    share = _best_share(key, pool)
    if share >= _SIMILAR_SHARE:
        yield p.finding(
            "similar-to-last-year",
            "warning",
            f"本段{share:.0%}的文字出自上年报告中的一段（只删改了个别句子或数字），"
            "请按本年度情况改写。",
        )


def _best_share(key: str, pool: list[tuple[str, Counter[str]]]) -> float:
    """Return the largest share of KEY's characters that appear, in order, in one of POOL."""
    mine = Counter(key)
    best = 0.0
    for other, counts in pool:
        # the characters in common bound the share from above: skip hopeless pairs cheaply
        if sum((mine & counts).values()) / len(key) <= max(best, _SIMILAR_SHARE - 1e-9):
            continue
        blocks = SequenceMatcher(None, key, other, autojunk=False).get_matching_blocks()
        # runs of a few characters match by chance (法治, 建设); copied text comes in long runs
        best = max(best, sum(b.size for b in blocks if b.size >= _RUN) / len(key))
    return best


def _fingerprint(text: str) -> str:
    """Return TEXT without punctuation and spaces, so re-punctuated copies still match."""
    return _NOT_TEXT.sub("", text)


def _words(text: str) -> str:
    """Return TEXT's words without figures, years or 【待核：…】 marks: last year's prose."""
    return _NOT_WORDS.sub("", TO_CONFIRM_PATTERN.sub(r"\1", text))
