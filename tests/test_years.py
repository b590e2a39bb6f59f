"""The year table: what a year's report cites, and reading citations back out of text."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafter.catalogue import (
    citation_for,
    covers,
    latest_cited,
    latest_held,
    load_years,
    plan_for,
    plenaries_cited,
    read_session_table,
)
from drafter.errors import TemplateDataError


@pytest.mark.parametrize(
    ("year", "congress", "plenaries", "text"),
    [
        (
            2018,
            "党的十九大",
            ("十九届二中全会", "十九届三中全会"),
            "党的十九大和十九届二中、三中全会",
        ),
        (
            2021,
            "党的十九大",
            (
                "十九届二中全会",
                "十九届三中全会",
                "十九届四中全会",
                "十九届五中全会",
                "十九届六中全会",
            ),
            "党的十九大和十九届二中、三中、四中、五中、六中全会",
        ),
        (2022, "党的二十大", (), "党的二十大"),
        (2023, "党的二十大", ("二十届二中全会",), "党的二十大和二十届二中全会"),
        (
            2024,
            "党的二十大",
            ("二十届二中全会", "二十届三中全会"),
            "党的二十大和二十届二中、三中全会",
        ),
        (
            2025,
            "党的二十大",
            ("二十届二中全会", "二十届三中全会", "二十届四中全会"),
            "党的二十大和二十届二中、三中、四中全会",
        ),
    ],
)
def test_citation_for_cites_sessions_held_by_year_end(
    year: int, congress: str, plenaries: tuple[str, ...], text: str
) -> None:
    citation = citation_for(year)
    assert citation.congress == congress
    assert citation.plenaries == plenaries
    assert citation.text == text


def test_a_year_beyond_the_table_gets_the_newest_sessions_known_marked_provisional() -> None:
    citation = citation_for(2026)
    assert citation.text == "党的二十大和二十届二中、三中、四中全会"
    assert citation.provisional and not covers(2026)
    assert not citation_for(2025).provisional and covers(2025)


@pytest.mark.parametrize(
    ("year", "plan"),
    [
        (2017, "《法治政府建设实施纲要（2015—2020年）》"),
        (2020, "《法治政府建设实施纲要（2015—2020年）》"),
        (2021, "《法治政府建设实施纲要（2021—2025年）》"),
        (2025, "《法治政府建设实施纲要（2021—2025年）》"),
        (2026, None),
    ],
)
def test_the_plan_in_force_is_year_data(year: int, plan: str | None) -> None:
    found = plan_for(year)
    assert (found.cited if found else None) == plan


def test_a_users_table_adds_sessions_and_plans_to_the_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "years.yaml"
    path.write_text(
        "会议:\n  - {名称: 二十届五中全会, 日期: 2026-10-20}\n"
        "纲要:\n  - {名称: 法治政府建设实施纲要（2026—2030年）}\n",
        encoding="utf-8",
    )
    table = load_years(path)
    assert table.covered_to == 2026  # a session added in 2026 extends the table to 2026
    citation = citation_for(2026, table)
    assert citation.text == "党的二十大和二十届二中、三中、四中、五中全会"
    assert not citation.provisional
    assert citation.plan is not None and citation.plan.first == 2026
    assert citation_for(2024, table).text == "党的二十大和二十届二中、三中全会"


def test_a_users_covered_to_cannot_shrink_the_shipped_table(tmp_path: Path) -> None:
    path = tmp_path / "years.yaml"
    path.write_text("覆盖至: 2024\n", encoding="utf-8")
    assert load_years(path).covered_to == 2025
    path.write_text("覆盖至: 2026\n", encoding="utf-8")
    assert load_years(path).covered_to == 2026


def test_a_users_session_out_of_order_is_refused_naming_their_file(tmp_path: Path) -> None:
    path = tmp_path / "我的表.yaml"
    path.write_text("会议:\n  - {名称: 二十届五中全会, 日期: 2025-01-01}\n", encoding="utf-8")
    with pytest.raises(TemplateDataError, match="日期早于“二十届四中全会”") as info:
        load_years(path)
    assert info.value.path == str(path)


def test_year_before_table_raises() -> None:
    with pytest.raises(TemplateDataError, match=r"years\.yaml"):
        citation_for(2016)


def test_latest_held_counts_first_plenary_but_citation_does_not() -> None:
    assert latest_held(2022).name == "二十届一中全会"
    assert latest_cited(2022).name == "党的二十大"
    assert latest_cited(2024).name == "二十届三中全会"


def test_user_can_extend_the_table(tmp_path: Path) -> None:
    path = tmp_path / "years.yaml"
    path.write_text(
        "覆盖至: 2026\n会议:\n"
        "  - {名称: 党的二十大, 日期: 2022-10-16}\n"
        "  - {名称: 二十届二中全会, 日期: 2023-02-26}\n"
        "  - {名称: 二十届三中全会, 日期: 2024-07-15}\n"
        "  - {名称: 二十届四中全会, 日期: 2025-10-20}\n"
        "  - {名称: 二十届五中全会, 日期: 2026-10-01}\n",
        encoding="utf-8",
    )
    table = read_session_table(path)
    assert citation_for(2026, table).text == "党的二十大和二十届二中、三中、四中、五中全会"


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("覆盖至: 2025\n会议: []\n", "会议"),
        ("覆盖至: 2025\n会意:\n  - {名称: 党的二十大, 日期: 2022-10-16}\n", "您是否想写：会议？"),
        ("覆盖至: 2025\n会议:\n  - {名称: 二十届三中会议, 日期: 2024-07-15}\n", "名称"),
        ("覆盖至: 2025\n会议:\n  - {名称: 党的二十大, 日期: 十月}\n", "日期"),
        ("覆盖至: 今年\n会议:\n  - {名称: 党的二十大, 日期: 2022-10-16}\n", "覆盖至"),
    ],
)
def test_broken_table_is_reported_with_its_key(
    tmp_path: Path, yaml_text: str, message: str
) -> None:
    path = tmp_path / "years.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    with pytest.raises(TemplateDataError, match=message):
        read_session_table(path)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("全面贯彻落实党的二十大和二十届二中、三中全会精神", ["二十届二中全会", "二十届三中全会"]),
        ("深入学习贯彻十九届六中全会精神", ["十九届六中全会"]),
        (
            "党的十九大和十九届二中、三中、四中、五中、六中全会",
            [
                "十九届二中全会",
                "十九届三中全会",
                "十九届四中全会",
                "十九届五中全会",
                "十九届六中全会",
            ],
        ),
        ("学习党的二十届中央委员会第三次全体会议精神", ["二十届三中全会"]),
        ("召开六届区委全面依法治区委员会第三次会议", []),
        ("认真贯彻落实党的二十大精神", []),
    ],
)
def test_plenaries_cited_gives_full_names(text: str, names: list[str]) -> None:
    assert plenaries_cited(text) == names
