"""The two requests `main` answers without importing typer: the help, and a plain draft.

typer's import is ~45 ms and building the commands from their signatures ~15 ms more: a sixth
of `drafter draft` and two thirds of `drafter --help` over python's own start.

Help: what typer printed for `drafter`, `drafter -h` or `drafter --help` (stdout, stderr, exit
code) is kept in the per-user cache under a key of everything it depends on: the request, the
sources of drafter.cli and drafter/__init__.py (version), typer's installed file, python's
version, the terminal width, whether stdout is a terminal and how drafter was started (the
program name in "用法：").
Any change gives a new key, so a kept help is never stale; with no usable cache typer answers.

Draft: `drafter draft DATA [-o OUT] [--base FILE] [--skeleton FILE] [--years FILE] [--force]`
(each option at most once, its value in the next argument) runs the same job typer's `draft`
runs (`write_draft`), with the same messages and exit codes; anything else (help, an unknown
or repeated option, `--output=…`, a value starting with "-", shell patterns on Windows, where
typer expands them) goes to typer, which parses it as it always did.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

HELP_REQUESTS = ((), ("-h",), ("--help",))


def help_key(argv: Sequence[str]) -> str | None:
    """Return the cache name of the help ARGV asks for, or None when ARGV is no bare help request."""
    if tuple(argv) not in HELP_REQUESTS or _completing():
        return None
    import hashlib
    import shutil
    from importlib.util import find_spec

    try:
        spec = find_spec("typer")
        typer_file = spec.origin if spec is not None else None
        if typer_file is None:
            return None
        stat = os.stat(typer_file)
        digest = hashlib.sha256(sources_digest(Path(__file__).parent).encode())
        terminal = sys.stdout is not None and sys.stdout.isatty()
    except (OSError, ImportError, ValueError):  # ValueError: a closed stdout
        return None
    main = sys.modules.get("__main__")
    depends = (
        tuple(argv),
        sys.version,
        os.name,
        typer_file,
        stat.st_size,
        stat.st_mtime_ns,
        shutil.get_terminal_size().columns,
        terminal,
        sys.argv[0],
        getattr(main, "__package__", None),
        os.environ.get("TYPER_USE_RICH"),
    )
    digest.update(repr(depends).encode())
    return f"help-{digest.hexdigest()[:32]}.txt"


def sources_digest(cli_folder: Path) -> str:
    """Return a hash of every .py file in CLI_FOLDER and of drafter/__init__.py beside it."""
    import hashlib

    digest = hashlib.sha256()
    files = sorted(name for name in os.listdir(cli_folder) if name.endswith(".py"))
    for path in [*(cli_folder / name for name in files), cli_folder.parent / "__init__.py"]:
        data = path.read_bytes()
        digest.update(f"{path.name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


def print_cached_help(key: str) -> bool:
    """Print the help kept as KEY and exit with its code; return False when none is kept."""
    from drafter.usercache import read_cache

    kept = read_cache(key)
    if kept is None:
        return False
    try:
        head, out_length, rest = kept.decode("utf-8").split("\n", 2)
        code, length = int(head), int(out_length)
    except ValueError:
        return False
    _emit(rest[:length], rest[length:])
    raise SystemExit(code)


def record_help(key: str, app: Callable[[], object]) -> None:
    """Run APP (which prints a help and exits), print what it printed, and keep it as KEY."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    from drafter.usercache import write_cache

    out, err = io.StringIO(), io.StringIO()
    code: object = None
    with redirect_stdout(out), redirect_stderr(err):
        try:
            app()
        except SystemExit as e:
            code = e.code
    _emit(out.getvalue(), err.getvalue())
    if isinstance(code, int):
        text = out.getvalue()
        write_cache(key, f"{code}\n{len(text)}\n{text}{err.getvalue()}".encode())
    raise SystemExit(code)


def _emit(out: str, err: str) -> None:
    """Write OUT to stdout and ERR to stderr; a closed pipe exits 1, quietly, as typer does."""
    for text, stream in ((out, sys.stdout), (err, sys.stderr)):
        if not text or stream is None:
            continue
        try:
            stream.write(text)
            stream.flush()
        except BrokenPipeError:  # `drafter --help | head -1`: the reader has gone
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())  # so that flushing at exit cannot fail again
            raise SystemExit(1) from None


def _completing() -> bool:
    """Return True when a shell asks for completions (typer answers those)."""
    return any(name.endswith("_COMPLETE") for name in os.environ)


