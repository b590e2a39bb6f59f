"""Time reading one report in each format drafter reads: .txt, .docx, .doc, .wps, .odt, .rtf, .pdf, .html.

The seeds are written as .docx (heading styles), converted by LibreOffice to .doc/.odt/.rtf/.pdf
(a .wps is the .doc renamed, as WPS Office writes it) and posted as a web page. Each file is read
with `read_report` (the reading stage's door) REPEAT times in this process; the first read of a
LibreOffice format also builds the process's private LibreOffice profile, so it is shown apart.
Then a folder of each of .doc, .pdf and .html goes through `parse_reports` (outline and classify
included), which converts the LibreOffice formats in one run.

Run from the repository root: `python bench/read.py [REPEAT]`. Prints numbers; asserts nothing.
Needs LibreOffice (soffice) and the pdf extra (`pip install ".[pdf]"`).
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from drafter.reading import parse_reports, read_report  # noqa: E402

from helpers import docx_with_styles, printable_docx, soffice_convert, web_page  # noqa: E402

REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 3
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def _made(folder: Path) -> dict[str, list[Path]]:
    """Return {format: files}, every seed in every format."""
    lines = {
        s: [ln for ln in s.read_text(encoding="utf-8").splitlines() if ln.strip()] for s in SEEDS
    }
    out: dict[str, list[Path]] = {"txt": SEEDS, "docx": []}
    for seed in SEEDS:
        out["docx"].append(folder / f"{seed.stem}.docx")
        docx_with_styles(seed.read_text(encoding="utf-8"), out["docx"][-1])
    for target in ("doc", "odt", "rtf"):
        out[target] = soffice_convert(out["docx"], target, folder)
    out["wps"] = []
    for doc in out["doc"]:
        out["wps"].append(doc.with_suffix(".wps"))
        shutil.copyfile(doc, out["wps"][-1])
    printed = folder / "pdf"
    printed.mkdir()
    sources = []
    for seed in SEEDS:
        sources.append(printed / f"{seed.stem}.docx")
        printable_docx(lines[seed], sources[-1])
    out["pdf"] = soffice_convert(sources, "pdf", printed)
    out["html"] = []
    for seed in SEEDS:
        out["html"].append(folder / f"{seed.stem}.html")
        out["html"][-1].write_bytes(web_page(lines[seed], "法治政府建设年度报告", charset="gb2312"))
    return out


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        made = _made(Path(tmp))
        print(
            f"{'格式':<6}{'首次(s)':>10}{'中位(s)':>10}{'最慢(s)':>10}  ({len(SEEDS)} 篇 × {REPEAT} 次)"
        )
        for fmt, files in made.items():
            times = []
            first = None
            for _ in range(REPEAT):
                for path in files:
                    start = time.perf_counter()
                    read_report(path)
                    elapsed = time.perf_counter() - start
                    first = elapsed if first is None else first
                    times.append(elapsed)
            print(f"{fmt:<8}{first:>10.3f}{statistics.median(times):>10.3f}{max(times):>10.3f}")
        # A folder: parse_reports converts its LibreOffice formats in one run.
        for fmt in ("doc", "pdf", "html"):
            start = time.perf_counter()
            parse_reports(made[fmt])
            elapsed = time.perf_counter() - start
            print(f"文件夹 {len(made[fmt])} 篇 .{fmt}（parse_reports，含分析）：{elapsed:.2f} s")


if __name__ == "__main__":
    main()
