"""Time `check --against` (the similar-paragraph rule is the costly one) on the longest seeds.

Run from the repository root: `python bench/check.py`. Prints seconds; asserts nothing.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.checking import check_report  # noqa: E402
from drafter.reading import parse_report  # noqa: E402

RUNS = 5


def main() -> None:
    def size(path: Path) -> int:
        return sum(len(s.paragraphs) for s in parse_report(path).walk())

    seeds = sorted((ROOT / "seeds").glob("*.txt"), key=lambda p: -size(p))
    a, b = parse_report(seeds[0]), parse_report(seeds[1])
    paragraphs = sum(len(s.paragraphs) for s in a.walk()), sum(len(s.paragraphs) for s in b.walk())
    for label, last in (("without --against", None), ("with --against", b)):
        best = float("inf")
        for _ in range(RUNS):
            start = time.perf_counter()
            check_report(a, year=None, last_year=last)
            best = min(best, time.perf_counter() - start)
        print(
            f"check {seeds[0].name} {label} ({paragraphs[0]}×{paragraphs[1]} paragraphs): {best:.3f} s"
        )
    # a worst case: the report against itself with one character changed in every paragraph
    twin = parse_report(seeds[0])
    for s in twin.walk():
        s.paragraphs = [p[:-2] + "甲" + p[-1:] if len(p) > 3 else p for p in s.paragraphs]
    start = time.perf_counter()
    found = check_report(twin, year=None, last_year=a)
    print(
        f"check against itself, every paragraph changed: {time.perf_counter() - start:.3f} s, "
        f"{sum(f.rule == 'similar-to-last-year' for f in found)} similar paragraphs"
    )


if __name__ == "__main__":
    main()
