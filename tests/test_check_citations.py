"""check's rules on what a report cites as in force: the expired 纲要, a previous term's session.

Each case is one sentence in a small report of the given year; history ("以来", "收官") must pass.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from drafter.checking import check_report
from drafter.reading import parse_report

from conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus"
RULES = {"expired-plan", "previous-term-session", "citation-to-verify"}

CASES = [
    # a previous Central Committee's session as the spirit to implement
    (2025, "深入贯彻党的十九届六中全会精神，推进依法行政。", "previous-term-session"),
    (2024, "认真学习贯彻党的二十大和十九届六中全会精神。", "previous-term-session"),
    (2023, "认真学习贯彻党的十九大精神，推进依法行政。", "previous-term-session"),
    (2025, "深入学习贯彻十九届中央委员会第四次全体会议精神。", "previous-term-session"),
    # ...and what is not: history, the year of a new congress, the current term
    (2025, "党的十九届六中全会以来，我市持续深化法治政府建设。", None),
    (2025, "党的十八大以来，我市法治政府建设取得长足进步。", None),
    (2025, "深入学习贯彻党的十九届六中全会通过的历史决议。", None),
    (2022, "深入学习贯彻党的二十大和十九届六中全会精神。", None),
    (2025, "全面贯彻落实党的二十大和二十届二中、三中、四中全会精神。", None),
    # the 2021—2025 纲要 cited as in force after 2025
    (2026, "认真落实《法治政府建设实施纲要（2021—2025年）》，推进依法行政。", "expired-plan"),
    (2026, "严格按照《法治政府建设实施纲要(2021-2025年)》要求推进各项工作。", "expired-plan"),
    (2021, "全面落实《法治政府建设实施纲要（2015—2020年）》部署。", "expired-plan"),
    # ...and what is not: the plan's own years, its close, its review
    (2025, "认真落实《法治政府建设实施纲要（2021—2025年）》，推进依法行政。", None),
    (2026, "《法治政府建设实施纲要（2021—2025年）》确定的目标任务圆满收官。", None),
    (2026, "全面总结《法治政府建设实施纲要（2021—2025年）》实施情况。", None),
    (2026, "对照《法治政府建设实施纲要（2021—2025年）》开展总结评估。", None),
]


def _rules(tmp_path: Path, year: int, sentence: str) -> list[str]:
    report = tmp_path / "报告.txt"
    report.write_text(
        f"青山市人民政府关于{year}年度法治政府建设情况的报告\n\n"
        f"一、{year}年度推进法治政府建设的主要举措和成效\n（一）加强党对法治政府建设的领导\n"
        f"{sentence}\n",
        encoding="utf-8",
    )
    findings = check_report(parse_report(report), year=year, last_year=None)
    return [f.rule for f in findings if f.rule in RULES]


@pytest.mark.parametrize(("year", "sentence", "rule"), CASES)
def test_citations_as_in_force_are_flagged_and_history_is_not(
    tmp_path: Path, year: int, sentence: str, rule: str | None
) -> None:
    assert _rules(tmp_path, year, sentence) == ([rule] if rule else [])


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_real_reports_checked_for_their_own_year_give_none_of_these_warnings() -> None:
    with (CORPUS / "manifest.tsv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    flagged = []
    for row in rows:
        year = int(row["report_year"])
        findings = check_report(parse_report(CORPUS / row["file"]), year=year, last_year=None)
        flagged += [(row["file"], f.rule) for f in findings if f.rule in RULES]
    assert len(rows) == 134 and flagged == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus")
def test_real_2025_reports_checked_as_2026_cite_an_expired_plan() -> None:
    """A 2025 report reused for 2026: the ones implementing the 2021—2025 纲要 are flagged."""
    with (CORPUS / "manifest.tsv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh, delimiter="\t") if r["report_year"] == "2025"]
    flagged = set()
    for row in rows:
        findings = check_report(parse_report(CORPUS / row["file"]), year=2026, last_year=None)
        if any(f.rule == "expired-plan" for f in findings):
            flagged.add(row["file"])
    assert {"raw/t042.txt", "raw/t059.txt", "raw/t131.txt"} <= flagged
