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

from drafter.reading.model import Outline, RawParagraph, Section, SourceText
from drafter.reading.normalize import is_artefact, normalize_line
from drafter.text import chinese_numeral, split_sentences

_CN = "一二三四五六七八九十"
_NUMBER_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"^([{_CN}]+)、")),
    (2, re.compile(rf"^（([{_CN}]+)）")),
    (3, re.compile(r"^(\d{1,2})[.、](?!\d)")),
    (4, re.compile(r"^（(\d{1,2})）")),
)
_SUB_HEADING_INSIDE = re.compile(rf"（[{_CN}]+）|(?<![\d.])\d{{1,2}}[.、](?!\d)")
_ITEM = re.compile(rf"(?:^|(?<=[。；：！]))([{_CN}百零]{{1,5}})是")  # 一是 … 一百二十三是
_DATE_LINE = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_MAX_RUN_IN_TITLE = 30
_ITEM_RANK = 9
_PROBLEM_CUE = re.compile(r"存在.{0,100}?(问题|不足|差距|短板)|(问题|不足|差距)(主要)?(表现在|有)")
_PLAN_START = re.compile(r"^(\d{4}年|下一步|今后|新的一年|明年)[，,]?")
_HEADED_CLOSING = re.compile(r"问题|不足|差距|打算|计划|安排|下一步|展望")


@dataclass
class _Open:
    """A section still open for paragraphs, with the rank of its numbering style."""

    section: Section
    rank: int


def build_outline(source: SourceText) -> Outline:
    """Return the outline of a report read by `read_report`."""
    lines = _clean_paragraphs(source.paragraphs)
    title = _take_title(lines)
    date = _take_date(lines)
    opening: list[str] = []
    roots: list[_Open] = []
    stack: list[_Open] = []
    for raw in lines:
        for piece in _split_run_in_subheading(raw):
            _place(piece, opening, roots, stack)
    sections = _wrap_leading_subsections([o for o in roots])
    _split_unheaded_closing(sections)
    text = "\n".join([title or "", *opening])
    year = _find_year(title, opening, date)
    return Outline(
        file=source.path,
        title=title,
        year=year,
        unit=_find_unit(title, opening, source_text=text + "\n" + _all_text(sections)),
        opening="\n".join(opening) or None,
        sections=sections,
        date=date,
    )


def number_of(text: str) -> tuple[int, str, str] | None:
    """Return (rank, canonical number, rest) when TEXT starts with a section number."""
    for rank, pattern in _NUMBER_PATTERNS:
        m = pattern.match(text)
        if m:
            value = m.group(1)
            canonical = {1: f"{value}、", 2: f"（{value}）", 3: f"{value}.", 4: f"（{value}）"}[
                rank
            ]
            return rank, canonical, text[m.end() :]
    return None


def _clean_paragraphs(paragraphs: tuple[RawParagraph, ...]) -> list[RawParagraph]:
    out = []
    for p in paragraphs:
        if is_artefact(p.text):
            continue
        text = normalize_line(p.text)
        if text and not is_artefact(text):
            out.append(RawParagraph(text, p.level, p.number))
    return out


def _take_title(lines: list[RawParagraph]) -> str | None:
    if not lines:
        return None
    first = lines[0].text
    if "。" not in first and len(first) <= 60 and ("报告" in first or "关于" in first):
        lines.pop(0)
        return first.rstrip("。，：；")
    return None


def _take_date(lines: list[RawParagraph]) -> str | None:
    if lines and _DATE_LINE.match(lines[-1].text):
        date = lines.pop().text
        # A short unpunctuated line just before the date is the signature, not report text.
        if lines and len(lines[-1].text) <= 20 and not re.search(r"[。，；：]", lines[-1].text):
            lines.pop()
        return date
    return None


