"""The learned skeleton (templates/skeleton.yaml): what `learn` writes and `scaffold`/`draft` read."""

from __future__ import annotations

from dataclasses import MISSING, asdict, dataclass, field, fields
from functools import cache
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints

from drafter.errors import TemplateDataError, quoted
from drafter.resources import read_yaml
from drafter.text import XML_ILLEGAL

SKELETON_VERSION = 1


@dataclass(frozen=True)
class Variant:
    """A heading or sub-topic as written, and in how many reports' sections it occurs."""

    text: str
    count: int


@dataclass(frozen=True)
class Exemplar:
    """A sentence from a past report, figures replaced by named slots ("受理行政复议案件{件数}件")."""

    text: str
    slots: list[str]
    source: str


@dataclass(frozen=True)
class CategorySkeleton:
    """What past reports say under one category."""

    id: str
    name: str
    support: int
    order: float
    headings: list[Variant]
    subtopics: list[Variant]
    key_phrases: list[str]
    exemplars: list[Exemplar]
    typical: list[Exemplar]


@dataclass(frozen=True)
class Arrangement:
    """How the reports arrange the rule's parts (counts of reports)."""

    umbrella: int
    flat: int
    first_responsible_separate: int
    problems_headed: int
    plan_headed: int
    closing_unheaded: int


@dataclass(frozen=True)
class Skeleton:
    """The whole learned skeleton: sources, arrangement, and categories in their learned order."""

    version: int
    reports: list[str]
    arrangement: Arrangement
    categories: list[CategorySkeleton]
    # The 主送 line before the opening ("市委、市政府："), as written, by reports; how many
    # reports were read to their end (a plan part seen), and how many of those say 特此报告.
    addressees: list[Variant] = field(default_factory=list)
    endings_seen: int = 0
    report_phrase: int = 0

    def category(self, cid: str) -> CategorySkeleton | None:
        """Return the skeleton of category CID, or None when no report had it."""
        return next((c for c in self.categories if c.id == cid), None)


class _Invalid(Exception):
    """Where in the skeleton file a value is wrong, and what is wrong with it."""

    def __init__(self, where: list[str | int], what: str) -> None:
        super().__init__(what)
        self.where, self.what = where, what


_KINDS = {str: "文字", int: "整数", float: "数字"}


def _build(kind: Any, raw: Any, where: list[str | int]) -> Any:
    """Return RAW checked against KIND (a str/int/float, list[...] or one of the dataclasses)."""
    if get_origin(kind) is list:
        if not isinstance(raw, list):
            raise _Invalid(where, "应为列表")
        (item,) = get_args(kind)
        return [_build(item, x, [*where, i]) for i, x in enumerate(raw)]
    if kind in _KINDS:
        plain = isinstance(raw, kind) and not isinstance(raw, bool)
        if kind is float and isinstance(raw, int) and not isinstance(raw, bool):
            return float(raw)
        if not plain:
            raise _Invalid(where, f"应为{_KINDS[kind]}，现在是 {raw!r}")
        return raw
    if not isinstance(raw, dict):
        raise _Invalid(where, "应为“键: 值”的表")
    hints = _hints(kind)
    unknown = [k for k in raw if k not in hints]
    if unknown:
        raise _Invalid([*where, str(unknown[0])], "不认识这一项")
    values = {}
    optional = _optional(kind)
    for name, hint in hints.items():
        if name not in raw:
            if name in optional:
                continue  # written by a newer learn; an older skeleton without it is still good
            raise _Invalid([*where, name], "缺少这一项")
        values[name] = _build(hint, raw[name], [*where, name])
    return kind(**values)


@cache
def _optional(kind: type) -> frozenset[str]:
    return frozenset(
        f.name for f in fields(kind) if f.default is not MISSING or f.default_factory is not MISSING
    )


@cache
def _hints(kind: type) -> dict[str, Any]:
    return {f.name: get_type_hints(kind)[f.name] for f in fields(kind)}


_HEADER = """\
# drafter 从往年报告学到的报告骨架（由 `drafter learn` 自动生成，请勿手工修改；重新学习即可更新）。
# reports：学习所用的报告；arrangement：各部分的编排方式（报告篇数）；
# categories：按典型顺序排列的各类栏目：support 出现的报告篇数，order 平均位置（0 开头，1 结尾），
#   headings 标题写法，subtopics 常见子题，key_phrases 关键词（TF-IDF），
#   exemplars 含数字的例句（数字换成 {槽位}），typical 不含数字的典型句（用作“建议改写”的参考）；
# addressees：主送机关的写法；endings_seen：读到结尾的报告篇数，report_phrase：其中以“特此报告。”结尾的篇数。
"""


def dump_skeleton(skeleton: Skeleton) -> str:
    """Return the skeleton as deterministic, human-readable YAML."""
    import yaml

    body = yaml.safe_dump(
        asdict(skeleton),
        allow_unicode=True,
        sort_keys=False,
        width=1000,
        default_flow_style=False,
    )
    return _HEADER + body


def load_skeleton(path: Path) -> Skeleton:
    """Return the skeleton stored at PATH; TemplateDataError when it is missing or malformed."""
    if path.is_dir() or (path.exists() and not path.is_file()):
        raise TemplateDataError(
            "这是一个文件夹，不是骨架文件。请检查 --skeleton 后的文件名。", path=str(path)
        )
    raw = read_yaml(
        path, TemplateDataError, "骨架文件", "请先运行 drafter learn 生成，或用 --skeleton 指定。"
    )
    _refuse_xml_illegal(raw, path)
    try:
        skeleton: Skeleton = _build(Skeleton, raw, [])
    except _Invalid as e:
        where = ".".join(str(p) for p in e.where) or "整个文件"
        raise TemplateDataError(
            f"骨架文件格式不对（{where}：{e.what}）。请用 drafter learn 重新生成。",
            path=str(path),
        ) from e
    if skeleton.version != SKELETON_VERSION:
        raise TemplateDataError(
            f"骨架文件版本 {skeleton.version} 与本程序（{SKELETON_VERSION}）不符，请重新运行 drafter learn。",
            path=str(path),
        )
    return skeleton


def _refuse_xml_illegal(value: object, path: Path) -> None:
    """Raise TemplateDataError when VALUE holds a character a .docx cannot (a draft would fail)."""
    if isinstance(value, dict):
        for item in value.values():
            _refuse_xml_illegal(item, path)
    elif isinstance(value, list):
        for item in value:
            _refuse_xml_illegal(item, path)
    elif isinstance(value, str) and (bad := XML_ILLEGAL.search(value)) is not None:
        raise TemplateDataError(
            f"骨架文件含有 Word 无法保存的控制字符（U+{ord(bad.group()):04X}，在“{quoted(value)}”中），"
            "请删除该字符，或用 drafter learn 重新生成。",
            path=str(path),
        )
