"""Options several commands share, and the skeleton they fall back on."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

# Re-exported: the commands import them from here with the options.
from drafter.cli.plain import LEARNED_SKELETON as LEARNED_SKELETON
from drafter.cli.plain import USER_YEARS as USER_YEARS
from drafter.cli.plain import load_skeleton_for as load_skeleton_for
from drafter.cli.plain import load_years_for as load_years_for

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
