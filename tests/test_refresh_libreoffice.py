"""A draft saved again by LibreOffice (`soffice --convert-to docx`), then refreshed.

LibreOffice 7.4 keeps every inline content control and its text but writes an empty `w:sdtPr`:
the drafter tags are gone. It keeps the hidden bookmark drafter puts around each control (its
name; it numbers the ids anew and moves the start to the head of the control's content), so
refresh knows each control by its bookmark, updates it and writes its tag back. A file whose
bookmarks are gone too must be refused with a clear message. Runs wherever soffice is
installed, and always in CI.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from lxml import etree
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app
from drafter.datafile import load_data
from drafter.docx import bookmarked_controls, find_controls
from drafter.drafting import refresh_draft
from drafter.errors import DraftFormatError

from helpers import example_text

# The example as drafted: one figure left blank, so the draft holds one 【待填】 placeholder.
BLANK = ("行政复议纠错件数: 96", "行政复议纠错件数:")
OLD, NEW = (
    "行政复议受理件数: {本年: 1486, 上年: 1399}",
    "行政复议受理件数: {本年: 1500, 上年: 1399}",
)
LATER = "行政复议受理件数: {本年: 1510, 上年: 1399}"
SOFFICE = shutil.which("soffice")
_SDT = re.compile(r"<w:sdt>.*?</w:sdt>", re.S)
_BOOKMARK = re.compile(r"<w:bookmark(?:Start|End) [^>]*/>")
_NAME = re.compile(r'<w:bookmarkStart [^>]*w:name="([^"]*)"')

pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; in CI this test must run",
)


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


def _with_document_xml(data: bytes, xml: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            is_doc = info.filename == "word/document.xml"
            dst.writestr(info, xml.encode("utf-8") if is_doc else src.read(info))
    return out.getvalue()


def _libreoffice(source: Path, out: Path) -> Path:
    """Open SOURCE in LibreOffice and save it as .docx into folder OUT; return the new file."""
    assert SOFFICE is not None, "CI is set but LibreOffice (soffice) is not installed"
    profile = (out.parent / "profile").as_uri()  # a fresh profile: no lock on the user's own
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return out / source.name


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    """Return the drafted example (one placeholder), and the path of its copy saved by LibreOffice."""
    folder = tmp_path_factory.mktemp("libreoffice")
    data_file = folder / "起草数据.yaml"
    data_file.write_text(example_text(dict([BLANK])), encoding="utf-8")
    draft = folder / "初稿.docx"
    result = CliRunner().invoke(app, ["draft", str(data_file), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    return draft.read_bytes(), _libreoffice(draft, folder / "out")


@pytest.fixture(scope="module")
def refreshed(round_trip: tuple[bytes, Path]) -> tuple[bytes, bytes]:
    """Return the LibreOffice-saved draft and the refresh of it with corrected figures."""
    _, converted = round_trip
    saved = converted.read_bytes()
    return saved, refresh_draft(saved, load_data(example_text({OLD: NEW}), "数据.yaml")).docx


def _keys(data: bytes) -> list[tuple[str, str, str]]:
    return [(c.kind, c.key, c.role) for c in find_controls(docx.Document(io.BytesIO(data)))]


def test_libreoffice_keeps_the_controls_and_their_text(round_trip: tuple[bytes, Path]) -> None:
    drafted, converted = round_trip
    before, after = _document_xml(drafted), _document_xml(converted.read_bytes())
    assert after.count("<w:sdt>") == before.count("<w:sdt>") > 0
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", after))
    assert "1486件" in text and "较上年增长6.2%" in text and "【待填：" in text


def test_libreoffice_keeps_the_bookmark_around_every_control(
    round_trip: tuple[bytes, Path],
) -> None:
    drafted, converted = round_trip
    before, after = _document_xml(drafted), _document_xml(converted.read_bytes())
    assert _NAME.findall(after) == _NAME.findall(before)
    assert len(_NAME.findall(after)) == after.count("<w:sdt>")
    root = etree.fromstring(after.encode("utf-8"))
    assert len(bookmarked_controls(root)) == len(list(root.iter(qn("w:sdt"))))


def test_refresh_after_libreoffice_updates_the_figures_and_restores_the_tags(
    round_trip: tuple[bytes, Path], refreshed: tuple[bytes, bytes]
) -> None:
    drafted, _ = round_trip
    saved, result_docx = refreshed
    data = load_data(example_text({OLD: NEW}), "数据.yaml")
    lost = "<w:sdtPr></w:sdtPr>" in _document_xml(saved)  # not so in a LibreOffice keeping tags
    result = refresh_draft(saved, data)
    assert result.docx == result_docx
    assert {(u.key, u.role, u.old, u.new) for u in result.updated} == {
        ("行政复议受理件数", "value", "1486件", "1500件"),
        ("行政复议受理件数", "change", "较上年增长6.2%", "较上年增长7.2%"),
    }
    assert [(u.key, u.new) for u in result.filled] == [("行政复议纠错件数", "96件")]
    assert result.untagged == 0
    assert result.restored == (_document_xml(saved).count("<w:sdt>") if lost else 0)
    filled = ("figure", "行政复议纠错件数", "value")
    assert _keys(result.docx) == [filled if k[0] == "todo" else k for k in _keys(drafted)]
    controls = find_controls(docx.Document(io.BytesIO(result.docx)))
    assert [c.text for c in controls if c.key == "行政复议受理件数"] == ["1500件", "较上年增长7.2%"]


def test_refresh_after_libreoffice_changes_no_byte_outside_the_controls(
    refreshed: tuple[bytes, bytes],
) -> None:
    saved, result_docx = refreshed
    before, after = _document_xml(saved), _document_xml(result_docx)
    assert "<w:rPr></w:rPr>" in after  # LibreOffice's own spelling, which lxml would collapse
    assert _SDT.sub("<masked/>", before) == _SDT.sub("<masked/>", after)
    # A control whose tag alone came back differs in its w:sdtPr only (lxml's spelling aside).
    changed = {"1486件", "较上年增长6.2%"}
    pairs = list(zip(_SDT.findall(before), _SDT.findall(after), strict=True))
    compared = 0
    for old, new in pairs:
        old_el, new_el = (etree.fromstring(_declared(x)) for x in (old, new))
        text = "".join(old_el.itertext())
        if text in changed or text.startswith("【待填"):
            continue
        compared += 1
        assert [etree.tostring(c, method="c14n") for c in old_el[1:]] == [
            etree.tostring(c, method="c14n") for c in new_el[1:]
        ], text
        assert new_el[0].find(qn("w:tag")) is not None
    assert compared == len(pairs) - 3 > 0


def _declared(sdt_xml: str) -> bytes:
    """Return one `w:sdt` cut out of document.xml, with the namespace it needs declared."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    return sdt_xml.replace("<w:sdt>", f"<w:sdt {w}>", 1).encode("utf-8")