_VALUE_OPTIONS = {
    "-o": "output",
    "--output": "output",
    "--base": "base",
    "--skeleton": "skeleton",
    "--years": "years",
}
_FLAGS = {"--force": "force"}
# Characters typer expands on Windows (~user, $VAR / %VAR%, patterns) before parsing.
_EXPANDED_ON_WINDOWS = ("~", "$", "%", "*", "?", "[")


def draft_arguments(argv: Sequence[str]) -> dict[str, object] | None:
    """Return `write_draft`'s arguments for ARGV (`draft …`), or None when typer must parse it."""
    if not argv or argv[0] != "draft" or _completing():
        return None
    if os.name == "nt" and any(c in arg for arg in argv for c in _EXPANDED_ON_WINDOWS):
        return None
    given: dict[str, object] = {}
    positional: list[str] = []
    rest = list(argv[1:])
    while rest:
        arg = rest.pop(0)
        value: object
        if arg in _FLAGS:
            name, value = _FLAGS[arg], True
        elif arg in _VALUE_OPTIONS:
            if not rest or not rest[0] or rest[0].startswith("-"):
                return None
            name, value = _VALUE_OPTIONS[arg], Path(rest.pop(0))
        elif arg and not arg.startswith("-"):
            positional.append(arg)
            continue
        else:
            return None
        if name in given:
            return None
        given[name] = value
    if len(positional) != 1:
        return None
    return {
        "data_file": Path(positional[0]),
        "output": given.get("output"),
        "base": given.get("base"),
        "skeleton": given.get("skeleton"),
        "years": given.get("years"),
        "force": given.get("force", False),
    }


def draft(argv: Sequence[str]) -> bool:
    """Run `drafter draft` for ARGV without typer; return False when ARGV is typer's to parse.

    A DrafterError is one Chinese line on stderr and its exit code, as under typer.
    """
    from functools import partial

    from drafter.cli.plain import reporting_errors

    arguments = draft_arguments(argv)
    if arguments is None:
        return False
    reporting_errors(partial(write_draft, **arguments))  # type: ignore[arg-type]
    return True


def write_draft(
    data_file: Path,
    output: Path | None,
    base: Path | None,
    skeleton: Path | None,
    years: Path | None,
    force: bool,
) -> None:
    """Write the draft of DATA_FILE (the job of `drafter draft`) and say what is left to do."""
    from drafter.cli.output import write_atomic
    from drafter.cli.plain import info, load_skeleton_for, load_years_for
    from drafter.datafile import read_data_file
    from drafter.drafting import draft_docx
    from drafter.errors import InputError, OutputExistsError

    out = output or data_file.with_suffix(".docx")
    if out.is_dir():
        raise InputError("这是一个文件夹，请在 -o 后写初稿的文件名，如 初稿.docx。", path=str(out))
    if out.suffix.lower() != ".docx":
        raise InputError("初稿文件名应以 .docx 结尾。", path=str(out))
    if out.exists() and not force:  # say so before any work
        raise OutputExistsError(str(out))
    if base is not None:
        _roll_forward(data_file, base, out, force=force)
        return
    drafted = draft_docx(
        read_data_file(data_file), load_skeleton_for(skeleton), load_years_for(years)
    )
    write_atomic(out, drafted.docx, force=force)
    c = drafted.counts
    info(
        f"初稿已写入 {out}：已填数字 {c.filled} 个，待填 {c.todo} 处（黄色），建议改写 {c.suggested} 段（灰色）。"
    )
    for item in c.to_verify:
        info(f"提示：{item.warning}")


def _roll_forward(data_file: Path, base: Path, out: Path, *, force: bool) -> None:
    """Write this year's draft from last year's report BASE and say what is left to do."""
    from drafter.cli.output import write_atomic
    from drafter.cli.plain import info
    from drafter.datafile import read_data_file
    from drafter.drafting import roll_forward_docx
    from drafter.reading import parse_report

    rolled = roll_forward_docx(read_data_file(data_file), parse_report(base))
    write_atomic(out, rolled.docx, force=force)
    c = rolled.counts
    info(
        f"初稿已写入 {out}（以 {base.name} 为底稿）：沿用上年段落 {rolled.kept} 段，"
        f"批注 {rolled.flags} 处（请逐条改写）；已填本年数字 {c.filled} 个，"
        f"待核上年数字 {c.to_confirm} 处（黄色）。"
    )
    if rolled.unplaced:
        info(
            f"数据表中另有 {len(rolled.unplaced)} 项本年数字在去年报告中没有对应的位置，未写入初稿，"
            f"请手工补写：{'、'.join(rolled.unplaced)}。"
        )
