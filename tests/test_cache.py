"""The per-user cache: never stale, and never needed (an unusable cache folder changes nothing)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from drafter.errors import DataError
from drafter.resources import read_yaml
from drafter.usercache import cache_dir

from conftest import ROOT

EXAMPLE = ROOT / "examples" / "示例市2025年度数据.yaml"


def test_a_changed_file_is_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    cache_dir.cache_clear()
    table = tmp_path / "表.yaml"
    try:
        table.write_text("指标: 1\n", encoding="utf-8")
        assert read_yaml(table, DataError, "表") == {"指标": 1}
        assert read_yaml(table, DataError, "表") == {"指标": 1}  # from the cache
        table.write_text("指标: 2\n", encoding="utf-8")
        assert read_yaml(table, DataError, "表") == {"指标": 2}
        assert len(list((tmp_path / "cache").glob("yaml-*.marshal"))) == 2
    finally:
        cache_dir.cache_clear()


def _draft(out: Path, cache: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_CACHE_DIR": cache}
    return subprocess.run(
        [sys.executable, "-m", "drafter", "draft", str(EXAMPLE), "-o", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _parts(docx: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(docx) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_an_unusable_cache_folder_changes_nothing(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    cached, uncached = tmp_path / "cached.docx", tmp_path / "uncached.docx"
    assert _draft(cached, str(tmp_path / "cache")).returncode == 0
    done = _draft(uncached, str(blocker / "cache"))
    assert done.returncode == 0
    assert done.stderr.count("\n") == 1 and done.stderr.startswith("初稿已写入")
    assert _parts(cached) == _parts(uncached)
    assert list((tmp_path / "cache").glob("yaml-*.marshal"))


def test_learn_with_an_unusable_cache_folder_segments_the_same(tmp_path: Path) -> None:
    # learn segments sentences with jieba (outline no longer does: the heading model reads
    # characters), so learn is what exercises the segmentation cache
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    seed = ROOT / "seeds" / "001_bc27b33d59f37cf0.txt"
    outputs = []
    for i, cache in enumerate((str(tmp_path / "cache"), str(blocker / "cache"))):
        env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_CACHE_DIR": cache}
        out = tmp_path / f"skeleton{i}.yaml"
        done = subprocess.run(
            [sys.executable, "-m", "drafter", "learn", str(seed), "-o", str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert list((tmp_path / "cache").glob("jieba-*.dict"))
