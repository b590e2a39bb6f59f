"""Time `python -m drafter draft` on the example against the floor, alternating the two.

The floor is python starting, importing python-docx and saving an empty document. Each round runs
the floor and the draft back to back (in alternating order), so a busy machine slows both alike;
the script prints the min and median of the per-round ratios, and of each command's wall time.

Both run with bytecode caching on (PYTHONDONTWRITEBYTECODE dropped), as from an installed wheel,
whose .pyc files pip writes: otherwise every drafter run would recompile its own modules.

Run from the repository root: `python bench/draft.py [ROUNDS]`. Prints numbers; asserts nothing.
Goal (issue 16): median ratio ≤ 2.0 (aim 1.5).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "示例市2025年度数据.yaml"
ROUNDS = 15
# PYTHONPATH: the console script, too, runs this checkout rather than an installed drafter.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
ENV["PYTHONPATH"] = str(ROOT)


def wall(command: list[str], env: dict[str, str] | None = None) -> float:
    """Return the wall time, in seconds, of one run of COMMAND (which must succeed)."""
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=env or ENV, check=True, capture_output=True)
    return time.perf_counter() - start


def floor_command(out: Path) -> list[str]:
    """Return the floor: python, import python-docx, save an empty document to OUT."""
    return [sys.executable, "-c", f"import docx; docx.Document().save({str(out)!r})"]


def paired(
    floor: list[str], command: list[str], rounds: int, env: dict[str, str] | None = None
) -> tuple[list[float], list[float]]:
    """Return the floor's and COMMAND's wall times, run alternately ROUNDS times after a warm-up.

    ENV (default: ENV) is COMMAND's environment; the floor always runs in ENV.
    """
    wall(floor), wall(command, env)  # warm the page cache and any per-user cache
    floors, times = [], []
    for i in range(rounds):
        if i % 2:
            times.append(wall(command, env))
            floors.append(wall(floor))
        else:
            floors.append(wall(floor))
            times.append(wall(command, env))
    return floors, times


def summary(name: str, floors: list[float], times: list[float]) -> str:
    """Return one line: the command's min/median wall time and min/median paired ratio."""
    ratios = [t / f for t, f in zip(times, floors, strict=True)]
    return (
        f"{name:<28} min {min(times):.3f} s  median {statistics.median(times):.3f} s   "
        f"ratio to floor: min {min(ratios):.2f}x  median {statistics.median(ratios):.2f}x"
    )


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
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "draft.docx"
        floor = floor_command(Path(tmp) / "empty.docx")
        draft = [sys.executable, "-m", "drafter", "draft", str(EXAMPLE), "-o", str(out), "--force"]
        floors, times = paired(floor, draft, rounds)
        loaded = heavy_imports(out)
    print(f"{rounds} alternating rounds (other processes may share the machine: read medians)")
    print(
        f"{'floor (import docx, save)':<28} min {min(floors):.3f} s  median {statistics.median(floors):.3f} s"
    )
    print(summary("drafter draft example", floors, times))
    print(f"heavy modules imported by the draft run: {loaded}")


if __name__ == "__main__":
    main()
