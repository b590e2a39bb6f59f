"""`drafter learn`: parse past reports and write the skeleton they share."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from drafter.cli.app import ChineseCommand, app, guarded, info, is_terminal
from drafter.cli.options import ReportPaths, StrictOption

if TYPE_CHECKING:  # the core loads only when a command runs: `drafter --help` stays fast
    from drafter.learning import Skeleton
    from drafter.reading import Parsed

DEFAULT_SKELETON = Path("templates/skeleton.yaml")


@app.command(cls=ChineseCommand)
@guarded
def learn(
    paths: ReportPaths,
    output: Annotated[
        Path, typer.Option("-o", "--output", help="骨架文件保存位置。")
    ] = DEFAULT_SKELETON,
    strict: StrictOption = False,
    force: Annotated[bool, typer.Option("--force", help="骨架文件已存在时覆盖它。")] = False,
) -> None:
    """从往年报告学习报告骨架（栏目、顺序、常见标题、例句），写入 YAML 文件。"""
    from drafter.cli.output import write_atomic
    from drafter.errors import OutputExistsError
    from drafter.learning import dump_skeleton, learn_skeleton
    from drafter.reading import find_report_files, parse_reports

    if output.exists() and not force:  # say so before reading hundreds of files
        raise OutputExistsError(str(output))
    files = find_report_files(paths)
    if is_terminal() and len(files) > 1:
        with typer.progressbar(length=len(files), label="正在读取报告", file=sys.stderr) as bar:
            parsed = parse_reports(files, strict=strict, on_each=lambda _p: bar.update(1))
    else:
        parsed = parse_reports(files, strict=strict)
    report_failures(parsed, "未生成骨架。")
    skeleton = learn_skeleton(parsed.outlines)
    write_atomic(output, dump_skeleton(skeleton).encode("utf-8"), force=force)
    _print_summary(skeleton, parsed)
    info(f"骨架已写入 {output}")


def report_failures(parsed: Parsed, consequence: str) -> None:
    """Print each skipped file with its reason and each merged copy on stderr; raise when none was read."""
    from drafter.errors import InputError
    from drafter.reading import SKIP_REASONS

    if not parsed.outlines and len(parsed.skipped) == 1:
        raise parsed.skipped[0].error  # the one file named: its own message is the whole story
    for skipped in parsed.skipped:
        info(f"已跳过（{SKIP_REASONS[skipped.reason]}）：{skipped.error}")
    for merged in parsed.merged:
        info(
            f"已合并：{'、'.join(merged.copies)} 与 {merged.kept} 内容相同，只读取 {merged.kept}。"
        )
    if not parsed.outlines:
        raise InputError(f"{len(parsed.skipped)} 个文件都无法读取（原因见上），{consequence}")


def _print_summary(skeleton: Skeleton, parsed: Parsed) -> None:
    """Print how many reports were read and, per category, reports, sections and position."""
    from collections import Counter

    sections = Counter(s.category for o in parsed.outlines for s in o.walk())
    skipped = len(parsed.skipped)
    copies = sum(len(m.copies) for m in parsed.merged)
    typer.echo(
        f"共读取报告 {len(parsed.outlines)} 篇"
        + (f"，跳过 {skipped} 个文件" if skipped else "")
        + (f"，合并重复副本 {copies} 个" if copies else "")
        + "。"
    )
    # Chinese characters take two columns: pad the header by display width, not by len().
    typer.echo(f"{'类别':<18}{'报告数':>5}{'栏目数':>5}{'位置':>6}  默认标题")
    for c in skeleton.categories:
        typer.echo(f"{c.id:<20}{c.support:>8}{sections[c.id]:>8}{c.order:>8.2f}  {c.name}")
