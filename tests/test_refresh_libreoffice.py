"""A draft saved again by LibreOffice (`soffice --convert-to docx`), then refreshed.

LibreOffice 7.4 keeps every inline content control and its text but writes an empty `w:sdtPr`:
the drafter tags are gone, so refresh must refuse and say why. A LibreOffice that keeps the tags
must get the surviving figures refreshed. Runs wherever soffice is installed, and always in CI.
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
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli_app import app
from drafter.data import load_data
from drafter.docx_controls import find_controls
from drafter.errors import DraftFormatError
from drafter.refresh import refresh_draft

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "示例市2025年度数据.yaml"
OLD, NEW = (
    "行政复议受理件数: {本年: 1486, 上年: 1399}",
    "行政复议受理件数: {本年: 1500, 上年: 1399}",
)
SOFFICE = shutil.which("soffice")

pytestmark = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; in CI this test must run",
)


def _document_xml(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return zf.read("word/document.xml").decode("utf-8")


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, Path]:
    """Return the drafted example, and the path of its copy saved by LibreOffice."""
    assert SOFFICE is not None, "CI is set but LibreOffice (soffice) is not installed"
    folder = tmp_path_factory.mktemp("libreoffice")
    draft = folder / "初稿.docx"
    result = CliRunner().invoke(app, ["draft", str(EXAMPLE), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    out = folder / "out"
    profile = (folder / "profile").as_uri()  # a fresh profile: no lock on the user's own
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "docx",
         "--outdir", str(out), str(draft)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return draft.read_bytes(), out / "初稿.docx"


def test_libreoffice_keeps_the_controls_and_their_text(round_trip: tuple[bytes, Path]) -> None:
    drafted, converted = round_trip
    before, after = _document_xml(drafted), _document_xml(converted.read_bytes())
    assert after.count("<w:sdt>") == before.count("<w:sdt>") > 0
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", after))
    assert "1486件" in text and "同比增长6.2%" in text


def test_refresh_after_libreoffice_refreshes_what_survives_or_says_the_tags_are_gone(
    round_trip: tuple[bytes, Path],
) -> None:
    _, converted = round_trip
    data = load_data(EXAMPLE.read_text(encoding="utf-8").replace(OLD, NEW), "数据.yaml")
    saved = converted.read_bytes()
    surviving = find_controls(docx.Document(io.BytesIO(saved)))
    if surviving:  # a LibreOffice that keeps content-control tags (not 7.4)
        result = refresh_draft(saved, data)
        texts = [c.text for c in find_controls(docx.Document(io.BytesIO(result.docx)))
                 if c.key == "行政复议受理件数"]  # fmt: skip
        assert texts == ["1500件", "同比增长7.2%"]
        return
    with pytest.raises(DraftFormatError) as caught:
        refresh_draft(saved, data)
    message = str(caught.value)
    assert "没有 drafter 的标签" in message
    assert "LibreOffice" in message
    assert "未做任何修改" in message
    data_file = converted.with_name("数据.yaml")
    data_file.write_text(EXAMPLE.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    result = CliRunner().invoke(app, ["refresh", str(converted), str(data_file), "--in-place"])
    assert result.exit_code == 2
    assert "没有 drafter 的标签" in result.stderr and "LibreOffice" in result.stderr
    assert converted.read_bytes() == saved
    assert not converted.with_name("初稿.docx.bak").exists()


def _with_tags_put_back(saved: bytes, drafted: bytes) -> bytes:
    """Return SAVED with each empty `w:sdtPr` given the tag it had in DRAFTED, in order."""
    tags = re.findall(r'<w:tag w:val="[^"]*"/>', _document_xml(drafted))
    parts = _document_xml(saved).split("<w:sdtPr></w:sdtPr>")
    assert len(parts) == len(tags) + 1
    xml = parts[0] + "".join(
        f"<w:sdtPr>{t}</w:sdtPr>{p}" for t, p in zip(tags, parts[1:], strict=True)
    )
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(saved)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            is_doc = info.filename == "word/document.xml"
            dst.writestr(info, xml.encode("utf-8") if is_doc else src.read(info))
    return out.getvalue()


def test_libreoffice_xml_outside_the_updated_controls_is_kept_byte_for_byte(
    round_trip: tuple[bytes, Path],
) -> None:
    drafted, converted = round_trip
    saved = converted.read_bytes()
    if "<w:sdtPr></w:sdtPr>" not in _document_xml(saved):
        pytest.skip("this LibreOffice keeps content-control properties")
    tagged = _with_tags_put_back(saved, drafted)
    data = load_data(EXAMPLE.read_text(encoding="utf-8").replace(OLD, NEW), "数据.yaml")
    result = refresh_draft(tagged, data)
    assert {(u.key, u.new) for u in result.updated} == {
        ("行政复议受理件数", "1500件"),
        ("行政复议受理件数", "同比增长7.2%"),
    }
    before, after = _document_xml(tagged), _document_xml(result.docx)
    assert "<w:rPr></w:rPr>" in after  # LibreOffice's own spelling, which lxml would collapse
    control = re.compile(
        r'<w:sdt><w:sdtPr><w:tag w:val="drafter:行政复议受理件数(?::change)?"/>.*?</w:sdt>'
    )
    assert control.sub("<masked/>", before) == control.sub("<masked/>", after)
    assert len(control.findall(after)) == 2
