"""Give each outline section a category id with a probability, from the trained heading model.

The model (templates/heading_model.json, written by `python -m drafter.learning`) is a multinomial logistic
regression over the features of drafter.reading.features; classifying is a few dictionary look-ups
per feature, in pure Python. Sections are classified top down so a child sees its parent's
category. Conventions (../shared/docs/report-structure.md): a category the outline stage set from
the structure (an implicit umbrella, the halves of an unheaded closing paragraph) is kept; only a
part-level section that is parts 2-4 of the rule (problems, first_responsible, plan) passes its
category down to its children (a 第一责任人 part only after part 1: see _passes_down); every other
child is classified on its own evidence.
"""

from __future__ import annotations

import json
import math
import multiprocessing
import re
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import chain
from typing import Any

from drafter.catalogue import CATEGORY_IDS
from drafter.errors import TemplateDataError
from drafter.reading.features import SHARED, prepare_features, section_features
from drafter.reading.model import Outline, Section
from drafter.resources import template_path
from drafter.workers import cores, map_in_workers, worker_count

MODEL_FILE = "heading_model.json"
# Below this probability a section's category is shown as 待核 (to be checked by a person).
REVIEW_THRESHOLD = 0.5
_PASSED_DOWN = frozenset({"problems", "first_responsible", "plan"})
# Parts 2, 4 and 5 of the rule, which the labelled excerpts (they stop inside part 1) never show:
# a part-level heading that names one of them, and no part-1 work, is that part.
_PART_CUES = (
    ("problems", re.compile(r"不足|问题|差距|短板")),
    ("plan", re.compile(r"打算|计划|安排|下一步|思路|展望|工作要点")),
    ("other", re.compile(r"其他需要报告")),
)
_PART1_CUE = re.compile(r"举措|成效|开展|做法|推进.{0,12}情况|建设情况|完成情况|基本情况")
_PART_CUE_PROBABILITY = 0.95


