"""Load YAML while remembering the line of every key, so errors can name it."""

from __future__ import annotations

from typing import Any

import yaml

from drafter.errors import DataError

Lines = dict[tuple[str, ...], int]


def load_yaml_with_lines(text: str, path: str) -> tuple[Any, Lines]:
    """Return (data, lines) where lines maps each key path to its 1-based line number."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else None
        col = f"第{mark.column + 1}列，" if mark is not None else ""
        raise DataError(
            f"{col}YAML 格式错误（{e.problem or e.context}）。常见原因：冒号后缺空格、缩进不齐、用了 Tab 键。",
            path=path,
            line=line,
        ) from e
    except yaml.YAMLError as e:
        raise DataError(f"YAML 格式错误：{e}", path=path) from e
    lines: Lines = {}
    if node is not None:
        _collect(node, (), lines)
    return data, lines


def _collect(node: yaml.Node, prefix: tuple[str, ...], lines: Lines) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, str(key_node.value))
            lines[key] = key_node.start_mark.line + 1
            _collect(value_node, key, lines)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            key = (*prefix, str(i + 1))
            lines[key] = item.start_mark.line + 1
            _collect(item, key, lines)
