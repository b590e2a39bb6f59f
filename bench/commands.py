"""Time one-report runs of `drafter outline`, `extract` and `check`, and `drafter --help`.

Each command alternates with the floor (python, import python-docx, save an empty document; see
bench/draft.py) and the script prints min/median wall times, min/median paired ratios and the
peak memory of one run. outline and extract read one seed report (.txt), check reads the draft of
the example. `learn` at 250 and 1,000 reports: `python bench/learn.py 250 1000`.

Run from the repository root: `python bench/commands.py [ROUNDS]`. Prints numbers; asserts nothing.
Goals (issue 16): outline of one report ≤ 0.5 s and ≤ 2× the floor; --help ≤ 0.15 s. `python -c
pass` shows what every start costs before drafter runs (site, .pth files); `--help (no cache)`
is the help typer prints when the per-user cache cannot be used (drafter.cli.quick).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draft import ENV, EXAMPLE, ROOT, floor_command, paired, summary

SEED = ROOT / "seeds" / "001_bc27b33d59f37cf0.txt"
ROUNDS = 9


# A fresh parent per measurement: RUSAGE_CHILDREN is the largest child a process ever had.
_PEAK = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_mib(command: list[str]) -> float:
    """Return the peak resident memory, in MiB, of one run of COMMAND."""
    done = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], cwd=ROOT, env=ENV, check=True, capture_output=True
    )
    return int(done.stdout) / 1024


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS
    drafter = [sys.executable, "-m", "drafter"]
    with tempfile.TemporaryDirectory() as tmp:
        draft = Path(tmp) / "draft.docx"
        subprocess.run([*drafter, "draft", str(EXAMPLE), "-o", str(draft)], cwd=ROOT, check=True)
        floor = floor_command(Path(tmp) / "empty.docx")
        commands = {
            "outline one report": [*drafter, "outline", str(SEED)],
            "extract one report": [*drafter, "extract", str(SEED)],
            "check the example draft": [*drafter, "check", str(draft)],
            "--help": [*drafter, "--help"],
        }
        script = Path(sys.executable).with_name("drafter")  # the console script pip installs
        if script.is_file():
            commands["drafter --help (script)"] = [str(script), "--help"]
        commands["python alone (-c pass)"] = [sys.executable, "-c", "pass"]
        print(f"{rounds} alternating rounds each (the machine may be shared: read medians)")
        floors_all: list[float] = []
        for name, command in commands.items():
            floors, times = paired(floor, command, rounds)
            floors_all += floors
            print(summary(name, floors, times))
        # The help as typer prints it, with no usable cache (a file where the folder would be).
        (Path(tmp) / "no-cache").write_text("", encoding="utf-8")
        uncached = {**ENV, "DRAFTER_CACHE_DIR": str(Path(tmp) / "no-cache" / "drafter")}
        floors, times = paired(floor, [*drafter, "--help"], rounds, uncached)
        floors_all += floors
        print(summary("--help (no cache: typer)", floors, times))
        print(f"{'floor (import docx, save)':<28} median {statistics.median(floors_all):.3f} s")
        print("peak memory of one run (ru_maxrss):")
        print(f"  floor {peak_mib(floor):.0f} MiB")
        for name, command in commands.items():
            print(f"  {name} {peak_mib(command):.0f} MiB")


if __name__ == "__main__":
    main()
