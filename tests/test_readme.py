"""The README's commands, run as written: its workflow, its main command, its promises.

The commands are read out of README.md itself, so a README that names a command, an option or
an output file the program no longer has fails here.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, app
from drafter.docx import find_controls

from helpers import EXAMPLE, ROOT, SEEDS, reopen

README = (ROOT / "README.md").read_text(encoding="utf-8")
# What the README's placeholders stand for here: last years' reports and last year's report.
PAST_REPORTS = "往年报告文件夹/"
LAST_REPORT = "去年报告.docx"
runner = CliRunner()


def _workflow() -> dict[int, list[str]]:
    """Return the workflow table's commands by step number, split as a shell would."""
    rows = re.findall(r"^\| (\d) \| `drafter ([^`]+)` \|", README, flags=re.M)
    return {int(step): shlex.split(command) for step, command in rows}


def _fenced(marker: str) -> list[str]:
    """Return the lines of the README's bash blocks that run MARKER (`python -m drafter …`)."""
    blocks = re.findall(r"```bash\n(.*?)```", README, flags=re.S)
    return [line for block in blocks for line in block.splitlines() if marker in line]


def _run(args: list[str]) -> Result:
    return runner.invoke(app, args)


def test_the_readme_lists_the_seven_steps_with_six_commands() -> None:
    assert sorted(_workflow()) == [1, 2, 4, 6, 7]
    assert [args[0] for args in _workflow().values()] == [
        "learn",
        "scaffold",
        "draft",
        "check",
        "refresh",
    ]


def test_the_main_command_drafts_the_example_where_the_readme_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [line] = [line for line in _fenced("python -m drafter") if "pip install ." in line]
    args = shlex.split(line.split("python -m drafter", 1)[1])
    out = args[args.index("-o") + 1]
    assert f"writes `{out}`" in README
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    result = _run(args)
    assert result.exit_code == EXIT_OK, result.output
    assert (tmp_path / out).stat().st_size > 0


def test_the_workflow_runs_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    steps = _workflow()
    shutil.copytree(SEEDS, tmp_path / PAST_REPORTS)
    shutil.copy(SEEDS / "000_b1cc889bd410f338.txt", tmp_path / "去年报告.txt")
    monkeypatch.chdir(tmp_path)

    # 1. learn: "写入当前文件夹的 templates/skeleton.yaml"
    learned = _run(steps[1])
    assert learned.exit_code == EXIT_OK, learned.output
    assert (tmp_path / "templates" / "skeleton.yaml").is_file()

    # 2. scaffold: "之后在同一文件夹运行的 scaffold/draft 会自动使用它"
    scaffolded = _run(steps[2])
    assert scaffolded.exit_code == EXIT_OK, scaffolded.output
    assert "使用本文件夹中学到的骨架" in scaffolded.stderr
    data = tmp_path / steps[2][steps[2].index("-o") + 1]
    assert "单位: 示例市人民政府" in data.read_text(encoding="utf-8")

    # 3. the writer fills the data file in: here, the example's figures.
    shutil.copy(EXAMPLE, data)

    # 4. draft: "已填数字放在 Word 内容控件中"
    drafted = _run(steps[4])
    assert drafted.exit_code == EXIT_OK, drafted.output
    draft = tmp_path / steps[4][steps[4].index("-o") + 1]
    controls = find_controls(reopen(draft.read_bytes()))
    received = [c.text for c in controls if c.key == "行政复议受理件数" and c.role == "value"]
    assert received == ["1486件"]

    # 6. check against last year's report: the example is complete and copies nothing.
    check_args = [a if a != LAST_REPORT else "去年报告.txt" for a in steps[6]]
    checked = _run(check_args)
    assert checked.exit_code == EXIT_OK, checked.output
    assert "检查完毕，未发现问题。" in checked.stdout

    # 7. refresh a corrected figure: "写出 初稿.refreshed.docx"
    text = data.read_text(encoding="utf-8").replace("{本年: 1486,", "{本年: 1500,")
    data.write_text(text, encoding="utf-8")
    refreshed = _run(steps[7])
    assert refreshed.exit_code == EXIT_OK, refreshed.output
    out = draft.with_name(f"{draft.stem}.refreshed.docx")
    assert f"写出 {out.name}" in README
    controls = find_controls(reopen(out.read_bytes()))
    assert [c.text for c in controls if c.key == "行政复议受理件数" and c.role == "value"] == [
        "1500件"
    ]


def test_the_exit_code_promises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # "2 输入无法使用……此时只在标准错误输出一行中文说明，不写任何文件" and "不会被覆盖，除非加 --force"
    monkeypatch.chdir(tmp_path)
    missing = _run(["draft", "没有这个文件.yaml", "-o", "初稿.docx"])
    assert missing.exit_code == EXIT_BAD_INPUT
    assert len(missing.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "初稿.docx").exists()
    assert _run(["draft", str(EXAMPLE), "-o", "初稿.docx"]).exit_code == EXIT_OK
    again = _run(["draft", str(EXAMPLE), "-o", "初稿.docx"])
    assert again.exit_code == EXIT_BAD_INPUT
    assert "--force" in again.stderr
    assert _run(["draft", str(EXAMPLE), "-o", "初稿.docx", "--force"]).exit_code == EXIT_OK
    # "1 check 发现了问题": a draft with a placeholder left.
    sparse = tmp_path / "缺数.yaml"
    sparse.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace("行政复议纠错件数: 96", "行政复议纠错件数:"),
        encoding="utf-8",
    )
    assert _run(["draft", str(sparse), "-o", "缺数.docx"]).exit_code == EXIT_OK
    assert _run(["check", "缺数.docx"]).exit_code == EXIT_FINDINGS


@pytest.mark.parametrize("line", _fenced("drafter refresh"))
def test_each_refresh_variant_in_the_readme_does_what_its_comment_says(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run(["draft", str(EXAMPLE), "-o", "初稿.docx"]).exit_code == EXIT_OK
    corrected = EXAMPLE.read_text(encoding="utf-8").replace("{本年: 1486,", "{本年: 1500,")
    (tmp_path / "数据.yaml").write_text(corrected, encoding="utf-8")
    before = (tmp_path / "初稿.docx").read_bytes()
    command, _, comment = line.partition("#")
    result = _run(shlex.split(command)[1:])
    assert result.exit_code == EXIT_OK, result.output
    if "不写文件" in comment:
        assert sorted(p.name for p in tmp_path.iterdir()) == ["初稿.docx", "数据.yaml"]
    elif "备份为" in comment:
        backup = comment.split("备份为", 1)[1].split()[0]
        assert (tmp_path / backup).read_bytes() == before
        controls = find_controls(reopen((tmp_path / "初稿.docx").read_bytes()))
        assert "1500件" in [c.text for c in controls if c.key == "行政复议受理件数"]
    else:
        written = comment.split("写出", 1)[1].split()[0]
        assert (tmp_path / written).is_file()
