"""`drafter scaffold`: write the year's data file to fill in, fitted to the skeleton."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from drafter.cli.app import ChineseCommand, app, guarded, info
from drafter.cli.options import ForceOption, SkeletonOption, load_skeleton_for


@app.command(cls=ChineseCommand)
@guarded
def scaffold(
    output: Annotated[Path, typer.Option("-o", "--output", help="数据表保存位置。")] = Path(
        "数据.yaml"
    ),
    unit: Annotated[str, typer.Option("--unit", help="报告单位全称，如“示例市人民政府”。")] = "",
    year: Annotated[
        int | None,
        typer.Option("--year", help="报告所属年度（默认：去年；用 --from 时为该报告的下一年）。"),
    ] = None,
    from_report: Annotated[
        Path | None,
        typer.Option(
            "--from",
            help="上一年度的报告（.txt/.docx/.doc/.wps/.pdf/.html 等）：从中提取数字作为“上年”预先填好。",
        ),
    ] = None,
    skeleton: SkeletonOption = None,
    force: ForceOption = False,
) -> None:
    """生成本年度数据表（YAML）：列出要收集的全部指标、要点、不足和安排，附中文说明。"""
    import datetime as dt

    from drafter.cli.output import write_atomic
    from drafter.datafile import scaffold_data
    from drafter.errors import InputError, OutputExistsError

    if output.is_dir():
        raise InputError(
            "这是一个文件夹，请在 -o 后写数据表的文件名，如 数据.yaml。", path=str(output)
        )
    if output.exists() and not force:  # say so before any work
        raise OutputExistsError(str(output))
    if year is not None and not 2000 <= year <= 2100:
        raise InputError(f"--year 应为四位数年份（如 2025），现在是 {year}。")
    last_report = None
    if from_report is not None:
        from drafter.reading import parse_report

        last_report = parse_report(from_report)
    result = scaffold_data(
        load_skeleton_for(skeleton),
        unit=unit,
        year=year,
        default_year=dt.date.today().year - 1,
        last_report=last_report,
        source_name=from_report.name if from_report is not None else None,
    )
    write_atomic(output, result.text.encode("utf-8"), force=force)
    info(
        f"数据表已写入 {output}"
        + (f"，已预填上年数字 {result.prefilled} 项（每项旁注有原文）" if result.prefilled else "")
        + (
            f"；另有 {result.unplaced} 个数字未能对应到指标，没有预填（用 drafter extract 查看）"
            if result.unplaced
            else ""
        )
        + "。填好后运行：drafter draft "
        + str(output)
    )
