"""`drafter learn`: parse past reports and write the skeleton they share."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from drafter.cli.app import ChineseCommand, app, guarded, info, is_terminal, pad
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
    from drafter.learning import dump_skeleton, learn_skeleton, study_report
    from drafter.reading import find_report_files, parse_reports

    if output.exists() and not force:  # say so before reading hundreds of files
        raise OutputExistsError(str(output))
    files = find_report_files(paths)
    if is_terminal() and len(files) > 1:
        with typer.progressbar(length=len(files), label="正在读取报告", file=sys.stderr) as bar:
            parsed = parse_reports(
                files, strict=strict, on_each=lambda _p: bar.update(1), study=study_report
            )
    else:
        parsed = parse_reports(files, strict=strict, study=study_report)
    report_failures(parsed, "未生成骨架。")
    # each report was studied where it was read (a worker process when there are many)
    skeleton = learn_skeleton(parsed.outlines, studies=parsed.studies)
    for o in parsed.outlines:
        if not o.has_headings():
            info(f"已跳过：{o.file}：没有识别出章节标题（如“一、”“（一）”“1.”），不参与学习。")
    write_atomic(output, dump_skeleton(skeleton).encode("utf-8"), force=force)
    _print_summary(skeleton, parsed)
    _warn_doubts(parsed)
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
    from drafter.catalogue import load_categories

    names = {cid: spec.short for cid, spec in load_categories().items()}
    # Chinese characters take two columns: pad by display width, not by len().
    typer.echo(f"{pad('类别', 16)}{pad('报告数', 8)}{pad('栏目数', 8)}{pad('位置', 8)}默认标题")
    for c in skeleton.categories:
        typer.echo(
            f"{pad(names.get(c.id, c.id), 16)}{pad(str(c.support), 8)}"
            f"{pad(str(sections[c.id]), 8)}{pad(f'{c.order:.2f}', 8)}{c.name}"
        )
    typer.echo(
        "（报告数：含该类别的报告篇数；栏目数：该类别的章节总数；"
        "位置：在报告中的平均先后，0 为最前、1 为最后。）"
    )


_MAX_DOUBTS = 10


def _warn_doubts(parsed: Parsed) -> None:
    """Name the sections the learned order or categories rest on whose category is uncertain."""
    from drafter.catalogue import load_categories
    from drafter.learning import doubtful_sections
    from drafter.reading import REVIEW_THRESHOLD

    names = {cid: spec.short for cid, spec in load_categories().items()}
    doubts = doubtful_sections(parsed.outlines)
    if not doubts:
        return
    info(
        f"提示：以下 {len(doubts)} 个栏目的类别可信度低于 {REVIEW_THRESHOLD:.1f}（待核），"
        "学到的栏目顺序和类别依据了它们，请用 drafter outline 核对："
    )
    for d in doubts[:_MAX_DOUBTS]:
        info(f"  {d.file}：{d.heading}（{names.get(d.category, d.category)} {d.score:.2f}）")
    if len(doubts) > _MAX_DOUBTS:
        info(f"  ……另有 {len(doubts) - _MAX_DOUBTS} 个。")
