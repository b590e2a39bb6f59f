"""`drafter outline`: show the structure of reports as drafter reads them."""

from __future__ import annotations

import typer

from drafter.cli.app import ChineseCommand, app, guarded
from drafter.cli.learn import report_failures
from drafter.cli.options import JsonOption, ReportPaths, StrictOption


@app.command(cls=ChineseCommand)
@guarded
def outline(
    files: ReportPaths,
    as_json: JsonOption = False,
    strict: StrictOption = False,
) -> None:
    """显示报告的结构树：各级标题、层级和所属类别。"""
    from drafter.reading import find_report_files, parse_reports

    parsed = parse_reports(find_report_files(files), strict=strict)
    report_failures(parsed, "没有可显示的结构。")
    if as_json:
        import json

        typer.echo(json.dumps([o.as_dict() for o in parsed.outlines], ensure_ascii=False, indent=2))
        return
    from drafter.catalogue import load_categories
    from drafter.reading import REVIEW_THRESHOLD, needs_review

    names = {cid: spec.short for cid, spec in load_categories().items()}
    typer.echo(
        f"说明：方括号内为类别和可信度（0～1，越高越可靠）；可信度低于 {REVIEW_THRESHOLD:.1f} 的"
        "标“待核”，请人工核对其类别。"
    )
    for o in parsed.outlines:
        lines = [f"■ {o.file}  年度：{o.year or '未知'}  单位：{o.unit or '未知'}"]
        if o.title:
            lines.append(f"  标题：{o.title}")
        for s in o.walk():
            label = f"{s.number or ''}{s.title or '（无标题）'}"
            mark = "  待核" if needs_review(s) else ""
            name = names.get(s.category, s.category)
            lines.append(f"{'  ' * s.level}{label}  [{name} {s.score:.2f}]{mark}")
        typer.echo("\n".join(lines))  # one write per report: a line each costs seconds on 10 MB
