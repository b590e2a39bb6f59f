"""Turn a report's paragraphs into an outline tree: title, opening, numbered sections, date.

Rules (the tests in tests/data/expected_outlines.yaml were written from them):
- Numbers are canonical: "一、", "（一）", "1.", "（1）", and inline items "一是", "二是" …
- Level is depth: a section's level is one more than its parent's. Items are children of the
  section whose text holds them. Leading "（一）" sections before a later "二、" are wrapped in an
  implicit level-1 umbrella (number None, title "", category "achievements").
- A heading with text after its first 。/： runs into its body: the title is the text before it,
  unless that is longer than 30 characters (then the title is "" and everything is body).
- "二、下一步工作打算（一）加强…" is split into the heading and its first sub-heading.
- An unheaded closing paragraph holding problems and plans becomes two untitled sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafter.reading.metadata import read_metadata
from drafter.reading.model import Outline, RawParagraph, Section, SourceText
from drafter.reading.normalize import clean_lines, normalize_line
from drafter.text import chinese_numeral, split_sentences

_CN = "一二三四五六七八九十"
_NUMBER_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^([{_CN}]+)、")),
    (2, re.compile(rf"^（([{_CN}]+)）")),
    (2, re.compile(rf"^([{_CN}]+)）")),  # a malformed "一)" missing its opening bracket
    (3, re.compile(r"^(\d{1,2})[.、](?!\d)")),
    (4, re.compile(r"^（(\d{1,2})）")),
)
# The first characters a section number can start with (besides any decimal digit), and each
# rank's canonical number.
_NUMBER_STARTS = frozenset(_CN + "（")
_CANONICAL = {1: "{}、", 2: "（{}）", 3: "{}.", 4: "（{}）"}
_SUB_HEADING_INSIDE = re.compile(rf"（[{_CN}]+）|(?<![\d.])\d{{1,2}}[.、](?!\d)")
_ITEM = re.compile(rf"(?:^|(?<=[。；：！]))([{_CN}百零]{{1,5}})是")  # 一是 … 一百二十三是
_DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_MAX_RUN_IN_TITLE = 30
# "一、" and "（一）" headings of real reports run to 50 characters ("（三）切实履行党政主要负责人…，
# 有力推动…落地"); the 30-character cap stays for "1." sub-sections and 一是 items, whose long
# single sentences are body text.
_MAX_HEADING_TITLE = 50
_RUN_IN_MAX = 24
_CLAUSE_START = re.compile(
    r"(?<!的)(?:充分发挥|编制|将|始终|坚持把|坚持以|围绕|聚焦|按照|根据|通过|今年|年内|20\d{2}年|"
    r"我[局市区县委办]|[市区县]委|[市区县]政府|强化|加强|大力|积极|认真)"
)
_RUN_INTO_ITEMS = re.compile(r"(?<![，；。：])一是(?=.*二是)")
_ITEM_RANK = 9
_PROBLEM_CUE = re.compile(r"存在.{0,100}?(问题|不足|差距|短板)|(问题|不足|差距)(主要)?(表现在|有)")
_PLAN_START = re.compile(r"^(\d{4}年|下一步|今后|新的一年|明年)[，,]?")
_HEADED_CLOSING = re.compile(r"问题|不足|差距|打算|计划|安排|下一步|展望")
_TITLE_SEARCH = 12
_MAX_TITLE = 60
_TITLE_WORDS = re.compile(r"报告|关于|法治(政府)?建设.{0,12}(情况|总结)$|法治(政府)?建设(工作)?$")
# A title's second line: "年度报告", "关于2024年…的报告", "推进…工作要点的报告".
_TITLE_TAIL = re.compile(r"^[^。，；]{0,40}报告$")
# A page that shows the report's title as a list item: "• 2021年度示例省法治政府建设年度报告" (a
# column's name in the site's menu carries no year).
_LISTED_TITLE = re.compile(r"^[•\-|]+20\d{2}年[^。，；]{2,50}报告$")
_DOC_NUMBER = re.compile(r"^[\[【（(]?[\u4e00-\u9fff]{1,6}〔\d{4}〕\d+号[\]】）)]?")
_ISSUER_LINE = re.compile(
    r"^(中共)?[\u4e00-\u9fff]{2,30}?(人民政府|政府|委员会|党委|委|办事处|街道|局|厅|办公室|中心)$"
)


@dataclass
class _Open:
    """A section still open for paragraphs, with the rank of its numbering style."""

    section: Section
    rank: int


def build_outline(source: SourceText) -> Outline:
    """Return the outline of a report read by `read_report`."""
    lines, chrome = _clean_paragraphs(source.paragraphs)
    title_lines = _take_title(lines)
    date, signature = _take_date(lines)
    opening: list[str] = []
    roots: list[_Open] = []
    stack: list[_Open] = []
    for raw in lines:
        found = number_of(raw.text)
        pieces = _split_run_in_subheading(raw, found)
        if pieces is None:
            _place(raw, found, opening, roots, stack)
        else:
            for piece in pieces:
                _place(piece, number_of(piece.text), opening, roots, stack)
    sections = _wrap_leading_subsections([o for o in roots])
    _split_unheaded_closing(sections)
    title = "".join(title_lines) or None
    body = "\n".join([title or "", *opening, _all_text(sections)])
    meta = read_metadata(title_lines, opening, date, signature, body, tuple(chrome))
    if not sections and opening:
        # No heading recognised: the whole text is one section, flagged for a person to look at.
        sections = [Section(None, "", 1, opening, category_hint="other", hint_score=0.0)]
        opening = []
    return Outline(
        file=source.path,
        title=title,
        year=meta.year,
        unit=meta.unit,
        issuers=list(meta.issuers),
        opening="\n".join(opening) or None,
        sections=sections,
        date=date,
    )


def number_of(text: str) -> tuple[int, str, str] | None:
    """Return (rank, canonical number, rest) when TEXT starts with a section number."""
    first = text[:1]
    if first not in _NUMBER_STARTS and not first.isdecimal():  # \d is any decimal digit
        return None  # most lines: no pattern can match
    for rank, pattern in _NUMBER_PATTERNS:
        m = pattern.match(text)
        if m:
            return rank, _CANONICAL[rank].format(m.group(1)), text[m.end() :]
    return None


def heading_key(text: str) -> str:
    """Return TEXT normalised as a heading is compared: canonical number, title, no end stop."""
    line = normalize_line(text)
    found = number_of(line)
    if found is None:
        return line.rstrip("。，；：！")
    return found[1] + found[2].rstrip("。，；：！")


def _clean_paragraphs(
    paragraphs: tuple[RawParagraph, ...],
) -> tuple[list[RawParagraph], list[str]]:
    """Return the report's paragraphs normalised, and the web page's chrome lines dropped."""
    out, chrome = [], []
    for p, cleaned in zip(paragraphs, clean_lines([p.text for p in paragraphs]), strict=True):
        if cleaned is not None:
            text, is_web_chrome = cleaned
            if is_web_chrome:
                chrome.append(text)
            else:
                out.append(RawParagraph(text, p.level, p.number))
    return out, chrome


def _take_title(lines: list[RawParagraph]) -> list[str]:
    """Remove and return the title's lines (one, or issuers on lines of their own, then the rest).

    The title is looked for among the first lines before any heading or sentence; what comes
    before it is the web page's header, not the report, and is dropped.
    """
    for i, p in enumerate(lines[:_TITLE_SEARCH]):
        text = p.text
        if text.startswith(("•", "-", "|")) and not _LISTED_TITLE.match(text):
            continue  # a web page's list item or table row, not the report yet
        if "。" in text or number_of(text) is not None:
            return []  # the report has begun: it has no title line
        # "现将…情况报告如下：" leads into the report; it is no title
        if len(text) <= _MAX_TITLE and _TITLE_WORDS.search(text) and not text.endswith("："):
            start = i
            while start > 0 and _ISSUER_LINE.match(lines[start - 1].text):
                start -= 1
            end = i + 1
            while (
                end < len(lines)
                and not lines[end - 1].text.endswith("报告")
                and _TITLE_TAIL.match(lines[end].text)
            ):
                end += 1
            taken = [lines[k].text.lstrip("•-|") for k in range(start, end)]
            # a page that shows the title twice (page header, then the document)
            # then what a page repeats below it: the title again, the issuer, a code, a date
            while end < len(lines) and _is_header_noise(lines[end].text):
                end += 1
            del lines[:end]
            return [_DOC_NUMBER.sub("", t).strip("《》").rstrip("。，：；") for t in taken]
    return []


def _is_header_noise(text: str) -> bool:
    return (
        len(text) <= _MAX_TITLE
        and not re.search(r"[。，；]", text)
        and not text.endswith("：")
        and number_of(text) is None
    )


def _take_date(lines: list[RawParagraph]) -> tuple[str | None, list[str]]:
    """Remove and return the closing date line and the signature lines just above it."""
    if lines and _DATE_LINE.match(lines[-1].text):
        date = lines.pop().text
        signature: list[str] = []
        # Short unpunctuated lines just before the date are the signature, not report text.
        while (
            lines
            and len(signature) < 3
            and len(lines[-1].text) <= 30
            and not re.search(r"[。，；：]", lines[-1].text)
            and number_of(lines[-1].text) is None
        ):
            signature.insert(0, lines.pop().text)
        return date, signature
    return None, []


def _split_run_in_subheading(
    p: RawParagraph, found: tuple[int, str, str] | None
) -> list[RawParagraph] | None:
    """Return P split where a heading runs straight into its first sub-heading, or None.

    FOUND is number_of(P.text).
    """
    if found is None or found[0] >= 3:
        return None
    rank, number, rest = found
    stop = _first_stop(rest, "。：")
    limit = stop if stop is not None else len(rest)
    m = _SUB_HEADING_INSIDE.search(rest, 0, limit)
    if m is None or m.start() == 0:
        return None
    sub = number_of(rest[m.start() :])
    if sub is None or sub[0] <= rank:
        return None
    head = RawParagraph(number + rest[: m.start()], p.level, p.number)
    return [head, RawParagraph(rest[m.start() :])]


def _place(
    p: RawParagraph,
    found: tuple[int, str, str] | None,
    opening: list[str],
    roots: list[_Open],
    stack: list[_Open],
) -> None:
    """Place P (FOUND is number_of(P.text)): a new section, or body text of the open one."""
    if found is None and p.level is not None and p.number is None:
        found = (p.level, "", p.text)  # a heading given by a Word heading style, unnumbered
    if found is None:
        if not stack:
            opening.append(p.text)
        else:
            _add_body(stack, p.text)
        return
    rank, number, rest = found
    while stack and stack[-1].rank >= rank:
        stack.pop()
    items = _RUN_INTO_ITEMS.search(rest)
    if items and items.start() > 0 and _first_stop(rest[: items.start()], "。：！") is None:
        # "（一）加强组织领导一是…二是…": the heading runs into its items with no stop
        title, body = rest[: items.start()].rstrip("，；"), rest[items.start() :]
    else:
        title, body = _split_heading(rest, _MAX_HEADING_TITLE if rank <= 2 else _MAX_RUN_IN_TITLE)
        if not title and rank <= 2:
            title, body = _run_in_title(rest)
    section = Section(number=number or None, title=title, level=len(stack) + 1)
    opened = _Open(section, rank)
    if stack:
        stack[-1].section.children.append(section)
    else:
        roots.append(opened)
    stack.append(opened)
    if body:
        _add_body(stack, body)


def _run_in_title(rest: str) -> tuple[str, str]:
    """Return (title, body) of a heading run into its body with no stop, or ("", REST).

    "科学谋划法治政府建设工作编制《实施方案》…": the body starts where a new clause does (a verb
    or subject that opens sentences, not after 的), 4 to 24 characters in.
    """
    m = _CLAUSE_START.search(rest, 4, _RUN_IN_MAX + 1)
    if m is None or _first_stop(rest[: m.start()], "，。；：！") is not None:
        return "", rest
    return rest[: m.start()], rest[m.start() :]


def _first_stop(text: str, stops: str) -> int | None:
    """Return the index of the first of STOPS in TEXT outside 【】《》“”（）, or None."""
    first = _stops_pattern(stops).search(text)
    opener = _OPENERS.search(text, 0, first.start() if first else len(text))
    if opener is None:  # most text: no bracket before the first stop
        return first.start() if first else None
    depth = 0
    for i, ch in enumerate(text):
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in stops and depth == 0:
            return i
    return None


_OPEN, _CLOSE = "【《“（", "】》”）"
_OPENERS = re.compile(f"[{_OPEN}]")


@cache
def _stops_pattern(stops: str) -> re.Pattern[str]:
    return re.compile(f"[{re.escape(stops)}]")


def _split_heading(rest: str, cap: int = _MAX_RUN_IN_TITLE) -> tuple[str, str]:
    stop = _first_stop(rest, "。：！")
    if stop is None or not rest[stop + 1 :].strip():
        title = rest.rstrip("。，；：！")
        if len(title) > cap and title != rest:
            return "", rest  # one long sentence, not a heading
        return title, ""
    title = rest[:stop].rstrip("，；")
    if len(title) > cap:
        return "", rest
    return title, rest[stop + 1 :]


def _add_body(stack: list[_Open], text: str) -> None:
    """Add TEXT to the deepest open section, turning "一是…二是…" runs into item children."""
    parent_index = len(stack) - 1
    while stack[parent_index].rank == _ITEM_RANK:
        parent_index -= 1
    parent = stack[parent_index]
    items = _find_items(text, parent.section)
    if not items:
        stack[-1].section.paragraphs.append(text)
        return
    first_start = items[0][0]
    if first_start > 0:
        stack[-1].section.paragraphs.append(text[:first_start])
    del stack[parent_index + 1 :]
    for i, (start, number) in enumerate(items):
        end = items[i + 1][0] if i + 1 < len(items) else len(text)
        body = text[start + len(number) : end]
        title, rest = _split_heading(body)
        item = Section(number=number, title=title, level=parent.section.level + 1)
        if rest:
            item.paragraphs.append(rest)
        parent.section.children.append(item)
    stack.append(_Open(parent.section.children[-1], _ITEM_RANK))


def _find_items(text: str, parent: Section) -> list[tuple[int, str]]:
    """Return (offset, "N是") of each item in TEXT that continues PARENT's item sequence."""
    done = [c for c in parent.children if c.number and c.number.endswith("是")]
    expected = len(done) + 1
    found: list[tuple[int, str]] = []
    for m in _ITEM.finditer(text):
        if m.group(1) == chinese_numeral(expected):
            found.append((m.start(), m.group()))
            expected += 1
    if found and done and found[0][0] != 0:
        return []  # a continuing sequence must start its paragraph
    return found


