"""The 2026 reporting season: a year past the years table drafts, marked 【待核】, and the user's
own table (templates/years.yaml here, or --years) extends the shipped one."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from typer.testing import CliRunner, Result

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, app
from drafter.datafile import load_data
from drafter.docx import find_controls, iter_body_paragraphs, set_control_text
from drafter.drafting import refresh_draft
from drafter.resources import templates_dir

from conftest import EXAMPLES

runner = CliRunner()
EXAMPLE = EXAMPLES / "示例市2025年度数据.yaml"
SESSIONS_2025 = "党的二十大和二十届二中、三中、四中全会"
ROW_2026 = "  - {名称: 二十届五中全会, 日期: 2026-月-日}"
CONTROL_TITLE = "会议引文（待核）"
# A session the user adds for the test: its name and date are test data, not a fact.
USER_TABLE = "会议:\n  - {名称: 二十届五中全会, 日期: 2026-10-20}\n"


def _data_file(folder: Path, year: int) -> Path:
    text = EXAMPLE.read_text(encoding="utf-8")
    text = text.replace("年度: 2025", f"年度: {year}").replace(
        "成文日期: 2026年3月6日", f"成文日期: {year + 1}年3月6日"
    )
    assert f"年度: {year}" in text
    path = folder / f"数据{year}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _draft(folder: Path, year: int, *extra: str) -> tuple[Result, Path]:
    out = folder / f"初稿{year}.docx"
    result = runner.invoke(app, ["draft", str(_data_file(folder, year)), "-o", str(out), *extra])
    return result, out


def _opening(path_or_bytes: Path | bytes) -> str:
    """Return the opening paragraph's text as Word shows it, content controls included."""
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else str(path_or_bytes)
    return [text for _, text in iter_body_paragraphs(docx.Document(source))][1]


def _prompts(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("提示：")]


def test_a_2026_data_file_drafts_with_the_citation_marked_to_verify(tmp_path: Path) -> None:
    result, out = _draft(tmp_path, 2026)
    assert result.exit_code == EXIT_OK, result.output
    opening = _opening(out)
    assert f"全面贯彻落实【待核：{SESSIONS_2025}】精神，扎实推进" in opening
    assert "纲要" not in opening  # the 2021—2025 纲要 ended; the table names no successor
    (warning,) = _prompts(result)
    assert "年度表中的会议只收录到2025年" in warning and ROW_2026 in warning
    assert "覆盖至: 2026" in warning
    (control,) = [c for c in find_controls(docx.Document(str(out))) if c.kind == "verify"]
    assert (control.kind, control.key, control.tag) == (
        "verify",
        "会议引文",
        "drafter-verify:会议引文",
    )
    assert control.text == f"【待核：{SESSIONS_2025}】"
    alias = control.element.find(f"{qn('w:sdtPr')}/{qn('w:alias')}")
    assert alias is not None and alias.get(qn("w:val")) == CONTROL_TITLE
    run = control.element.find(f".//{qn('w:r')}")
    assert run is not None and run.find(f".//{qn('w:highlight')}").get(qn("w:val")) == "yellow"
    with zipfile.ZipFile(out) as zf:
        comments = zf.read("word/comments.xml").decode("utf-8")
    assert "2026年召开的中央全会（如有）尚未收录" in comments  # the table's note for 2026
    assert "templates/years.yaml" in comments and "2026-月-日" in comments
    assert "删去“【待核：”和“】”" in comments


def test_a_2027_data_file_drafts_too_and_asks_for_both_years(tmp_path: Path) -> None:
    result, out = _draft(tmp_path, 2027)
    assert result.exit_code == EXIT_OK, result.output
    assert f"【待核：{SESSIONS_2025}】" in _opening(out)
    (warning,) = _prompts(result)
    assert "如2026年至2027年召开了" in warning and "覆盖至: 2027" in warning


