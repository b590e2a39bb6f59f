"""What the unit's past reports gave figures for: the skeleton's exemplars, matched as extract does."""

from __future__ import annotations

import re

from drafter.datafile.extract import match_sentence
from drafter.learning import Skeleton

_SLOT = re.compile(r"\{(?!年度\}|下年\}|自称\})[^{}]+\}")
_YEAR_WORDS = re.compile(r"\{(?:年度|下年)\}年度?|\{自称\}")
_SAMPLE = "8"  # a slot's stand-in, so the sentence reads as a report's for matching


def reported_indicators(skeleton: Skeleton) -> dict[str, str]:
    """Return, by indicator key, the learned sentence that gave its figure (slots shown as X).

    In the skeleton's category order, then the exemplars' order: the indicators the unit's
    past reports used, each with how they wrote it.
    """
    out: dict[str, str] = {}
    for category in skeleton.categories:
        for exemplar in category.exemplars:
            sample = _SLOT.sub(_SAMPLE, exemplar.text)
            shown = _YEAR_WORDS.sub("", _SLOT.sub("X", exemplar.text)).lstrip("，、；")
            for item in match_sentence(sample, category.id):
                if item.indicator is not None:
                    out.setdefault(item.indicator, shown)
    return out
