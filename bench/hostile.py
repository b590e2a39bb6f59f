"""Time and peak memory of `check`, `extract` and `outline` on large hostile inputs.

Run from the repository root: `python bench/hostile.py [SIZE_MB ...]` (default 0.1 1 10). Three
shapes, each built from the real seed reports: the seeds joined (repeated to the size), the same
text as one long paragraph (a PDF or web copy without line breaks), and many headings (the seeds'
headings with one short line each). Each run is a fresh `python -m drafter` process; its peak
resident memory comes from wait4. A run past the timeout is killed and shown as ">Ns". A growth
that stays linear shows as a time per MB that does not rise with the size. Prints numbers;
asserts nothing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
TIMEOUT = float(os.environ.get("HOSTILE_TIMEOUT", "120"))
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")


def _repeat(text: str, size: int) -> str:
    """Return TEXT repeated to about SIZE bytes of UTF-8."""
    unit = len(text.encode("utf-8"))
    return text * max(1, round(size / unit))


def inputs(size: int) -> dict[str, str]:
    """Return the three shapes of input at about SIZE bytes, by name."""
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    joined = "\n".join(seeds)
    one_line = "".join(line.strip() for line in joined.splitlines())
    headings = [
        line.strip()[:30]
        for text in seeds
        for line in text.splitlines()
        if _HEADING.match(line.strip())
    ]
    many = "\n".join(f"{h}\n加强工作。" for h in headings)
    first = seeds[0].splitlines()[0]
    return {
        "joined": _repeat(joined, size),
        "one paragraph": _repeat(one_line, size),
        "headings": first + "\n" + _repeat(many + "\n", size),
    }


def run(args: list[str]) -> tuple[float, float, float, int | None]:
    """Return (seconds, CPU seconds, peak MB, exit code or None when killed) of `drafter ARGS`.

    CPU seconds (user + system) are what to compare on a busy machine; wall time is what the
    user waits.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "drafter", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    killed = False
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - start > TIMEOUT:
            proc.kill()
            killed = True
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return seconds, cpu, usage.ru_maxrss / 1024, None if killed else proc.returncode


def main() -> None:
    sizes = [float(a) for a in sys.argv[1:]] or [0.1, 1.0, 10.0]
    commands = {
        "check": ["check", "--year", "2024"],
        "extract": ["extract", "--json"],
        "outline": ["outline"],
    }
    print(
        f"{'input':<14}{'size':>7}  {'command':<9}{'seconds':>9}{'cpu s':>8}{'peak MB':>9}{'exit':>6}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            for shape, text in inputs(int(mb * 1_000_000)).items():
                path = Path(tmp) / f"{shape.replace(' ', '_')}_{mb}.txt"
                path.write_text(text, encoding="utf-8")
                real_mb = path.stat().st_size / 1_000_000
                for name, args in commands.items():
                    seconds, cpu, peak, code = run([*args, str(path)])
                    shown = (
                        f"{seconds:9.1f}"
                        if code is not None
                        else f"{'>' + str(int(TIMEOUT)) + 's':>9}"
                    )
                    print(
                        f"{shape:<14}{real_mb:6.2f}M  {name:<9}{shown}{cpu:8.1f}{peak:9.0f}"
                        f"{'' if code is None else code:>6}",
                        flush=True,
                    )


if __name__ == "__main__":
    main()
