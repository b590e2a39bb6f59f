"""Writes under hostile conditions: signals, symlinks, edits saved meanwhile, odd consoles.

Each case is a finding of issue 15 where a file was left behind, lost or never written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import drafter.cli  # registers the commands
import drafter.drafting
from drafter.cli.output import create_exclusive
from drafter.errors import OutputExistsError

from helpers import EXAMPLE, ROOT, run
from helpers import SEED_000 as SEED

OLD, NEW = (
    "行政复议受理件数: {本年: 1486, 上年: 1399}",
    "行政复议受理件数: {本年: 1500, 上年: 1399}",
)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("draft") / "初稿.docx"
    code, _, err = run("draft", str(EXAMPLE), "-o", str(out))
    assert code == 0, err
    return out.read_bytes()


@pytest.fixture
def files(tmp_path: Path, drafted: bytes) -> tuple[Path, Path]:
    """Return (draft, corrected data) in a fresh folder."""
    draft, data = tmp_path / "初稿.docx", tmp_path / "数据.yaml"
    draft.write_bytes(drafted)
    data.write_text(EXAMPLE.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    return draft, data


def _left(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# Runs write_atomic with SIGTERM arriving while the temporary file is written.
_SIGTERM_DURING_WRITE = """
import os, signal, sys
from pathlib import Path
import drafter.cli.output as output
output.stop_on_termination()
real_chmod = os.chmod
def chmod_then_term(path, mode):
    real_chmod(path, mode)
    os.kill(os.getpid(), signal.SIG{name})
output.os.chmod = chmod_then_term
try:
    output.write_atomic(Path(sys.argv[1]), b"x" * 1_000_000)
except KeyboardInterrupt:
    print("interrupted")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("name", ["TERM", "HUP"])
def test_a_termination_signal_during_a_write_leaves_no_temp_file(tmp_path: Path, name: str) -> None:
    target = tmp_path / "初稿.docx"
    done = subprocess.run(
        [sys.executable, "-c", _SIGTERM_DURING_WRITE.replace("{name}", name), str(target)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.stdout.strip() == "interrupted", done.stderr
    assert _left(tmp_path) == []


def test_in_place_writes_through_a_symlink(files: tuple[Path, Path], tmp_path: Path) -> None:
    draft, data = files
    real = tmp_path / "真实" / "初稿.docx"
    real.parent.mkdir()
    draft.rename(real)
    draft.symlink_to(real)
    before = real.read_bytes()
    code, _, err = run("refresh", str(draft), str(data), "--in-place")
    assert code == 0, err
    assert draft.is_symlink() and draft.resolve() == real.resolve()
    assert real.read_bytes() != before
    assert draft.with_name("初稿.docx.bak").read_bytes() == before


def test_in_place_removes_its_backup_when_the_write_fails(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    draft, data = files
    before = draft.read_bytes()

    def full_disk(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("drafter.cli.output.os.replace", full_disk)
    code, _, err = run("refresh", str(draft), str(data), "--in-place")
    assert code == 2 and "无法写入" in err
    assert draft.read_bytes() == before
    assert _left(draft.parent) == ["初稿.docx", "数据.yaml"]  # no .bak blocking the next run


def test_in_place_interrupted_says_what_exists(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    draft, data = files
    before = draft.read_bytes()

    def interrupted(src: object, dst: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("drafter.cli.output.os.replace", interrupted)
    code, _, err = run("refresh", str(draft), str(data), "--in-place")
    assert code == 130
    assert "初稿未改动" in err and "未写入任何文件" not in err
    assert draft.read_bytes() == before
    assert _left(draft.parent) == ["初稿.docx", "数据.yaml"]


def test_in_place_stops_when_the_draft_is_saved_meanwhile(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    draft, data = files
    real_refresh = drafter.drafting.refresh_draft

    def refresh_while_word_saves(*args: object, **kwargs: object) -> object:
        result = real_refresh(*args, **kwargs)  # type: ignore[arg-type]
        draft.write_bytes(draft.read_bytes() + b"\0")  # the writer pressed Ctrl+S
        return result

    monkeypatch.setattr(drafter.drafting, "refresh_draft", refresh_while_word_saves)
    code, _, err = run("refresh", str(draft), str(data), "--in-place")
    assert code == 2 and "被修改过" in err
    assert draft.read_bytes().endswith(b"\0")  # the edit saved meanwhile is kept
    assert not draft.with_name("初稿.docx.bak").exists()


def test_a_backup_is_created_exclusively(tmp_path: Path) -> None:
    backup = tmp_path / "初稿.docx.bak"
    create_exclusive(backup, b"first")
    with pytest.raises(OutputExistsError):
        create_exclusive(backup, b"second")  # a second run at the same moment
    assert backup.read_bytes() == b"first"


def test_output_to_a_gbk_console_never_raises(tmp_path: Path) -> None:
    report = tmp_path / "报告.txt"
    text = SEED.read_text(encoding="utf-8")
    report.write_text(
        text.replace("强化法治政府建设组织领导", "强化法治政府建设组织领导𠀀😀"), encoding="utf-8"
    )
    env = {**os.environ, "PYTHONIOENCODING": "gbk", "PYTHONPATH": str(ROOT)}
    for args in (
        ["outline", str(report)],
        ["extract", str(report)],
        ["outline", str(tmp_path / "无😀.txt")],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "drafter", *args], capture_output=True, env=env, check=False
        )
        assert b"Traceback" not in done.stderr
        assert done.returncode == (2 if "无" in args[-1] else 0), done.stderr.decode(
            "gbk", "replace"
        )
    assert (
        "强化法治政府建设组织领导".encode("gbk")
        in subprocess.run(
            [sys.executable, "-m", "drafter", "outline", str(report)],
            capture_output=True,
            env=env,
            check=True,
        ).stdout
    )


def test_segmentation_caches_in_a_per_user_folder_and_stays_quiet(tmp_path: Path) -> None:
    # learn segments every paragraph: the dictionary cache it builds goes to the user's cache
    # folder (not the shared temp folder, where another user's file would block it), silently.
    env = {k: v for k, v in os.environ.items() if k != "DRAFTER_CACHE_DIR"}
    env |= {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "drafter", "learn", str(SEED), "-o", str(tmp_path / "s.yaml")],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert any((tmp_path / "cache" / "drafter").iterdir())
    assert "jieba" not in done.stderr and "Building prefix dict" not in done.stderr
