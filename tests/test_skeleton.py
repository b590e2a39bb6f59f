"""The skeleton learned from the seeds: equal to the shipped file, deterministic, right facts."""

from __future__ import annotations

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from drafter.learning import (
    Skeleton,
    dump_skeleton,
    learn_skeleton,
    load_skeleton,
    study_report,
    templated,
)
from drafter.reading import Outline, find_report_files, parse_report, parse_reports

from conftest import ROOT, SEED_NAMES, SEEDS

SHIPPED = ROOT / "templates" / "skeleton.yaml"
_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")
_FIXED_SLOTS = {"年度", "下年", "自称"}


def _outlines() -> list[Outline]:
    parsed = parse_reports(find_report_files([SEEDS]), strict=True)
    return parsed.outlines


@pytest.fixture(scope="module")
def skeleton() -> Skeleton:
    return learn_skeleton(_outlines())


def test_shipped_skeleton_is_what_learn_produces_from_the_seeds(skeleton: Skeleton) -> None:
    # When this fails after a deliberate change: `drafter learn seeds -o templates/skeleton.yaml`.
    assert dump_skeleton(skeleton) == SHIPPED.read_text(encoding="utf-8")


def test_shipped_skeleton_loads_back_to_the_same_value(skeleton: Skeleton) -> None:
    assert load_skeleton(SHIPPED) == skeleton


def test_learning_is_deterministic_whatever_the_input_order(skeleton: Skeleton) -> None:
    first = dump_skeleton(skeleton)
    assert dump_skeleton(learn_skeleton(_outlines())) == first
    for seed in (1, 2, 3):
        shuffled = _outlines()
        random.Random(seed).shuffle(shuffled)
        assert dump_skeleton(learn_skeleton(shuffled)) == first


def test_learn_is_byte_identical_across_processes(tmp_path: Path) -> None:
    """Set and dict order must not leak into the file: run with two different hash seeds."""
    outputs = []
    for hash_seed in ("1", "4242"):
        out = tmp_path / f"skeleton-{hash_seed}.yaml"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": str(ROOT)}
        proc = subprocess.run(
            [sys.executable, "-m", "drafter", "learn", str(SEEDS), "-o", str(out)],
            capture_output=True,
            cwd=tmp_path,
            env=env,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr.decode()
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]


# -- facts read off the seeds -------------------------------------------------------------------


def test_sources_are_the_seed_file_names(skeleton: Skeleton) -> None:
    assert skeleton.reports == SEED_NAMES


@pytest.mark.parametrize(
    ("cid", "support"),
    [
        ("leadership", 5),  # every seed has a leadership part
        ("functions", 5),
        ("supervision", 5),
        ("plan", 5),  # 000 in its closing paragraph, the others under a heading
        ("problems", 4),  # 004 has no problems part
        ("first_responsible", 1),  # only 002 has the separate part 3
    ],
)
def test_support(skeleton: Skeleton, cid: str, support: int) -> None:
    category = skeleton.category(cid)
    assert category is not None
    assert category.support == support


def test_arrangement(skeleton: Skeleton) -> None:
    a = skeleton.arrangement
    assert (a.umbrella, a.flat) == (4, 1)  # 000 is flat; 001/002/003 umbrella, 004 implicit one
    assert a.first_responsible_separate == 1  # 002
    assert (
        a.problems_headed == 3
    )  # 001 二、存在的问题, 002 二、存在的不足和原因, 003 二、存在的不足
    assert a.plan_headed == 4  # 001, 002, 003, 004
    assert a.closing_unheaded == 1  # 000


def test_order_runs_from_leadership_to_plan(skeleton: Skeleton) -> None:
    ids = [c.id for c in skeleton.categories]
    assert ids[0] == "leadership"
    assert ids[-1] == "plan"
    assert "achievements" not in ids


def test_disputes_exemplar_has_a_slot_for_the_case_count(skeleton: Skeleton) -> None:
    disputes = skeleton.category("disputes")
    assert disputes is not None
    found = [e for e in disputes.exemplars if "受理案件{件数}件" in e.text]
    assert len(found) == 1
    assert found[0].source == "000_b1cc889bd410f338.txt"
    assert "1399" not in found[0].text
    assert found[0].text.startswith("发挥行政复议化解行政争议主渠道作用")


def test_years_in_headings_become_slots(skeleton: Skeleton) -> None:
    plan = skeleton.category("plan")
    assert plan is not None
    headings = {v.text for v in plan.headings}
    assert {
        "{下年}年工作计划",
        "{下年}年工作打算",
        "{下年}年度推进法治政府建设的主要安排",
    } <= headings
    for category in skeleton.categories:
        for text in [v.text for v in category.headings] + [e.text for e in category.exemplars]:
            assert not re.search(r"202[45]年", text), text


