"""`drafter extract`: list a past report's figures, or turn them into next year's 上年 values."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from drafter.cli.app import ChineseCommand, app, guarded, info, pad
from drafter.cli.options import JsonOption, ReportPaths, StrictOption

if TYPE_CHECKING:
    from drafter.datafile import ExtractedFigure
    from drafter.reading import Outline

KIND_NAMES = {
    "count": "数量",
    "percent": "比率",
    "money": "金额",
    "rank": "排名",
    "change": "变化",
    "duration": "时长",
}


@app.command(cls=ChineseCommand)
@guarded
def extract(
    reports: ReportPaths,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            help="把匹配到指标的数字作为“上年”写入数据文件（YAML），供 drafter draft 使用。只能用于一篇报告。",
        ),
    ] = None,
    as_json: JsonOption = False,
    force: Annotated[bool, typer.Option("--force", help="覆盖已存在的数据文件。")] = False,
    strict: StrictOption = False,
) -> None:
    """提取往年报告中的数字（件数、比率、金额、排名、同比变化），标明所在栏目、原句和对应指标。"""
    from drafter.cli.learn import report_failures
    from drafter.datafile import extract_figures
    from drafter.errors import DrafterError, OutputExistsError
    from drafter.reading import find_report_files, parse_reports

    if output is not None and output.exists() and not force:
        raise OutputExistsError(str(output))
    parsed = parse_reports(find_report_files(reports), strict=strict)
    report_failures(parsed, "没有可提取的数字。")
    if output is not None and len(parsed.outlines) != 1:
        raise DrafterError(
            f"使用 -o 时只能给一篇报告（现在是 {len(parsed.outlines)} 篇）：上年数只能来自一篇报告。"
        )
    results = [(Path(o.file), o, extract_figures(o)) for o in parsed.outlines]
    if output is not None:
        path, outline, figures = results[0]
        _write_data(output, path, outline, figures, force=force)
    if as_json:
        import json

        typer.echo(
            json.dumps(
                [_as_json(str(p), o, figs) for p, o, figs in results], ensure_ascii=False, indent=2
            )
        )
    elif output is None:
        for n, (path, outline, figures) in enumerate(results):
            if n:
                typer.echo()
            _print_table(path, outline, figures)
    for path, _, figures in results:
        matched = sum(f.indicator is not None for f in figures)
        info(f"{path.name}：找到数字 {len(figures)} 个，其中 {matched} 个对应指标目录中的指标。")


def _write_data(
    output: Path, source: Path, outline: Outline, figures: list[ExtractedFigure], *, force: bool
) -> None:
    from drafter.cli.output import write_atomic
    from drafter.datafile import dump_data_file, figures_to_data, first_matches

    data, notices = figures_to_data(figures, outline.year, unit=outline.unit)
    text = dump_data_file(data, source.name, notices, first_matches(figures))
    write_atomic(output, text.encode("utf-8"), force=force)
    for notice in notices:
        info(f"注意：{notice}")
    count = sum(len(group) for group in data["指标"].values())
    info(f"已把 {count} 个指标的上年数写入 {output}，请核对后补填本年数。")


def _as_json(file: str, outline: Outline, figures: list[ExtractedFigure]) -> dict[str, Any]:
    from drafter.datafile import plain_number

    return {
        "file": file,
        "year": outline.year,
        "figures": [
            {
                "value": plain_number(f.figure.value),
                "text": f.figure.text,
                "unit": f.figure.unit,
                "approx": f.figure.approx,
                "kind": f.figure.kind,
                "category": f.category,
                "indicator": f.indicator,
                "sentence": _json_sentence(f),
            }
            for f in figures
        ],
    }


def _print_table(path: Path, outline: Outline, figures: list[ExtractedFigure]) -> None:
    from drafter.catalogue import load_categories

    shorts = {cid: spec.short for cid, spec in load_categories().items()}
    typer.echo(f"■ {path}  年度：{outline.year or '未知'}  单位：{outline.unit or '未知'}")
    if not figures:
        typer.echo("  （没有找到数字）")
        return
    typer.echo("  " + "".join(pad(h, w) for h, w in _COLUMNS) + "原句")
    for f in figures:
        row = (
            f.figure.text,
            KIND_NAMES.get(f.figure.kind, f.figure.kind),
            shorts.get(f.category, f.category),
            f.indicator or "—",
        )
        cells = "".join(pad(text, width) for text, (_, width) in zip(row, _COLUMNS, strict=True))
        typer.echo(f"  {cells}{_excerpt(f)}")


_COLUMNS = (("数字", 18), ("类型", 6), ("栏目", 14), ("指标", 26))


def _excerpt(f: ExtractedFigure, width: int = 14) -> str:
    start = max(0, f.figure.start - width)
    end = min(len(f.sentence), f.figure.end + 4)
    return ("…" if start else "") + f.sentence[start:end] + ("…" if end < len(f.sentence) else "")


_JSON_SENTENCE = 200


def _json_sentence(f: ExtractedFigure) -> str:
    """Return F's sentence, or the 200 characters around its figure when the sentence is longer.

    A paragraph without 。 (a PDF copy) is one sentence: repeating it per figure would make the
    output grow with the square of the text.
    """
    if len(f.sentence) <= _JSON_SENTENCE:
        return f.sentence
    start = max(0, min(f.figure.start - _JSON_SENTENCE // 2, len(f.sentence) - _JSON_SENTENCE))
    return f.sentence[start : start + _JSON_SENTENCE]
