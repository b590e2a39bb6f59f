"""Tests for `drafter refresh` through CliRunner: output names, overwrite rules, bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app
from drafter.datafile import load_data
from drafter.docx import find_controls

from helpers import EXAMPLE

OLD, NEW = (
    "行政复议受理件数: {本年: 1486, 上年: 1399}",
    "行政复议受理件数: {本年: 1500, 上年: 1399}",
)


@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("draft")
    result = CliRunner().invoke(app, ["draft", str(EXAMPLE), "-o", str(folder / "初稿.docx")])
    assert result.exit_code == 0, result.output
    return (folder / "初稿.docx").read_bytes()


@pytest.fixture
def files(tmp_path: Path, drafted: bytes) -> tuple[Path, Path]:
    """Return (draft, corrected data) in a fresh folder."""
    text = EXAMPLE.read_text(encoding="utf-8")
    assert OLD in text
    draft, data = tmp_path / "初稿.docx", tmp_path / "数据.yaml"
    draft.write_bytes(drafted)
    data.write_text(text.replace(OLD, NEW), encoding="utf-8")
    return draft, data


def _value(path: Path, key: str) -> list[str]:
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return [c.text for c in find_controls(document) if c.key == key]


def test_default_output_is_draft_name_refreshed(files: tuple[Path, Path]) -> None:
    draft, data = files
    before = draft.read_bytes()
    result = CliRunner().invoke(app, ["refresh", str(draft), str(data)])
    assert result.exit_code == 0, result.output
    out = draft.with_name("初稿.refreshed.docx")
    assert _value(out, "行政复议受理件数") == ["1500件", "较上年增长7.2%"]
    assert draft.read_bytes() == before
    assert "原值 → 新值" in result.stdout
    assert "1486件 → 1500件" in result.stdout
    assert "较上年增长6.2% → 较上年增长7.2%" in result.stdout
    assert "已写入" in result.stderr


def test_output_option_names_the_file(files: tuple[Path, Path], tmp_path: Path) -> None:
    draft, data = files
    result = CliRunner().invoke(
        app, ["refresh", str(draft), str(data), "-o", str(tmp_path / "新.docx")]
    )
    assert result.exit_code == 0, result.output
    assert _value(tmp_path / "新.docx", "行政复议受理件数")[0] == "1500件"


def test_refuses_to_overwrite_an_existing_output(files: tuple[Path, Path]) -> None:
    draft, data = files
    out = draft.with_name("初稿.refreshed.docx")
    out.write_bytes(b"keep me")
    result = CliRunner().invoke(app, ["refresh", str(draft), str(data)])
    assert result.exit_code == 2
    assert "文件已存在" in result.stderr and "--force" in result.stderr
    assert out.read_bytes() == b"keep me"
    forced = CliRunner().invoke(app, ["refresh", str(draft), str(data), "--force"])
    assert forced.exit_code == 0, forced.output
    assert _value(out, "行政复议受理件数")[0] == "1500件"


def test_in_place_keeps_a_bak_copy_first(files: tuple[Path, Path]) -> None:
    draft, data = files
    before = draft.read_bytes()
    result = CliRunner().invoke(app, ["refresh", str(draft), str(data), "--in-place"])
    assert result.exit_code == 0, result.output
    assert draft.with_name("初稿.docx.bak").read_bytes() == before
    assert _value(draft, "行政复议受理件数")[0] == "1500件"
    assert not draft.with_name("初稿.refreshed.docx").exists()


def test_a_second_in_place_keeps_a_numbered_backup(files: tuple[Path, Path]) -> None:
    draft, data = files
    before = draft.read_bytes()
    draft.with_name("初稿.docx.bak").write_bytes(b"older backup")
    result = CliRunner().invoke(app, ["refresh", str(draft), str(data), "--in-place"])
    assert result.exit_code == 0, result.output
    assert draft.with_name("初稿.docx.bak").read_bytes() == b"older backup"
    assert draft.with_name("初稿.docx.bak.1").read_bytes() == before
    assert "初稿.docx.bak.1" in result.stderr
    assert _value(draft, "行政复议受理件数")[0] == "1500件"


def test_in_place_and_output_together_are_a_usage_error(files: tuple[Path, Path]) -> None:
    draft, data = files
    result = CliRunner().invoke(
        app, ["refresh", str(draft), str(data), "--in-place", "-o", str(draft.with_name("x.docx"))]
    )
    assert result.exit_code == 2
    assert "只能选一个" in result.stderr


def test_dry_run_prints_the_table_and_writes_nothing(files: tuple[Path, Path]) -> None:
    draft, data = files
    before = sorted(p.name for p in draft.parent.iterdir())
    result = CliRunner().invoke(app, ["refresh", str(draft), str(data), "--dry-run", "--in-place"])
    assert result.exit_code == 0, result.output
    assert "1486件 → 1500件" in result.stdout
    assert "未写入任何文件" in result.stderr
    assert sorted(p.name for p in draft.parent.iterdir()) == before


def test_nothing_changed_writes_nothing(files: tuple[Path, Path]) -> None:
    draft, _ = files
    result = CliRunner().invoke(app, ["refresh", str(draft), str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "没有需要更新的数字" in result.stdout
    assert not draft.with_name("初稿.refreshed.docx").exists()


def test_deleted_figure_is_listed_as_unplaceable(files: tuple[Path, Path], tmp_path: Path) -> None:
    draft, data = files
    document = docx.Document(io.BytesIO(draft.read_bytes()))
    for control in find_controls(document):
        if control.key == "行政复议受理件数":
            control.element.getparent().remove(control.element)
    document.save(str(draft))
    result = CliRunner().invoke(app, ["refresh", str(draft), str(data), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "无法放置" in result.stdout
    assert "行政复议受理件数：1500件" in result.stdout


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"this is not a word file", "不是 .docx 文件"),
        (b"PK\x03\x04 truncated zip", "不是 .docx 文件"),
    ],
)
def test_not_a_docx_exits_2_and_leaves_the_draft(
    tmp_path: Path, files: tuple[Path, Path], content: bytes, message: str
) -> None:
    _, data = files
    bad = tmp_path / "坏.docx"
    bad.write_bytes(content)
    result = CliRunner().invoke(app, ["refresh", str(bad), str(data), "--in-place"])
    assert result.exit_code == 2
    assert result.stderr.startswith("错误：") and message in result.stderr
    assert bad.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["初稿.docx", "坏.docx", "数据.yaml"]


def test_a_docx_not_made_by_drafter_exits_2(tmp_path: Path, files: tuple[Path, Path]) -> None:
    _, data = files
    other = tmp_path / "别人的.docx"
    docx.Document().save(str(other))
    before = other.read_bytes()
    result = CliRunner().invoke(app, ["refresh", str(other), str(data)])
    assert result.exit_code == 2
    assert "不是 drafter 生成的初稿" in result.stderr and "控件已被删除" in result.stderr
    assert other.read_bytes() == before
    assert not other.with_name("别人的.refreshed.docx").exists()


def test_missing_draft_exits_2(tmp_path: Path, files: tuple[Path, Path]) -> None:
    _, data = files
    result = CliRunner().invoke(app, ["refresh", str(tmp_path / "无.docx"), str(data)])
    assert result.exit_code == 2
    assert "初稿文件不存在" in result.stderr


def test_bad_data_exits_2_and_leaves_the_draft(files: tuple[Path, Path]) -> None:
    draft, data = files
    before = draft.read_bytes()
    data.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace(OLD, "行政复议受理件数: 很多"), encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["refresh", str(draft), str(data), "--in-place"])
    assert result.exit_code == 2
    assert "行政复议受理件数" in result.stderr and "不是数字" in result.stderr
    assert draft.read_bytes() == before
    assert not draft.with_name("初稿.docx.bak").exists()


def test_pending_placeholders_are_counted_not_all_listed(tmp_path: Path) -> None:
    runner = CliRunner()
    data = tmp_path / "数据.yaml"
    assert (
        runner.invoke(
            app, ["scaffold", "--unit", "示例市人民政府", "--year", "2025", "-o", str(data)]
        ).exit_code
        == 0
    )
    draft = tmp_path / "初稿.docx"
    assert runner.invoke(app, ["draft", str(data), "-o", str(draft)]).exit_code == 0
    result = runner.invoke(app, ["refresh", str(draft), str(data), "--dry-run"])
    assert result.exit_code == 0, result.output
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("仍待填"))
    listed = len(load_data(data.read_text(encoding="utf-8"), str(data)).figures)
    assert listed > 8
    assert line.endswith(f"等 {listed} 项。运行 drafter check 可逐处列出。")
    assert line.count("、") == 7  # the first eight names only


def test_data_for_another_year_is_refused(files: tuple[Path, Path]) -> None:
    draft, data = files
    text = data.read_text(encoding="utf-8")
    data.write_text(
        text.replace("年度: 2025", "年度: 2024").replace("2026年3月6日", "2025年3月6日"), "utf-8"
    )
    before = draft.read_bytes()
    result = CliRunner().invoke(app, ["refresh", str(draft), str(data)])
    assert result.exit_code == 2
    assert "数据表是 2024 年度的，初稿却是 2025 年度的报告" in result.stderr
    assert draft.read_bytes() == before
    assert not draft.with_name("初稿.refreshed.docx").exists()


def test_a_late_figure_gets_its_change_computed_by_refresh(tmp_path: Path) -> None:
    # Drafted with only last year's figure (as `scaffold --from` pre-fills it) ...
    text = EXAMPLE.read_text(encoding="utf-8")
    early, late = tmp_path / "早.yaml", tmp_path / "晚.yaml"
    early.write_text(text.replace(OLD, "行政复议受理件数: {上年: 1399}"), encoding="utf-8")
    late.write_text(text.replace(OLD, NEW), encoding="utf-8")
    draft = tmp_path / "初稿.docx"
    runner = CliRunner()
    assert runner.invoke(app, ["draft", str(early), "-o", str(draft)]).exit_code == 0
    assert _value(draft, "行政复议受理件数")[1:] == ["【待填：同比】"]
    # ... then refreshed when this year's figure arrives: value and 同比 both filled
    result = runner.invoke(app, ["refresh", str(draft), str(late)])
    assert result.exit_code == 0, result.output
    assert "没有同比的位置" not in result.output
    refreshed = draft.with_name("初稿.refreshed.docx")
    assert _value(refreshed, "行政复议受理件数") == ["1500件", "较上年增长7.2%"]
    document = docx.Document(io.BytesIO(refreshed.read_bytes()))
    change = next(c for c in find_controls(document) if c.tag == "drafter:行政复议受理件数:change")
    assert change.element.find(".//" + qn("w:highlight")) is None


def _type_into_placeholder(path: Path, key: str, typed: str) -> None:
    """Replace the text of KEY's 【待填】 control by TYPED, as a writer would in Word."""
    document = docx.Document(io.BytesIO(path.read_bytes()))
    (control,) = [c for c in find_controls(document) if c.key == key and c.kind == "todo"]
    texts = list(control.element.iter(qn("w:t")))
    texts[0].text = typed
    for t in texts[1:]:
        t.text = ""
    document.save(str(path))


