"""The title as LibreOffice prints it: broken between words, for a short and a long issuer.

GB/T 9704 7.3.1 asks for a title in lines that keep words whole. Runs wherever soffice is
installed, and always in CI, where a missing soffice or pdftotext fails the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

import drafter.cli  # noqa: F401  (registers the commands)
from drafter.cli.app import app

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")

pytestmark = pytest.mark.skipif(
    (SOFFICE is None or PDFTOTEXT is None) and not os.environ.get("CI"),
    reason="LibreOffice (soffice) or pdftotext is not installed; in CI this test must run",
)

UNITS = {
    "short": "青禾县人民政府",
    "joint": "中共青禾县白沙镇委员会 青禾县白沙镇人民政府",
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """Return each draft's PDF text lines, as LibreOffice lays them out."""
    assert SOFFICE is not None and PDFTOTEXT is not None, "CI is set but soffice/pdftotext missing"
    folder = tmp_path_factory.mktemp("title")
    drafts = []
    for name, unit in UNITS.items():
        data = folder / f"{name}.yaml"
        data.write_text(f"单位: {unit}\n年度: 2025\n成文日期: 2026年3月1日\n", encoding="utf-8")
        result = CliRunner().invoke(app, ["draft", str(data), "-o", str(folder / f"{name}.docx")])
        assert result.exit_code == 0, result.output
        drafts.append(str(folder / f"{name}.docx"))
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(folder), *drafts],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    out = {}
    for name in UNITS:
        text = subprocess.run(
            [PDFTOTEXT, "-enc", "UTF-8", str(folder / f"{name}.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        out[name] = [line.replace(" ", "") for line in text.splitlines() if line.strip()]
    return out


def test_a_short_issuers_title_breaks_after_the_year(printed: dict[str, list[str]]) -> None:
    assert printed["short"][:2] == ["青禾县人民政府关于2025年度", "法治政府建设情况的报告"]


def test_joint_issuers_each_stand_on_their_own_line(printed: dict[str, list[str]]) -> None:
    assert printed["joint"][:3] == [
        "中共青禾县白沙镇委员会",
        "青禾县白沙镇人民政府关于2025年度",
        "法治政府建设情况的报告",
    ]
    # and sign on separate lines above the date
    tail = printed["joint"][-4:]
    assert tail[:3] == ["中共青禾县白沙镇委员会", "青禾县白沙镇人民政府", "2026年3月1日"]


def test_the_report_ends_with_te_ci_bao_gao(printed: dict[str, list[str]]) -> None:
    lines = printed["short"]
    assert lines[lines.index("青禾县人民政府", 2) - 1] == "特此报告。"
