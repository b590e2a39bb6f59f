"""Precision and recall of find_figures on the figures labelled by hand in all five seeds.

tests/data/figures_labelled.yaml was written by reading seeds 000, 001 and 003, never by running
the finder; the finder's rules were then written against those seeds. figures_labelled_heldout.yaml
was labelled later, by another reader, from seeds 002 (traditional) and 004, which the rules were
not tuned on: it measures the finder out of sample. Figures are compared per file as multisets of (value, unit, kind, approx): the text
span is not compared, because where a change phrase starts ("同比增加163%" or "增加163%") is a
matter of taste, while the value, unit, kind and approximation are what a data file needs.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
import yaml

from drafter.reading import normalize_line, to_simplified
from drafter.text import find_figures

from conftest import DATA, SEEDS

GOLD: dict[str, list[dict[str, Any]]] = {
    **yaml.safe_load((DATA / "figures_labelled.yaml").read_text(encoding="utf-8")),
    **yaml.safe_load((DATA / "figures_labelled_heldout.yaml").read_text(encoding="utf-8")),
}
MIN_PRECISION = 0.95
MIN_RECALL = 0.95

Key = tuple[float, str | None, str, bool]


def _key(value: float, unit: str | None, kind: str, approx: bool) -> Key:
    # labels keep the seed's characters (traditional in 002); the finder sees simplified text
    return (float(value), to_simplified(unit) if unit else unit, kind, bool(approx))


def _found(name: str) -> Counter[Key]:
    lines = (SEEDS / name).read_text(encoding="utf-8").splitlines()
    return Counter(
        _key(f.value, f.unit, f.kind, f.approx)
        for line in lines
        for f in find_figures(normalize_line(line))
    )


def _labelled(name: str) -> Counter[Key]:
    return Counter(_key(g["value"], g["unit"], g["kind"], g["approx"]) for g in GOLD[name])


def _scores(found: Counter[Key], labelled: Counter[Key]) -> tuple[float, float, int, int, int]:
    hits = sum((found & labelled).values())
    extra = sum((found - labelled).values())
    missed = sum((labelled - found).values())
    precision = hits / (hits + extra) if hits + extra else 1.0
    recall = hits / (hits + missed) if hits + missed else 1.0
    return precision, recall, hits, extra, missed


@pytest.mark.parametrize("name", sorted(GOLD))
def test_figures_of_each_labelled_seed(name: str) -> None:
    found, labelled = _found(name), _labelled(name)
    precision, recall, hits, extra, missed = _scores(found, labelled)
    print(
        f"\n{name}: precision {precision:.3f} recall {recall:.3f} "
        f"(found {hits + extra}, labelled {hits + missed}, extra {extra}, missed {missed})"
    )
    assert precision >= MIN_PRECISION, f"extra: {sorted(found - labelled)}"
    assert recall >= MIN_RECALL, f"missed: {sorted(labelled - found)}"


def test_figures_of_all_labelled_seeds_together() -> None:
    hits = extra = missed = 0
    for name in GOLD:
        _, _, h, e, m = _scores(_found(name), _labelled(name))
        hits, extra, missed = hits + h, extra + e, missed + m
    precision = hits / (hits + extra)
    recall = hits / (hits + missed)
    print(
        f"\nall labelled seeds: precision {precision:.3f} recall {recall:.3f} ({hits} of {hits + missed})"
    )
    assert precision >= MIN_PRECISION
    assert recall >= MIN_RECALL
