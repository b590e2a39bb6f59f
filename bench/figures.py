"""Figure finding against hand labels: ../shared/corpus/figures.jsonl and the labelled seeds.

Run from the repository root: `python bench/figures.py`. Prints precision, recall and F1 for the
corpus sentences, the seeds, and both together, then the figures missed or found extra; asserts
nothing. Figures are compared per sentence (corpus) or per file (seeds) as multisets of
(value, unit, approx); the corpus labels carry no kind, so kind is not compared. The corpus
counts a rank ("位列全国第10名") as an ordinal, not a figure, so ranks are left out on its side.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from drafter.reading import normalize_line, to_simplified  # noqa: E402
from drafter.text import find_figures, parse_number  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "figures.jsonl"
DATA = ROOT / "tests" / "data"
SEEDS = ROOT / "seeds"

Key = tuple[float, str, bool]


def _key(value: float, unit: str | None, approx: bool) -> Key:
    return (round(float(value), 4), to_simplified(unit or ""), bool(approx))


def _found(text: str, ranks: bool = True) -> Counter[Key]:
    figures = find_figures(normalize_line(text))
    return Counter(_key(f.value, f.unit, f.approx) for f in figures if ranks or f.kind != "rank")


def corpus_pairs() -> list[tuple[str, Counter[Key], Counter[Key]]]:
    """Return (label, found, labelled) for each corpus sentence."""
    out = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        labelled: Counter[Key] = Counter()
        for g in item["figures"]:
            value = parse_number(to_simplified(g["value"]))
            labelled[
                _key(value if value is not None else -1, g["unit"], g.get("approx", False))
            ] += 1
        out.append((item["source"], _found(item["sentence"], ranks=False), labelled))
    return out


def seed_pairs() -> list[tuple[str, Counter[Key], Counter[Key]]]:
    """Return (file, found, labelled) for each hand-labelled seed."""
    gold: dict[str, list[dict[str, object]]] = {}
    for name in ("figures_labelled.yaml", "figures_labelled_heldout.yaml"):
        gold.update(yaml.safe_load((DATA / name).read_text(encoding="utf-8")))
    out = []
    for name, items in gold.items():
        found: Counter[Key] = Counter()
        for line in (SEEDS / name).read_text(encoding="utf-8").splitlines():
            found += _found(line)
        labelled = Counter(_key(g["value"], g["unit"], g["approx"]) for g in items)  # type: ignore[arg-type]
        out.append((name, found, labelled))
    return out


def score(pairs: list[tuple[str, Counter[Key], Counter[Key]]], title: str) -> None:
    """Print precision, recall and F1 over PAIRS, and each miss and extra."""
    hits = extra = missed = 0
    notes = []
    for label, found, labelled in pairs:
        hits += sum((found & labelled).values())
        extra += sum((found - labelled).values())
        missed += sum((labelled - found).values())
        for k in (found - labelled).elements():
            notes.append(f"    extra  {label}: {k}")
        for k in (labelled - found).elements():
            notes.append(f"    missed {label}: {k}")
    p = hits / (hits + extra) if hits + extra else 1.0
    r = hits / (hits + missed) if hits + missed else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(
        f"{title}: precision {p:.3f} recall {r:.3f} F1 {f1:.3f} ({hits} hits, {extra} extra, {missed} missed)"
    )
    print("\n".join(notes))


def main() -> None:
    corpus, seeds = corpus_pairs(), seed_pairs()
    score(corpus, "corpus figures.jsonl")
    score(seeds, "seeds")
    score(corpus + seeds, "together")


if __name__ == "__main__":
    main()