@dataclass(frozen=True)
class HeadingModel:
    """A trained heading classifier: its classes, per-class bias and per-feature weights."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    # per feature, its non-zero weights as (class index, weight): most weights are zero
    weights: dict[str, tuple[tuple[int, float], ...]]
    # "@kind:category" features: one weight per kind, added to the score of the category named.
    shared: dict[str, float]

    def probabilities(self, features: list[str]) -> list[tuple[str, float]]:
        """Return (class, probability) for FEATURES, most probable first (ties: class order)."""
        scores = list(self.bias)
        rows = self._rows
        # one flat run over the non-zero weights of the features the model knows, in feature
        # order: each class's score gets the same additions, in the same order, as feature by feature
        for k, w in chain.from_iterable(filter(None, map(rows.get, features))):
            scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        ranked = sorted(
            ((c, e / total) for c, e in zip(self.classes, exps, strict=True)),
            key=lambda ce: -ce[1],
        )
        return ranked

    @cached_property
    def _rows(self) -> dict[str, tuple[tuple[int, float], ...]]:
        """Return each feature's non-zero weights as (class index, weight), shared ones included.

        A shared feature "@kind:category" is the kind's weight at the category named; one whose
        kind or category the model does not know adds nothing and has no row.
        """
        rows = {f: row for f, row in self.weights.items() if row and not f.startswith(SHARED)}
        for kind, w in self.shared.items():
            for k, cid in enumerate(self.classes):
                rows[f"{SHARED}{kind}:{cid}"] = ((k, w),)
        return rows

    @classmethod
    def from_dict(cls, raw: Any, where: str) -> HeadingModel:
        """Return the model stored as RAW (the JSON shape `python -m drafter.learning` writes)."""
        try:
            classes = tuple(str(c) for c in raw["classes"])
            bias = tuple(float(b) for b in raw["bias"])
            # each feature's row names only its non-zero weights: {"leadership": 0.52, …}
            index = {c: k for k, c in enumerate(classes)}
            weights = {
                str(f): tuple((index[c], float(w)) for c, w in row.items())
                for f, row in raw["weights"].items()
            }
            shared = {str(k): float(w) for k, w in raw["shared"].items()}
        except (KeyError, TypeError, ValueError, AttributeError) as e:  # KeyError: unknown class
            raise TemplateDataError(f"分类模型文件格式有误：{e}", path=where) from e
        unknown = [c for c in classes if c not in CATEGORY_IDS]
        bad_row = any(set(row) - set(classes) for row in raw["weights"].values())
        if unknown or bad_row or len(bias) != len(classes):
            raise TemplateDataError(
                "分类模型文件与类别表不符，请运行 python -m drafter.learning 重新训练。", path=where
            )
        return cls(classes, bias, weights, shared)


@cache
def load_model() -> HeadingModel:
    """Return the shipped heading model from templates/."""
    path = template_path(MODEL_FILE)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise TemplateDataError(f"无法读取分类模型：{e}", path=str(path)) from e
    return HeadingModel.from_dict(raw, str(path))


def classify_outline(
    outline: Outline, model: HeadingModel | None = None, *, workers: int | None = None
) -> Outline:
    """Return OUTLINE with every section's category, probability and runner-up set (in place).

    With the shipped model, a very large outline is classified in worker processes (WORKERS of
    them; by default one per core from PARALLEL_FROM sections; 1: here), with the same result.
    """
    use = model if model is not None else load_model()
    count = _worker_count(outline.sections, workers) if model is None else 1
    if count > 1:
        _classify_top_in_workers(outline.sections, use, count)
    else:
        _classify_level(outline.sections, None, use, inherited=None)
    return outline


def needs_review(section: Section) -> bool:
    """Return True when SECTION's category is too uncertain to trust without a person's look."""
    return section.score < REVIEW_THRESHOLD


def _classify_level(
    sections: list[Section],
    parent: str | None,
    model: HeadingModel,
    inherited: tuple[str, float] | None,
) -> None:
    part1_before = False  # a sibling before this one is part-1 work (see _passes_down)
    for index, section in enumerate(sections):
        _set(section, _ranked(section, parent, index, len(sections), model, inherited))
        passes = inherited or (
            (section.category, section.score)
            if section.level == 1 and _passes_down(section, part1_before)
            else None
        )
        part1_before = part1_before or _is_part1(section.category)
        _classify_level(section.children, section.category, model, passes)


def _ranked(
    section: Section,
    parent: str | None,
    index: int,
    n_siblings: int,
    model: HeadingModel,
    inherited: tuple[str, float] | None,
) -> list[tuple[str, float]]:
    if inherited is not None:
        return [inherited]
    if section.category_hint is not None:
        return [(section.category_hint, section.hint_score)]
    if section.level == 1 and (part := _part_cue(section.title)) is not None:
        return [(part, _PART_CUE_PROBABILITY)]
    features = section_features(section, parent, index, n_siblings)
    return model.probabilities(features)


def _is_part1(category: str | None) -> bool:
    return category not in _PASSED_DOWN and category != "other"


def _passes_down(section: Section, part1_before: bool) -> bool:
    """Return True when SECTION is part 2, 3 or 4 of the rule and its children are that part.

    A 第一责任人 part that opens the report, before any part-1 section, stands for parts 1 and 3
    together (the rule's part 3 reads "…第一责任人职责，加强法治政府建设的有关情况"): its children
    (深入学习贯彻习近平法治思想, 推进依法决策) are part-1 measures, classified on their own evidence.
    """
    if section.category not in _PASSED_DOWN:
        return False
    return section.category != "first_responsible" or part1_before


def _part_cue(title: str) -> str | None:
    if _PART1_CUE.search(title):
        return None
    return next((cid for cid, cue in _PART_CUES if cue.search(title)), None)


def _set(section: Section, ranked: list[tuple[str, float]]) -> None:
    section.category, section.score = ranked[0][0], round(ranked[0][1], 3)
    if len(ranked) > 1 and ranked[1][1] >= 0.0005:
        section.runner_up, section.runner_up_score = ranked[1][0], round(ranked[1][1], 3)
    else:
        section.runner_up, section.runner_up_score = None, 0.0


# From this many sections an outline is classified in worker processes: a section costs about
# 0.1 ms, starting the workers some 30 ms, so below it classifying here is as fast.
PARALLEL_FROM = 3000
# Top-level sections are sent to the workers in spans of at least this many sections each.
_SPAN_MIN = 100
# What a worker sends back for each section: category, score, runner-up and its score.
_Result = tuple[str, float, str | None, float]
# A span of top-level sections: first index, end index, number of top-level sections, and the
# sections themselves, or None when forked workers find them in _FORKED.
_Span = tuple[int, int, int, list[Section] | None]
# The top-level sections being classified, which forked workers inherit (none are pickled).
_FORKED: list[Section] = []


def _worker_count(sections: list[Section], workers: int | None) -> int:
    """Return how many worker processes are to classify SECTIONS (1: none, classify here).

    Never inside a worker (learn reads reports in workers: pools do not nest). Workers use the
    shipped model (they load it themselves when they do not inherit it).
    """
    if len(sections) < 2 or multiprocessing.parent_process() is not None:
        return 1
    if workers is None and not _has_at_least(sections, PARALLEL_FROM):
        return 1
    # as many as there are cores, however few top-level sections share the work
    return worker_count(len(sections), workers) if workers is not None else cores()


def _has_at_least(sections: list[Section], count: int) -> bool:
    stack = list(sections)
    seen = 0
    while stack and seen < count:
        seen += 1
        stack.extend(stack.pop().children)
    return seen >= count


def _classify_top_in_workers(sections: list[Section], model: HeadingModel, workers: int) -> None:
    """Classify SECTIONS (the top level) and their subtrees in workers, as _classify_level does.

    A top-level section's features do not depend on its siblings' categories, nor do its
    children's when it does not pass its category down; so each subtree is classified in a
    worker as if it did not, and the few that do (_passes_down, decided here in order) have
    their descendants given their category afterwards, as _classify_level gives it.
    """
    global _FORKED
    forked = multiprocessing.get_start_method() == "fork"
    sizes = [_size(section) for section in sections]
    # spans of about an eighth of a worker's share each, so that the workers finish together
    per_span = max(_SPAN_MIN, sum(sizes) // (workers * 8))
    spans: list[_Span] = []
    start = size = 0
    for end, section_size in enumerate(sizes, 1):
        size += section_size
        if size >= per_span or end == len(sections):
            spans.append((start, end, len(sections), None if forked else sections[start:end]))
            start, size = end, 0
    prepare_features()  # loaded once here, for forked workers to inherit
    _FORKED = sections if forked else []
    try:
        for (start, end, _, _), results in zip(
            spans, map_in_workers(_classify_span, spans, workers), strict=True
        ):
            walked = [s for top in sections[start:end] for s in top.walk()]
            for section, result in zip(walked, results, strict=True):
                (
                    section.category,
                    section.score,
                    section.runner_up,
                    section.runner_up_score,
                ) = result
    finally:
        _FORKED = []
    part1_before = False
    for section in sections:
        if section.level == 1 and _passes_down(section, part1_before):
            passes = (section.category, section.score)
            _classify_level(section.children, section.category, model, passes)
        part1_before = part1_before or _is_part1(section.category)


def _size(section: Section) -> int:
    return 1 + sum(_size(child) for child in section.children)


def _classify_span(span: _Span) -> list[_Result]:
    """Return the results of a span of top-level sections and their subtrees, in walk order.

    Runs in a worker; each subtree is classified as if its root did not pass its category down.
    """
    start, end, count, given = span
    sections = given if given is not None else _FORKED[start:end]
    model = load_model()
    out: list[_Result] = []
    for index, section in enumerate(sections, start):
        _set(section, _ranked(section, None, index, count, model, None))
        _classify_level(section.children, section.category, model, None)
        out.extend((s.category, s.score, s.runner_up, s.runner_up_score) for s in section.walk())
    return out
