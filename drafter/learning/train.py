"""Train the heading classifier on labelled reports and write it as readable JSON.

A multinomial logistic regression fitted by AdaGrad in pure Python: no numerical library, a fixed
example order and weights rounded to 3 decimals, so the same inputs give a byte-identical model on
any machine (a test retrains and compares with the shipped file).
"""

from __future__ import annotations

import json
import math
import random
from collections import Counter
from pathlib import Path

from drafter.catalogue import CATEGORY_IDS
from drafter.learning.labels import LabelledReport
from drafter.reading import SHARED, HeadingModel, Section, section_features

EPOCHS = 10
LEARNING_RATE = 0.2
L2 = 0.5  # per weight and epoch, spread over the weight's occurrences (see _fit)
MIN_REPORTS = 2  # a feature seen in fewer reports than this is left out of the model
DECIMALS = 3
MIN_WEIGHT = 0.01

Example = tuple[list[str], int]


def training_examples(reports: list[LabelledReport]) -> list[tuple[str, list[str], str]]:
    """Return (report, features, label) for every located gold heading of REPORTS."""
    out = []
    for report in reports:
        outline = report.fresh_outline()
        gold = {h.path: h.label for h in report.headings if h.path is not None}
        for path, label in gold.items():
            parent_label: str | None = None
            siblings = outline.sections
            section: Section | None = None
            for depth, i in enumerate(path):
                if depth:
                    assert section is not None
                    parent_path = path[:depth]
                    parent_label = gold.get(parent_path) or section.category_hint or "other"
                    siblings = section.children
                section = siblings[i]
            assert section is not None
            feats = section_features(section, parent_label, path[-1], len(siblings))
            out.append((report.name, feats, label))
    return out


def train_model(reports: list[LabelledReport]) -> HeadingModel:
    """Return the heading model fitted to the gold headings of REPORTS."""
    model, _ = _fit(reports)
    return model


def model_json(reports: list[LabelledReport]) -> str:
    """Return the model trained on REPORTS as the text of templates/heading_model.json."""
    model, summary = _fit(reports)
    lines = ["{"]
    lines.append(f'"summary": {json.dumps(summary, ensure_ascii=False, sort_keys=True)},')
    lines.append(f'"classes": {json.dumps(list(model.classes))},')
    lines.append(f'"bias": {json.dumps(list(model.bias))},')
    lines.append(f'"shared": {json.dumps(model.shared, ensure_ascii=False, sort_keys=True)},')
    lines.append('"weights": {')
    rows = [
        f"{json.dumps(f, ensure_ascii=False)}: " + json.dumps({model.classes[k]: x for k, x in w})
        for f, w in sorted(model.weights.items())
    ]
    lines.append(",\n".join(rows))
    lines.append("}}")
    return "\n".join(lines) + "\n"


def write_model(reports: list[LabelledReport], path: Path) -> None:
    """Train on REPORTS and write the model to PATH."""
    path.write_text(model_json(reports), encoding="utf-8")


def _fit(reports: list[LabelledReport]) -> tuple[HeadingModel, dict[str, object]]:
    examples = training_examples(reports)
    labels = Counter(label for _, _, label in examples)
    classes = tuple(c for c in CATEGORY_IDS if labels[c])
    data = _Encoded(examples, classes)
    weights, bias, shared = _descend(data, len(classes))
    kept = {}
    for f, row in zip(data.vocab, weights, strict=True):
        # weights under MIN_WEIGHT change no decision; leaving them out halves the file
        rounded = tuple((k, _round(w)) for k, w in enumerate(row) if abs(w) >= MIN_WEIGHT)
        if rounded:
            kept[f] = rounded
    model = HeadingModel(
        classes,
        tuple(_round(b) for b in bias),
        kept,
        {k: _round(w) for k, w in zip(data.kinds, shared, strict=True)},
    )
    right = sum(model.probabilities(feats)[0][0] == lab for _, feats, lab in examples)
    summary: dict[str, object] = {
        "what": "heading classifier: multinomial logistic regression, AdaGrad, written by python -m drafter.learning",
        "reports": len(reports),
        "headings": len(examples),
        "headings_by_label": dict(sorted(labels.items())),
        "features": len(kept),
        "epochs": EPOCHS,
        "learning_rate": LEARNING_RATE,
        "l2": L2,
        "min_reports_per_feature": MIN_REPORTS,
        "training_accuracy": round(right / len(examples), 3) if examples else None,
        "held_out_accuracy": "see python bench/classify.py (grouped cross-validation)",
    }
    return model, summary


