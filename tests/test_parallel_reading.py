"""A very large report read and classified in worker processes: the same as in one process."""

from __future__ import annotations

import copy
import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

from drafter.reading import Outline, build_outline, classify_outline, parse_report, read_report

from helpers import CORPUS, SEEDS

_Row = tuple[str | None, str, str, float, str | None, float]


@pytest.fixture(scope="module")
def big() -> Outline:
    """Return one unclassified outline of every corpus excerpt's and seed's top-level sections.

    They are there five times, each time turned round by a different number of sections, so a
    result given to the wrong section shows.
    """
    files = sorted((CORPUS / "raw").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    outlines = [build_outline(read_report(f)) for f in files]
    tops = [s for o in outlines for s in o.sections]
    whole = outlines[0]
    whole.sections = [
        copy.deepcopy(s) for turn in range(5) for s in tops[turn * 37 :] + tops[: turn * 37]
    ]
    return whole


def _rows(outline: Outline) -> list[_Row]:
    return [
        (s.number, s.title, s.category, s.score, s.runner_up, s.runner_up_score)
        for s in outline.walk()
    ]


def _classified(outline: Outline, workers: int) -> list[_Row]:
    return _rows(classify_outline(copy.deepcopy(outline), workers=workers))


@pytest.fixture(scope="module")
def alone(big: Outline) -> list[_Row]:
    return _classified(big, 1)


def _no_fork() -> NoReturn:
    raise AssertionError("a worker process was started")


def test_the_outline_is_big_and_varied(big: Outline, alone: list[_Row]) -> None:
    assert len(alone) > 3000  # enough to go to workers unasked
    assert len({category for _, _, category, *_ in alone}) >= 12
    # parts 2 and 4 at the top pass their category down: classified after the workers' results
    passed = [
        s
        for s in classify_outline(copy.deepcopy(big), workers=1).sections
        if s.category in ("problems", "plan") and s.children
    ]
    assert len(passed) >= 3
    assert all(c.category == s.category and c.runner_up is None for s in passed for c in s.walk())


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_give_what_one_process_gives(big: Outline, alone: list[_Row], workers: int) -> None:
    assert _classified(big, workers) == alone


def test_sections_sent_to_workers_as_without_fork(
    big: Outline, alone: list[_Row], monkeypatch: pytest.MonkeyPatch
) -> None:
    # where workers are not forked (Windows, macOS) the sections go to them with the work
    monkeypatch.setattr(multiprocessing, "get_start_method", lambda *_a, **_k: "spawn")
    assert _classified(big, 2) == alone


@pytest.fixture
def spawning() -> Iterator[None]:
    before = multiprocessing.get_start_method()
    multiprocessing.set_start_method("spawn", force=True)
    try:
        yield
    finally:
        multiprocessing.set_start_method(before, force=True)


def test_spawned_workers_load_the_model_themselves(
    big: Outline, alone: list[_Row], spawning: None
) -> None:
    assert _classified(big, 2) == alone


def test_a_report_is_classified_without_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "fork", _no_fork)
    outline = parse_report(SEEDS / "000_b1cc889bd410f338.txt")
    # 一、强化法治政府建设组织领导 … 八、全面提升数字法治政府建设水平
    assert outline.sections[0].category == "leadership"
    assert outline.sections[7].category == "digital"


def test_inside_a_worker_a_big_outline_is_classified_here(
    big: Outline, alone: list[_Row], monkeypatch: pytest.MonkeyPatch
) -> None:
    # learn reads reports in worker processes: no pool inside them
    monkeypatch.setattr(os, "fork", _no_fork)
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())
    assert _rows(classify_outline(copy.deepcopy(big))) == alone


def test_a_big_outline_is_classified_in_workers(
    big: Outline, monkeypatch: pytest.MonkeyPatch
) -> None:
    if (os.cpu_count() or 1) < 2 or multiprocessing.get_start_method() != "fork":
        pytest.skip("one core, or workers not forked")
    monkeypatch.setattr(os, "fork", _no_fork)
    with pytest.raises(AssertionError, match="worker process"):
        classify_outline(copy.deepcopy(big))


def test_a_long_text_is_cleaned_in_workers_as_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted((CORPUS / "raw").glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines()]
    # web chrome, page numbers and full-width forms, which cleaning drops or changes
    lines[5:5] = ["发布时间：2025-01-10", "第 3 页", "　２０２４年，全县　办结案件１２件。"]
    text = "\n".join(
        line for turn in range(24) for line in lines[turn * 101 :] + lines[: turn * 101]
    )
    path = tmp_path / "长报告.txt"
    path.write_text(text, encoding="utf-8")
    source = read_report(path)
    assert len(source.paragraphs) > 40000  # enough to go to workers unasked
    in_workers = build_outline(source)
    monkeypatch.setattr(os, "fork", _no_fork)
    if (os.cpu_count() or 1) > 1 and multiprocessing.get_start_method() == "fork":
        with pytest.raises(AssertionError, match="worker process"):
            build_outline(source)
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: object())
    here = build_outline(source)
    assert in_workers == here
    body = "\n".join(s.full_text() for s in here.sections)
    assert "发布时间" not in body
    assert "2024年，全县办结案件12件。" in body


@pytest.mark.parametrize("workers", [1, 2])
def test_a_first_responsible_part_passes_down_only_after_part_one(
    tmp_path: Path, workers: int
) -> None:
    # with workers, which part passes its category down is decided after their results
    part = "党政主要负责人履行推进法治建设第一责任人职责情况"
    kids = (
        "（一）深入学习贯彻习近平法治思想。县政府常务会议会前学法12次，组织领导干部集中学法4次。\n"
        "（二）推进依法决策。重大行政决策全部经过合法性审查和集体讨论决定，聘请法律顾问5名。\n"
    )
    opening = "2024年，示例县坚持以习近平法治思想为指导，扎实推进法治政府建设。\n"

    def categories(text: str) -> list[str]:
        path = tmp_path / "报告.txt"
        path.write_text(opening + text, encoding="utf-8")
        outline = classify_outline(build_outline(read_report(path)), workers=workers)
        return [s.category for s in outline.walk()]

    # opening the report, the part stands for parts 1 and 3: its children are part-1 measures
    first = categories(f"一、{part}\n" + kids + "二、存在的不足\n（一）执法不够规范。\n")
    assert first == ["first_responsible", "leadership", "decision", "problems", "problems"]
    # after part 1 it is part 3 of the rule, and its children are the leader's duties
    third = categories(
        f"一、主要举措和成效\n（一）深化放管服改革。推进政务服务标准化。\n二、{part}\n" + kids
    )
    assert third == ["achievements", "functions"] + ["first_responsible"] * 3
