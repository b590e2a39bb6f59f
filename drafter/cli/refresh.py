"""`drafter refresh`: put corrected figures into a draft already edited in Word or WPS."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from drafter.cli.app import ChineseCommand, app, display_width, guarded, info, pad

if TYPE_CHECKING:
    from drafter.drafting import RefreshResult


@app.command(cls=ChineseCommand)
@guarded
def refresh(
    draft_file: Annotated[
        Path,
        typer.Argument(
            metavar="初稿",
            help="要更新的初稿（drafter draft 生成的 .docx，可已编辑过）。",
            show_default=False,
        ),
    ],
    data_file: Annotated[
        Path,
        typer.Argument(metavar="数据表", help="改正后的本年度数据表（YAML）。", show_default=False),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o", "--output", help="更新后的初稿保存位置（默认：初稿名.refreshed.docx）。"
        ),
    ] = None,
    in_place: Annotated[
        bool,
        typer.Option(
            "--in-place",
            help="直接改写初稿本身，改写前先备份为“初稿名.docx.bak”（已有则为 .bak.1、.bak.2……）。",
        ),
    ] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="只列出将会更新的数字，不写任何文件。")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="覆盖已存在的输出文件或备份文件。")
    ] = False,
) -> None:
    """把数据表中改正后的数字更新到已编辑过的初稿里：只改 drafter 标记的数字，其余一字不动。

    更新带 drafter 标记（内容控件）的数字和同比说明，填上数据表已给出数字的【待填】；
    段落、格式、批注、修订、页眉页脚都原样保留。写作者删掉的数字不会被加回来，只列出来。
    """
    from drafter.cli.output import write_atomic
    from drafter.datafile import read_data_file
    from drafter.drafting import refresh_draft
    from drafter.errors import InputError, OutputExistsError

    if output is not None and in_place:
        raise typer.BadParameter("-o 与 --in-place 只能选一个。", param_hint="--in-place")
    # In place, the file itself is rewritten, not a symbolic link to it.
    target = (
        draft_file.resolve() if in_place else output or draft_file.with_suffix(".refreshed.docx")
    )
    if not dry_run and not force and not in_place and target.exists():  # refuse before any work
        raise OutputExistsError(str(target))
    if not draft_file.is_file():
        raise InputError("初稿文件不存在，请检查路径。", path=str(draft_file))
    original = _read_draft(draft_file)
    result = refresh_draft(original, read_data_file(data_file), path=str(draft_file))
    _print_report(result)
    if dry_run:
        info("试运行（--dry-run）：未写入任何文件。")
    elif not result.changed:
        info("初稿中的数字已与数据表一致，未写入文件。")
    elif in_place:
        backup = _write_in_place(draft_file, target, original, result.docx, force=force)
        info(f"已写入 {draft_file}（原文件已备份为 {backup}）。")
    else:
        write_atomic(target, result.docx, force=force)
        info(f"已写入 {target}。")


def _read_draft(path: Path) -> bytes:
    from drafter.errors import InputError
    from drafter.reading import MAX_REPORT_BYTES

    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise InputError(
                f"文件超过 {MAX_REPORT_BYTES // 1_000_000} MB，不像是 drafter 生成的初稿。",
                path=str(path),
            )
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"无法打开文件（{e.strerror}）。", path=str(path)) from e


def _write_in_place(draft: Path, target: Path, original: bytes, new: bytes, *, force: bool) -> Path:
    """Back ORIGINAL up, then replace TARGET (DRAFT's real file) with NEW; return the backup.

    Stops (exit 2) when the draft changed on disk while refresh ran: an edit saved from Word
    meanwhile would be lost. The backup is the first free 初稿.docx.bak, .bak.1 …, made
    exclusively (a second run at the same moment takes the next), or .bak itself with FORCE.
    A failed or interrupted write removes the backup it made, and the message says what exists.
    """
    from drafter.cli.output import create_exclusive, write_atomic
    from drafter.errors import DrafterError, OutputExistsError

    if _read_draft(draft) != original:
        raise DrafterError(
            "初稿在更新期间被修改过（可能刚在 Word/WPS 中保存），为免丢失这些修改，未写入任何文件。"
            "请保存并关闭初稿后重新运行。",
            path=str(draft),
        )
    if force:
        backup = _backup(draft, 0)
        write_atomic(backup, original, force=True)
    else:
        while True:
            backup = _free_backup(draft)
            try:
                create_exclusive(backup, original)
                break
            except OutputExistsError:
                continue  # made by another run since _free_backup looked
    try:
        write_atomic(target, new, force=True)
    except (DrafterError, KeyboardInterrupt) as e:
        written = target.exists() and target.read_bytes() == new
        if not written:
            backup.unlink(missing_ok=True)
        if isinstance(e, KeyboardInterrupt):
            said = (
                f"已中断：初稿已更新，原文件备份为 {backup}。"
                if written
                else f"已中断：初稿未改动，未留下备份或临时文件。（{draft}）"
            )
            typer.echo(said, err=True)
            raise typer.Exit(130) from None
        raise
    return backup


def _backup(draft: Path, n: int) -> Path:
    return draft.with_name(f"{draft.name}.bak" + (f".{n}" if n else ""))


def _free_backup(draft: Path) -> Path:
    """Return the first of 初稿.docx.bak, .bak.1, .bak.2 … that does not exist yet."""
    n = 0
    while _backup(draft, n).exists():
        n += 1
    return _backup(draft, n)


def _print_report(result: RefreshResult) -> None:
    """Print the table of changes to stdout, and what could not be done."""
    rows = [(_label(u.key, u.role), u.old, u.new) for u in result.updated]
    rows += [(f"{u.key}（填入）", u.old, u.new) for u in result.filled]
    if rows:
        width = max(display_width(r[0]) for r in [("指标", "", ""), *rows]) + 2
        typer.echo(f"{pad('指标', width)}原值 → 新值")
        for label, old, new in rows:
            typer.echo(f"{pad(label, width)}{old or '（空）'} → {new}")
    else:
        typer.echo("没有需要更新的数字。")
    if result.unplaceable:
        typer.echo("无法放置（初稿中已没有它的位置：数字被删除，或起草时数据表中还没有这个指标）：")
        for u in result.unplaceable:
            typer.echo(f"  {u.key}：{u.value}")
    if result.notices:
        typer.echo("请注意：")
        for n in result.notices:
            typer.echo(f"  {_label(n.key, n.role)}：{n.reason}")
    if result.untagged:
        typer.echo(
            f"另有 {result.untagged} 个内容控件没有 drafter 标签（可能在另存时丢失），其中的数字未更新。"
        )
    if result.pending:
        shown = "、".join(result.pending[:_PENDING_SHOWN])
        more = f"等 {len(result.pending)} 项" if len(result.pending) > _PENDING_SHOWN else ""
        typer.echo(f"仍待填（数据表中也没有）：{shown}{more}。运行 drafter check 可逐处列出。")


_PENDING_SHOWN = 8  # the rest are listed, with their places, by `drafter check`


def _label(key: str, role: str) -> str:
    return key if role == "value" else f"{key}（同比）"
