"""Normalise report text for analysis: simplified characters, one punctuation width, no artefacts."""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from drafter.text import drop_xml_illegal
from drafter.workers import cores, map_in_workers

# ASCII punctuation that Chinese text writes full-width; converted unless between ASCII alnum.
_HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"}
_HALF_PUNCTUATION = re.compile("[" + re.escape("".join(_HALF_TO_FULL)) + "]")
# Full-width forms that analysis wants half-width.
_FULL_TO_HALF = str.maketrans(
    {**{chr(0xFF10 + i): str(i) for i in range(10)}, "％": "%", "．": ".", "\u3000": " "}
)
_FULL_FORMS = re.compile("[\uff10-\uff19％．\u3000]")  # found in C: translate walks every character
_SPACE = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_ARTEFACT_INLINE = re.compile(r"\[bookmark:[^\]]*\]")
_ARTEFACT_LINES = (
    re.compile(r"^.{0,20}公网安备.*号$"),  # website registration footer
    re.compile(r"^.{0,20}ICP备.*号.{0,5}$"),
    re.compile(r"^[—–\-－]\s*\d+\s*[—–\-－]$"),  # page number "— 3 —"
    re.compile(r"^第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?$"),
)
# The same lines in one pattern: a line matches it where it matches one of them.
_ARTEFACT_LINE = re.compile("|".join(f"(?:{p.pattern})" for p in _ARTEFACT_LINES))


# Pinyin a mirror site wrote after a converted character: 強(qiáng), 設（shè）.
_PINYIN_NOTE = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")
# Lines of a web page around the report: breadcrumbs, dates, sources, font and print buttons.
_CHROME = re.compile(
    r"当前位置|所在位置|^[>＞]|[\u4e00-\u9fff]\s*[>＞»›]+\s*[\u4e00-\u9fff]|发布单位|公开方式|公开范围|"
    r"有效性|公开时限|信息索取|首页\s*[-=]?[>＞›»]|来源[：:]|发布时间|发布日期|发布机构|发文机关|浏览次数|"
    r"点击数|阅读次数|访问量|字体[：:【]|字号|大\s*中\s*小|打印(本页)?】?$|关闭窗口|分享到|"
    r"索\s*引\s*号|组配分类|主题分类|体裁分类|成文日期|发文字号|无障碍(阅读|版|模式|浏览)|"
    r"关怀版|适老版|长者模式|设为首页|加入收藏|IPv6|^\d{4}-\d{1,2}-\d{1,2}|"
    r"^\d{4}年\d{1,2}月\d{1,2}日\d{1,2}[时:：]|"
    r"^(登录|注册|正文|首页|无障碍|政府信息公开|最新公开|返回首页|头部|ico)$|"
    r"^[-|•]*(标题|名称|称|号|词|信息名称|文号|关键词|内容分类|信息分类|生成日期|公文生成日期|备注/文号)[：|]"
)
_CHROME_MAX = 80
# A line that is only the page's web address, as a copied page or a saved .txt often starts.
_WEB_ADDRESS = re.compile(
    r"^(?:(?:URL|网址|链接|原文链接|本文链接|原文地址)\s*[：:]\s*)?(?:https?[:：]//|www\.)\S+$",
    re.I,
)


def is_chrome(line: str) -> bool:
    """Return True for a line of web-page chrome (当前位置, 来源, 发布时间, 字体 大 中 小, 打印, the web address…)."""
    text = line.strip().lstrip("•-|·* ")
    if _WEB_ADDRESS.match(text):
        return True
    return len(text) <= _CHROME_MAX and "。" not in text and bool(_CHROME.search(text))


@cache
def _converter() -> Any:
    import opencc  # imported lazily: only reading reports needs it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Return TEXT with traditional characters converted to simplified (OpenCC t2s)."""
    return str(_converter().convert(text))


def _is_ascii_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _drop_spaces(text: str) -> str:
    """Remove spaces, except one between two ASCII letters or digits ("Word 2016")."""
    if _SPACE.search(text) is None:
        return text  # most lines
    pieces: list[str] = []
    last = 0
    for m in _SPACE.finditer(text):
        before = text[m.start() - 1] if m.start() > 0 else ""
        after = text[m.end()] if m.end() < len(text) else ""
        pieces.append(text[last : m.start()])
        if (
            _is_ascii_alnum(before)
            and _is_ascii_alnum(after)
            and not (before.isdigit() and after.isdigit())
        ):
            pieces.append(" ")
        last = m.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _widen_punctuation(text: str) -> str:
    if _HALF_PUNCTUATION.search(text) is None:
        return text  # most lines

    def widen(m: re.Match[str]) -> str:
        ch, i = m.group(), m.start()
        before = text[i - 1] if i > 0 else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if ch in ",:" and before.isdigit() and after.isdigit():
            return ch  # 1,000 or 9:30
        if _is_ascii_alnum(before) and _is_ascii_alnum(after):
            return ch
        return _HALF_TO_FULL[ch]

    return _HALF_PUNCTUATION.sub(widen, text)


def normalize_line(text: str) -> str:
    """Return one paragraph normalised for analysis (simplified, full-width punctuation, no spaces)."""
    text = drop_xml_illegal(_ARTEFACT_INLINE.sub("", text))
    text = _PINYIN_NOTE.sub("", text)
    if _FULL_FORMS.search(text):
        text = text.translate(_FULL_TO_HALF)
    text = to_simplified(text)
    text = _drop_spaces(text.strip())
    return _widen_punctuation(text)


def is_artefact(line: str) -> bool:
    """Return True for lines that are not report text: footers, page numbers, empty lines."""
    stripped = line.strip()
    return not stripped or _ARTEFACT_LINE.match(stripped) is not None


# From this many lines a text is normalised in worker processes: a line costs
# some 12 µs here, and sending it to a worker and back about 4.
PARALLEL_FROM = 40000
_CHUNK = 2000


def clean_lines(texts: Sequence[str], workers: int | None = None) -> list[tuple[str, bool] | None]:
    """Return each of TEXTS normalised, with whether it is web chrome; None for an artefact.

    Very many lines are cleaned in WORKERS processes (default one per core; never inside a
    worker, where learn reads reports); the result is the same.
    """
    if workers is None:
        many = len(texts) >= PARALLEL_FROM and multiprocessing.parent_process() is None
        workers = cores() if many else 1
    if workers <= 1:
        return _clean_chunk(texts)
    _converter()  # loaded here, for forked workers to inherit
    chunks = [texts[i : i + _CHUNK] for i in range(0, len(texts), _CHUNK)]
    return [line for done in map_in_workers(_clean_chunk, chunks, workers) for line in done]


def _clean_chunk(texts: Sequence[str]) -> list[tuple[str, bool] | None]:
    out: list[tuple[str, bool] | None] = []
    for raw in texts:
        text = None if is_artefact(raw) else normalize_line(raw)
        out.append((text, is_chrome(text)) if text and not is_artefact(text) else None)
    return out
