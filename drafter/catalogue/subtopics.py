"""Sub-topics of each category's figures (templates/paragraphs.yaml): one paragraph each."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from drafter.catalogue.categories import CATEGORY_IDS
from drafter.catalogue.indicators import load_indicators
from drafter.errors import TemplateDataError, did_you_mean
from drafter.resources import load_template_yaml, template_path

SUBTOPICS = "paragraphs.yaml"


@dataclass(frozen=True)
class SubTopic:
    """The indicators written as one paragraph, and the clauses that open and close it."""

    keys: tuple[str, ...]
    lead: str = ""
    effect: str = ""


@cache
def load_subtopics() -> dict[str, tuple[SubTopic, ...]]:
    """Return each category's sub-topics in order; indicators none lists end in a bare one."""
    raw = load_template_yaml(SUBTOPICS) or {}
    if not isinstance(raw, dict):
        raise _error("应为“栏目英文代号: 子题列表”的若干段。")
    indicators = load_indicators()
    out: dict[str, tuple[SubTopic, ...]] = {}
    placed: set[str] = set()
    for cid, items in raw.items():
        if str(cid) not in CATEGORY_IDS:
            raise _error(f"不认识的栏目“{cid}”。{did_you_mean(str(cid), CATEGORY_IDS)}")
        if not isinstance(items, list):
            raise _error(f"{cid}：下面应是以“- 指标: [...]”开头的子题列表。")
        out[str(cid)] = tuple(_subtopic(str(cid), item, indicators, placed) for item in items)
    for cid in CATEGORY_IDS:
        rest = tuple(k for k, i in indicators.items() if i.category == cid and k not in placed)
        if rest:
            out[cid] = (*out.get(cid, ()), SubTopic(rest))
    return out


def _subtopic(cid: str, item: Any, indicators: dict[str, Any], placed: set[str]) -> SubTopic:
    if not isinstance(item, dict) or not isinstance(item.get("指标"), list):
        raise _error(f"{cid}：每个子题应有“指标: [指标名, …]”。")
    keys = tuple(str(k) for k in item["指标"])
    for key in keys:
        if key not in indicators:
            raise _error(f"{cid}：指标目录中没有“{key}”。{did_you_mean(key, indicators)}")
        if key in placed:
            raise _error(f"{cid}：指标“{key}”列在了两个子题里。")
        placed.add(key)
    return SubTopic(keys, _clause(item.get("开头")), _clause(item.get("成效")))


def _clause(value: Any) -> str:
    return "" if value is None else str(value).strip().rstrip("，。；,;")


def _error(message: str) -> TemplateDataError:
    return TemplateDataError(message, path=str(template_path(SUBTOPICS)))
