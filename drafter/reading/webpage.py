"""Read a saved web page (.html/.htm): the article's title and paragraphs, without the page chrome.

lxml (already a dependency of python-docx) parses the page; the article is the block whose own
paragraphs hold the most Chinese text outside links. Navigation, 当前位置, 来源/发布时间, 字体
大 中 小, share and print buttons and footers are dropped by element and by line.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from drafter.errors import EmptyReportError, InputError
from drafter.reading.encoding import decode_text
from drafter.reading.model import RawParagraph

# Elements that never hold the article's text.
_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "form", "select", "button", "input", "nav",
    "header", "footer", "aside", "object", "embed", "svg", "template", "head",
)  # fmt: skip
# Words in class/id names of page furniture on government sites.
_CHROME_WORDS = re.compile(
    r"^(?:nav\w*|menu\w*|\w*crumbs?|bread\w*|position|location|weizhi|dqwz|foot\w*|bottom|"
    r"header|top|topbar|share\w*|bdshare\w*|related|relevant|xgxx|xgwz|sidebar|side|tools?|"
    r"print|copyright|banner|search|login|friend\w*|links?|yqlj|qrcode|ewm|erweima|gotop|"
    r"pager|pagination|fontsize|font|zoom-?btns?)$",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "td",
        "th",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "center",
        "dd",
        "dt",
        "pre",
        "ul",
        "ol",
        "dl",
        "tbody",
        "main",
    ]
)
# Inline content a paragraph is made of (its text counts towards its block).
_INLINE_TAGS = frozenset(
    ["p", "br", "span", "font", "strong", "b", "em", "i", "u", "a", "sub", "sup"]
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_LABEL = r"(?:发布时间|发布日期|发文日期|成文日期|来源|信息来源|文章来源|作者|编辑|责任编辑|浏览次数|点击数|阅读次数|访问量|浏览量)"
# A line of page chrome: short, and a location, an info line, the font sizes, share or print.
_CHROME_LINE = re.compile(
    rf"^(?:当前位置|您的位置|您现在的位置|所在位置|位置)[:：]"
    rf"|^{_LABEL}[:：]"
    r"|字[体号][:：]?\W*大\W*中\W*小"
    r"|^(?:分享到|扫一扫|打印本页|关闭窗口|上一篇|下一篇|相关(?:阅读|链接|文章|新闻|附件))"
    r"|^\W*(?:打印|关闭|收藏|返回顶部|返回|纠错|分享)\W*(?:(?:打印|关闭|收藏|返回顶部|返回|纠错|分享)\W*)*$"
)
_MAX_CHROME_LINE = 100
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SPACES = re.compile(r"[\s\u00a0\u3000]+")
_TITLE_PARTS = re.compile(r"\s*(?:[_|｜]|\s-\s)\s*")
_GBK_NAMES = frozenset(("gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn"))


def read_html_paragraphs(data: bytes, name: str) -> tuple[RawParagraph, ...]:
    """Return the title and paragraphs of a saved web page given as bytes."""
    text = _XML_DECLARATION.sub("", decode_page(data, name))
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise EmptyReportError("网页里没有内容，请确认选对了文件。", path=name) from e
    title = _page_title(root)
    lines = article_lines(root)
    if not lines:
        raise EmptyReportError("网页里找不到正文，请确认这是报告的网页。", path=name)
    if title and title not in lines[:3]:
        lines.insert(0, title)
    return tuple(RawParagraph(line) for line in lines)


def decode_page(data: bytes, name: str) -> str:
    """Return the page as text: in the charset its <meta> declares, else UTF-8, GBK or Big5."""
    if data[:3] == b"\xef\xbb\xbf" or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return decode_text(data, name)
    m = _META_CHARSET.search(data[:8192])
    if m:
        charset = m.group(1).decode("ascii", "replace").lower()
        # Pages declaring gb2312 use GBK characters all the time: read the superset.
        codec = (
            "gb18030" if charset in _GBK_NAMES else "big5hkscs" if "big5" in charset else charset
        )
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declaration: detect instead
    try:
        return decode_text(data, name)
    except InputError as e:
        raise InputError(
            "无法识别网页的编码（试过网页声明的编码、UTF-8、GBK、Big5）。请在浏览器中打开后另存为网页（UTF-8）再试。",
            path=name,
        ) from e


def article_lines(root: lxml_html.HtmlElement) -> list[str]:
    """Return the article's paragraphs: the densest block's lines, page chrome left out."""
    for element in list(root.iter(*_DROP_TAGS, etree.Comment, etree.ProcessingInstruction)):
        _drop(element)
    for element in list(root.iter()):
        if isinstance(element.tag, str) and _is_chrome(element):
            _drop(element)
    body = root.find("body")
    if body is None:
        return []
    lines = _block_lines(_densest_block(body))
    return [ln for ln in lines if not (len(ln) <= _MAX_CHROME_LINE and _CHROME_LINE.search(ln))]


def _drop(element: etree._Element) -> None:
    """Remove ELEMENT but keep the text that follows it."""
    if element.getparent() is None:
        return
    if isinstance(element, lxml_html.HtmlElement):
        element.drop_tree()
    else:  # a comment or processing instruction
        parent = element.getparent()
        previous = element.getprevious()
        if element.tail:
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)


def _is_chrome(element: etree._Element) -> bool:
    """Return True for an element whose class or id names page furniture and holds no prose."""
    if element.tag in ("html", "body"):
        return False
    words = re.split(r"[\s_]+", f"{element.get('class', '')} {element.get('id', '')}".strip())
    if not any(_CHROME_WORDS.match(w) for w in words if w):
        return False
    # Chrome never holds long prose: a mis-named article container stays.
    return _han_outside_links(element) < 200


def _han_outside_links(element: etree._Element) -> int:
    total = len(_HAN.findall(element.text_content()))
    linked = sum(len(_HAN.findall(a.text_content())) for a in element.iter("a"))
    return total - linked


def _densest_block(body: etree._Element) -> etree._Element:
    """Return the block whose own paragraphs hold the most Chinese text (text in links counts against)."""
    best, best_score = body, -1.0
    for element in body.iter(*_BLOCK_TAGS):
        score = 0.0
        for piece in _own_texts(element):
            han = len(_HAN.findall(piece))
            if han >= 10:  # short pieces are menus, labels and buttons
                score += han
        score -= 2 * sum(len(_HAN.findall(a.text_content())) for a in element.iter("a"))
        if score > best_score:
            best, best_score = element, score
    return best


def _own_texts(element: etree._Element) -> list[str]:
    """Return ELEMENT's own text and that of its paragraph-like children (not nested blocks)."""
    out = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in _INLINE_TAGS:
            out.append(child.text_content())
        out.append(child.tail or "")
    return out


def _block_lines(element: etree._Element) -> list[str]:
    """Return ELEMENT's text as lines: one per block element or <br>."""
    pieces: list[str] = []

    def walk(node: etree._Element) -> None:
        block = node.tag in _BLOCK_TAGS
        if block or node.tag == "br":
            pieces.append("\n")
        pieces.append(node.text or "")
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            pieces.append(child.tail or "")
        if block:
            pieces.append("\n")

    walk(element)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]


def _page_title(root: lxml_html.HtmlElement) -> str | None:
    """Return the report's title: the page <title> without the site's name, or its fuller heading."""
    raw = _SPACES.sub(" ", root.findtext(".//title") or "").strip()
    parts = [p for p in _TITLE_PARTS.split(raw) if p]
    title = next((p for p in parts if "报告" in p), parts[0] if parts else None)
    for tag in ("h1", "h2", "h3"):
        for element in root.iter(tag):
            heading = _SPACES.sub(" ", element.text_content()).strip()
            if len(_HAN.findall(heading)) < 6:
                continue
            if title is None and "报告" in heading:
                return heading
            if title is not None and (title in heading or heading in title):
                return heading if len(heading) >= len(title) else title
    return title
