"""Check rules on words of another level or another place than the report's unit.

A county's report copied from a city's keeps "全市", "我市", "依法治市"; one copied from another
county keeps that county's name. The unit's level is the last level word of its name (青山县 → 县);
a department's is its government's (青山市司法局 → 市).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from drafter.checking.model import CheckContext, Located, Passage

_UNIT = re.compile(
    r"(?P<name>[\u4e00-\u9fff]{1,6}?)(?P<level>自治区|自治州|街道|市|县|区|旗|镇|乡)"
)
_STOPS = "，。；：！？"
# Words that name the writer's own level: the other levels' are wrong in its report. 全区 is
# left out everywhere: in an autonomous region it is the region.
_SELF_WORDS = {
    "市": ("我市", "本市"),
    "县": ("我县", "本县", "全县"),
    "区": ("我区", "本区"),
    "旗": ("我旗", "本旗", "全旗"),
}
# The level words each level's report must not hold (beside the others' self-words).
_OTHER_LEVELS = {
    "市": ("县", "区", "旗"),
    "县": ("市", "区", "旗"),
    "区": ("县", "旗"),
    "旗": ("县", "区"),
}
_LEVEL_NAME = {"市": "市级", "县": "县级", "区": "区级", "旗": "旗级"}
# 区委 of a 开发区/园区/社区 or 自治区 is not a district's party committee.
_NOT_DISTRICT = "园发社景片城辖治新"
# Another unit named as the writer would name itself: at a clause's start, "绿水县人民政府…".
_PEER = re.compile(
    r"(?:^|(?<=[，。；：！？、“（]))(?P<place>[\u4e00-\u9fff]{2,3}?)(?P<level>市|县|区|旗)"
    r"(?=人民政府)"
)
_GENERIC = set("全我本该各每邻辖城园社景片新老市县区旗省州乡镇村治")


def other_levels(ctx: CheckContext) -> Iterator[Located]:
    """Yield a warning for each word of another level (我市, 全市 as subject, 依法治市, 区委) or
    another place of the same level (绿水县人民政府 in 青山县's report) than the report's unit."""
    levels = list(_UNIT.finditer(ctx.outline.unit or ""))
    m = levels[-1] if levels else None  # 济南市莱芜区人民政府: a 区
    if m is None or m.group("level") not in _SELF_WORDS:
        return
    level, own = m.group("level"), m.group("name") + m.group("level")
    for p in ctx.passages:
        if p.kind == "title":
            continue
        yield from _other_level_words(p, level)
        yield from _other_places(p, level, own)


def _other_level_words(p: Passage, level: str) -> Iterator[Located]:
    for other in _OTHER_LEVELS[level]:
        for word in (*_SELF_WORDS[other], f"依法治{other}", f"{other}委", f"全{other}"):
            if word == "全区" or word not in p.text:
                continue
            for m in re.finditer(re.escape(word), p.text):
                if not _wrong_here(p.text, m.start(), word, other, level):
                    continue
                yield p.finding(
                    "other-level",
                    "warning",
                    f"“{word}”不是{_LEVEL_NAME[level]}单位的说法（本报告是{level}级报告），"
                    f"疑似沿用了其他单位的报告；请改为“{_own_word(word, other, level)}”或核对原意。",
                    m.start(),
                    m.end(),
                )


def _wrong_here(text: str, at: int, word: str, other: str, level: str) -> bool:
    """Return True when WORD at AT speaks of the writer's own unit at the wrong level."""
    before = text[max(0, at - 6) : at]
    if word == f"全{other}":
        # "全市开展检查2100余次" speaks as the city; "列全市前列", "在全市推广" speak of the parent
        return at == 0 or text[at - 1] in _STOPS
    if word == f"依法治{other}":
        return f"{other}委" not in before and not before.endswith(other)  # 市委全面依法治市委员会
    if word == f"{other}委":
        if at and (text[at - 1] in _NOT_DISTRICT or text[at - 1] == "、"):
            return False  # 开发区委, "依法治市、县委员会" (the city's and the counties')
        return other != "市" or level == "市"  # a county's parent city has a 市委
    return True


def _own_word(word: str, other: str, level: str) -> str:
    return word.replace(other, level, 1) if word != f"{other}委" else f"{level}委"


def _other_places(p: Passage, level: str, own: str) -> Iterator[Located]:
    for m in _PEER.finditer(p.text):
        name = m.group("place") + m.group("level")
        if m.group("level") != level or name == own or m.group("place")[0] in _GENERIC:
            continue
        yield p.finding(
            "other-place",
            "warning",
            f"文中出现“{name}”，与本报告单位（{own}）不同，疑似沿用了其他单位的报告；"
            "请改为本单位名称，或核对是否确需提及。",
            m.start(),
            m.end(),
        )
