"""`drafter draft`: the GB/T 9704 .docx drafted from the year's data file.

The job itself is drafter.cli.quick.write_draft, which `main` also runs without typer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from drafter.cli.app import ChineseCommand, app, guarded
from drafter.cli.options import ForceOption, SkeletonOption, YearsOption


@app.command(cls=ChineseCommand)
@guarded
def draft(
    data_file: Annotated[
        Path,
        typer.Argument(
            metavar="数据表",
            help="本年度数据表（YAML，可用 drafter scaffold 生成）。",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="初稿保存位置（默认与数据表同名的 .docx）。"),
    ] = None,
    base: Annotated[
        Path | None,
        typer.Option(
            "--base",
            metavar="去年报告",
            help="以上一年度的报告为底稿：保留其结构和文字，数字换成本年数，沿用的段落加批注提示改写。",
        ),
    ] = None,
    skeleton: SkeletonOption = None,
    years: YearsOption = None,
    force: ForceOption = False,
) -> None:
    """根据数据表生成公文格式的报告初稿（.docx）；加 --base 则在去年报告的基础上改写。"""
    from drafter.cli import quick

    quick.write_draft(data_file, output, base, skeleton, years, force)