def test_refresh_from_the_command_line_says_it_restored_the_tags(
    round_trip: tuple[bytes, Path],
) -> None:
    _, converted = round_trip
    data_file = converted.with_name("数据.yaml")
    data_file.write_text(example_text({OLD: NEW}), encoding="utf-8")
    target = converted.with_name("更新.docx")
    result = CliRunner().invoke(app, ["refresh", str(converted), str(data_file), "-o", str(target)])
    assert result.exit_code == 0, result.output
    if "<w:sdtPr></w:sdtPr>" in _document_xml(converted.read_bytes()):
        assert "已按控件处的隐藏书签认出并恢复" in result.stdout
    assert "1486件 → 1500件" in result.stdout
    assert target.exists()


def test_a_second_libreoffice_round_trip_still_refreshes(
    round_trip: tuple[bytes, Path], refreshed: tuple[bytes, bytes]
) -> None:
    _, converted = round_trip
    folder = converted.parent.parent / "again"
    folder.mkdir()
    first = folder / "初稿.docx"
    first.write_bytes(refreshed[1])
    saved = _libreoffice(first, folder / "out").read_bytes()
    result = refresh_draft(saved, load_data(example_text({OLD: LATER}), "数据.yaml"))
    assert {(u.key, u.old, u.new) for u in result.updated} == {
        ("行政复议受理件数", "1500件", "1510件"),
        ("行政复议受理件数", "较上年增长7.2%", "较上年增长7.9%"),
    }
    assert result.filled == () and result.untagged == 0  # the filled placeholder is a figure now


