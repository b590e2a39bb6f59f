"""The templates/sections/*.j2 rendered as jinja2 would: sandboxed, StrictUndefined, errors with
file and line.

jinja2 takes longer to import than a draft takes to compose, and the shipped templates use only
variables, `if` (with `and`, `not`, `loop.last`) and `for … in`: such a template is rendered here
directly, with the output jinja2 gives. Any other template — a filter, an expression, a name the
context lacks, a syntax error — goes to jinja2, which renders it or says what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from drafter.errors import TemplateDataError
from drafter.resources import template_path, templates_dir

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment


@cache
def environment() -> SandboxedEnvironment:
    """Return the environment that renders templates/sections/*.j2."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(templates_dir() / "sections")),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # plain text for a Word paragraph, not HTML
        keep_trailing_newline=False,
    )


def has_template(name: str) -> bool:
    """Return True when templates/sections/NAME exists."""
    return (templates_dir() / "sections" / name).is_file()


def render_template(name: str, context: dict[str, Any]) -> str:
    """Return templates/sections/NAME rendered with CONTEXT, stripped of surrounding whitespace."""
    where = template_path(f"sections/{name}")
    try:
        simple = _simple(where.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):  # jinja2 says what is wrong with the file
        simple = None
    if simple is not None:
        try:
            return "".join(_render(simple, context)).strip().replace("\n", "")
        except _NotSimple:
            pass
    return _render_with_jinja2(name, str(where), context)


def _render_with_jinja2(name: str, where: str, context: dict[str, Any]) -> str:
    import jinja2
    import jinja2.exceptions

    try:
        return environment().get_template(name).render(**context).strip().replace("\n", "")
    except jinja2.TemplateSyntaxError as e:
        raise TemplateDataError(
            f"模板语法错误：{e.message}", path=e.filename or where, line=e.lineno
        ) from e
    except jinja2.TemplateNotFound as e:
        raise TemplateDataError("找不到模板文件。", path=where) from e
    except (jinja2.UndefinedError, jinja2.exceptions.SecurityError) as e:
        raise TemplateDataError(f"模板渲染出错：{e}", path=where, line=_template_line(e)) from e
    except Exception as e:
        # A template is user-edited data: whatever its own code raises ({{ 1 / 0 }}, a filter
        # given the wrong type) is its author's error. Anything else is drafter's bug.
        line = _template_line(e)
        if line is None:
            raise
        raise TemplateDataError(f"模板渲染出错：{e}", path=where, line=line) from e


def _template_line(error: BaseException) -> int | None:
    tb = error.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


class _NotSimple(Exception):
    """The template asks for what only jinja2 does (here: a name the context lacks)."""


@dataclass(frozen=True)
class _If:
    test: tuple[tuple[bool, str], ...]  # all of (negated, name) must hold
    body: tuple[_Node, ...]
    orelse: tuple[_Node, ...]


@dataclass(frozen=True)
class _For:
    target: str
    items: str
    body: tuple[_Node, ...]


@dataclass(frozen=True)
class _Var:
    name: str


_Node = str | _Var | _If | _For
# A tag with jinja2's whitespace control: "{%-" strips the space before it, "-%}" after it.
_TAG = re.compile(r"(\{[{%#])(-?)(.*?)(-?)([}%#]\})(\s*)", re.DOTALL)
_CLOSE = {"{{": "}}", "{%": "%}", "{#": "#}"}
_NAME = r"(?:loop\.last|[^\W\d]\w*)"
_TEST = re.compile(rf"(not\s+)?({_NAME})")
_FOR = re.compile(rf"for\s+([^\W\d]\w*)\s+in\s+({_NAME})")
_KEYWORDS = {
    "and",
    "or",
    "not",
    "in",
    "is",
    "if",
    "else",
    "for",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
}


@cache
def _simple(source: str) -> tuple[_Node, ...] | None:
    """Return SOURCE as a tree of the constructs rendered here, or None when it has others."""
    source = source.replace("\r\n", "\n").replace("\r", "\n")  # as jinja2's lexer does
    if source.endswith("\n"):  # keep_trailing_newline=False drops one final newline
        source = source[:-1]
    pieces: list[tuple[str, str]] = []  # ("text", …) and (opening, content)
    at, strip_next = 0, False
    for m in _TAG.finditer(source):
        opening, minus_left, content, minus_right, closing, space = m.groups()
        if _CLOSE[opening] != closing or "{" in content or "}" in content:
            return None
        text = source[at : m.start()]
        if strip_next:
            text = text.lstrip()
        if minus_left:
            text = text.rstrip()
        pieces.append(("text", text))
        if opening != "{#":
            pieces.append((opening, content.strip()))
        strip_next = bool(minus_right)
        at = m.end() if minus_right else m.end() - len(space)
    tail = source[at:]
    if "{{" in tail or "{%" in tail or "{#" in tail:
        return None
    pieces.append(("text", tail.lstrip() if strip_next else tail))
    try:
        tree, rest = _parse(pieces, 0, ())
    except ValueError:
        return None
    return tree if rest == len(pieces) else None


def _parse(
    pieces: list[tuple[str, str]], i: int, ends: tuple[str, ...]
) -> tuple[tuple[_Node, ...], int]:
    """Return the nodes from PIECES[I] up to a tag in ENDS (at which it stops), and where."""
    nodes: list[_Node] = []
    while i < len(pieces):
        kind, content = pieces[i]
        if kind == "text":
            if content:
                nodes.append(content)
            i += 1
        elif kind == "{{":
            if not re.fullmatch(_NAME, content) or content in _KEYWORDS:
                raise ValueError(content)
            nodes.append(_Var(content))
            i += 1
        elif content in ends:
            return tuple(nodes), i
        elif content.startswith("if "):
            test = tuple(_test(t) for t in re.split(r"\s+and\s+", content[3:].strip()))
            body, i = _parse(pieces, i + 1, ("else", "endif"))
            orelse: tuple[_Node, ...] = ()
            if i < len(pieces) and pieces[i][1] == "else":
                orelse, i = _parse(pieces, i + 1, ("endif",))
            if i >= len(pieces) or pieces[i][1] != "endif":
                raise ValueError("if")
            nodes.append(_If(test, body, orelse))
            i += 1
        elif (m := _FOR.fullmatch(content)) and m.group(1) not in _KEYWORDS | {"loop"}:
            body, i = _parse(pieces, i + 1, ("endfor",))
            if i >= len(pieces):
                raise ValueError("for")
            nodes.append(_For(m.group(1), m.group(2), body))
            i += 1
        else:
            raise ValueError(content)
    if ends:
        raise ValueError(ends)
    return tuple(nodes), i


def _test(text: str) -> tuple[bool, str]:
    m = _TEST.fullmatch(text.strip())
    if m is None or m.group(2) in _KEYWORDS:
        raise ValueError(text)
    return bool(m.group(1)), m.group(2)


def _render(nodes: Iterable[_Node], names: dict[str, Any]) -> Iterable[str]:
    for node in nodes:
        if isinstance(node, str):
            yield node
        elif isinstance(node, _Var):
            yield str(_look_up(node.name, names))
        elif isinstance(node, _If):
            holds = all(bool(_look_up(n, names)) != negated for negated, n in node.test)
            yield from _render(node.body if holds else node.orelse, names)
        else:
            items = _look_up(node.items, names)
            if not isinstance(items, list | tuple):
                raise _NotSimple(node.items)
            for i, item in enumerate(items):
                inner = {**names, node.target: item, "loop.last": i == len(items) - 1}
                yield from _render(node.body, inner)


def _look_up(name: str, names: dict[str, Any]) -> Any:
    if name not in names:  # StrictUndefined: jinja2 raises, naming the template and line
        raise _NotSimple(name)
    value = names[name]
    if not isinstance(value, str | int | float | bool | list | tuple) and value is not None:
        raise _NotSimple(name)  # how jinja2 shows other objects is jinja2's business
    return value