@pytest.mark.parametrize("typed", ["1500件", "【待填：1500件】"])
def test_a_placeholder_the_writer_typed_a_number_into_is_filled_for_refresh_and_check(
    tmp_path: Path, typed: str
) -> None:
    runner = CliRunner()
    data = tmp_path / "数据.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    data.write_text(text.replace(OLD, "行政复议受理件数:"), encoding="utf-8")
    draft = tmp_path / "初稿.docx"
    assert runner.invoke(app, ["draft", str(data), "-o", str(draft)]).exit_code == 0
    before = runner.invoke(app, ["refresh", str(draft), str(data), "--dry-run"])
    assert "仍待填（数据表中也没有）：行政复议受理件数" in before.stdout
    _type_into_placeholder(draft, "行政复议受理件数", typed)
    after = runner.invoke(app, ["refresh", str(draft), str(data), "--dry-run"])
    assert after.exit_code == 0, after.output
    assert "仍待填" not in after.stdout
    checked = runner.invoke(app, ["check", str(draft), "--json"])
    placeholders = [f for f in json.loads(checked.stdout) if f["rule"] == "placeholder"]
    if typed.startswith("【"):  # filled, but the marks are still to delete
        assert [f["severity"] for f in placeholders] == ["warning"]
        assert "请删去" in after.stdout
    else:
        assert placeholders == []
