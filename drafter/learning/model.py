"""The learned skeleton (templates/skeleton.yaml): what `learn` writes and `scaffold`/`draft` read."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from drafter.errors import TemplateDataError, quoted
from drafter.text import XML_ILLEGAL
from drafter.yamlfile import read_yaml

SKELETON_VERSION = 1


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Variant(_Frozen):
    """A heading or sub-topic as written, and in how many reports' sections it occurs."""

    text: str
    count: int


class Exemplar(_Frozen):
    """A sentence from a past report, figures replaced by named slots ("受理行政复议案件{件数}件")."""

    text: str
    slots: list[str]
    source: str


class CategorySkeleton(_Frozen):
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


class Arrangement(_Frozen):
    """How the reports arrange the rule's parts (counts of reports)."""

    umbrella: int
    flat: int
    first_responsible_separate: int
    problems_headed: int
    plan_headed: int
    closing_unheaded: int


class Skeleton(_Frozen):
    """The whole learned skeleton: sources, arrangement, and categories in their learned order."""

    version: int
    reports: list[str]
    arrangement: Arrangement
    categories: list[CategorySkeleton]

    def category(self, cid: str) -> CategorySkeleton | None:
        """Return the skeleton of category CID, or None when no report had it."""
        return next((c for c in self.categories if c.id == cid), None)


_HEADER = """\
# drafter 从往年报告学到的报告骨架（由 `drafter learn` 自动生成，请勿手工修改；重新学习即可更新）。
# reports：学习所用的报告；arrangement：各部分的编排方式（报告篇数）；
# categories：按典型顺序排列的各类栏目：support 出现的报告篇数，order 平均位置（0 开头，1 结尾），
#   headings 标题写法，subtopics 常见子题，key_phrases 关键词（TF-IDF），
#   exemplars 含数字的例句（数字换成 {槽位}），typical 不含数字的典型句（用作“建议改写”的参考）。
"""


def dump_skeleton(skeleton: Skeleton) -> str:
    """Return the skeleton as deterministic, human-readable YAML."""
    body = yaml.safe_dump(
        skeleton.model_dump(),
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
        skeleton = Skeleton.model_validate(raw)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise TemplateDataError(
            f"骨架文件格式不对（{where}：{first['msg']}）。请用 drafter learn 重新生成。",
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
