"""Each seed, saved in every format users keep, reads to the outline of the .txt, heading for heading.

.doc and .odt are made by LibreOffice from a .docx whose headings are Word list numbering (so
the numbers survive only if the conversion keeps automatic numbering); .rtf from a .docx with
heading styles and the numbers in the text (LibreOffice's RTF export writes a list's "、" as "?",
which Word's RTF does not); a .wps is a .doc
renamed, which is what WPS Office writes (LibreOffice cannot write .wps); the PDF is the seed
set as a 公文 and printed by LibreOffice; the web pages wrap the seed in a site's chrome.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from drafter.reading import Outline, parse_report

from conftest import SEEDS
from helpers import (
    SOFFICE,
    docx_with_numbering,
    docx_with_styles,
    printable_docx,
    soffice_convert,
    web_page,
)

SEED = {p.name[:3]: p for p in sorted(SEEDS.glob("*.txt"))}
# Every seed as .doc; two (sub-headings; traditional characters, three levels) in the others,
# since each file read costs one LibreOffice start.
CASES = [
    *((seed, "doc") for seed in sorted(SEED)),
    *((seed, target) for seed in ("001", "002") for target in ("wps", "odt", "rtf")),
    *((seed, "pdf") for seed in sorted(SEED)),
]
WEB = ("utf-8", "gb2312")
# 004 has no "一、" before its "二、": its list needs a start override, which LibreOffice's .doc
# export turns into a list of its own (the numbers then count from 一 again). Word's own .doc files
# do not do that, so 004 goes to LibreOffice with heading styles and its numbers in the text.
STARTS_PAST_ONE = ("004",)
GENERIC_TITLE = "法治政府建设年度报告"

pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; in CI this test must run",
)


def _lines(seed: str) -> list[str]:
    return [ln for ln in SEED[seed].read_text(encoding="utf-8").splitlines() if ln.strip()]


def _comparable(outline: Outline, *, title: bool = True) -> dict[str, Any]:
    """Return what the outline says, apart from its file (and its title, for a web page)."""
    shape = outline.as_dict()
    del shape["file"]
    if not title:
        del shape["title"]
    shape["opening"] = outline.opening
    shape["date"] = outline.date
    return shape


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """Return every seed in every format: {(seed, format): path}."""
    root = tmp_path_factory.mktemp("formats")
    out: dict[tuple[str, str], Path] = {}
    numbered = []
    for seed, path in SEED.items():
        docx = root / f"{path.stem}.docx"
        if seed in STARTS_PAST_ONE:
            docx_with_styles(path.read_text(encoding="utf-8"), docx)
        else:
            docx_with_numbering(path.read_text(encoding="utf-8"), docx, variant="multilevel-list")
        numbered.append(docx)
    for target in ("doc", "odt"):
        for seed, made_path in zip(SEED, soffice_convert(numbered, target, root), strict=True):
            out[seed, target] = made_path
    styled = root / "styled"
    styled.mkdir()
    for seed in ("001", "002"):
        docx_with_styles(SEED[seed].read_text(encoding="utf-8"), styled / f"{seed}.docx")
        (out[seed, "rtf"],) = soffice_convert([styled / f"{seed}.docx"], "rtf", styled)
    for seed in SEED:
        wps = out[seed, "doc"].with_suffix(".wps")
        shutil.copyfile(out[seed, "doc"], wps)
        out[seed, "wps"] = wps
    printed = root / "pdf"
    printed.mkdir()
    sources = []
    for seed, path in SEED.items():
        sources.append(printed / f"{path.stem}.docx")
        printable_docx(_lines(seed), sources[-1])
    for seed, made_path in zip(SEED, soffice_convert(sources, "pdf", printed), strict=True):
        out[seed, "pdf"] = made_path
    for seed, path in SEED.items():
        for charset in WEB:
            page = root / f"{path.stem}.{charset}.html"
            lines = _lines(seed)
            is_title = "报告" in lines[0] and len(lines[0]) <= 60  # as build_outline takes it
            title = lines.pop(0) if is_title else GENERIC_TITLE
            page.write_bytes(web_page(lines, title, charset=charset))
            out[seed, charset] = page
    return out


@pytest.mark.parametrize(("seed", "target"), CASES)
def test_seed_in_another_format_gives_the_outline_of_the_txt(
    made: dict[tuple[str, str], Path], seed: str, target: str
) -> None:
    assert _comparable(parse_report(made[seed, target])) == _comparable(parse_report(SEED[seed]))


@pytest.mark.parametrize("charset", WEB)
@pytest.mark.parametrize("seed", sorted(SEED))
def test_seed_posted_as_a_web_page_gives_the_outline_of_the_txt(
    made: dict[tuple[str, str], Path], seed: str, charset: str
) -> None:
    page = parse_report(made[seed, charset])
    txt = parse_report(SEED[seed])
    assert _comparable(page, title=False) == _comparable(txt, title=False)
    assert page.title == (txt.title or GENERIC_TITLE)


def test_converted_doc_keeps_word_numbering_as_heading_numbers(
    made: dict[tuple[str, str], Path],
) -> None:
    # The .docx given to LibreOffice has no number in its text: all came from w:numPr.
    numbers = [s.number for s in parse_report(made["001", "doc"]).walk()]
    assert numbers[:3] == ["一、", "（一）", "（二）"]