def _wrap_leading_subsections(roots: list[_Open]) -> list[Section]:
    """Wrap "（一）…" sections that come before the first "一、"-style section in an umbrella."""
    first_top = next((i for i, o in enumerate(roots) if o.rank == 1), None)
    if not first_top or all(o.rank == 1 for o in roots[:first_top]):
        return [o.section for o in roots]
    leading = [o.section for o in roots[:first_top]]
    for s in leading:
        for d in s.walk():
            d.level += 1
    umbrella = Section(
        number=None, title="", level=1, children=leading, category_hint="achievements"
    )
    return [umbrella, *[o.section for o in roots[first_top:]]]


def _split_unheaded_closing(sections: list[Section]) -> None:
    """Split a closing paragraph of problems and plans off the last section into two sections."""
    if not sections or any(_HEADED_CLOSING.search(s.title) for s in sections):
        return
    last = sections[-1]
    while last.children:
        last = last.children[-1]
    if not last.paragraphs or not _PROBLEM_CUE.search(last.paragraphs[-1]):
        return
    sentences = split_sentences(last.paragraphs.pop())
    plan_at = next(
        (i for i, s in enumerate(sentences) if i > 0 and _PLAN_START.match(s)), len(sentences)
    )
    problems = Section(None, "", 1, ["".join(sentences[:plan_at])], category_hint="problems")
    sections.append(problems)
    if plan_at < len(sentences):
        plan = Section(None, "", 1, ["".join(sentences[plan_at:])], category_hint="plan")
        sections.append(plan)


def _all_text(sections: list[Section]) -> str:
    return "\n".join(s.full_text() for s in sections)
