"""`drafter --help` from the cache and a plain `drafter draft` without typer answer as typer does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import drafter.cli.quick as quick
from drafter.cli.app import app

from helpers import EXAMPLES, ROOT, run

EXAMPLE = EXAMPLES / "示例市2025年度数据.yaml"

# Runs main() as the console script does and says on the last stderr line whether typer loaded.
_PROBE = (
    "import sys\n"
    "sys.argv = ['drafter', *sys.argv[1:]]\n"
    "from drafter.cli import main\n"
    "try:\n    main()\n"
    "finally:\n    print('typer' in sys.modules, file=sys.stderr)\n"
)


def _main(args: list[str], cache: Path, columns: int = 80) -> tuple[int, str, str, bool]:
    """Return (exit code, stdout, stderr, whether typer was imported) of main() with ARGS."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_CACHE_DIR": str(cache)}
    env["COLUMNS"] = str(columns)
    proc = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    *err, loaded = proc.stderr.splitlines(keepends=True)
    return proc.returncode, proc.stdout, "".join(err), loaded.strip() == "True"


@pytest.mark.parametrize("args", [[], ["-h"], ["--help"]])
@pytest.mark.parametrize("columns", [60, 120])
def test_cached_help_is_what_typer_prints(tmp_path: Path, args: list[str], columns: int) -> None:
    unusable = tmp_path / "a-file"
    unusable.write_text("not a folder", encoding="utf-8")
    *typer_says, loaded = _main(args, unusable / "cache", columns)  # no cache: typer answers
    assert loaded
    assert typer_says[0] == (2 if not args else 0)
    assert "用法：drafter [选项] 命令 [参数]..." in typer_says[1] + typer_says[2]
    *first, loaded = _main(args, tmp_path / "cache", columns)  # typer answers, kept
    assert loaded and first == typer_says
    *kept, loaded = _main(args, tmp_path / "cache", columns)  # from the cache
    assert not loaded and kept == typer_says


def test_a_cached_help_for_another_width_is_not_used(tmp_path: Path) -> None:
    narrow = _main(["--help"], tmp_path, 60)
    wide = _main(["--help"], tmp_path, 120)
    assert wide[3]  # typer loaded: the narrow help was not taken for it
    assert narrow[1] != wide[1]


def test_the_help_key_follows_every_source_of_the_cli(tmp_path: Path) -> None:
    cli = tmp_path / "pkg" / "cli"
    cli.mkdir(parents=True)
    (tmp_path / "pkg" / "__init__.py").write_text('__version__ = "1"\n', encoding="utf-8")
    (cli / "app.py").write_text('HELP = "帮助"\n', encoding="utf-8")
    before = quick.sources_digest(cli)
    (cli / "app.py").write_text('HELP = "帮助。"\n', encoding="utf-8")
    edited = quick.sources_digest(cli)
    (tmp_path / "pkg" / "__init__.py").write_text('__version__ = "2"\n', encoding="utf-8")
    new_version = quick.sources_digest(cli)
    (cli / "new.py").write_text("", encoding="utf-8")
    added = quick.sources_digest(cli)
    assert len({before, edited, new_version, added}) == 4
    assert quick.help_key(["--help"]) != quick.help_key(["-h"])
    assert quick.help_key(["draft", "--help"]) is None


QUICK = [
    ["draft", "数据.yaml"],
    ["draft", "数据.yaml", "-o", "初稿.docx"],
    ["draft", "--force", "数据.yaml", "--output", "out/初稿.docx"],
    ["draft", "数据.yaml", "--base", "去年.docx", "--years", "y.yaml", "--skeleton", "s.yaml"],
]
TYPERS = [
    ["draft"],
    ["draft", "-h"],
    ["draft", "数据.yaml", "--help"],
    ["draft", "a.yaml", "b.yaml"],
    ["draft", "数据.yaml", "--output=初稿.docx"],
    ["draft", "数据.yaml", "-o初稿.docx"],
    ["draft", "数据.yaml", "-o"],
    ["draft", "数据.yaml", "-o", "--force"],
    ["draft", "数据.yaml", "-o", ""],
    ["draft", "数据.yaml", "--force", "--force"],
    ["draft", "数据.yaml", "-o", "a.docx", "--output", "b.docx"],
    ["draft", "数据.yaml", "--forc"],
    ["draft", "--", "数据.yaml"],
    ["-V", "draft", "数据.yaml"],
    ["outline", "数据.yaml"],
]


@pytest.mark.parametrize("args", QUICK)
def test_quick_draft_arguments_are_typers(monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(quick, "write_draft", lambda *a: calls.append(a))
    code, _out, err = run(*args)
    assert code == 0, err
    assert calls == [tuple(quick.draft_arguments(args).values())]  # type: ignore[union-attr]


@pytest.mark.parametrize("args", TYPERS)
def test_anything_else_is_left_to_typer(args: list[str]) -> None:
    assert quick.draft_arguments(args) is None


def test_quick_draft_knows_every_parameter_of_typers_draft() -> None:
    import typer.main

    command = typer.main.get_command(app).commands["draft"]  # type: ignore[attr-defined]
    names = {p.name for p in command.params if p.name != "help"}
    assert names == set(quick.draft_arguments(["draft", "数据.yaml"]) or ())


# One after another: written, then refused (exists), overwritten, and three bad requests.
SESSION = [
    ["draft", "{data}", "-o", "{out}"],
    ["draft", "{data}", "-o", "{out}"],
    ["draft", "{data}", "-o", "{out}", "--force"],
    ["draft", "missing.yaml"],
    ["draft", "{data}", "-o", "{tmp}/初稿.txt"],
    ["draft", "{data}", "-o", "{tmp}"],
]


def test_quick_draft_says_and_writes_what_typers_draft_does(tmp_path: Path) -> None:
    def session(out: Path, *, through_typer: bool) -> list[tuple[int, str, str]]:
        said = []
        for args in SESSION:
            given = {"data": str(EXAMPLE), "out": str(out), "tmp": str(tmp_path)}
            filled = [a.format(**given) for a in args]
            if through_typer:  # the same request, which "--" leaves to typer
                filled = [filled[0], *filled[2:], "--", filled[1]]
            code, stdout, stderr, loaded = _main(filled, tmp_path / "cache")
            assert loaded == through_typer
            said.append((code, stdout, stderr.replace(str(out), "OUT")))
        return said

    by_typer = session(tmp_path / "typer.docx", through_typer=True)
    quickly = session(tmp_path / "quick.docx", through_typer=False)
    assert quickly == by_typer
    assert [code for code, _, _ in quickly] == [0, 2, 0, 2, 2, 2]
    assert "初稿已写入 OUT：已填数字 51 个" in quickly[0][2]
    assert _parts(tmp_path / "quick.docx") == _parts(tmp_path / "typer.docx")


def _parts(path: Path) -> dict[str, bytes]:
    import zipfile

    with zipfile.ZipFile(path) as z:
        return {name: z.read(name) for name in z.namelist()}
