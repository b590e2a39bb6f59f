"""`drafter learn` and `drafter outline` through the CLI: bad input, skipping, JSON shape, start-up."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app
from drafter.learning import dump_skeleton, learn_skeleton
from drafter.reading import find_report_files, parse_reports

from conftest import SEED_NAMES, SEEDS

runner = CliRunner()
KOREAN = "법치정부 건설 연도 보고서입니다. 행정심판 사건을 처리했습니다."


def _bad_file(name: str, data: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(data)
        return path

    return make


def _empty_folder(tmp: Path) -> Path:
    folder = tmp / "空文件夹"
    folder.mkdir()
    return folder


def _folder_of_pdfs(tmp: Path) -> Path:
    folder = tmp / "扫描件"
    folder.mkdir()
    (folder / "2023年报告.pdf").write_bytes(b"%PDF-1.4\n")
    return folder


def _docx_with_broken_xml(tmp: Path) -> Path:
    import io
    import zipfile

    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("一、加强党的领导。")
    document.save(buffer)
    path = tmp / "半截.docx"
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(
                item, data[: len(data) // 2] if item.filename == "word/document.xml" else data
            )
    return path


BAD_INPUTS: dict[str, Callable[[Path], Path]] = {
    "missing path": lambda tmp: tmp / "没有这个文件.txt",
    "folder with no reports": _empty_folder,
    "folder of pdfs": _folder_of_pdfs,
    "empty file": _bad_file("空报告.txt", b""),
    "blank file": _bad_file("空白报告.txt", " \r\n\u3000\r\n".encode()),
    "binary file": _bad_file("图片.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * 8),
    "pdf": _bad_file("2023年报告.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"),
    "corrupt docx": _bad_file("损坏.docx", bytes((i * 37 + 11) % 256 for i in range(4000))),
    "docx that is a zip of something else": _bad_file("压缩包.docx", b"PK\x05\x06" + b"\x00" * 18),
    "docx with broken XML": _docx_with_broken_xml,
    "undecodable encoding": _bad_file("韩文编码.txt", KOREAN.encode("euc_kr") * 20),
    "no Chinese at all": _bad_file("english.txt", b"This is not a report.\n" * 5),
}


def _invoke(*args: str) -> Any:
    return runner.invoke(app, list(args))


def _assert_clean_failure(result: Any, named: Path) -> None:
    """Exit 2, one Chinese line on stderr naming the file, nothing on stdout, no traceback."""
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("错误：")
    assert str(named) in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_learn_rejects_bad_input_and_writes_nothing(tmp_path: Path, case: str) -> None:
    bad = BAD_INPUTS[case](tmp_path)
    out = tmp_path / "skeleton.yaml"
    result = _invoke("learn", str(bad), "-o", str(out))
    _assert_clean_failure(result, bad)
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".skeleton")] == []


@pytest.mark.parametrize("case", ["missing path", "corrupt docx", "undecodable encoding"])
def test_outline_rejects_bad_input(tmp_path: Path, case: str) -> None:
    bad = BAD_INPUTS[case](tmp_path)
    _assert_clean_failure(_invoke("outline", str(bad), "--json"), bad)


def test_one_bad_file_among_good_ones_is_skipped_and_reported(tmp_path: Path) -> None:
    bad = BAD_INPUTS["corrupt docx"](tmp_path)
    out = tmp_path / "skeleton.yaml"
    result = _invoke(
        "learn", str(SEEDS / SEED_NAMES[0]), str(bad), str(SEEDS / SEED_NAMES[1]), "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    skipped = [line for line in result.stderr.splitlines() if line.startswith("已跳过")]
    assert len(skipped) == 1 and str(bad) in skipped[0]
    assert skipped[0].startswith(f"已跳过（无法读取）：{bad}：")
    assert "共读取报告 2 篇，跳过 1 个文件。" in result.stdout
    assert out.exists()
    assert "version: 1" in out.read_text(encoding="utf-8")


def test_strict_stops_at_the_bad_file_and_writes_nothing(tmp_path: Path) -> None:
    bad = BAD_INPUTS["pdf"](tmp_path)
    out = tmp_path / "skeleton.yaml"
    result = _invoke("learn", str(SEEDS), str(bad), "--strict", "-o", str(out))
    _assert_clean_failure(result, bad)
    assert not out.exists()


def test_all_files_bad_is_an_error_listing_each(tmp_path: Path) -> None:
    bad = [BAD_INPUTS[c](tmp_path) for c in ("pdf", "corrupt docx")]
    out = tmp_path / "skeleton.yaml"
    result = _invoke("learn", *map(str, bad), "-o", str(out))
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert [line.split("：")[0] for line in lines] == ["已跳过（无法读取）"] * 2 + ["错误"]
    assert all(str(b) in result.stderr for b in bad)
    assert "Traceback" not in result.output
    assert not out.exists()


@pytest.mark.parametrize("where", ["folder", "unwritable"])
def test_learn_output_that_cannot_be_written_is_a_clear_error(tmp_path: Path, where: str) -> None:
    out = tmp_path if where == "folder" else tmp_path / "file.txt" / "skeleton.yaml"
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")  # a file where a folder should be
    result = _invoke("learn", str(SEEDS / SEED_NAMES[0]), "-o", str(out))
    _assert_clean_failure(result, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]


def test_learn_keeps_an_existing_skeleton_without_force(tmp_path: Path) -> None:
    out = tmp_path / "skeleton.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = _invoke("learn", str(SEEDS), "-o", str(out))
    _assert_clean_failure(result, out)
    assert "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "mine\n"


def test_learn_force_replaces_an_existing_skeleton(tmp_path: Path) -> None:
    out = tmp_path / "skeleton.yaml"
    out.write_text("mine\n", encoding="utf-8")
    result = _invoke("learn", str(SEEDS), "-o", str(out), "--force")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# drafter 从往年报告学到的报告骨架")


def test_learn_refuses_reports_without_any_heading(tmp_path: Path) -> None:
    report = tmp_path / "无标题.txt"
    report.write_text("今年以来，我市扎实推进法治政府建设，取得明显成效。\n", encoding="utf-8")
    out = tmp_path / "skeleton.yaml"
    result = _invoke("learn", str(report), "-o", str(out))
    assert result.exit_code == 2
    assert "没有识别出任何章节标题" in result.stderr
    assert not out.exists()


def test_learn_writes_the_skeleton_and_prints_a_table(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "skeleton.yaml"
    result = _invoke("learn", str(SEEDS), "-o", str(out))
    assert result.exit_code == 0, result.output
    in_process = learn_skeleton(parse_reports(find_report_files([SEEDS])).outlines)
    assert out.read_text(encoding="utf-8") == dump_skeleton(in_process)
    lines = result.stdout.splitlines()
    assert lines[0] == "共读取报告 5 篇。"
    assert lines[1].split() == ["类别", "报告数", "栏目数", "位置", "默认标题"]
    rows = {line.split()[0]: line.split()[1:3] for line in lines[2:]}
    assert rows["党的领导"] == ["5", "12"]
    assert rows["第一责任人"][0] == "1"
    assert f"骨架已写入 {out}" in result.stderr


# -- outline --json: the documented shape ---------------------------------------------------------

_REPORT_KEYS = {"file", "title", "year", "unit", "issuers", "sections"}
_SECTION_KEYS = {"number", "title", "level", "category", "score", "paragraphs", "children"}


def _check_section(section: Any, parent_level: int) -> int:
    assert isinstance(section, dict)
    assert set(section) == _SECTION_KEYS
    assert section["number"] is None or isinstance(section["number"], str)
    assert isinstance(section["title"], str)
    assert type(section["level"]) is int and section["level"] == parent_level + 1
    assert isinstance(section["category"], str) and section["category"]
    assert type(section["score"]) is float
    assert isinstance(section["paragraphs"], list)
    assert all(isinstance(p, str) for p in section["paragraphs"])
    assert isinstance(section["children"], list)
    return 1 + sum(_check_section(c, section["level"]) for c in section["children"])


def test_outline_json_has_exactly_the_documented_shape() -> None:
    files = [SEEDS / SEED_NAMES[1], SEEDS / SEED_NAMES[2]]
    result = _invoke("outline", *map(str, files), "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 2
    for report, path in zip(data, files, strict=True):
        assert set(report) == _REPORT_KEYS
        assert report["file"] == str(path)
        assert report["title"] is None or isinstance(report["title"], str)
        assert report["year"] is None or type(report["year"]) is int
        assert report["unit"] is None or isinstance(report["unit"], str)
        assert isinstance(report["issuers"], list)
        assert report["unit"] == (" ".join(report["issuers"]) or None)
        assert isinstance(report["sections"], list) and report["sections"]
        assert sum(_check_section(s, 0) for s in report["sections"]) > 5
    # the traditional seed comes out simplified
    assert data[1]["sections"][0]["title"] == "2024年度推进法治政府建设的主要举措和成效"
    assert data[1]["year"] == 2024


def test_outline_tree_shows_headings_and_categories() -> None:
    result = _invoke("outline", str(SEEDS / SEED_NAMES[1]))
    assert result.exit_code == 0, result.output
    assert "一、工作开展情况  [主要举措和成效" in result.stdout
    assert "    （一）加强党对法治政府建设的领导  [党的领导" in result.stdout
    assert result.stdout.startswith("说明：方括号内为类别和可信度")


# -- uncertain categories: 待核 in outline, named by learn -----------------------------------------

_VAGUE = "2024年，示例县扎实推进法治政府建设。\n一、有关工作\n做了大量工作。\n二、其他事项\n还有一些事项。\n"


def test_outline_marks_sections_below_the_threshold_for_review(tmp_path: Path) -> None:
    report = tmp_path / "含糊.txt"
    report.write_text(_VAGUE, encoding="utf-8")
    result = _invoke("outline", str(report))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("说明：方括号内为类别和可信度")
    headings = [line for line in lines if line.startswith("  一、") or line.startswith("  二、")]
    assert [h.split("  [")[0] for h in headings] == ["  一、有关工作", "  二、其他事项"]
    assert all(h.endswith("]  待核") for h in headings)


def test_outline_of_a_report_without_headings_is_one_flagged_section(tmp_path: Path) -> None:
    report = tmp_path / "无标题.txt"
    report.write_text("今年以来，我市扎实推进法治政府建设，取得明显成效。\n", encoding="utf-8")
    result = _invoke("outline", str(report))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[2:] == ["  （无标题）  [其他 0.00]  待核"]


def test_learn_names_the_uncertain_sections_it_rests_on(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in SEED_NAMES:
        (folder / name).write_bytes((SEEDS / name).read_bytes())
    (folder / "含糊.txt").write_text(_VAGUE, encoding="utf-8")
    (folder / "无标题.txt").write_text("今年以来，我市扎实推进法治政府建设。\n", encoding="utf-8")
    result = _invoke("learn", str(folder), "-o", str(tmp_path / "skeleton.yaml"))
    assert result.exit_code == 0, result.output
    assert "没有识别出章节标题" in result.stderr and "无标题.txt" in result.stderr
    assert "可信度低于 0.5（待核）" in result.stderr
    assert "含糊.txt：一、有关工作（" in result.stderr
    assert "含糊.txt：二、其他事项（" in result.stderr
    assert result.stdout.startswith("共读取报告 7 篇。")
