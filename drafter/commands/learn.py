"""`drafter learn` and `drafter outline`: parse past reports, learn or show their structure."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from drafter.cli_app import app, guarded, info, is_terminal

DEFAULT_SKELETON = Path("templates/skeleton.yaml")


@app.command()
@guarded
def learn(
    paths: Annotated[
        list[Path],
        typer.Argument(help="往年报告文件（.txt/.docx）或文件夹，可写多个。", show_default=False),
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="骨架文件保存位置。")
    ] = DEFAULT_SKELETON,
    strict: Annotated[
        bool, typer.Option("--strict", help="遇到无法读取的文件立即停止（默认跳过并报告）。")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的骨架文件。")] = True,
) -> None:
    """从往年报告学习报告骨架（栏目、顺序、常见标题、例句），写入 YAML 文件。"""
    from drafter.corpus import find_report_files, parse_reports
    from drafter.errors import InputError
    from drafter.output import write_atomic
    from drafter.skeleton import learn_skeleton
    from drafter.skeleton_model import dump_skeleton

    files = find_report_files(paths)
    if is_terminal() and len(files) > 1:
        with typer.progressbar(length=len(files), label="正在读取报告", file=None) as bar:
            parsed = parse_reports(files, strict=strict, on_each=lambda _p: bar.update(1))
    else:
        parsed = parse_reports(files, strict=strict)
    for failure in parsed.failures:
        info(f"已跳过：{failure}")
    if not parsed.outlines:
        raise InputError("没有一份报告能够读取，未生成骨架。")
    skeleton = learn_skeleton(parsed.outlines)
    write_atomic(output, dump_skeleton(skeleton).encode("utf-8"), force=force)
    _print_summary(skeleton, len(parsed.outlines), len(parsed.failures))
    info(f"骨架已写入 {output}")


def _print_summary(skeleton: object, ok: int, skipped: int) -> None:
    from drafter.skeleton_model import Skeleton

    assert isinstance(skeleton, Skeleton)
    typer.echo(f"共读取报告 {ok} 篇" + (f"，跳过 {skipped} 篇" if skipped else "") + "。")
    typer.echo(f"{'类别':<18}{'报告数':>4}{'位置':>6}  默认标题")
    for c in skeleton.categories:
        typer.echo(f"{c.id:<20}{c.support:>4}{c.order:>8.2f}  {c.name}")


@app.command()
@guarded
def outline(
    files: Annotated[
        list[Path], typer.Argument(help="报告文件（.txt/.docx）或文件夹。", show_default=False)
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="以 JSON 输出到标准输出（供其他程序使用）。")
    ] = False,
    strict: Annotated[bool, typer.Option("--strict", help="遇到无法读取的文件立即停止。")] = False,
) -> None:
    """显示报告的结构树：各级标题、层级和所属类别。"""
    from drafter.corpus import find_report_files, parse_reports
    from drafter.errors import InputError

    parsed = parse_reports(find_report_files(files), strict=strict)
    for failure in parsed.failures:
        info(f"已跳过：{failure}")
    if not parsed.outlines:
        raise InputError("没有一份报告能够读取。")
    if as_json:
        typer.echo(json.dumps([o.as_dict() for o in parsed.outlines], ensure_ascii=False, indent=2))
        return
    for o in parsed.outlines:
        typer.echo(f"■ {o.file}  年度：{o.year or '未知'}  单位：{o.unit or '未知'}")
        if o.title:
            typer.echo(f"  标题：{o.title}")
        for s in o.walk():
            label = f"{s.number or ''}{s.title or '（无标题）'}"
            typer.echo(f"{'  ' * s.level}{label}  [{s.category} {s.score:.2f}]")