def _split_run_in_subheading(p: RawParagraph) -> list[RawParagraph]:
    """Return P, or P split where a heading runs straight into its first sub-heading."""
    found = number_of(p.text)
    if found is None or found[0] >= 3:
        return [p]
    rank, number, rest = found
    stop = _first_stop(rest, "。：")
    limit = stop if stop is not None else len(rest)
    m = _SUB_HEADING_INSIDE.search(rest, 0, limit)
    if m is None or m.start() == 0:
        return [p]
    sub = number_of(rest[m.start() :])
    if sub is None or sub[0] <= rank:
        return [p]
    head = RawParagraph(number + rest[: m.start()], p.level, p.number)
    return [head, RawParagraph(rest[m.start() :])]


def _place(p: RawParagraph, opening: list[str], roots: list[_Open], stack: list[_Open]) -> None:
    found = number_of(p.text)
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
    title, body = _split_heading(rest)
    section = Section(number=number or None, title=title, level=len(stack) + 1)
    opened = _Open(section, rank)
    if stack:
        stack[-1].section.children.append(section)
    else:
        roots.append(opened)
    stack.append(opened)
    if body:
        _add_body(stack, body)


def _first_stop(text: str, stops: str) -> int | None:
    """Return the index of the first of STOPS in TEXT outside 【】《》“”（）, or None."""
    depth = 0
    for i, ch in enumerate(text):
        if ch in "【《“（":
            depth += 1
        elif ch in "】》”）" and depth:
            depth -= 1
        elif ch in stops and depth == 0:
            return i
    return None


def _split_heading(rest: str) -> tuple[str, str]:
    stop = _first_stop(rest, "。：！")
    if stop is None or not rest[stop + 1 :].strip():
        title = rest.rstrip("。，；：！")
        if len(title) > _MAX_RUN_IN_TITLE and title != rest:
            return "", rest  # one long sentence, not a heading
        return title, ""
    title = rest[:stop].rstrip("，；")
    if len(title) > _MAX_RUN_IN_TITLE:
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


def _find_year(title: str | None, opening: list[str], date: str | None) -> int | None:
    head = "\n".join([title or "", *opening])
    for pattern in (r"(20\d{2})年度", r"现将.{0,6}?(20\d{2})年", r"(20\d{2})年"):
        m = re.search(pattern, head)
        if m:
            return int(m.group(1))
    if date:
        return int(date[:4]) - 1
    return None


_UNIT_SUBJECT = re.compile(
    r"(?:^|[，。])((?:[\u4e00-\u9fff]{2,4}(?:市|区|县|旗|州|盟))?(?:市|区|县|旗|州|盟)"
    r"(?:人民政府办公室|政府办公室|人民政府|政府|[\u4e00-\u9fff]{1,6}?(?:局|委员会|委|厅|办公室|办|中心)))"
    r"(?=在|以|坚持|始终|认真|深入|全面|紧紧|围绕)"
)
_UNIT_SELF = re.compile(r"我(市|区|县|旗|州|盟)")
_PLACE_STOP = set("全本我各该城都区县省门州设一二三乡镇")


def _find_unit(title: str | None, opening: list[str], source_text: str) -> str | None:
    if title and "关于" in title and title.index("关于") > 0:
        return title[: title.index("关于")]
    first = opening[0] if opening else ""
    m = _UNIT_SUBJECT.search(first)
    if m:
        subject = m.group(1)
        if subject[0] in "市区县旗州盟":
            place = _main_place(source_text, subject[0])
            return (place + subject) if place else subject
        return subject
    m = _UNIT_SELF.search(first)
    if m:
        place = _main_place(source_text, m.group(1))
        return place + m.group(1) if place else None
    return None


def _main_place(text: str, suffix: str) -> str | None:
    """Return the place name ("许昌", "乌审") most often written before SUFFIX ("市", "旗")."""
    counts: dict[str, int] = {}
    for m in re.finditer(rf"([\u4e00-\u9fff]{{2,3}}){suffix}", text):
        name = m.group(1)
        if name[-1] in _PLACE_STOP or name[0] in _PLACE_STOP:
            continue
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
