"""The unit's level (templates/levels.yaml): 省 … 街道, 部门; its wording and its bodies' words."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from drafter.errors import TemplateDataError
from drafter.resources import load_template_yaml, template_path

LEVELS_FILE = "levels.yaml"
LEVELS = ("省", "市", "县", "区", "乡镇", "街道", "部门")
_WORDS = ("自称", "全域", "委员会", "常务会议")
_GOVERNMENT = ("人民政府", "政府")


@dataclass(frozen=True)
class LevelSpec:
    """One level: the endings that name it, its wording templates, and its bodies' words."""

    name: str
    endings: dict[str, str]
    words: dict[str, str]
    bodies: tuple[str, ...]


@dataclass(frozen=True)
class Level:
    """The level of one unit, its 本级 character filled in: what the draft says for it."""

    name: str
    own: str
    words: dict[str, str]
    known: bool = True  # False: nothing in the unit's name said its level (市 assumed)

    def word(self, name: str) -> str:
        """Return the wording NAME (自称, 全域, 委员会, 常务会议) for this unit."""
        return self.words[name]


@dataclass(frozen=True)
class _Table:
    specs: dict[str, LevelSpec]
    municipalities: tuple[str, ...]
    not_bodies: tuple[str, ...]


def level_of(unit: str, name: str | None = None) -> Level:
    """Return the level of UNIT: NAME when given (the data file's 级别), else inferred.

    A unit no ending matches (or an empty one) counts as 市, the seeds' level.
    """
    table = _table()
    bare = _bare(unit)
    found: tuple[str, str] | None = None
    for spec in table.specs.values():
        for ending in spec.endings:
            if bare.endswith(ending) and (found is None or len(ending) > len(found[1])):
                found = (spec.name, ending)
    if found is None and bare.startswith(table.municipalities):
        found = ("省", "市")
    if found is not None and found[0] == "市" and bare.startswith(table.municipalities):
        found = ("省", "市")
    level = name or (found[0] if found else "市")
    spec = table.specs[level]
    if found is not None and found[0] == level:
        own = spec.endings.get(found[1], found[1])
    else:
        own = next(iter(spec.endings.values()))
    if level == "省" and found is not None and found[1] == "市":
        own = "市"
    words = {k: v.replace("{本级}", own) for k, v in spec.words.items()}
    return Level(level, own, words, known=bool(name or found))


def foreign_body(text: str, level: Level | str) -> str | None:
    """Return the first word in TEXT that names another level's bodies (区委, 全市), if any.

    LEVEL is the unit's (or a level name, its first 本级 character assumed); the same level
    with another character (a 县's draft and 旗政府) is another level's body too.
    """
    table = _table()
    unit_level = level if isinstance(level, Level) else level_of("", level)
    masked = text
    for word in table.not_bodies:
        masked = masked.replace(word, "\ue002")
    return next((w for w in _foreign_words(unit_level.name, unit_level.own) if w in masked), None)


@cache
def _foreign_words(name: str, own_char: str) -> tuple[str, ...]:
    """Return the words naming other levels' bodies, for a unit of level NAME (本级 OWN_CHAR)."""
    table = _table()
    own = set(_bodies(table.specs[name], own_char))
    return tuple(
        dict.fromkeys(
            word
            for spec in table.specs.values()
            for char in dict.fromkeys(spec.endings.values())
            for word in _bodies(spec, char)
            if word not in own
        )
    )


def _bodies(spec: LevelSpec, own: str) -> list[str]:
    return [w.replace("{本级}", own) for w in spec.bodies]


def _bare(unit: str) -> str:
    text = "".join(unit.split())
    for suffix in _GOVERNMENT:
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


@cache
def _table() -> _Table:
    raw = load_template_yaml(LEVELS_FILE)
    if not isinstance(raw, dict):
        raise _error("应为“级别: 项目”的若干段（省、市、县……）。")
    specs = {name: _spec(name, raw.get(name)) for name in LEVELS}
    return _Table(specs, tuple(_strings(raw, "直辖市", None)), tuple(_strings(raw, "不算", None)))


def _spec(name: str, entry: Any) -> LevelSpec:
    if not isinstance(entry, dict):
        raise _error(f"缺少级别“{name}”，或它下面不是“项目: 值”的若干行。")
    endings = entry.get("识别")
    if not isinstance(endings, dict) or not endings:
        raise _error(f"{name}：识别应写成 {{结尾: 本级字}}，如 {{县: 县, 旗: 旗}}。")
    words = {}
    for word in _WORDS:
        value = entry.get(word)
        if not isinstance(value, str) or not value.strip():
            raise _error(f"{name}：缺少“{word}”。")
        words[word] = value.strip()
    return LevelSpec(
        name,
        {str(k): str(v) for k, v in endings.items()},
        words,
        tuple(_strings(entry, "机关用语", name)),
    )


def _strings(entry: dict[str, Any], key: str, level: str | None) -> list[str]:
    value = entry.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        where = f"{level}：" if level else ""
        raise _error(f"{where}{key}应写成 [词, 词] 的列表。")
    return [v for v in value if v]


def _error(message: str) -> TemplateDataError:
    return TemplateDataError(message, path=str(template_path(LEVELS_FILE)))
