"""Indicator matching against hand labels: tests/data/indicators_labelled.yaml.

Run from the repository root: `python bench/indicators.py`. Prints precision (of the figures the
matcher gave an indicator, how many got the labelled one) and recall (of the figures labelled with
an indicator, how many got it), then every disagreement; asserts nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.datafile import extract_figures  # noqa: E402
from drafter.reading import parse_report  # noqa: E402

LABELS = ROOT / "tests" / "data" / "indicators_labelled.yaml"
CORPUS = ROOT.parent / "shared" / "corpus"


def predictions(path: Path) -> dict[str, str | None]:
    """Return figure locator ("5次", "5次#2") → the indicator extract gives it, for PATH."""
    out: dict[str, str | None] = {}
    seen: dict[str, int] = {}
    for item in extract_figures(parse_report(path)):
        if item.figure.kind in ("rank", "change"):
            continue
        n = seen[item.text] = seen.get(item.text, 0) + 1
        out[item.text if n == 1 else f"{item.text}#{n}"] = item.indicator
    return out


def pairs() -> list[tuple[str, str, str | None, str | None]]:
    """Return (file, locator, labelled, predicted) for every labelled figure."""
    labels = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    out = []
    for name, given in labels["seeds"].items():
        predicted = predictions(ROOT / "seeds" / name)
        for locator in sorted(set(predicted) | set(given)):
            out.append((name, locator, given.get(locator), predicted.get(locator)))
    for name, given in labels["corpus"].items():
        predicted = predictions(CORPUS / name)
        for locator, label in given.items():
            if locator not in predicted:
                print(f"  (not found as a figure: {name} {locator})")
            out.append((name, str(locator), label, predicted.get(str(locator))))
    return out


def main() -> None:
    rows = pairs()
    predicted = [r for r in rows if r[3] is not None]
    labelled = [r for r in rows if r[2] is not None]
    right = [r for r in predicted if r[2] == r[3]]
    precision = len(right) / len(predicted) if predicted else 1.0
    recall = len(right) / len(labelled) if labelled else 1.0
    print(
        f"indicator matching: precision {precision:.3f} ({len(right)}/{len(predicted)}), "
        f"recall {recall:.3f} ({len(right)}/{len(labelled)}) over {len(rows)} labelled figures"
    )
    for name, locator, label, got in rows:
        if label != got:
            print(f"  {name} {locator}: labelled {label or '—'}, matched {got or '—'}")


if __name__ == "__main__":
    main()
