"""Options several commands share, and the skeleton they fall back on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from drafter.cli.app import info

if TYPE_CHECKING:
    from drafter.catalogue import SessionTable
    from drafter.learning import Skeleton

# The positional argument of learn, outline and extract: report files or folders.
ReportPaths = Annotated[
    list[Path],
    typer.Argument(
        help="往年报告文件（.txt/.docx/.doc/.wps/.odt/.rtf/.pdf/.html）或文件夹，可写多个。",
        metavar="报告或文件夹",
        show_default=False,
    ),
]
SkeletonOption = Annotated[
    Path | None,
    typer.Option(
        "--skeleton",
        help="骨架文件。默认：当前文件夹下的 templates/skeleton.yaml（drafter learn 的默认输出），"
        "没有则用随程序提供的骨架。",
    ),
]
YearsOption = Annotated[
    Path | None,
    typer.Option(
        "--years",
        help="自己的年度表（会议、纲要），补充或更正随程序提供的表。默认：当前文件夹下的 "
        "templates/years.yaml（如有）。",
        metavar="文件",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件。")]
StrictOption = Annotated[
    bool, typer.Option("--strict", help="遇到无法读取的文件立即停止（默认跳过并报告）。")
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="以 JSON 输出到标准输出（供其他程序使用）。")
]

# Where `drafter learn` writes by default, relative to the current folder.
LEARNED_SKELETON = Path("templates/skeleton.yaml")
# The user's own years table, relative to the current folder.
USER_YEARS = Path("templates/years.yaml")


def load_skeleton_for(path: Path | None) -> Skeleton:
    """Return the skeleton to use: --skeleton, else the one `learn` wrote here, else the shipped one."""
    from drafter.learning import load_skeleton
    from drafter.resources import template_path

    if path is None and LEARNED_SKELETON.is_file():
        path = LEARNED_SKELETON
        if path.resolve() != template_path("skeleton.yaml").resolve():
            info(f"使用本文件夹中学到的骨架：{path}（用 --skeleton 可指定其他骨架）")
    return load_skeleton(path or template_path("skeleton.yaml"))


def load_years_for(path: Path | None) -> SessionTable:
    """Return the years table: the shipped one, extended by --years or by templates/years.yaml here."""
    from drafter.catalogue import load_years
    from drafter.resources import template_path

    shipped = template_path("years.yaml").resolve()
    if path is None and USER_YEARS.is_file() and USER_YEARS.resolve() != shipped:
        path = USER_YEARS
        info(f"使用本文件夹中的年度表：{path}（用 --years 可指定其他文件）")
    return load_years(path)
