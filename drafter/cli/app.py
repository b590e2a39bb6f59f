"""The typer application object and the wrapper that turns drafter's errors into exit codes."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Annotated, Any, ParamSpec, TypeVar, get_type_hints

import typer
from typer import _click
from typer._click.exceptions import ClickException, UsageError
from typer.core import TyperCommand, TyperGroup

from drafter import __version__
from drafter.cli.chinese import (
    ChineseContext,
    help_record,
    plain_runtime_param,
    translate,
    unknown_command,
)
from drafter.cli.chinese import (
    display_width as display_width,  # re-exported: the commands pad tables with it
)
from drafter.cli.plain import info as info  # re-exported: every command prints with it
from drafter.cli.plain import reporting_errors

P = ParamSpec("P")
R = TypeVar("R")


class _ChineseHelp:
    """Chinese help and usage errors, and parameters converted without pydantic.

    typer's bundled click has no gettext: its words are replaced where they surface (see
    drafter.cli.chinese).
    """

    context_class: type[_click.Context] = ChineseContext
    options_metavar: str | None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.options_metavar = "[选项]"
        for param in self.params:  # type: ignore[attr-defined]
            if param._runtime_param is None:  # typer builds it on first use, with pydantic
                param._runtime_param = plain_runtime_param(param)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]
        except ClickException as e:
            if isinstance(e, UsageError) and e.ctx is None:  # the parser's own errors
                e.ctx, e.cmd = ctx, ctx.command
            raise translate(e) from None

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "显示本帮助并退出。"
            if option._runtime_param is None:
                option._runtime_param = plain_runtime_param(option)
        return option

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix="用法：")

    def format_options(self, ctx: Any, formatter: Any) -> None:
        records = {"argument": [], "option": []}  # type: dict[str, list[tuple[str, str]]]
        for param in self.get_params(ctx):  # type: ignore[attr-defined]
            record = help_record(param, ctx)
            if record is not None:
                records[param.param_type_name].append(record)
        for kind, heading in (("argument", "参数"), ("option", "选项")):
            if records[kind]:
                with formatter.section(heading):
                    formatter.write_dl(records[kind])


# typer.core looks its section headings up through gettext's `_`; answer in Chinese.
_HEADINGS = {"Options": "选项", "Arguments": "参数", "Commands": "命令"}
typer.core._ = lambda message: _HEADINGS.get(message, message)  # type: ignore[attr-defined]


class ChineseGroup(_ChineseHelp, TyperGroup):
    """The root command: Chinese help words, and every usage error as one Chinese line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.subcommand_metavar = "命令 [参数]..."

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ClickException as e:
            raise translate(e) from None

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        name = args[0] if args else ""
        unknown = name and not name.startswith("-") and self.get_command(ctx, name) is None
        if unknown and not ctx.resilient_parsing:
            raise unknown_command(name, self.list_commands(ctx), ctx)
        return super().resolve_command(ctx, args)


class ChineseCommand(_ChineseHelp, TyperCommand):
    """A sub-command, with Chinese help words: use as `@app.command(cls=ChineseCommand)`."""


app = typer.Typer(
    name="drafter",
    cls=ChineseGroup,
    help="法治政府建设年度报告初稿生成工具：从往年报告学习结构（learn），生成本年度数据表（scaffold），"
    "生成公文格式初稿（draft），检查初稿（check），提取往年数字（extract），更新已编辑初稿中的数字（refresh）。",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

# Exit codes, documented in the README and tested.
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2


def _version(value: bool) -> None:
    if value:
        typer.echo(f"drafter {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="显示版本号并退出。", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """法治政府建设年度报告初稿生成工具。"""


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Run a command; print a DrafterError as one Chinese line on stderr and exit with its code.

    The command's annotations are evaluated once here: typer would evaluate the strings that
    `from __future__ import annotations` leaves four times per command, for --help too.
    """
    func.__annotations__ = get_type_hints(func, include_extras=True)

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return reporting_errors(functools.partial(func, *args, **kwargs))

    return wrapper


def is_terminal() -> bool:
    """Return True when stderr is a terminal (progress bars only there)."""
    return sys.stderr.isatty()


def pad(text: str, width: int) -> str:
    """Return TEXT padded with spaces to WIDTH terminal columns, at least one space after it."""
    return text + " " * max(1, width - display_width(text))


# Importing each command module registers it on the app, in the order of `drafter --help`
# (last, as each imports the names above from this module).
from drafter.cli import check, draft, extract, learn, outline, refresh, scaffold  # noqa: E402, F401
