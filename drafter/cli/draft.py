"""`drafter scaffold` and `drafter draft`: the year's data file, and the .docx drafted from it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from drafter.cli.app import ChineseCommand, app, guarded, info

if TYPE_CHECKING:
    from drafter.learning.model import Skeleton

SkeletonOption = Annotated[
    Path | None,
    typer.Option(
        "--skeleton",
        help="骨架文件。默认：当前文件夹下的 templates/skeleton.yaml（drafter learn 的默认输出），"
        "没有则用随程序提供的骨架。",
    ),
]
# Where `drafter learn` writes by default, relative to the current folder.
LEARNED_SKELETON = Path("templates/skeleton.yaml")
ForceOption = Annotated[bool, typer.Option("--force", help="覆盖已存在的输出文件。")]


def _skeleton(path: Path | None) -> Skeleton:
    """Return the skeleton to use: --skeleton, else the one `learn` wrote here, else the shipped one."""
    from drafter.resources import template_path
    from drafter.learning.model import load_skeleton

    if path is None and LEARNED_SKELETON.is_file():
        path = LEARNED_SKELETON
        if path.resolve() != template_path("skeleton.yaml").resolve():
            info(f"使用本文件夹中学到的骨架：{path}（用 --skeleton 可指定其他骨架）")
    return load_skeleton(path or template_path("skeleton.yaml"))


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
            "--from", help="上一年度的报告（.txt/.docx）：从中提取数字作为“上年”预先填好。"
        ),
    ] = None,
    skeleton: SkeletonOption = None,
    force: ForceOption = False,
) -> None:
    """生成本年度数据表（YAML）：列出要收集的全部指标、要点、不足和安排，附中文说明。"""
    import datetime as dt

    from drafter.errors import InputError, OutputExistsError
    from drafter.cli.output import write_atomic
    from drafter.datafile.scaffold import scaffold_text

    if output.is_dir():
        raise InputError(
            "这是一个文件夹，请在 -o 后写数据表的文件名，如 数据.yaml。", path=str(output)
        )
    if output.exists() and not force:  # say so before any work
        raise OutputExistsError(str(output))
    if year is not None and not 2000 <= year <= 2100:
        raise InputError(f"--year 应为四位数年份（如 2025），现在是 {year}。")
    previous: dict[str, float] = {}
    note = None
    if from_report is not None:
        from drafter.reading.corpus import parse_report
        from drafter.datafile.extract import extract_figures, first_matches

        outline = parse_report(from_report)
        previous = {key: fig.value for key, fig in first_matches(extract_figures(outline)).items()}
        year = year or ((outline.year + 1) if outline.year else None)
        unit = unit or (outline.unit or "")
        note = f"{from_report.name}（{len(previous)} 项）"
    year = year or dt.date.today().year - 1
    text = scaffold_text(
        _skeleton(skeleton), unit=unit, year=year, previous=previous, source_note=note
    )
    write_atomic(output, text.encode("utf-8"), force=force)
    info(
        f"数据表已写入 {output}"
        + (f"，已预填上年数字 {len(previous)} 项" if previous else "")
        + "。填好后运行：drafter draft "
        + str(output)
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
    skeleton: SkeletonOption = None,
    force: ForceOption = False,
) -> None:
    """根据数据表生成公文格式的报告初稿（.docx）。"""
    from drafter.datafile.load import read_data_file
    from drafter.drafting.writer import render_docx
    from drafter.drafting.model import Figure, Placeholder, Suggestion
    from drafter.errors import InputError, OutputExistsError
    from drafter.cli.output import write_atomic
    from drafter.drafting.compose import draft_report

    out = output or data_file.with_suffix(".docx")
    if out.is_dir():
        raise InputError("这是一个文件夹，请在 -o 后写初稿的文件名，如 初稿.docx。", path=str(out))
    if out.suffix.lower() != ".docx":
        raise InputError("初稿文件名应以 .docx 结尾。", path=str(out))
    if out.exists() and not force:  # say so before any work
        raise OutputExistsError(str(out))
    report = draft_report(read_data_file(data_file), _skeleton(skeleton))
    write_atomic(out, render_docx(report), force=force)
    inlines = [i for b in report.blocks for i in b.inlines]
    filled = sum(isinstance(i, Figure) and i.role == "value" for i in inlines)
    todo = sum(isinstance(i, Placeholder) for i in inlines)
    suggested = sum(isinstance(i, Suggestion) for i in inlines)
    info(
        f"初稿已写入 {out}：已填数字 {filled} 个，待填 {todo} 处（黄色），建议改写 {suggested} 段（灰色）。"
    )
