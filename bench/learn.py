"""Time `drafter learn` end to end on 250 and 1,000 synthetic reports; time `drafter --help`.

The reports are made by recombining the seeds' sections: an opening from one seed, part-1
sub-sections drawn from all seeds in a random order and renumbered, a problems part, sometimes a
first-responsible part, a plan part (or one unheaded closing paragraph), sometimes a date line;
every figure is varied and the years shifted. Most are UTF-8 .txt; some GB18030, UTF-8 with BOM,
Big5 (traditional) and .docx. Each size is learned in a fresh subprocess as `drafter learn` does
it (find_report_files → parse_reports with study_report → learn_skeleton of the studies →
dump_skeleton → write), which reports its phase times and its peak RSS (ru_maxrss) and its
largest reading worker's (from 32 files reports are read, and studied for learning, by one worker
process per core: the whole run holds at most the main process plus that many workers). The
parse phase includes the study of each report; the learn phase is what the main process does
after the last report is in.

Run from the repository root: `python bench/learn.py [SIZES...]`. Prints numbers; asserts nothing.
Goal (issue 16): 1,000 reports in ≤ 15 s and ≤ 300 MB on a 2-core machine, linear cost.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from drafter.text import chinese_numeral  # noqa: E402  (after the path is set)

SEEDS = ROOT / "seeds"
SIZES = (250, 1000)
HELP_RUNS = 5
_CN = "一二三四五六七八九十"
_TOP = re.compile(rf"^([{_CN}]+)、")
_SUB = re.compile(rf"^[（(]([{_CN}]+)[）)]")
_DATE = re.compile(r"^\d{4}年\d{1,2}月\s*\d{1,2}\s*日$")
_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.])")
_YEAR = re.compile(r"(?<!\d)(20[12]\d)(?=年)")
_SKIP_LINE = re.compile(r"公网安备|公網安備|报告$")

# The child process: learning end to end, timed by phase, peak memory from the kernel.
_CHILD = """
import json, resource, sys, time
from pathlib import Path
t0 = time.perf_counter()
from drafter.reading import find_report_files, parse_reports
from drafter.learning import dump_skeleton, learn_skeleton, study_report
t1 = time.perf_counter()
files = find_report_files([Path(sys.argv[1])])
parsed = parse_reports(files, study=study_report)
t2 = time.perf_counter()
skeleton = learn_skeleton(parsed.outlines, studies=parsed.studies)
t3 = time.perf_counter()
Path(sys.argv[2]).write_text(dump_skeleton(skeleton), encoding="utf-8")
t4 = time.perf_counter()
print(json.dumps({"files": len(files), "parsed": len(parsed.outlines),
    "failed": len(parsed.failures), "import": t1 - t0, "parse": t2 - t1, "learn": t3 - t2,
    "dump": t4 - t3, "maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    "worker_kb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


@dataclass
class Pools:
    """Pieces of the seeds, by role, in simplified characters."""

    openings: list[list[str]] = field(default_factory=list)
    umbrellas: list[str] = field(default_factory=list)
    subsections: list[list[str]] = field(default_factory=list)
    problems: list[list[str]] = field(default_factory=list)
    first_responsible: list[list[str]] = field(default_factory=list)
    plans: list[list[str]] = field(default_factory=list)
    closings: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)
    clauses: list[str] = field(default_factory=list)


def _role(heading: str) -> str:
    if re.search(r"问题|不足", heading):
        return "problems"
    if re.search(r"计划|打算|安排", heading):
        return "plans"
    if "第一责任人" in heading:
        return "first_responsible"
    if re.search(r"情况|举措|成效", heading):
        return "umbrella"
    return "flat"


def _split_subsections(lines: list[str]) -> list[list[str]]:
    chunks: list[list[str]] = []
    for line in lines:
        if _SUB.match(line) or not chunks:
            chunks.append([line])
        else:
            chunks[-1].append(line)
    return [c for c in chunks if _SUB.match(c[0])]


def gather_pools(to_simplified: object) -> Pools:
    """Return the seeds cut into openings, sub-sections, problems, plans, closings and dates."""
    pools = Pools()
    for seed in sorted(SEEDS.glob("*.txt")):
        text = to_simplified.convert(seed.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
        lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
        lines = [ln for ln in lines if not _SKIP_LINE.search(ln)]
        if lines and _DATE.match(lines[-1]):
            pools.dates.append(lines.pop())
        pools.clauses.extend(
            c for ln in lines for c in re.split(r"[，,。；]", ln) if 4 <= len(c) <= 20
        )
        opening: list[str] = []
        while lines and not (_TOP.match(lines[0]) or _SUB.match(lines[0])):
            opening.append(lines.pop(0))
        pools.openings.append(opening)
        parts: list[list[str]] = []
        for line in lines:
            if _TOP.match(line) or not parts:
                parts.append([line])
            else:
                parts[-1].append(line)
        for part in parts:
            head = part[0]
            if not _TOP.match(head):  # "（一）" sections with no "一、" above them (004)
                pools.subsections.extend(_split_subsections(part))
                continue
            role = _role(head.split("。")[0])
            if role == "umbrella":
                pools.umbrellas.append(_TOP.sub("", head))
                pools.subsections.extend(_split_subsections(part[1:]))
            elif role == "flat":  # 000: one line per part, then the unheaded closing paragraph
                pools.subsections.append([_TOP.sub("（一）", head)])
                pools.closings.extend(part[1:])
            else:
                getattr(pools, role).append([_TOP.sub("", head), *part[1:]])
    return pools


def _reword(line: str, pools: Pools, rng: random.Random) -> str:
    """Return LINE with a clause from anywhere in the seeds inserted after a comma of each sentence.

    Real corpora repeat few whole sentences; without this, every seed sentence would recur in
    about a third of the synthetic reports and flatter the tokenizer's memo. Headings and the
    start of each sentence ("一是", "1.") are left alone.
    """
    if _TOP.match(line) or _SUB.match(line):
        head, stop, body = line.partition("。")
        return head + stop + _reword(body, pools, rng) if stop else line
    out = []
    for sentence in re.split(r"(?<=[。；])", line):
        commas = [m.end() for m in re.finditer(r"[，,]", sentence)]
        if commas:
            at = rng.choice(commas)
            sentence = f"{sentence[:at]}{rng.choice(pools.clauses)}，{sentence[at:]}"
        out.append(sentence)
    return "".join(out)


def _vary(text: str, rng: random.Random, year_shift: int) -> str:
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + year_shift), text)

    def figure(m: re.Match[str]) -> str:
        written = m.group(1)
        if len(written) == 4 and written.startswith("20"):
            return written  # a year not followed by 年 (2021-2025)
        value = float(written) * rng.uniform(0.5, 1.6)
        if "." in written:
            return f"{value:.{len(written.split('.')[1])}f}"
        return str(max(1, round(value)))

    return _FIGURE.sub(figure, text)


def make_report(pools: Pools, rng: random.Random) -> str:
    """Return the text of one synthetic report recombined from the seeds' pieces."""
    year_shift = rng.randint(-4, 0)
    lines = list(rng.choice(pools.openings))
    top = 0
    flat = rng.random() < 0.2
    picks = rng.sample(pools.subsections, rng.randint(6, 11))
    if not flat:
        top += 1
        lines.append(f"{chinese_numeral(top)}、{rng.choice(pools.umbrellas)}")
    for i, chunk in enumerate(picks):
        if flat:
            top += 1
            number = f"{chinese_numeral(top)}、"
        else:
            number = f"（{chinese_numeral(i + 1)}）"
        lines.append(number + _SUB.sub("", chunk[0]))
        lines.extend(chunk[1:])
    parts = [rng.choice(pools.problems)]
    if rng.random() < 0.25:
        parts.append(rng.choice(pools.first_responsible))
    parts.append(rng.choice(pools.plans))
    if flat and rng.random() < 0.5:
        lines.append(rng.choice(pools.closings))
    else:
        for part in parts:
            top += 1
            lines.append(f"{chinese_numeral(top)}、{part[0]}")
            lines.extend(part[1:])
    if rng.random() < 0.3:
        lines.append(rng.choice(pools.dates))
    lines = [_reword(line, pools, rng) for line in lines]
    return _vary("\n".join(lines) + "\n", rng, year_shift)


def write_corpus(folder: Path, size: int, pools: Pools, to_traditional: object) -> None:
    """Write SIZE synthetic reports into FOLDER in a mix of encodings and formats."""
    from docx import Document

    rng = random.Random(size)
    for i in range(size):
        text = make_report(pools, rng)
        kind = rng.random()
        stem = folder / f"{i:04d}_report"
        if kind < 0.05:
            document = Document()
            for line in text.splitlines():
                document.add_paragraph(line)
            document.save(str(stem.with_suffix(".docx")))
            continue
        if kind < 0.10:
            traditional = to_traditional.convert(text)  # type: ignore[attr-defined]
            try:
                stem.with_suffix(".txt").write_bytes(traditional.encode("big5"))
                continue
            except UnicodeEncodeError:
                pass  # a character Big5 lacks: fall back to UTF-8
        encoding = "gb18030" if kind < 0.25 else "utf-8-sig" if kind < 0.35 else "utf-8"
        stem.with_suffix(".txt").write_bytes(text.encode(encoding))


def learn_in_child(folder: Path) -> tuple[float, dict[str, float]]:
    """Return the wall time of learning FOLDER in a fresh interpreter, and what it reported."""
    out = folder.parent / f"{folder.name}.yaml"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), str(out)],
        cwd=ROOT,
        env=env,
        check=False,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"learning {folder} failed:\n{done.stderr}")
    return wall, json.loads(done.stdout)


