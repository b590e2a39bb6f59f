"""Helpers the test files share: where the real reports and the example are, reopening a .docx,
and a seed written as .docx (heading styles, Word numbering) or in the other formats users keep:
converted by LibreOffice, printed to PDF, posted on a web page."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import docx
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = ROOT / "examples"
EXAMPLE = EXAMPLES / "示例市2025年度数据.yaml"
# The labelled real-report excerpts, beside the checkout (read at test time, never copied in).
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


def reopen(data: bytes) -> DocxDocument:
    """Return the .docx in DATA opened with python-docx."""
    return docx.Document(io.BytesIO(data))


def example_text(replacements: dict[str, str] | None = None) -> str:
    """Return the example data file's text with each key of REPLACEMENTS replaced by its value."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for old, new in (replacements or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    return text


_CN = "一二三四五六七八九十"
# How a seed line starts when it is a numbered heading: (Word list level 0-2, pattern).
_HEADING_NUMBER = (
    (0, re.compile(rf"^[{_CN}]+、")),
    (1, re.compile(rf"^[（(][{_CN}]+[）)]")),
    (2, re.compile(r"^\d{1,2}[.、](?!\d)")),
)


def heading_number(line: str) -> tuple[int, str, int] | None:
    """Return (list level, number as written, its value) when LINE starts with a section number."""
    for level, pattern in _HEADING_NUMBER:
        m = pattern.match(line)
        if m:
            digits = m.group().strip("（()）、.")
            value = int(digits) if digits.isdigit() else _CN.index(digits) + 1
            return level, m.group(), value
    return None


def docx_with_styles(text: str, path: Path) -> None:
    """Write TEXT as .docx: numbered heading lines get "Heading 1/2/3", text unchanged."""
    doc = Document()
    for line in text.splitlines():
        found = heading_number(line.strip())
        style = f"Heading {found[0] + 1}" if found else None
        doc.add_paragraph(line, style=style)
    doc.save(str(path))


_RUN_IN_SUBHEADING = re.compile(rf"^([{_CN}]+、[^。：\n]*?)([（(][{_CN}]+[）)])", re.MULTILINE)
_LEVEL_FORMATS = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))


def _abstract_num(abstract_id: int, levels: list[tuple[int, str, str]]) -> Any:
    lvls = "".join(
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for ilvl, fmt, text in levels
    )
    return parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>'
    )


def _num(num_id: int, abstract_id: int, starts: dict[int, int] | None = None) -> Any:
    overrides = "".join(
        f'<w:lvlOverride w:ilvl="{ilvl}"><w:startOverride w:val="{start}"/></w:lvlOverride>'
        for ilvl, start in (starts or {}).items()
    )
    return parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{num_id}">'
        f'<w:abstractNumId w:val="{abstract_id}"/>{overrides}</w:num>'
    )


def _numpr(num_id: int, ilvl: int) -> Any:
    return parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    )


def docx_with_numbering(text: str, path: Path, *, variant: str) -> None:
    """Write TEXT as .docx with the heading numbers taken out of the text into Word lists.

    "multilevel-list": one multilevel list ("%1、", "（%2）", "%3.") on the paragraphs.
    "restarted-lists": one single-level list per level ("%1、", "（%1）", "%1."); each run of
    sub-headings is a new w:num with a startOverride, as Word's "restart numbering at 1" writes.
    "linked-styles": the multilevel list linked to the Heading 1-3 styles, as Word's heading
    numbering does: the paragraphs carry only the style, the style carries the w:numPr.
    A list that must start past 1 (004 has no "一、" before its "二、") gets a startOverride.
    """
    doc = Document()
    numbering = doc.part.numbering_part.element
    base = 100
    # Word puts a numbered sub-heading in its own paragraph: "二、下一步工作打算（一）加强…" is two.
    text = _RUN_IN_SUBHEADING.sub(r"\1\n\2", text)
    headings = [heading_number(line.strip()) for line in text.splitlines()]
    first_top = next((h[2] for h in headings if h and h[0] == 0), 1)
    # A start of 1 needs no override (LibreOffice's .doc export splits a list that has one).
    top_start = {0: first_top} if first_top != 1 else None
    if variant == "restarted-lists":
        for i, (fmt, lvl_text) in enumerate(_LEVEL_FORMATS):
            numbering.insert(i, _abstract_num(base + i, [(0, fmt, re.sub(r"%\d", "%1", lvl_text))]))
        numbering.append(_num(base, base, top_start))
    else:
        numbering.insert(
            0, _abstract_num(base, [(i, *spec) for i, spec in enumerate(_LEVEL_FORMATS)])
        )
        numbering.append(_num(base, base, top_start))
    if variant == "linked-styles":
        for level in range(3):
            ppr = doc.styles[f"Heading {level + 1}"].element.get_or_add_pPr()
            ppr.insert(0, _numpr(base, level))
    next_num = base + 1
    current = {0: base}
    previous_level = -1
    for line, found in zip(text.splitlines(), headings, strict=True):
        if found is None:
            doc.add_paragraph(line)
            continue
        level, number, value = found
        paragraph = doc.add_paragraph(line.strip()[len(number) :])
        if variant == "linked-styles":
            paragraph.style = doc.styles[f"Heading {level + 1}"]
        elif variant == "restarted-lists":
            if level > previous_level and level > 0:  # a new run of sub-headings
                numbering.append(_num(next_num, base + level, {0: value}))
                current[level] = next_num
                next_num += 1
            paragraph._p.get_or_add_pPr().append(_numpr(current[level], 0))
        else:
            paragraph._p.get_or_add_pPr().append(_numpr(base, level))
        previous_level = level
    doc.save(str(path))


