"""The data files: templates/ (from a checkout or a wheel), and YAML read safely, errors in Chinese.

A broken YAML file is named with its line; anchors and aliases are refused; parsed files are
cached per user under a hash of their bytes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import importlib.util
import marshal
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drafter.errors import DataError, DrafterError, TemplateDataError, quoted
from drafter.usercache import read_cache, write_cache

if TYPE_CHECKING:
    import yaml

Lines = dict[tuple[str, ...], int]
_INT_TAG = "tag:yaml.org,2002:int"
_MAX_DIGITS = 30  # beyond this a YAML int is no figure; Python refuses ints of over 4300 digits
# A file drafter reads has no use for & anchors and * aliases, and a few nested ones build a
# value whose printing or checking never ends (an alias bomb): the first reuse is refused.
_REUSED = "这里的内容用 YAML 的 & 锚点在别处又被 * 引用了；本程序读取的文件不支持锚点和引用，请直接写出内容。"


def safe_loader() -> Any:
    """Return libyaml's safe loader when PyYAML was built with it (~7x faster), else PyYAML's.

    PyYAML is imported only here: a run whose YAML files are all cached never imports it.
    """
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def _cache_key() -> bytes:
    """Return the key parsed files are cached under, with a hash of their bytes: never stale.

    It names the installed PyYAML (its file and modification time, read without importing it),
    so another PyYAML parses afresh.
    """
    spec = importlib.util.find_spec("yaml")
    origin = (spec.origin if spec else None) or ""
    with contextlib.suppress(OSError):
        origin += f"-{os.stat(origin).st_mtime_ns}"
    return hashlib.blake2b(f"drafter-yaml-2-{origin}".encode(), digest_size=32).digest()


def _digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16, key=_cache_key()).hexdigest()


@cache
def templates_dir() -> Path:
    """Return the templates/ folder: packaged inside drafter/ in a wheel, beside it in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise TemplateDataError(
        f"找不到 templates 文件夹（查找了 {here / 'templates'}），请重新安装 drafter。"
    )


def template_path(name: str) -> Path:
    """Return the path of one file under templates/."""
    return templates_dir() / name


@cache
def load_template_yaml(name: str) -> Any:
    """Return the parsed content of a YAML file under templates/."""
    return read_yaml(template_path(name), TemplateDataError, "模板数据文件", "请重新安装 drafter。")


def read_yaml(path: Path, error: type[DrafterError], what: str, advice: str = "") -> Any:
    """Return the parsed YAML file at PATH; raise ERROR naming PATH (and the line) when it breaks.

    WHAT names the file for the user ("骨架文件"); ADVICE says what to do when it is missing or is
    not a YAML text file at all.
    """
    try:
        data = path.read_bytes()
        digest = _digest(data)
        cached = read_cache(f"yaml-{digest}.marshal")
        if cached is not None:
            with contextlib.suppress(ValueError, EOFError, TypeError):
                return _thaw(cached)
        text = data.decode("utf-8")
    except FileNotFoundError as e:
        raise error(f"找不到{what}。{advice}", path=str(path)) from e
    except UnicodeDecodeError as e:
        raise error(f"这不是{what}（不是 UTF-8 编码的 YAML 文本）。{advice}", path=str(path)) from e
    except OSError as e:
        raise error(f"无法读取{what}（{e.strerror}）。{advice}", path=str(path)) from e
    import yaml

    loader = safe_loader()(text)
    try:
        node = loader.get_single_node()
        reused = _first_reused(node) if node is not None else None
        if reused is not None:
            raise error(_REUSED, path=str(path), line=reused.start_mark.line + 1)
        value = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problem = str(e.problem or e.context or "")
        line = mark.line + 1 if mark is not None else None
        raise error(
            f"YAML 格式错误：{_explain(problem)}（{problem}）。", path=str(path), line=line
        ) from e
    except yaml.YAMLError as e:
        raise error(f"YAML 格式错误：{e}", path=str(path)) from e
    finally:
        loader.dispose()
    with contextlib.suppress(ValueError):  # a value marshal cannot hold: parse each time
        write_cache(f"yaml-{digest}.marshal", _freeze(value))
    return value


# YAML gives dicts, lists and scalars, never tuples: a date is cached as a tagged tuple.
_DATE, _DATETIME = "\0date", "\0datetime"


def _freeze(value: Any) -> bytes:
    """Return VALUE marshalled, its dates and times tagged; ValueError when it holds other types."""
    dated = [False]

    def tagged(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: tagged(x) for k, x in v.items()}
        if isinstance(v, list):
            return [tagged(x) for x in v]
        if isinstance(v, tuple):
            return tuple(tagged(x) for x in v)
        if isinstance(v, dt.datetime):
            dated[0] = True
            return (_DATETIME, v.isoformat())
        if isinstance(v, dt.date):
            dated[0] = True
            return (_DATE, v.isoformat())
        return v

    frozen = tagged(value)
    return marshal.dumps((dated[0], frozen if dated[0] else value))