class _Encoded:
    """The training headings as feature indices: per-class features, shared ones, the class."""

    def __init__(self, examples: list[tuple[str, list[str], str]], classes: tuple[str, ...]):
        seen: dict[str, set[str]] = {}
        for name, names, _ in examples:
            for f in names:
                seen.setdefault(f, set()).add(name)
        self.vocab = sorted(
            f for f, where in seen.items() if len(where) >= MIN_REPORTS and not f.startswith(SHARED)
        )
        self.kinds = sorted({f[1:].partition(":")[0] for f in seen if f.startswith(SHARED)})
        index = {f: i for i, f in enumerate(self.vocab)}
        kind_index = {k: i for i, k in enumerate(self.kinds)}
        cls_index = {c: k for k, c in enumerate(classes)}
        self.rows: list[tuple[list[int], list[tuple[int, int]], int]] = [
            (
                [index[f] for f in names if f in index],
                _tied(names, kind_index, cls_index),
                cls_index[label],
            )
            for _, names, label in examples
        ]


def _descend(data: _Encoded, n_cls: int) -> tuple[list[list[float]], list[float], list[float]]:
    """Return per-class weights, biases and shared weights fitted by AdaGrad in a fixed order."""
    weights = [[0.0] * n_cls for _ in data.vocab]
    sq = [[1e-8] * n_cls for _ in data.vocab]
    bias, bias_sq = [0.0] * n_cls, [1e-8] * n_cls
    shared, shared_sq = [0.0] * len(data.kinds), [1e-8] * len(data.kinds)
    # L2 is spread over a weight's occurrences, so each weight is pulled to 0 by L2 per epoch
    # whether it fires once or on every heading (a per-update penalty would crush the shared
    # weights that fire everywhere and spare the rare n-grams that over-fit).
    count = [0] * len(data.vocab)
    kind_count = [0] * len(data.kinds)
    for feats, tied, _ in data.rows:
        for f in feats:
            count[f] += 1
        for g_i, _k in tied:
            kind_count[g_i] += 1
    order = list(range(len(data.rows)))
    rng = random.Random(20240101)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, tied, y = data.rows[i]
            grad = _gradient(weights, bias, shared, feats, tied, y)
            for g_i, k in tied:
                g = grad[k] + L2 / kind_count[g_i] * shared[g_i]
                shared_sq[g_i] += g * g
                shared[g_i] -= LEARNING_RATE * g / math.sqrt(shared_sq[g_i])
            for k in range(n_cls):
                bias_sq[k] += grad[k] * grad[k]
                bias[k] -= LEARNING_RATE * grad[k] / math.sqrt(bias_sq[k])
            for f in feats:
                row, acc, l2 = weights[f], sq[f], L2 / count[f]
                for k in range(n_cls):
                    g = grad[k] + l2 * row[k]
                    acc[k] += g * g
                    row[k] -= LEARNING_RATE * g / math.sqrt(acc[k])
    return weights, bias, shared


def _tied(
    feats: list[str], kind_index: dict[str, int], cls_index: dict[str, int]
) -> list[tuple[int, int]]:
    """Return (shared weight, class) for each "@kind:category" feature naming a known class."""
    out = []
    for f in feats:
        if f.startswith(SHARED):
            kind, _, cid = f[1:].partition(":")
            if cid in cls_index:
                out.append((kind_index[kind], cls_index[cid]))
    return out


def _gradient(
    weights: list[list[float]],
    bias: list[float],
    shared: list[float],
    feats: list[int],
    tied: list[tuple[int, int]],
    y: int,
) -> list[float]:
    scores = list(bias)
    for f in feats:
        scores = [s + w for s, w in zip(scores, weights[f], strict=True)]
    for g_i, k in tied:
        scores[k] += shared[g_i]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    grad = [e / total for e in exps]
    grad[y] -= 1.0
    return grad


def _round(w: float) -> float:
    r = round(w, DECIMALS)
    return 0.0 if r == 0 else r
