"""A saved government web page reads to its title and article only, in whatever charset it uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.errors import InputError
from drafter.reading import read_report

from conftest import SEEDS
from helpers import web_page

LINES = [
    ln
    for ln in (SEEDS / "001_bc27b33d59f37cf0.txt").read_text(encoding="utf-8").splitlines()
    if ln.strip()
]
TITLE = "乌审旗人民政府关于2024年度法治政府建设情况的报告"


def _read(tmp_path: Path, name: str, data: bytes) -> list[str]:
    path = tmp_path / name
    path.write_bytes(data)
    return [p.text for p in read_report(path).paragraphs]


@pytest.mark.parametrize("charset", ["utf-8", "gb2312", "gbk", "gb18030"])
def test_page_reads_to_title_and_article_without_chrome(tmp_path: Path, charset: str) -> None:
    paragraphs = _read(tmp_path, "报告.html", web_page(LINES, TITLE, charset=charset))
    assert paragraphs == [TITLE, *LINES]  # exactly: no line of navigation, info bar or footer


def test_page_without_meta_charset_is_detected_as_gbk(tmp_path: Path) -> None:
    page = web_page(LINES, TITLE).replace(b'<meta charset="utf-8">', b"")
    gbk = page.decode("utf-8").encode("gb18030")
    assert _read(tmp_path, "报告.htm", gbk) == [TITLE, *LINES]


def test_paragraphs_split_by_br_and_indents_of_full_width_spaces(tmp_path: Path) -> None:
    body = "<br>\n".join(f"\u3000\u3000{line}" for line in LINES)
    page = (
        f"<html><head><title>{TITLE}</title></head><body>"
        f'<div class="crumb">您现在的位置：<a href="/">首页</a> &gt; 通知公告</div>'
        f'<div class="TRS_Editor"><p>{body}</p></div>'
        f'<div class="footer">版权所有：某某市人民政府</div></body></html>'
    )
    assert _read(tmp_path, "报告.html", page.encode("utf-8")) == [TITLE, *LINES]


def test_an_article_line_that_mentions_a_source_is_kept(tmp_path: Path) -> None:
    line = (
        "来源：各部门报送的数据显示，全年共办理行政复议案件356件，同比增长12%，纠错率保持稳定，复议决定履行率达到100%。"
        * 2
    )
    paragraphs = _read(tmp_path, "报告.html", web_page([*LINES[:2], line], TITLE))
    assert paragraphs[-1] == line


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"<html><body><div class='nav'><a>\xe9\xa6\x96\xe9\xa1\xb5</a></div></body></html>",
            "找不到正文",
        ),
        (b"   \n", "空的"),
    ],
)
def test_page_without_an_article_is_a_clear_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "网页.html"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_report(path)
