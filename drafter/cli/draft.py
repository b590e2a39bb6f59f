"""`drafter draft`: the GB/T 9704 .docx drafted from the year's data file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from drafter.cli.app import ChineseCommand, app, guarded, info
from drafter.cli.options import (
    ForceOption,
    SkeletonOption,
    YearsOption,
    load_skeleton_for,
    load_years_for,
)


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
    from drafter.cli.output import write_atomic
    from drafter.datafile import read_data_file
    from drafter.drafting import draft_docx
    from drafter.errors import InputError, OutputExistsError

    out = output or data_file.with_suffix(".docx")
    if out.is_dir():
        raise InputError("这是一个文件夹，请在 -o 后写初稿的文件名，如 初稿.docx。", path=str(out))
    if out.suffix.lower() != ".docx":
        raise InputError("初稿文件名应以 .docx 结尾。", path=str(out))
    if out.exists() and not force:  # say so before any work
        raise OutputExistsError(str(out))
    if base is not None:
        _roll_forward(data_file, base, out, force=force)
        return
    drafted = draft_docx(
        read_data_file(data_file), load_skeleton_for(skeleton), load_years_for(years)
    )
    write_atomic(out, drafted.docx, force=force)
    c = drafted.counts
    info(
        f"初稿已写入 {out}：已填数字 {c.filled} 个，待填 {c.todo} 处（黄色），建议改写 {c.suggested} 段（灰色）。"
    )
    for item in c.to_verify:
        info(f"提示：{item.warning}")


def _roll_forward(data_file: Path, base: Path, out: Path, *, force: bool) -> None:
    """Write this year's draft from last year's report BASE and say what is left to do."""
    from drafter.cli.output import write_atomic
    from drafter.datafile import read_data_file
    from drafter.drafting import roll_forward_docx
    from drafter.reading import parse_report

    rolled = roll_forward_docx(read_data_file(data_file), parse_report(base))
    write_atomic(out, rolled.docx, force=force)
    c = rolled.counts
    info(
        f"初稿已写入 {out}（以 {base.name} 为底稿）：沿用上年段落 {rolled.kept} 段，"
        f"批注 {rolled.flags} 处（请逐条改写）；已填本年数字 {c.filled} 个，"
        f"待核上年数字 {c.to_confirm} 处（黄色）。"
    )
    if rolled.unplaced:
        info(
            f"数据表中另有 {len(rolled.unplaced)} 项本年数字在去年报告中没有对应的位置，未写入初稿，"
            f"请手工补写：{'、'.join(rolled.unplaced)}。"
        )
