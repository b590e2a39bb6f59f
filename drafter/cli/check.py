"""`drafter check`: lint a draft and list what is left undone or inconsistent, by section."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from drafter.cli.app import EXIT_FINDINGS, ChineseCommand, app, guarded, info
from drafter.cli.options import SkeletonOption, YearsOption, load_skeleton_for, load_years_for

if TYPE_CHECKING:
    from drafter.checking import Finding

_SEVERITY = {"error": ("严重", "red"), "warning": ("提示", "yellow")}


@app.command(cls=ChineseCommand)
@guarded
def check(
    file: Annotated[
        Path,
        typer.Argument(metavar="初稿", help="要检查的初稿（.docx 或 .txt）。", show_default=False),
    ],
    year: Annotated[
        int | None,
        typer.Option(
            "--year", min=1990, max=2100, help="报告年度（默认取报告标题或开头中的年份）。"
        ),
    ] = None,
    against: Annotated[
        Path | None,
        typer.Option(
            "--against",
            help="上一年度的报告（.docx/.txt/.doc/.wps/.pdf/.html 等），用于找出原样照搬的段落。",
        ),
    ] = None,
    data_file: Annotated[
        Path | None,
        typer.Option("--data", help="本年度数据表（YAML）：核对正文中的数字与数据表是否一致。"),
    ] = None,
    skeleton: SkeletonOption = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="以 JSON 数组输出检查结果到标准输出（供其他程序使用）。")
    ] = False,
    years: YearsOption = None,
) -> None:
    """检查初稿，按章节列出需要修改之处。

    检查项目：未填的占位符、未改写的建议文字（包括删了【建议改写】标记却没改的参考句）、缺少或顺序不对的部分、过时的年份和全会提法、待核的会议引文、过期的规划纲要、自相矛盾的数字（审结多于受理等）、不宜写百分比的同比、其他层级或其他地方的用语、未处理的批注和修订（.docx）、与上年报告相同或大部分相同的段落（需 --against）、与数据表不一致的数字（需 --data）。

    退出码：0 未发现问题；1 发现问题；2 文件无法读取。
    """
    from drafter.checking import check_draft
    from drafter.datafile import read_data_file
    from drafter.reading import parse_report, review_marks

    outline = parse_report(file)
    last_year = parse_report(against) if against is not None else None
    data = read_data_file(data_file) if data_file is not None else None
    result = check_draft(
        outline,
        year=year,
        last_year=last_year,
        years=load_years_for(years),
        review=review_marks(file),
        skeleton=load_skeleton_for(skeleton),
        data=data,
    )
    for notice in result.notices:
        info(f"提示：{notice}")
    findings = result.findings
    if as_json:
        import json

        typer.echo(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        _print_findings(findings)
    if findings:
        raise typer.Exit(EXIT_FINDINGS)


def _print_findings(findings: list[Finding]) -> None:
    from drafter.checking import RULE_NAMES

    if not findings:
        typer.echo("检查完毕，未发现问题。")
        return
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    lines: list[str] = []  # written at once: a line each costs seconds on a 10 MB report
    current: object = object()
    for f in findings:
        group = f.section or ("开头" if f.paragraph else "全文")
        if group != current:
            lines.append(f"\n■ {group}")
            current = group
        label, fg = _SEVERITY[f.severity]
        shown = typer.style(label, fg=fg, bold=True) if colour else label
        where = f"第{f.paragraph}段：" if f.paragraph else ""
        lines.append(f"  {shown} [{RULE_NAMES.get(f.rule, f.rule)}] {where}{f.message}")
        if f.excerpt:
            lines.append(f"       原文：{f.excerpt}")
    typer.echo("\n".join(lines))
    errors = sum(f.severity == "error" for f in findings)
    typer.echo(
        f"\n共发现 {len(findings)} 处问题：严重 {errors} 处，提示 {len(findings) - errors} 处。"
    )
