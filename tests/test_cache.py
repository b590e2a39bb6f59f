"""The per-user cache: never stale, and never needed (an unusable cache folder changes nothing)."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest

from drafter.errors import DataError
from drafter.resources import load_yaml_with_lines, read_yaml
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


def test_a_data_file_and_its_lines_come_from_the_cache_unchanged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    cache_dir.cache_clear()
    text = (
        "单位: 某县人民政府\n年度: 2025\n成文日期: 2026-03-08\n"
        "指标:\n  矛盾纠纷化解:\n    行政复议受理件数: {本年: 1486, 上年: 1399}\n"
        "要点:\n  矛盾纠纷化解:\n    - 甲\n    - 乙\n"
    )
    try:
        parsed = load_yaml_with_lines(text, "数据.yaml")
        assert len(list((tmp_path / "cache").glob("lines-*.marshal"))) == 1
        again = load_yaml_with_lines(text, "数据.yaml")  # from the cache
        assert again == parsed
        data, lines = again
        assert data["成文日期"] == date(2026, 3, 8)
        assert lines[("指标", "矛盾纠纷化解", "行政复议受理件数")] == 6
        assert lines[("要点", "矛盾纠纷化解", "2")] == 10
    finally:
        cache_dir.cache_clear()


def test_a_cached_run_does_not_import_pyyaml(tmp_path: Path) -> None:
    out = tmp_path / "初稿.docx"
    probe = (
        "import runpy, sys\n"
        f"sys.argv = ['drafter', 'draft', {str(EXAMPLE)!r}, '-o', {str(out)!r}, '--force']\n"
        "try:\n    runpy.run_module('drafter', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('yaml' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DRAFTER_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True
        )
        for _ in range(2)
    ]
    assert [r.stdout.split()[-1] for r in runs] == ["True", "False"]
