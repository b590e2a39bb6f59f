"""typer's words in Chinese, and its parameters converted without pydantic.

typer 0.29 bundles its own copy of click (typer._click) with English f-strings and no gettext,
so the words cannot be translated where they are made. They are replaced where they surface:
- usage errors: `translate` turns each click exception into one Chinese line (`ChineseUsageError`);
  `drafter.cli.app` raises it from the root command's parse and invoke;
- help: `help_record` builds each parameter's line with Chinese type names and markers, and
  `ChineseFormatter` writes headings with a full-width colon;
- conversion: typer builds each parameter's converter on first use from a pydantic TypeAdapter
  (`_TyperParameter.get_runtime_param` → `_coercion.build_runtime_param` → `_adapters`),
  importing pydantic (~80 ms). `plain_runtime_param` gives the types drafter's commands use
  (str, int with a range, bool, Path, list[Path], each optionally None) a converter of its own,
  with Chinese messages; anything else is left to typer.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import Any, get_args, get_origin

from typer import _click
from typer._click.exceptions import (
    BadOptionUsage,
    BadParameter,
    ClickException,
    MissingParameter,
    NoSuchOption,
    UsageError,
)
from typer._coercion import RuntimeParam

_TYPE_NAMES = {str: "文字", int: "整数", float: "数字", bool: "是/否", Path: "路径"}


class ChineseFormatter(_click.HelpFormatter):
    """click's help formatter, headings ending in a full-width colon."""

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        # click aligns and wraps by characters; a Chinese character takes two columns.
        rows = list(rows)
        widths = [display_width(first) for first, _ in rows]
        first_col = min(max(widths, default=0), col_max) + col_spacing
        indent = " " * self.current_indent
        text_width = max(self.width - self.current_indent - first_col - 2, 20)
        for (first, second), width in zip(rows, widths, strict=True):
            self.write(f"{indent}{first}")
            if not second:
                self.write("\n")
                continue
            if width <= first_col - col_spacing:
                self.write(" " * (first_col - width))
            else:
                self.write(f"\n{indent}{' ' * first_col}")
            lines = wrap_columns(second, text_width)
            self.write(f"{lines[0]}\n")
            for line in lines[1:]:
                self.write(f"{indent}{' ' * first_col}{line}\n")


_NO_LINE_START = frozenset("，。、；：？！）》”’」』】")  # kept at the end of the line above
_TOKEN = re.compile(r"[!-~]+|\s+|.")


def wrap_columns(text: str, width: int) -> list[str]:
    """Return TEXT cut into lines of at most WIDTH columns, breaking between Chinese characters."""
    lines, line, used = [], "", 0
    for token in _TOKEN.findall(text.replace("\n", " ")):
        size = display_width(token)
        if used + size > width and line.strip() and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
            if token.isspace():
                continue
        line, used = line + token, used + size
    lines.append(line.rstrip())
    return lines


class ChineseContext(_click.Context):
    """A context whose help is written by `ChineseFormatter`."""

    formatter_class = ChineseFormatter


class ChineseUsageError(UsageError):
    """A usage error said on one Chinese line, with where to find help."""

    def show(self, file: Any = None) -> None:
        hint = ""
        if self.ctx is not None and self.ctx.command.get_help_option(self.ctx) is not None:
            hint = f"用 {self.ctx.command_path} {self.ctx.help_option_names[0]} 查看帮助。"
        _click.echo(f"错误：{self.message}{hint}", err=True)


