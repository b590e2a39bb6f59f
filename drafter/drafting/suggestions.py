"""Choose the learned sentences a draft offers, marked 【建议改写】, where the data says nothing.

The skeleton's typical sentences come from real reports, so some do not travel: they name
another place ("乌审旗", "新余市"), claim an honour ("荣获", "全国首创"), lean on the sentence
before ("其次，", "并与…"), or were filed under a neighbouring category by the learner. Here
those are left out, and each part-1 sentence goes to the category whose keywords it matches
best, so "第一责任人" sentences end up in the first-responsible part.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from drafter.catalogue import SECTION_CATEGORIES, Level, foreign_body, load_categories
from drafter.learning import Skeleton

# Categories whose sentences may move between them by keywords; problems and plans talk about
# every field, so theirs stay where the learner put them.
# A sentence that continues the previous one.
_CONTINUES = re.compile(
    r"^(其次|首先|再次|最后|然后|同时|此外|另外|而且|并且|并|但|但是|因此|所以|为此|对此|"
    r"第[一二三四五六七八九十]|[一二三四五六七八九十]+是|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d)"
)
# Honours and firsts are facts about one place, not sentences to reuse; nor is what one person
# did ("XX同志"), nor an outdated term (法制 for 法治, but 法制审核 is today's term).
_CLAIMS = re.compile(
    r"荣获|获评|获得|获批|评为|首创|首批|率先|全国第一|全省第一|唯一|同志|法制(?!审核)"
)
# A named city, county, banner, district, town or street: two characters before 市/县/旗/区/镇/
# 街道 that are not a generic word (依法治市, 全市, 设区的市, 城市, 社区, 开发区, 乡镇) and not
# followed by another level (市县乡). Only whether a sentence holds one matters, so the two
# characters (a third before them changes nothing) are written once for all four endings:
# compiling the CJK range expands it character by character, 2 ms a time.
_PLACE = re.compile(
    r"[\u4e00-\u9fff]{2}(?:"
    r"(?<![治全本我各该城的每])(?:市|县|旗)(?![县区乡镇级直场民])"
    r"|(?<![治全本我各该城的每社园发景辖片山老范验能新护库矿市县])区(?![县乡镇级直域])"
    r"|(?<![全本我各该乡城集重小名点])镇(?![街村级])"
    r"|(?<![全本我各该镇和、])街道(?![办党])"
    r")"
)
_ENDS = ("。", "！", "？", "；", ";", "”", "）")
_FILL = re.compile(r"\{(年度|下年|自称)\}")


def suggestion_pool(skeleton: Skeleton, level: Level | str = "市") -> dict[str, list[str]]:
    """Return, by category id, the learned sentences fit to suggest, best first.

    A category's own sentences that match its keywords come first, then sentences the learner
    filed elsewhere that match it better, then its own that match no category at all; each
    keeps the learned order within its rank. Templates in them ({年度}, {下年}, {自称}) are
    left for `fill_suggestion`. A sentence naming another LEVEL's bodies (区委, 全市 in a
    county's draft) is left out.
    """
    ranked: dict[str, list[tuple[int, str]]] = {c.id: [] for c in skeleton.categories}
    seen: set[str] = set()
    for category in skeleton.categories:
        for exemplar in category.typical:
            if not exemplar.text.rstrip().endswith(_ENDS):
                continue  # the learner's last words of a cut-off paragraph, not a sentence
            text = _tidy(exemplar.text)
            if text in seen or not reusable(text, level):
                continue
            seen.add(text)
            if category.id not in SECTION_CATEGORIES:
                ranked[category.id].append((0, text))
                continue
            home, score = _best_category(text, category.id)
            rank = 2 if score == 0 else (0 if home == category.id else 1)
            ranked.setdefault(home, []).append((rank, text))
    return {
        cid: [text for _, text in sorted(items, key=lambda item: item[0])]
        for cid, items in ranked.items()
    }


def fill_suggestion(text: str, *, year: int, self_name: str) -> str:
    """Return TEXT with {年度}, {下年} and {自称} filled for the report being drafted."""
    values = {"年度": str(year), "下年": str(year + 1), "自称": self_name}
    return _FILL.sub(lambda m: values[m.group(1)], text)


def reusable(text: str, level: Level | str = "市") -> bool:
    """Return True when TEXT may be offered to another report of LEVEL.

    Not when it leans on the sentence before, claims an honour, names a place, a person or
    another level's bodies, or uses an outdated term.
    """
    if len(text) < 12 or "{" in _FILL.sub("", text):
        return False
    if _CONTINUES.match(text) or _CLAIMS.search(text) or _PLACE.search(text):
        return False
    return foreign_body(text, level) is None


def _tidy(text: str) -> str:
    """Return TEXT ending with a full stop: learned sentences may end in "；" or "，"."""
    text = text.strip()
    return text.rstrip("；，、：;,") + "。" if not text.endswith(("。", "！", "？")) else text


def _best_category(text: str, own: str) -> tuple[str, float]:
    """Return the shared category whose keywords TEXT matches best, and the score.

    OWN wins ties, and keeps a sentence that matches no category (score 0).
    """
    specs = load_categories()
    scores = {cid: _score(text, specs[cid].keywords.items()) for cid in SECTION_CATEGORIES}
    best = max(scores.values())
    if scores[own] == best:
        return own, best
    return max(scores, key=lambda c: scores[c]), best


def _score(text: str, keywords: Iterable[tuple[str, float]]) -> float:
    return sum(weight for word, weight in keywords if word in text)
