"""The one jinja2 environment: sandboxed, StrictUndefined; template errors name file and line."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from drafter.errors import TemplateDataError
from drafter.resources import template_path, templates_dir


@cache
def environment() -> SandboxedEnvironment:
    """Return the environment that renders templates/sections/*.j2."""
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
    where = str(template_path(f"sections/{name}"))
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