def display_width(text: str) -> int:
    """Return how many terminal columns TEXT takes (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _param_name(param: Any) -> str:
    if param.param_type_name == "option":
        return f"{' / '.join(param.opts)} "
    return f"“{param.display_name_raw}”"


_EXTRA = re.compile(r"Got unexpected extra arguments? ?(?:\(s\))? \((.*)\)$")


def translate(error: ClickException) -> ClickException:
    """Return ERROR as a ChineseUsageError; leave alone what is not a usage error or is help."""
    if not isinstance(error, UsageError) or isinstance(error, ChineseUsageError):
        return error
    if isinstance(error, _click.exceptions.NoArgsIsHelpError):
        return error
    if isinstance(error, MissingParameter) and error.param is not None:
        what = "选项" if error.param.param_type_name == "option" else "参数"
        message = f"缺少{what}{_param_name(error.param)}。"
    elif isinstance(error, BadParameter) and error.param is not None:
        message = f"{_param_name(error.param)}的值不对：{error.message}"
    elif isinstance(error, NoSuchOption):
        message = f"没有选项 {error.option_name}。"
        if error.possibilities:
            closest = error.possibilities[0]  # click lists them closest first
            message = f"没有选项 {error.option_name}，您要的是不是 {closest}？"
    elif isinstance(error, BadOptionUsage) and "requires" in error.message:
        message = f"选项 {error.option_name} 后面要写一个值。"
    elif isinstance(error, BadOptionUsage):
        message = f"选项 {error.option_name} 后面不能写值。"
    elif extra_match := _EXTRA.match(error.message):
        extra = extra_match.group(1)
        message = f"多写了：{extra}。请检查命令，文件名中有空格时请加引号。"
    else:
        message = f"命令写法不对（{error.message}）。"
    return ChineseUsageError(message, error.ctx)


def unknown_command(name: str, commands: list[str], ctx: Any) -> ChineseUsageError:
    """Return the error for command NAME that does not exist, suggesting the closest one."""
    matches = get_close_matches(name, commands, n=1)
    if matches:
        return ChineseUsageError(f"没有命令“{name}”，您要的是不是 {matches[0]}？", ctx)
    return ChineseUsageError(f"没有命令“{name}”。可用的命令：{'、'.join(commands)}。", ctx)


# -- help ----------------------------------------------------------------------------------------


def _type_label(param: Any) -> str:
    desc = param.type_descriptor
    annotation = desc.annotation
    if get_origin(annotation) is list:
        (element,) = get_args(annotation)
        return f"<{_TYPE_NAMES.get(element, getattr(element, '__name__', str(element)))}>..."
    if desc.is_path:
        return "<路径>"
    return f"<{_TYPE_NAMES.get(annotation, getattr(annotation, '__name__', str(annotation)))}>"


def help_record(param: Any, ctx: Any) -> tuple[str, str] | None:
    """Return (name, help) for PARAM's line in the help, its type and markers in Chinese."""
    if param.hidden:
        return None
    if param.param_type_name == "argument":
        name = f"{param.display_name_raw} {_type_label(param)}"
    else:
        name = _click.formatting.join_options(param.opts)[0]
        if not param.is_flag:
            name += f" {_type_label(param)}"
    extra = []
    if isinstance(param.show_default, str):
        extra.append(f"默认：{param.show_default}")
    elif param.show_default and param.default not in (None, False, "", (), []):
        extra.append(f"默认：{param.default}")
    if param.min is not None and param.max is not None:
        extra.append(f"{param.min}至{param.max}")
    elif param.min is not None:
        extra.append(f"不小于{param.min}")
    elif param.max is not None:
        extra.append(f"不大于{param.max}")
    if param.required:
        extra.append("必填")
    help_text = param.help or ""
    if extra:
        markers = f"[{'；'.join(extra)}]"
        help_text = f"{help_text}  {markers}" if help_text else markers
    return name, help_text


# -- conversion without pydantic -----------------------------------------------------------------


@dataclass(frozen=True)
class PlainRuntimeParam(RuntimeParam):
    """Convert a command-line value with a plain function; ValueError becomes a Chinese message."""

    convert: Callable[[Any], Any]

    def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
        try:
            return self.convert(value)
        except ValueError as e:
            raise BadParameter(str(e), ctx=ctx, param=param) from None


def _to_str(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


def _to_path(value: Any) -> Path:
    if isinstance(value, Path):
        return value
    if isinstance(value, str | os.PathLike):
        return Path(value)
    raise ValueError(f"“{value}”不是文件名。")


_TRUE = {"1", "true", "t", "yes", "y", "on"}
_FALSE = {"0", "false", "f", "no", "n", "off", ""}


def _to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE | _FALSE:
        return text in _TRUE
    raise ValueError(f"“{value}”不是“是”或“否”（可写 true/false、yes/no、1/0）。")


def _int_converter(low: float | None, high: float | None) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if isinstance(value, bool):
            raise ValueError(f"“{value}”不是整数。")
        if isinstance(value, int):
            number = value
        else:
            try:
                number = int(str(value).strip())
            except ValueError:
                raise ValueError(f"“{value}”不是整数，请写阿拉伯数字，如 2025。") from None
        if (low is not None and number < low) or (high is not None and number > high):
            if low is not None and high is not None:
                raise ValueError(f"{number} 不在 {low} 至 {high} 之间。")
            bound = f"不小于 {low}" if low is not None else f"不大于 {high}"
            raise ValueError(f"{number} 应{bound}。")
        return number

    return convert


def _leaf_converter(annotation: Any, info: Any) -> Callable[[Any], Any] | None:
    if info.parser is not None or info.clamp:
        return None
    if annotation is str:
        return _to_str
    if annotation is bool:
        return _to_bool
    if annotation is int:
        return _int_converter(info.min, info.max)
    if annotation is Path:
        path_options = info.exists or info.resolve_path or info.allow_dash or info.path_type
        if path_options or not (info.file_okay and info.dir_okay):
            return None  # typer's checks (exists=, file_okay=…) stay typer's
        return _to_path
    return None


def plain_runtime_param(param: Any) -> RuntimeParam | None:
    """Return a converter for PARAM that needs no pydantic, or None to leave it to typer."""
    desc = param.type_descriptor
    if desc.file_annotation is not None:
        return None
    annotation, info = desc.annotation, desc.parameter_info
    convert: Callable[[Any], Any] | None
    if get_origin(annotation) is list:
        (element,) = get_args(annotation)
        leaf = _leaf_converter(element, info)
        if leaf is None:
            return None

        def convert_all(value: Any) -> list[Any]:
            items = value if isinstance(value, list | tuple) else [value]
            return [leaf(item) for item in items]

        convert = convert_all
    else:
        convert = _leaf_converter(annotation, info)
    if convert is None:
        return None
    return PlainRuntimeParam(parameter_info=info, annotation=annotation, convert=convert)
