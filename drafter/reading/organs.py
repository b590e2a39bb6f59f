"""Organ names (templates/organ_names.yaml): full names for standard abbreviations, and the place a
report that writes only 省政府 / 市科技局 names as its own (`own_place`).

A place is only completed from strong evidence: a province from the closed list of provinces when it
is the only one the text names; a city, district or county when the text names exactly one of that
level as an issuing body would be named (《示例市…》, 中共示例市委, 示例市人民政府).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from drafter.errors import TemplateDataError
from drafter.resources import load_template_yaml, template_path

ORGANS_FILE = "organ_names.yaml"
_HAN = "\u4e00-\u9fff"
# The last character of a place name: an abbreviation is expanded only right after a place.
_PLACE_LAST = set("省区市州盟县旗镇乡道")
# Characters of verbs and common nouns, never of a place name.
_NOT_PLACE = set(
    "开会议持召推动建设工作实施进行组织全面深入加强的了和与及在对为由法本我各该委政府党"
)

# Words that open a document's title or a clause, never a place's name (《关于…》, 《国家…》).
_NOT_NAME_START = ("中共", "关于", "国家", "全国", "中华", "自治", "省", "市", "区", "县")


@dataclass(frozen=True)
class _Table:
    abbreviations: tuple[tuple[str, str], ...]  # longest first
    provinces: tuple[str, ...]


def full_name(name: str) -> str:
    """Return NAME with a standard abbreviated organ written out (示例市科技局 → 示例市科学技术局)."""
    for short, full in _table().abbreviations:
        cut = len(name) - len(short)
        if cut > 0 and name.endswith(short) and name[cut - 1] in _PLACE_LAST:
            return name[:cut] + full
    return name


def _sole_province(text: str, level: str) -> str | None:
    """Return the only province (LEVEL 省) or autonomous region (LEVEL 自治区) TEXT names."""
    named = {p for p in _table().provinces if p.endswith(level) and p in text}
    return named.pop() if len(named) == 1 else None


def own_place(text: str, level: str) -> str | None:
    """Return the only place of LEVEL (省, 自治区, 市, 区, 县 …) that TEXT names as its own.

    A province or autonomous region: the only one of the closed list TEXT names. Any other
    level: the only one named as an issuing body would be, 《示例市…》 (a document the place
    issued), 中共示例市委, 示例市人民政府 / 示例市政府; a report cites its own place's documents
    and bodies this way, and a place named once in passing is no evidence. Two such places (a
    district citing its city) give None.
    """
    if level in ("省", "自治区"):
        return _sole_province(text, level)
    patterns = (
        rf"《(?:中共)?([{_HAN}]{{2,4}}?){level}",
        rf"(?:中共|(?<=、))([{_HAN}]{{2,4}}?){level}委",
        rf"(?:^|(?<=[，。、；：“（\s]))([{_HAN}]{{2,4}}?){level}人民政府",
    )
    found = set()
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            place = m.group(1)
            if place_like(place) and place[-1] not in "省市区县旗":
                found.add(place + level)
    return found.pop() if len(found) == 1 else None


@cache
def _table() -> _Table:
    raw = load_template_yaml(ORGANS_FILE)
    if not isinstance(raw, dict):
        raise _error("应为“简称”和“省级行政区”两段。")
    short = raw.get("简称")
    if not isinstance(short, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and k and v for k, v in short.items()
    ):
        raise _error("“简称”应写成“简称: 全称”的若干行，如“科技局: 科学技术局”。")
    provinces = raw.get("省级行政区")
    if not isinstance(provinces, list) or not all(
        isinstance(p, str) and p.endswith(("省", "自治区")) for p in provinces
    ):
        raise _error("“省级行政区”应写成以“省”或“自治区”结尾的名称列表，如“- 河北省”。")
    pairs = sorted(short.items(), key=lambda kv: -len(kv[0]))
    return _Table(tuple(pairs), tuple(provinces))


def _error(message: str) -> TemplateDataError:
    return TemplateDataError(message, path=str(template_path(ORGANS_FILE)))


def place_like(name: str) -> bool:
    """Return True when NAME could be a place's name (no verb or function word in it)."""
    return len(name) >= 2 and not name.startswith(_NOT_NAME_START) and not _NOT_PLACE & set(name)
