"""A folder of reports: every file not read is listed with its reason, copies of one report in
several formats are read once and said, --strict stops at the first unreadable file, and a
format whose program is missing stops the command with one line naming what to install."""

from __future__ import annotations

import os
import shutil
from operator import attrgetter
from pathlib import Path

import pytest
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app
from drafter.errors import EmptyReportError, InputError, MissingToolError
from drafter.reading import find_report_files, parse_reports

from conftest import SEEDS
from helpers import SOFFICE, docx_with_styles, soffice_convert, web_page

runner = CliRunner()
SEED_000 = SEEDS / "000_b1cc889bd410f338.txt"
SEED_001 = SEEDS / "001_bc27b33d59f37cf0.txt"


def _lines(seed: Path) -> list[str]:
    return [ln for ln in seed.read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Return a folder: two reports, one of them also as .docx and as a web page, and four
    files that are not read: a spreadsheet, an empty .txt, a broken .docx, a lock file."""
    reports = tmp_path / "往年报告"
    (reports / "2024").mkdir(parents=True)
    shutil.copyfile(SEED_000, reports / "2024" / "许昌市2024.txt")
    docx_with_styles(SEED_000.read_text(encoding="utf-8"), reports / "2024" / "许昌市2024.docx")
    page = web_page(_lines(SEED_000), "法治政府建设年度报告", charset="gb2312")
    (reports / "2024" / "许昌市2024（网页）.html").write_bytes(page)
    shutil.copyfile(SEED_001, reports / "乌审旗2024.txt")
    (reports / "统计表.xlsx").write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    (reports / "空白.txt").write_bytes(b"")
    (reports / "损坏.docx").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    (reports / "~$许昌市2024.docx").write_bytes(b"\x00" * 162)  # Word's lock file: not listed
    (reports / "Thumbs.db").write_bytes(b"\x00" * 10)
    return reports


def test_folder_lists_each_skipped_file_with_its_reason(folder: Path) -> None:
    parsed = parse_reports(find_report_files([folder]))
    assert [(Path(s.path).name, s.reason) for s in parsed.skipped] == [
        ("损坏.docx", "unreadable"),
        ("空白.txt", "empty"),
        ("统计表.xlsx", "format"),
    ]
    assert isinstance(parsed.skipped[1].error, EmptyReportError)


def test_copies_of_one_report_are_read_once_keeping_the_docx(folder: Path) -> None:
    parsed = parse_reports(find_report_files([folder]))
    assert sorted(Path(o.file).name for o in parsed.outlines) == [
        "乌审旗2024.txt",
        "许昌市2024.docx",
    ]
    [merged] = parsed.merged
    assert Path(merged.kept).name == "许昌市2024.docx"
    assert sorted(Path(c).name for c in merged.copies) == [
        "许昌市2024.txt",
        "许昌市2024（网页）.html",
    ]


def test_strict_stops_at_the_first_unreadable_file_in_name_order(folder: Path) -> None:
    with pytest.raises(InputError) as caught:
        parse_reports(find_report_files([folder]), strict=True)
    assert caught.value.path == str(folder / "损坏.docx")
    assert "不是有效的 .docx" in caught.value.message


def test_learn_on_a_folder_says_what_it_skipped_and_merged(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "skeleton.yaml"
    result = runner.invoke(app, ["learn", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert [ln.split("：")[0] for ln in lines if ln.startswith("已跳过")] == [
        "已跳过（无法读取）",
        "已跳过（没有文字）",
        "已跳过（格式不支持）",
    ]
    [merged] = [ln for ln in lines if ln.startswith("已合并")]
    assert "许昌市2024.txt" in merged and "许昌市2024（网页）.html" in merged
    assert merged.endswith("内容相同，只读取 " + str(folder / "2024" / "许昌市2024.docx") + "。")
    assert "共读取报告 2 篇，跳过 3 个文件，合并重复副本 2 个。" in result.stdout
    assert out.exists()


def test_learn_strict_on_the_folder_exits_2_and_writes_nothing(
    folder: Path, tmp_path: Path
) -> None:
    out = tmp_path / "skeleton.yaml"
    result = runner.invoke(app, ["learn", str(folder), "--strict", "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        f"错误：{folder / '损坏.docx'}：不是有效的 .docx 文件（可能已损坏）。请用 Word/WPS 打开后重新另存为 .docx。"
    ]
    assert not out.exists()


def test_outline_and_extract_read_the_folder_through_the_same_stage(folder: Path) -> None:
    for command in (["outline", str(folder), "--json"], ["extract", str(folder), "--json"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 0, result.output
        assert result.stderr.count("已跳过") == 3 and result.stderr.count("已合并") == 1


def test_folder_with_no_readable_report_names_the_formats(tmp_path: Path) -> None:
    (tmp_path / "照片.jpg").write_bytes(b"\xff\xd8\xff")
    result = runner.invoke(app, ["outline", str(tmp_path)])
    assert result.exit_code == 2
    assert "文件夹里没有能读取的报告（这里有 1 个其他格式的文件，如 照片.jpg）" in result.stderr
    assert ".doc、.wps、.odt、.rtf、.pdf、.html" in result.stderr


@pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; in CI this test must run",
)
def test_without_libreoffice_a_doc_stops_the_command_naming_the_package(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [doc] = soffice_convert([folder / "2024" / "许昌市2024.docx"], "doc", tmp_path)
    shutil.move(doc, folder / "旧版.doc")
    monkeypatch.setenv("DRAFTER_SOFFICE", "")  # as on a machine without LibreOffice
    with pytest.raises(MissingToolError):
        parse_reports(find_report_files([folder]))  # not skipped: every .doc would fail alike
    out = tmp_path / "skeleton.yaml"
    result = runner.invoke(app, ["learn", str(folder), "-o", str(out)])
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"错误：{folder / '旧版.doc'}：读取 .doc 文件需要 LibreOffice")
    assert "libreoffice-writer-nogui" in line and "Windows/macOS" in line
    assert not out.exists()


@pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; in CI this test must run",
)
def test_a_folder_of_old_word_files_is_converted_and_a_broken_one_skipped(tmp_path: Path) -> None:
    sources = []
    for seed in (SEED_000, SEED_001):
        sources.append(tmp_path / f"{seed.stem}.docx")
        docx_with_styles(seed.read_text(encoding="utf-8"), sources[-1])
    reports = tmp_path / "旧文件"
    reports.mkdir()
    for doc in soffice_convert(sources, "doc", tmp_path):
        shutil.move(doc, reports / doc.name)
    (reports / "坏的.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    parsed = parse_reports(find_report_files([reports]))
    assert sorted(Path(o.file).name for o in parsed.outlines) == [
        f"{SEED_000.stem}.doc",
        f"{SEED_001.stem}.doc",
    ]
    assert [(Path(o.file).stem, o.year) for o in parsed.outlines] == [
        (SEED_000.stem, 2024),
        (SEED_001.stem, 2024),
    ]
    [skipped] = parsed.skipped
    assert (Path(skipped.path).name, skipped.reason) == ("坏的.doc", "unreadable")
    assert "LibreOffice 无法打开这个文件" in skipped.error.message


@pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed; in CI this test must run",
)
def test_an_old_word_file_renamed_docx_is_read_as_one(tmp_path: Path) -> None:
    source = tmp_path / "source.docx"
    docx_with_styles(SEED_001.read_text(encoding="utf-8"), source)
    [doc] = soffice_convert([source], "doc", tmp_path)
    renamed = tmp_path / "改了扩展名.docx"
    shutil.move(doc, renamed)
    [outline] = parse_reports([renamed], strict=True).outlines
    assert [s.as_dict() for s in outline.sections] == [
        s.as_dict() for s in parse_reports([SEED_001]).outlines[0].sections
    ]


def test_worker_processes_read_a_folder_as_one_process_does(folder: Path) -> None:
    files = [*find_report_files([folder]), *find_report_files([SEEDS])]
    alone = parse_reports(files, workers=1)
    shared = parse_reports(files, workers=2)
    assert len(alone.outlines) == 5  # the folder's two reports are copies of seeds 000 and 001
    assert shared.outlines == alone.outlines
    assert shared.merged == alone.merged
    # a file a worker cannot read is read again here: the same reason and the same message
    assert [(s.path, s.reason, str(s.error)) for s in shared.skipped] == [
        (s.path, s.reason, str(s.error)) for s in alone.skipped
    ]
    assert len(shared.skipped) == 3


def test_a_study_of_each_report_comes_back_with_the_outline_kept(tmp_path: Path) -> None:
    shutil.copyfile(SEED_000, tmp_path / "2023a.txt")
    docx_with_styles(SEED_000.read_text(encoding="utf-8"), tmp_path / "2023b.docx")  # a copy, after
    files = [*find_report_files([tmp_path]), *find_report_files([SEEDS])]
    assert parse_reports(files).studies == []  # no study asked for
    for workers in (1, 2):
        parsed = parse_reports(files, workers=workers, study=attrgetter("file"))
        # the .docx read second replaces the .txt: its study goes with it, not the .txt's
        assert parsed.studies[0] == str(tmp_path / "2023b.docx")
        assert parsed.studies == [o.file for o in parsed.outlines]
        assert len(parsed.studies) == 5


def test_strict_with_workers_stops_at_the_same_file(folder: Path) -> None:
    with pytest.raises(InputError) as caught:
        parse_reports(find_report_files([folder]), strict=True, workers=2)
    assert caught.value.path == str(folder / "损坏.docx")