def _thaw(data: bytes) -> Any:
    """Return what _freeze stored as DATA."""
    dated, value = marshal.loads(data)
    if not dated:
        return value

    def untagged(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: untagged(x) for k, x in v.items()}
        if isinstance(v, list):
            return [untagged(x) for x in v]
        if isinstance(v, tuple) and len(v) == 2 and v[0] == _DATETIME:
            return dt.datetime.fromisoformat(v[1])
        if isinstance(v, tuple) and len(v) == 2 and v[0] == _DATE:
            return dt.date.fromisoformat(v[1])
        if isinstance(v, tuple):
            return tuple(untagged(x) for x in v)
        return v

    return untagged(value)


def _first_reused(root: yaml.Node) -> yaml.Node | None:
    """Return the first node of the tree under ROOT reached twice (through an alias), or None."""
    import yaml

    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in reversed(node.value) for n in reversed(pair))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return None


def load_yaml_with_lines(text: str, path: str) -> tuple[Any, Lines]:
    """Return (data, lines) where lines maps each key path to its 1-based line number.

    The text is parsed once: the node tree gives the lines, then the same tree is constructed
    into plain Python values. A key written twice in one mapping is an error (YAML would keep
    the last silently, losing a figure). What a text parsed to is cached under a hash of it.
    """
    name = f"lines-{_digest(text.encode('utf-8', 'surrogatepass'))}.marshal"
    cached = read_cache(name)
    if cached is not None:
        with contextlib.suppress(ValueError, EOFError, TypeError):
            data, pairs = _thaw(cached)
            return data, dict(pairs)
    import yaml

    loader = safe_loader()(text)
    lines: Lines = {}
    try:
        node = loader.get_single_node()
        if node is not None:
            _collect(node, (), lines, path, set())
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        col = f"第{mark.column + 1}列，" if mark is not None else ""
        problem = str(e.problem or e.context or "")
        raise DataError(
            f"{col}YAML 格式错误：{_explain(problem)}（{problem}）。", path=path, line=line
        ) from e
    except yaml.YAMLError as e:
        raise DataError(f"YAML 格式错误：{e}", path=path) from e
    except ValueError as e:  # a date that does not exist, such as 2026-02-30
        raise DataError(
            f"日期不存在（{e}），请检查年、月、日，写成 2026年3月8日 或 2026-03-08。",
            key_path="成文日期" if ("成文日期",) in lines else None,
            path=path,
            line=lines.get(("成文日期",)),
        ) from e
    finally:
        loader.dispose()
    with contextlib.suppress(ValueError):  # a value marshal cannot hold: parse each time
        write_cache(name, _freeze((data, tuple(lines.items()))))
    return data, lines


# libyaml's and PyYAML's wording of the usual slips, said in Chinese.
_PROBLEMS = (
    ("expected key", "这一行的缩进与上下文不齐"),
    (
        "mapping values are not allowed",
        "这里多了一个冒号，或上一行缩进不对（值里有冒号时请加引号）",
    ),
    ("expected ',' or '}'", "花括号 { } 没有配对，或两项之间缺逗号"),
    ("expected ',' or ']'", "方括号 [ ] 没有配对，或两项之间缺逗号"),
    ("'-' indicator", "列表项应以“- ”开头，且缩进一致"),
    ("cannot start any token", "这里有不能出现的字符（常见的是 Tab 键）"),
    ("end of stream", "引号没有配对"),
    ("undefined alias", "用了未定义的 * 引用"),
)


def _explain(problem: str) -> str:
    return next(
        (said for words, said in _PROBLEMS if words in problem),
        "无法读取这一处，常见原因是冒号后缺空格、缩进不齐、用了 Tab 键、引号或括号没有配对",
    )


def _collect(
    node: yaml.Node, prefix: tuple[str, ...], lines: Lines, path: str, seen: set[int]
) -> None:
    import yaml

    if id(node) in seen:
        raise DataError(
            _REUSED,
            key_path=".".join(quoted(k) for k in prefix) or None,
            path=path,
            line=node.start_mark.line + 1,
        )
    seen.add(id(node))
    if isinstance(node, yaml.ScalarNode) and node.tag == _INT_TAG and len(node.value) > _MAX_DIGITS:
        raise DataError(
            f"数字有{len(node.value)}位，过大，不像是报告中的数字，请核对。",
            key_path=".".join(quoted(k) for k in prefix) or None,
            path=path,
            line=node.start_mark.line + 1,
        )
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, str(key_node.value))
            if not isinstance(key_node, yaml.ScalarNode):
                raise DataError(
                    "这里的键不是文字，请写成“名称: 值”。",
                    key_path=".".join(quoted(k) for k in prefix) or None,
                    path=path,
                    line=key_node.start_mark.line + 1,
                )
            line = key_node.start_mark.line + 1
            if key in lines:
                raise DataError(
                    f"重复填写（第{lines[key]}行已经写过），请删去其中一处。",
                    key_path=".".join(quoted(k) for k in key),
                    path=path,
                    line=line,
                )
            lines[key] = line
            _collect(value_node, key, lines, path, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            key = (*prefix, str(i + 1))
            lines[key] = item.start_mark.line + 1
            _collect(item, key, lines, path, seen)