def test_every_slot_is_in_its_text_and_every_placeholder_is_a_slot(skeleton: Skeleton) -> None:
    for category in skeleton.categories:
        for exemplar in category.exemplars + category.typical:
            placeholders = _PLACEHOLDER.findall(exemplar.text)
            assert len(set(exemplar.slots)) == len(exemplar.slots)
            assert sorted(p for p in placeholders if p not in _FIXED_SLOTS) == sorted(
                exemplar.slots
            ), exemplar.text
            assert exemplar.source in SEED_NAMES
        assert all(not e.slots for e in category.typical)


@pytest.mark.parametrize(
    ("text", "year", "expected", "slots"),
    [
        ("受理行政复议案件1399件", 2024, "受理行政复议案件{件数}件", ["件数"]),
        (
            "受理案件1399件、同比增加163%",
            2024,
            "受理案件{件数}件、同比增加{比例}%",
            ["件数", "比例"],
        ),
        (
            "审结12件，纠错3件，调解5件",
            None,
            "审结{件数}件，纠错{件数2}件，调解{件数3}件",
            ["件数", "件数2", "件数3"],
        ),
        ("接待群众2.8万余人次", None, "接待群众{人次}人次", ["人次"]),
        ("满意率保持在95%以上", None, "满意率保持在{比例}%以上", ["比例"]),
        ("考核居全省第1位", None, "考核居全省第{位次}位", ["位次"]),
        ("2024年，我市印发2025年工作要点", 2024, "{年度}年，{自称}印发{下年}年工作要点", []),
        ("依据国办发〔2018〕115号文件", 2024, "依据国办发〔2018〕115号文件", []),
        ("推进“1+4”改革，完成“十四五”目标", 2024, "推进“1+4”改革，完成“十四五”目标", []),
    ],
)
def test_templated(text: str, year: int | None, expected: str, slots: list[str]) -> None:
    assert templated(text, year) == (expected, slots)


def test_reports_named_alike_in_two_folders_learn_the_same_either_way(tmp_path: Path) -> None:
    for folder, seeds in (("甲", SEED_NAMES[:2]), ("乙", SEED_NAMES[2:4])):
        (tmp_path / folder).mkdir()
        for i, name in enumerate(seeds):
            (tmp_path / folder / f"报告{i}.txt").write_bytes((SEEDS / name).read_bytes())
    outlines = parse_reports(find_report_files([tmp_path / "甲", tmp_path / "乙"])).outlines
    forward = dump_skeleton(learn_skeleton(outlines))
    assert dump_skeleton(learn_skeleton(list(reversed(outlines)))) == forward


def test_reports_copied_from_each_other_learn_without_error(tmp_path: Path) -> None:
    # Staff write each year's report from last year's: identical sentences in two reports.
    text = (SEEDS / "000_b1cc889bd410f338.txt").read_text(encoding="utf-8")
    for name in ("2023.txt", "2024.txt"):
        (tmp_path / name).write_text(text, encoding="utf-8")
    outlines = [parse_report(tmp_path / n) for n in ("2023.txt", "2024.txt")]
    skeleton = learn_skeleton(outlines)
    leadership = skeleton.category("leadership")
    assert leadership is not None and leadership.support == 2
    texts = [e.text for e in leadership.typical]
    assert len(texts) == len(set(texts))  # the same sentence is offered once


def test_learning_in_worker_processes_gives_the_same_skeleton() -> None:
    import dataclasses

    # forty reports (the seeds under other names): enough to be spread over worker processes
    outlines = [
        dataclasses.replace(o, file=f"{n:02d}_{Path(o.file).name}")
        for n in range(8)
        for o in _outlines()
    ]
    alone = dump_skeleton(learn_skeleton(outlines, workers=1))
    shared = dump_skeleton(learn_skeleton(outlines, workers=2))
    assert shared == alone
    assert "07_004_b9359028ade3b507.txt" in alone  # the last report was learned from too


def test_reports_studied_where_they_were_read_give_the_same_skeleton() -> None:
    parsed = parse_reports(find_report_files([SEEDS]), workers=2, study=study_report)
    shipped = SHIPPED.read_text(encoding="utf-8")
    assert dump_skeleton(learn_skeleton(parsed.outlines, studies=parsed.studies)) == shipped
    # each study goes with its own outline, whatever the order they come in
    backwards = learn_skeleton(parsed.outlines[::-1], studies=parsed.studies[::-1])
    assert dump_skeleton(backwards) == shipped
    with pytest.raises(ValueError):
        learn_skeleton(parsed.outlines, studies=parsed.studies[1:])
