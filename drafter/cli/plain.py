"""What the commands share that needs no typer, so that `drafter draft` can run without it.

Messages go to stderr as typer.echo writes them (the text, a newline, a flush); results keep
stdout. A command's errors become their one Chinese line and exit code here, and the skeleton
and years table a command falls back on are chosen here too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from drafter.errors import DrafterError

if TYPE_CHECKING:
    from drafter.catalogue import SessionTable
    from drafter.learning import Skeleton

R = TypeVar("R")

# Where `drafter learn` writes by default, relative to the current folder.
LEARNED_SKELETON = Path("templates/skeleton.yaml")
# The user's own years table, relative to the current folder.
USER_YEARS = Path("templates/years.yaml")


def info(message: str) -> None:
    """Print a progress or summary line to stderr, keeping stdout for results (JSON, tables)."""
    stream = sys.stderr
    if stream is None:  # pythonw: no console at all
        return
    stream.write(f"{message}\n")
    stream.flush()


def reporting_errors(job: Callable[[], R]) -> R:
    """Return JOB(); a DrafterError is one Chinese line on stderr and exits with its code.

    Ctrl+C exits with 130 and says nothing was written (a write is atomic, see cli.output).
    """
    try:
        return job()
    except DrafterError as e:
        info(f"错误：{e}")
        raise SystemExit(e.exit_code) from None
    except KeyboardInterrupt:
        info("已中断，未写入任何文件。")
        raise SystemExit(130) from None


def load_skeleton_for(path: Path | None) -> Skeleton:
    """Return the skeleton to use: --skeleton, else the one `learn` wrote here, else the shipped one."""
    from drafter.learning import load_skeleton
    from drafter.resources import template_path

    if path is None and LEARNED_SKELETON.is_file():
        path = LEARNED_SKELETON
        if path.resolve() != template_path("skeleton.yaml").resolve():
            info(f"使用本文件夹中学到的骨架：{path}（用 --skeleton 可指定其他骨架）")
    return load_skeleton(path or template_path("skeleton.yaml"))


def load_years_for(path: Path | None) -> SessionTable:
    """Return the years table: the shipped one, extended by --years or by templates/years.yaml here."""
    from drafter.catalogue import load_years
    from drafter.resources import template_path

    shipped = template_path("years.yaml").resolve()
    if path is None and USER_YEARS.is_file() and USER_YEARS.resolve() != shipped:
        path = USER_YEARS
        info(f"使用本文件夹中的年度表：{path}（用 --years 可指定其他文件）")
    return load_years(path)