def test_refresh_after_libreoffice_without_the_bookmarks_says_the_tags_are_gone(
    round_trip: tuple[bytes, Path],
) -> None:
    _, converted = round_trip
    xml = _document_xml(converted.read_bytes())
    if "<w:sdtPr></w:sdtPr>" not in xml:
        pytest.skip("this LibreOffice keeps content-control properties")
    assert _BOOKMARK.search(xml)
    bare = _with_document_xml(converted.read_bytes(), _BOOKMARK.sub("", xml))
    data = load_data(example_text({OLD: NEW}), "数据.yaml")
    with pytest.raises(DraftFormatError) as caught:
        refresh_draft(bare, data)
    message = str(caught.value)
    assert "没有 drafter 的标签" in message
    assert "LibreOffice" in message
    assert "未做任何修改" in message
    bare_file = converted.with_name("无书签.docx")
    bare_file.write_bytes(bare)
    data_file = converted.with_name("数据.yaml")
    data_file.write_text(example_text({OLD: NEW}), encoding="utf-8")
    result = CliRunner().invoke(app, ["refresh", str(bare_file), str(data_file), "--in-place"])
    assert result.exit_code == 2
    assert "没有 drafter 的标签" in result.stderr and "LibreOffice" in result.stderr
    assert bare_file.read_bytes() == bare
    assert not bare_file.with_name("无书签.docx.bak").exists()


def _with_tags_put_back(saved: bytes, drafted: bytes) -> bytes:
    """Return SAVED with each empty `w:sdtPr` given the tag it had in DRAFTED, in order."""
    tags = re.findall(r'<w:tag w:val="[^"]*"/>', _document_xml(drafted))
    parts = _document_xml(saved).split("<w:sdtPr></w:sdtPr>")
    assert len(parts) == len(tags) + 1
    xml = parts[0] + "".join(
        f"<w:sdtPr>{t}</w:sdtPr>{p}" for t, p in zip(tags, parts[1:], strict=True)
    )
    return _with_document_xml(saved, xml)


def test_tagged_controls_in_libreoffice_xml_are_updated_byte_for_byte_outside(
    round_trip: tuple[bytes, Path],
) -> None:
    drafted, converted = round_trip
    saved = converted.read_bytes()
    if "<w:sdtPr></w:sdtPr>" not in _document_xml(saved):
        pytest.skip("this LibreOffice keeps content-control properties")
    tagged = _with_tags_put_back(saved, drafted)
    data = load_data(example_text(dict([BLANK, (OLD, NEW)])), "数据.yaml")
    result = refresh_draft(tagged, data)
    assert result.restored == 0
    assert {(u.key, u.new) for u in result.updated} == {
        ("行政复议受理件数", "1500件"),
        ("行政复议受理件数", "较上年增长7.2%"),
    }
    before, after = _document_xml(tagged), _document_xml(result.docx)
    assert "<w:rPr></w:rPr>" in after  # LibreOffice's own spelling, which lxml would collapse
    control = re.compile(
        r'<w:sdt><w:sdtPr><w:tag w:val="drafter:行政复议受理件数(?::change)?"/>.*?</w:sdt>'
    )
    assert control.sub("<masked/>", before) == control.sub("<masked/>", after)
    assert len(control.findall(after)) == 2