def help_time() -> float:
    """Return the best of HELP_RUNS wall times of `python -m drafter --help`."""
    times = []
    for _ in range(HELP_RUNS):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "drafter", "--help"], cwd=ROOT, check=True, capture_output=True
        )
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    import opencc

    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    pools = gather_pools(opencc.OpenCC("t2s"))
    to_traditional = opencc.OpenCC("s2t")
    print(f"machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(
        f"pieces from the seeds: {len(pools.subsections)} sub-sections, {len(pools.problems)} problems, "
        f"{len(pools.plans)} plans, {len(pools.first_responsible)} first-responsible, "
        f"{len(pools.closings)} closings"
    )
    header = f"{'reports':>7} {'MB in':>6} {'wall s':>7} {'reports/s':>9} {'ms/report':>9} {'peak RSS MB':>11} {'worker MB':>9}   phases (import/parse/learn/dump s)"
    print(header)
    for size in sizes:
        tmp = Path(tempfile.mkdtemp(prefix=f"drafter-bench-{size}-"))
        try:
            folder = tmp / "reports"
            folder.mkdir()
            write_corpus(folder, size, pools, to_traditional)
            megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
            wall, child = learn_in_child(folder)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        phases = "/".join(f"{child[k]:.2f}" for k in ("import", "parse", "learn", "dump"))
        skipped = f"  ({child['failed']} skipped)" if child["failed"] else ""
        print(
            f"{size:>7} {megabytes:>6.1f} {wall:>7.2f} {size / wall:>9.1f} {wall / size * 1000:>9.2f}"
            f" {child['maxrss_kb'] / 1024:>11.1f} {child['worker_kb'] / 1024:>9.1f}   {phases}{skipped}"
        )
    print(f"python -m drafter --help, best of {HELP_RUNS}: {help_time():.3f} s")


if __name__ == "__main__":
    main()
