"""The category table (templates/categories.yaml): names, YAML keys and keyword weights."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, get_args

from drafter.errors import TemplateDataError
from drafter.resources import load_template_yaml, template_path

CategoryId = Literal[
    "leadership",
    "functions",
    "rulemaking",
    "decision",
    "enforcement",
    "emergency",
    "disputes",
    "supervision",
    "digital",
    "publicity",
    "first_responsible",
    "problems",
    "plan",
    "other",
    "achievements",
]
CATEGORY_IDS: tuple[str, ...] = get_args(CategoryId)
# The part-1 categories: what "主要举措和成效" is divided into.
PART1_CATEGORIES: tuple[str, ...] = CATEGORY_IDS[:10]
# The categories whose sections carry the year's figures and 要点: part 1, and part 3 of the rule.
SECTION_CATEGORIES: tuple[str, ...] = (*PART1_CATEGORIES, "first_responsible")
# The parts of 《法治政府建设与责任落实督察工作规定》 in the rule's order (part 5, 其他, is optional);
# their names are the categories' 名称 in templates/categories.yaml.
RULE_PARTS: tuple[str, ...] = ("achievements", "problems", "first_responsible", "plan")


def part_of(category: str) -> str:
    """Return the rule's part a section of CATEGORY belongs to: part-1 categories are achievements."""
    return "achievements" if category in PART1_CATEGORIES else category


@dataclass(frozen=True)
class CategorySpec:
    """One category: id, default heading, short Chinese key, title cue words, keyword weights."""

    id: str
    name: str
    short: str
    title_words: tuple[str, ...]
    keywords: dict[str, float]


@cache
def load_categories() -> dict[str, CategorySpec]:
    """Return the categories from templates/categories.yaml, in the taxonomy's order."""
    raw = load_template_yaml("categories.yaml")
    where = str(template_path("categories.yaml"))
    if not isinstance(raw, dict):
        raise TemplateDataError("类别表应为以类别 id 为键的映射。", path=where)
    specs: dict[str, CategorySpec] = {}
    for cid in CATEGORY_IDS:
        entry = raw.get(cid)
        if not isinstance(entry, dict):
            raise TemplateDataError(f"缺少类别 {cid}。", path=where)
        try:
            specs[cid] = CategorySpec(
                id=cid,
                name=str(entry["名称"]),
                short=str(entry["简称"]),
                title_words=tuple(str(w) for w in entry.get("标题词") or ()),
                keywords={str(k): float(v) for k, v in (entry.get("关键词") or {}).items()},
            )
        except (KeyError, TypeError, ValueError) as e:
            raise TemplateDataError(f"类别 {cid} 的字段有误：{e}", path=where) from e
    unknown = set(raw) - set(CATEGORY_IDS)
    if unknown:
        raise TemplateDataError(f"未知的类别 id：{'、'.join(sorted(unknown))}", path=where)
    return specs


def category_by_name(name: str) -> str | None:
    """Return the category id for an id, a short name (简称) or a default heading (名称)."""
    for spec in load_categories().values():
        if name in (spec.id, spec.short, spec.name):
            return spec.id
    return None


def domain_words() -> frozenset[str]:
    """Return every keyword and title word, so the tokenizer keeps them whole."""
    words: set[str] = set()
    for spec in load_categories().values():
        words.update(spec.keywords)
        words.update(spec.title_words)
    return frozenset(words)