def test_a_table_in_the_working_folder_with_a_2026_session_is_cited_unmarked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "years.yaml").write_text(USER_TABLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result, out = _draft(tmp_path, 2026)
    assert result.exit_code == EXIT_OK, result.output
    assert "使用本文件夹中的年度表：templates/years.yaml" in result.stderr
    assert _prompts(result) == []
    opening = _opening(out)
    assert "全面贯彻落实党的二十大和二十届二中、三中、四中、五中全会精神，扎实推进" in opening
    assert "待核" not in opening
    assert [c for c in find_controls(docx.Document(str(out))) if c.kind == "verify"] == []
    checked = runner.invoke(app, ["check", str(out), "--json"])
    assert checked.stdout.strip() == "[]" and checked.exit_code == EXIT_OK


def test_a_years_option_extends_the_table_and_check_uses_it(tmp_path: Path) -> None:
    table = tmp_path / "我的年度表.yaml"
    table.write_text("覆盖至: 2026\n", encoding="utf-8")  # 2026 checked: no session held
    result, out = _draft(tmp_path, 2026, "--years", str(table))
    assert result.exit_code == EXIT_OK, result.output
    assert f"全面贯彻落实{SESSIONS_2025}精神，扎实推进" in _opening(out)
    assert _prompts(result) == []
    plain = runner.invoke(app, ["check", str(out)])
    assert "未检查报告是否漏引2026年召开的全会" in plain.stderr  # the shipped table ends at 2025
    own = runner.invoke(app, ["check", str(out), "--years", str(table)])
    assert own.exit_code == EXIT_OK and own.stderr == "", own.output


def test_check_warns_of_the_citation_to_verify_by_its_control(tmp_path: Path) -> None:
    _, out = _draft(tmp_path, 2026)
    result = runner.invoke(app, ["check", str(out), "--json"])
    assert result.exit_code == EXIT_FINDINGS
    (finding,) = __import__("json").loads(result.stdout)
    assert (finding["rule"], finding["severity"]) == ("citation-to-verify", "warning")
    assert f"内容控件“{CONTROL_TITLE}”" in finding["message"]
    assert ROW_2026 in finding["message"]
    assert "【待核：党的二十大" in finding["excerpt"]


def _edit_citation(drafted: bytes, text: str) -> bytes:
    document = docx.Document(io.BytesIO(drafted))
    (control,) = [c for c in find_controls(document) if c.kind == "verify"]
    set_control_text(control.element, text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "edited",
    [SESSIONS_2025, "党的二十大和二十届二中、三中、四中、五中全会"],
    ids=["confirmed", "a session added"],
)
def test_check_and_refresh_accept_the_writers_edit_of_the_citation(
    tmp_path: Path, edited: str
) -> None:
    _, out = _draft(tmp_path, 2026)
    draft = _edit_citation(out.read_bytes(), edited)
    (tmp_path / "改定.docx").write_bytes(draft)
    result = runner.invoke(app, ["check", str(tmp_path / "改定.docx"), "--json"])
    assert result.stdout.strip() == "[]" and result.exit_code == EXIT_OK, result.output
    data = load_data(
        _data_file(tmp_path, 2026)
        .read_text(encoding="utf-8")
        .replace("集体学法次数: 6", "集体学法次数: 7"),
        "数据.yaml",
    )
    refreshed = refresh_draft(draft, data)
    assert [(u.key, u.old, u.new) for u in refreshed.updated] == [("集体学法次数", "6次", "7次")]
    assert refreshed.notices == ()
    assert f"全面贯彻落实{edited}精神" in _opening(refreshed.docx)


def test_refresh_leaves_a_citation_still_to_verify_as_it_is(tmp_path: Path) -> None:
    _, out = _draft(tmp_path, 2026)
    drafted = out.read_bytes()
    data = load_data(_data_file(tmp_path, 2026).read_text(encoding="utf-8"), "数据.yaml")
    refreshed = refresh_draft(drafted, data)
    assert not refreshed.changed and refreshed.docx == drafted


def _site_paths() -> list[str]:
    return [str(templates_dir()), str(templates_dir().parent), "site-packages", "dist-packages"]


def test_no_message_about_years_names_the_installed_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    results = [_draft(tmp_path, 2026)[0], _draft(tmp_path, 2027)[0], _draft(tmp_path, 2010)[0]]
    results.append(runner.invoke(app, ["check", str(tmp_path / "初稿2026.docx")]))
    results.append(runner.invoke(app, ["check", str(tmp_path / "初稿2026.docx"), "--year", "2012"]))
    broken = tmp_path / "坏表.yaml"
    broken.write_text("会议:\n  - {名称: 二十届五中会, 日期: 2026-10-20}\n", encoding="utf-8")
    results.append(_draft(tmp_path, 2026, "--years", str(broken), "--force")[0])
    said = "\n".join(r.output for r in results)
    for where in _site_paths():
        assert where not in said, where
    early = results[2]
    assert early.exit_code == EXIT_BAD_INPUT
    assert "当前文件夹的 templates/years.yaml（没有就新建）" in early.stderr
    assert "  - {名称: 党的十八大, 日期: 年-月-日}" in early.stderr
    assert results[-1].exit_code == EXIT_BAD_INPUT
    assert re.search(r"坏表\.yaml：会议第1项\.名称：“二十届五中会”不是会议全称", results[-1].stderr)


def test_a_citation_control_that_lost_its_tag_is_still_left_alone(tmp_path: Path) -> None:
    """LibreOffice 7.4 drops control tags on save; the hidden bookmark still tells the control."""
    _, out = _draft(tmp_path, 2026)
    document = docx.Document(str(out))
    (control,) = [c for c in find_controls(document) if c.kind == "verify"]
    sdt_pr = control.element.find(qn("w:sdtPr"))
    assert sdt_pr is not None
    for child in list(sdt_pr):
        sdt_pr.remove(child)
    saved = io.BytesIO()
    document.save(saved)
    data = load_data(_data_file(tmp_path, 2026).read_text(encoding="utf-8"), "数据.yaml")
    result = refresh_draft(saved.getvalue(), data)
    assert (result.untagged, result.restored, result.changed) == (0, 0, False)
    assert result.docx == saved.getvalue()


def test_rolling_last_years_report_forward_to_2026_comments_on_the_citation(
    tmp_path: Path,
) -> None:
    base = tmp_path / "2025年报告.txt"
    base.write_text(
        "示例市人民政府关于2025年度法治政府建设情况的报告\n\n"
        "2025年，我市全面贯彻落实党的二十大和二十届二中、三中全会精神，扎实推进法治政府建设。\n"
        "一、2025年度推进法治政府建设的主要举措和成效\n（一）加强党对法治政府建设的领导\n"
        "市政府常务会议专题研究法治政府建设4次。\n",
        encoding="utf-8",
    )
    out = tmp_path / "初稿.docx"
    args = ["draft", str(_data_file(tmp_path, 2026)), "--base", str(base), "-o", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_OK, result.output
    assert f"全面贯彻落实{SESSIONS_2025}精神" in _opening(out)
    with zipfile.ZipFile(out) as zf:
        comments = zf.read("word/comments.xml").decode("utf-8")
    assert "年度表中的会议只收录到2025年" in comments and ROW_2026 in comments
