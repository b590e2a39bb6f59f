"""Time `python -m drafter draft` on the example against the floor of python-docx saving an empty file.

Run from the repository root: `python bench/draft.py`. Prints numbers; asserts nothing.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例市2025年度数据.yaml"
RUNS = 5


def best_of(command: list[str], runs: int = RUNS) -> float:
    """Return the fastest wall time, in seconds, of RUNS runs of COMMAND (each must succeed)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


# Runs the draft command in-process, then lists the heavy modules it imported.
_PROBE = """
import runpy, sys
data, out = sys.argv[1:]
sys.argv = ["drafter", "draft", data, "-o", out, "--force"]
try:
    runpy.run_module("drafter", run_name="__main__")
except SystemExit:
    pass
heavy = ("jieba", "cn2an", "opencc", "pydantic")
print(", ".join(m for m in heavy if m in sys.modules) or "none")
"""


def heavy_imports(out: Path) -> str:
    """Return which heavy modules a draft run imports (jieba must not be among them)."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(EXAMPLE), str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip().splitlines()[-1]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft.docx"
        empty = Path(tmp) / "empty.docx"
        floor = best_of(
            [sys.executable, "-c", f"import docx; docx.Document().save({str(empty)!r})"]
        )
        draft = best_of(
            [sys.executable, "-m", "drafter", "draft", str(EXAMPLE), "-o", str(out), "--force"]
        )
        loaded = heavy_imports(out)
    print(f"floor (python -c: import docx, save empty document), best of {RUNS}: {floor:.3f} s")
    print(f"python -m drafter draft example -o tmp --force, best of {RUNS}:     {draft:.3f} s")
    print(f"ratio draft / floor: {draft / floor:.2f}x (goal < 2x)")
    print(f"heavy modules imported by the draft run: {loaded}")


if __name__ == "__main__":
    main()