# -- other formats ----------------------------------------------------------------------------

SOFFICE = shutil.which("soffice")


def soffice_convert(sources: list[Path], target: str, outdir: Path) -> list[Path]:
    """Return SOURCES converted by LibreOffice to TARGET ("doc", "odt", "rtf", "pdf") in OUTDIR."""
    assert SOFFICE is not None
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={Path(profile).as_uri()}",
                "--headless",
                "--convert-to",
                target,
                "--outdir",
                str(outdir),
                *map(str, sources),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
    return [outdir / f"{p.stem}.{target}" for p in sources]


def printable_docx(
    lines: list[str],
    path: Path,
    *,
    footer: str = "— {} —",
    header: str | None = None,
    justified: bool = True,
) -> None:
    """Write LINES as an A4 .docx set as a 公文 (16 pt, 2-character indent, page number footer).

    FOOTER holds "{}" where the page number goes ("— {} —", "-{}-", "第{}页").
    """
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    doc.styles["Normal"].font.size = Pt(16)
    for line in lines:
        paragraph = doc.add_paragraph(line)
        paragraph.paragraph_format.first_line_indent = Pt(32)
        if justified:
            paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    before, after = footer.split("{}")
    footer_paragraph = section.footer.paragraphs[0]
    footer_paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer_paragraph.add_run(before)
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    field.append(parse_xml(f"<w:r {nsdecls('w')}><w:t>1</w:t></w:r>"))
    footer_paragraph._p.append(field)
    footer_paragraph.add_run(after)
    if header is not None:
        section.header.paragraphs[0].text = header
    doc.save(str(path))


WEB_PAGE = """<!DOCTYPE html>
<html><head>{meta}<title>{title}_某某市人民政府门户网站</title>
<link rel="stylesheet" href="style.css"><script>var _hmt = _hmt || []; document.write("首页");</script>
</head><body>
<div class="top-bar"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a> | 无障碍 | 长者模式</div>
<div class="nav"><ul><li><a href="/">网站首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 法治政府建设</div>
<div class="article">
<h1 class="title">{title}</h1>
<div class="info">发布时间：2025-03-28 10:21　来源：某某市司法局　浏览次数：1234
　字体：[ <a href="#">大</a> <a href="#">中</a> <a href="#">小</a> ]</div>
<div class="content" id="zoom">
{body}
</div>
<div class="bdshare">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
<div class="print-close"><a href="#">【打印本页】</a> <a href="#">【关闭窗口】</a></div>
</div>
<div class="related"><h3>相关阅读</h3><ul>
<li><a href="/1.html">某某市2023年度法治政府建设情况报告</a></li>
<li><a href="/2.html">关于开展2024年度行政执法案卷评查工作的通知</a></li></ul></div>
<div class="footer"><p>主办：某某市人民政府办公室　承办：某某市大数据管理中心</p>
<p>网站标识码：4101000001　<a href="#">豫ICP备05012345号</a>　<a href="#">豫公网安备 41010202002345号</a></p>
<p>联系电话：0371-12345678　地址：某某市人民路1号</p></div>
</body></html>
"""


def web_page(lines: list[str], title: str, *, charset: str = "utf-8") -> bytes:
    """Return LINES posted as a government web page, encoded as its <meta> CHARSET says.

    A page declaring gb2312 is encoded as GB18030, as such sites in fact serve GBK characters.
    """
    meta = (
        '<meta charset="utf-8">'
        if charset == "utf-8"
        else f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    )
    body = "\n".join(f'<p style="text-indent: 2em;">{html.escape(line)}</p>' for line in lines)
    page = WEB_PAGE.format(meta=meta, title=html.escape(title), body=body)
    return page.encode("gb18030" if charset in ("gb2312", "gbk", "gb18030") else charset)


def scanned_pdf(pages: int = 2) -> bytes:
    """Return a PDF whose pages are only a picture each (a scan): no text layer at all."""
    pixels = bytes(range(256)) * 3  # 16 x 16 grey image
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    kids = " ".join(f"{3 + 3 * i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for i in range(pages):
        content, image = 4 + 3 * i, 5 + 3 * i
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {content} 0 R "
            f"/Resources << /XObject << /Im{i} {image} 0 R >> >> >>".encode()
        )
        draw = f"q 500 0 0 700 48 70 cm /Im{i} Do Q".encode()
        objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width 16 /Height 48 /ColorSpace /DeviceGray "
            b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


# Seed 000 (a city's 2024 report), and the example's figure lines the tests edit.
SEED_000 = SEEDS / "000_b1cc889bd410f338.txt"
OLD_RECEIVED = "行政复议受理件数: {本年: 1486, 上年: 1399}"


def run(*args: str) -> tuple[int, str, str]:
    """Return (exit code, stdout, stderr) of `drafter ARGS…` run through typer's CliRunner."""
    import drafter.cli  # noqa: F401  (registers the commands)
    from drafter.cli.app import app

    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def one_line_error(stderr: str) -> str:
    """Return the error line, checking it is the only one, last, and no traceback came with it."""
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert [line for line in lines if line.startswith("错误：")] == lines[-1:], stderr
    return lines[-1]
