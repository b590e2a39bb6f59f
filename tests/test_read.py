"""A seed reads to the same outline in every encoding and as .docx; normalisation, table-driven."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from drafter.datafile import extract_figures
from drafter.errors import InputError
from drafter.reading import (
    Outline,
    RawParagraph,
    build_outline,
    classify_outline,
    decode_text,
    is_artefact,
    normalize_line,
    parse_report,
    read_docx_paragraphs,
    read_report,
    to_simplified,
)

from conftest import SEEDS
from helpers import docx_with_numbering, docx_with_styles

SEED = {p.name[:3]: p for p in SEEDS.glob("*.txt")}
SIMPLIFIED = ("000", "001", "003", "004")
TRADITIONAL = "002"


def _parse(path: Path) -> Outline:
    return classify_outline(build_outline(read_report(path)))


def _comparable(outline: Outline) -> dict[str, Any]:
    shape = outline.as_dict()
    del shape["file"]
    shape["opening"] = outline.opening
    shape["date"] = outline.date
    return shape


def _seed_text(seed: str) -> str:
    return SEED[seed].read_text(encoding="utf-8")


# -- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "encoding"),
    [
        *((s, "gb18030") for s in SIMPLIFIED),
        (TRADITIONAL, "big5"),
        *((s, "utf-8-sig") for s in SEED),
    ],
)
def test_seed_in_other_encoding_gives_same_outline(
    tmp_path: Path, seed: str, encoding: str
) -> None:
    copy = tmp_path / SEED[seed].name
    copy.write_bytes(_seed_text(seed).encode(encoding))
    assert _comparable(_parse(copy)) == _comparable(_parse(SEED[seed]))


@pytest.mark.parametrize(("seed", "encoding"), [("003", "gb18030"), (TRADITIONAL, "big5")])
def test_decode_text_recovers_the_exact_characters(seed: str, encoding: str) -> None:
    text = _seed_text(seed)
    assert decode_text(text.encode(encoding), "x.txt") == text


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (
            "법치정부 건설 연도 보고서입니다. 행정심판 사건을 처리했습니다.".encode("euc_kr") * 20,
            "编码",
        ),
        ("Отчёт о работе правительства за год".encode("koi8_r") * 30, "编码"),
        (b"\x00\x01\x02\x03binary" * 100, "二进制"),
        ("法治政府建设年度报告。".encode("hz") * 20, "中文"),  # HZ is pure ASCII: UTF-8 "reads" it
        (b"hello, this is not a report\n" * 10, "中文"),
    ],
    ids=["euc-kr", "koi8-r", "binary", "hz", "ascii"],
)
def test_undecodable_text_is_a_clear_error_naming_the_file(data: bytes, needle: str) -> None:
    with pytest.raises(InputError) as err:
        decode_text(data, "报告.txt")
    assert "报告.txt" in str(err.value)
    assert needle in str(err.value)


# -- .docx ------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", sorted(SEED))
@pytest.mark.parametrize(
    "variant", ["styles", "multilevel-list", "restarted-lists", "linked-styles"]
)
def test_seed_as_docx_gives_same_outline(tmp_path: Path, seed: str, variant: str) -> None:
    path = tmp_path / (SEED[seed].stem + ".docx")
    text = _seed_text(seed)
    if variant == "styles":
        docx_with_styles(text, path)
    else:
        docx_with_numbering(text, path, variant=variant)
    assert _comparable(_parse(path)) == _comparable(_parse(SEED[seed]))


def test_docx_numbering_is_not_left_in_the_text_but_recovered(tmp_path: Path) -> None:
    path = tmp_path / "001.docx"
    docx_with_numbering(_seed_text("001"), path, variant="multilevel-list")
    body = [p.text for p in Document(str(path)).paragraphs]
    assert "工作开展情况" in body and "一、工作开展情况" not in body
    paragraphs = read_report(path).paragraphs
    numbered = [(p.number, p.level) for p in paragraphs if p.number]
    assert numbered[:3] == [("一、", 1), ("（一）", 2), ("（二）", 2)]
    assert numbered[-2:] == [("二、", 1), ("三、", 1)]


def test_docx_tables_are_read_as_paragraphs(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("一、主要举措和成效")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "指标"
    table.cell(0, 1).text = "数量"
    table.cell(1, 0).text = "行政复议案件"
    table.cell(1, 1).text = "1399件"
    doc.add_paragraph("二、存在的不足")
    path = tmp_path / "table.docx"
    doc.save(str(path))
    texts = [p.text for p in read_report(path).paragraphs]
    assert texts == [
        "一、主要举措和成效",
        "指标",
        "数量",
        "行政复议案件",
        "1399件",
        "二、存在的不足",
    ]


@pytest.mark.parametrize("seed", ["001", "003"])
@pytest.mark.parametrize("break_type", [None, "textWrapping", "page", "column"])
def test_docx_lines_split_by_breaks_give_same_outline(
    tmp_path: Path, seed: str, break_type: str | None
) -> None:
    """A report typed in ONE paragraph with Shift+Enter (or page breaks) reads as the .txt does."""
    doc = Document()
    paragraph = doc.add_paragraph()
    kind = f' w:type="{break_type}"' if break_type else ""
    for i, line in enumerate(_seed_text(seed).splitlines()):
        if i:
            paragraph.add_run()._r.append(parse_xml(f"<w:br {nsdecls('w')}{kind}/>"))
        paragraph.add_run(line)
    path = tmp_path / (SEED[seed].stem + ".docx")
    doc.save(str(path))
    assert len(Document(str(path)).paragraphs) == 1
    assert _comparable(_parse(path)) == _comparable(_parse(SEED[seed]))


def test_docx_break_splits_a_heading_paragraph_keeping_its_level_on_the_first_line(
    tmp_path: Path,
) -> None:
    doc = Document()
    heading = doc.add_paragraph(style="Heading 1")
    heading.add_run("主要举措")
    heading.add_run().add_break()
    heading.add_run("  ")
    heading.add_run().add_break()
    heading.add_run("市政府召开常务会议3次。")
    path = tmp_path / "br.docx"
    doc.save(str(path))
    assert read_report(path).paragraphs == (
        RawParagraph("主要举措", level=1),
        RawParagraph("市政府召开常务会议3次。"),
    )


_TEXT_BOX_SENTENCE = "受理行政复议案件1280件。"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def _text_box_run(sentence: str) -> Any:
    """Return a w:r holding a text box as Word writes it: a wps shape, and a VML copy as fallback."""
    content = f"<w:txbxContent><w:p><w:r><w:t>{sentence}</w:t></w:r></w:p></w:txbxContent>"
    return parse_xml(
        f'<w:r {nsdecls("w", "wp", "a")} xmlns:mc="{_MC}" xmlns:wps="{_WPS}"'
        ' xmlns:v="urn:schemas-microsoft-com:vml">'
        '<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1"'
        ' behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0'
        '</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0'
        '</wp:posOffset></wp:positionV><wp:extent cx="2000000" cy="500000"/><wp:wrapSquare'
        ' wrapText="bothSides"/><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData'
        ' uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="2000000" cy="500000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f"</a:prstGeom></wps:spPr><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shape style="width:157pt;height:39pt">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>"
    )


def test_docx_text_box_is_read_once(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("2024年，我市扎实推进法治政府建设。")
    doc.add_paragraph("一、化解行政争议")
    host = doc.add_paragraph("全年办理情况如下。")
    host._p.append(_text_box_run(_TEXT_BOX_SENTENCE))
    doc.add_paragraph("二、存在的不足")
    path = tmp_path / "textbox.docx"
    doc.save(str(path))
    texts = [p.text for p in read_report(path).paragraphs]
    assert texts == [
        "2024年，我市扎实推进法治政府建设。",
        "一、化解行政争议",
        "全年办理情况如下。",
        _TEXT_BOX_SENTENCE,
        "二、存在的不足",
    ]
    figures = [f.value for f in extract_figures(parse_report(path))]
    assert figures.count(1280) == 1


@pytest.mark.parametrize(
    ("style", "outline_level"), [("Heading 9", None), (None, 8), ("Heading 8", None)]
)
def test_docx_deepest_heading_levels_parse(
    tmp_path: Path, style: str | None, outline_level: int | None
) -> None:
    doc = Document()
    heading = doc.add_paragraph("测试标题", style=style)
    if outline_level is not None:
        heading._p.get_or_add_pPr().append(
            parse_xml(f'<w:outlineLvl {nsdecls("w")} w:val="{outline_level}"/>')
        )
    doc.add_paragraph("市政府召开常务会议3次。")
    path = tmp_path / "deep.docx"
    doc.save(str(path))
    assert read_docx_paragraphs(path.read_bytes(), "deep.docx")[0].level == 8
    outline = _parse(path)
    assert [(s.title, s.paragraphs) for s in outline.sections] == [
        ("测试标题", ["市政府召开常务会议3次。"])
    ]


def test_docx_add_heading_level_9_then_body_parses(tmp_path: Path) -> None:
    doc = Document()
    doc.add_heading("测试标题", level=9)
    doc.add_paragraph("市政府召开常务会议3次。")
    path = tmp_path / "h9.docx"
    doc.save(str(path))
    assert _parse(path).sections[0].title == "测试标题"


# -- the traditional seed -----------------------------------------------------------------------


def _texts(outline: Outline) -> list[str]:
    out = [outline.title or "", outline.opening or "", outline.unit or ""]
    for s in outline.walk():
        out.append(s.title)
        out.extend(s.paragraphs)
    return out


def test_traditional_seed_is_read_in_simplified_characters() -> None:
    outline = _parse(SEED[TRADITIONAL])
    texts = _texts(outline)
    assert all(to_simplified(t) == t for t in texts)
    joined = "\n".join(texts)
    for traditional in "習國為審責體護學":
        assert traditional not in joined
    assert outline.sections[0].title == "2024年度推进法治政府建设的主要举措和成效"


# -- normalisation --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("2022年3月 18 日", "2022年3月18日"),
        ("2022 年 3 月 18 日", "2022年3月18日"),
        ("[bookmark: _GoBack]2024年，新洲区", "2024年，新洲区"),
        ("一是坚持党的领导。 党的十八大以来", "一是坚持党的领导。党的十八大以来"),
        ("在市委的正确领导下,在市人大的监督下", "在市委的正确领导下，在市人大的监督下"),
        ("主要措施:一是;二是!", "主要措施：一是；二是！"),
        ("(一)加强领导", "（一）加强领导"),
        ("共计1,000余件", "共计1,000余件"),
        ("败诉率降至12.81%", "败诉率降至12.81%"),
        ("同比增长１２．５％", "同比增长12.5%"),
        ("上午9:30召开", "上午9:30召开"),
        ("使用Word 2016编辑", "使用Word 2016编辑"),
        ("推進法治政府建設", "推进法治政府建设"),
        ("\u3000\u3000全面推进", "全面推进"),
    ],
)
def test_normalize_line(raw: str, normalised: str) -> None:
    assert normalize_line(raw) == normalised


@pytest.mark.parametrize(
    ("line", "dropped"),
    [
        ("赣公网安备 36050202000078号", True),
        ("京ICP备05070218号", True),
        ("— 3 —", True),
        ("-12-", True),
        ("第 2 页 共 9 页", True),
        ("   ", True),
        ("二、存在的不足和原因", False),
        ("2022年3月18日", False),
        ("备案审查规范性文件3件，均已报送备案号", False),
    ],
)
def test_is_artefact(line: str, dropped: bool) -> None:
    assert is_artefact(line) is dropped


def test_artefacts_do_not_reach_the_outline(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(
        "[bookmark: _GoBack]2024年，我市扎实推进法治政府建设。\n"
        "一、加强党的领导。市政府召开常务会议3次。\n"
        "— 3 —\n"
        "二、存在的不足和原因\n"
        "赣公网安备 36050202000078号\n",
        encoding="utf-8",
    )
    outline = _parse(path)
    assert outline.opening == "2024年，我市扎实推进法治政府建设。"
    assert [s.title for s in outline.sections] == ["加强党的领导", "存在的不足和原因"]
    assert outline.sections[0].paragraphs == ["市政府召开常务会议3次。"]
    assert outline.sections[1].paragraphs == []


_REVISION = 'w:author="王科长" w:date="2026-02-01T09:00:00Z"'


def _revision_runs(xml: str) -> Any:
    """Return the elements of XML (runs and revision marks) parsed with the w namespace."""
    return list(parse_xml(f"<w:p {nsdecls('w')}>{xml}</w:p>"))


def test_docx_tracked_move_deletion_and_insertion_read_as_word_shows_them(tmp_path: Path) -> None:
    # The writer moved a sentence to the next paragraph and corrected a figure, Track Changes on:
    # the move's source (w:moveFrom) and the deletion are not shown, the insertion is.
    sentence = "受理行政复议案件1280件。"
    doc = Document()
    doc.add_paragraph("一、化解行政争议")
    for text, revisions in (
        (
            "全年办理情况如下。",
            f'<w:moveFrom w:id="1" {_REVISION}><w:r><w:t>{sentence}</w:t></w:r></w:moveFrom>',
        ),
        (
            "依法化解矛盾纠纷。",
            f'<w:moveTo w:id="2" {_REVISION}><w:r><w:t>{sentence}</w:t></w:r></w:moveTo>',
        ),
        (
            "调解矛盾纠纷",
            f'<w:del w:id="3" {_REVISION}><w:r><w:delText>1000</w:delText></w:r></w:del>'
            f'<w:ins w:id="4" {_REVISION}><w:r><w:t>1100</w:t></w:r></w:ins><w:r><w:t>件。</w:t></w:r>',
        ),
    ):
        p = doc.add_paragraph(text)
        for el in _revision_runs(revisions):
            p._p.append(el)
    path = tmp_path / "tracked.docx"
    doc.save(str(path))
    assert [p.text for p in read_report(path).paragraphs] == [
        "一、化解行政争议",
        "全年办理情况如下。",
        "依法化解矛盾纠纷。" + sentence,
        "调解矛盾纠纷1100件。",
    ]
    figures = [f.value for f in extract_figures(parse_report(path))]
    assert figures.count(1280) == 1
    assert 1100 in figures and 1000 not in figures
