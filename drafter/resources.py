"""Locate the data shipped in templates/, from a checkout or from an installed wheel."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from drafter.errors import TemplateDataError
from drafter.yamlfile import read_yaml


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
