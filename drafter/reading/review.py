"""Marks of review left in a .docx: unresolved comments and tracked insertions and deletions."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lxml import etree

from drafter.docx import paragraph_text

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
_CHANGES = {"ins": "insertion", "moveTo": "insertion", "del": "deletion", "moveFrom": "deletion"}

MarkKind = Literal["comment", "insertion", "deletion"]


@dataclass(frozen=True)
class ReviewMark:
    """One comment or tracked change: its kind, author, its words, and its paragraph's text."""

    kind: MarkKind
    author: str
    text: str
    paragraph: str


def review_marks(path: Path) -> tuple[ReviewMark, ...]:
    """Return the unresolved comments and tracked changes of the .docx at PATH (else none).

    Comments marked done (resolved) in Word are left out. A file that cannot be read gives none:
    reading the report itself says what is wrong with it.
    """
    if path.suffix.lower() != ".docx":
        return ()
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
            document = _parse(z.read("word/document.xml"))
            comments = _parse(z.read("word/comments.xml")) if "word/comments.xml" in names else None
            extended = (
                _parse(z.read("word/commentsExtended.xml"))
                if "word/commentsExtended.xml" in names
                else None
            )
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError):
        return ()
    return (*_comments(document, comments, extended), *_changes(document))


def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(resolve_entities=False, huge_tree=False))


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


def _comments(
    document: etree._Element, comments: etree._Element | None, extended: etree._Element | None
) -> list[ReviewMark]:
    if comments is None:
        return []
    done = set()
    if extended is not None:
        for ex in extended.iter(f"{{{_W15}}}commentEx"):
            if ex.get(f"{{{_W15}}}done") == "1":
                done.add(ex.get(f"{{{_W15}}}paraId"))
    anchors: dict[str, str] = {}
    for tag in ("commentRangeStart", "commentReference"):
        for el in document.iter(_w(tag)):
            host = next(el.iterancestors(_w("p")), None)
            cid = el.get(_w("id"))
            if cid is not None and cid not in anchors:
                anchors[cid] = paragraph_text(host) if host is not None else ""
    out = []
    for comment in comments.iter(_w("comment")):
        paragraphs = list(comment.iter(_w("p")))
        if paragraphs and paragraphs[-1].get(f"{{{_W14}}}paraId") in done:
            continue  # resolved
        cid = comment.get(_w("id")) or ""
        text = "".join(paragraph_text(p) for p in paragraphs).strip()
        author = comment.get(_w("author")) or ""
        out.append(ReviewMark("comment", author, text, anchors.get(cid, "")))
    return out


def _changes(document: etree._Element) -> list[ReviewMark]:
    """Return the tracked changes, one per paragraph, kind and author (Word splits them by run)."""
    out: list[ReviewMark] = []
    index: dict[tuple[int, str, str], int] = {}
    hosts: dict[int, str] = {}
    for el in document.iter(*(_w(t) for t in _CHANGES)):
        if el.getparent() is not None and el.getparent().tag == _w("rPr"):
            continue  # a paragraph mark inserted or deleted: no words
        kind = _CHANGES[etree.QName(el).localname]
        words = "".join(t.text or "" for t in el.iter(_w("t"), _w("delText")))
        if not words.strip():
            continue
        host = next(el.iterancestors(_w("p")), None)
        key = (id(host), kind, el.get(_w("author")) or "")
        if host is not None and id(host) not in hosts:
            hosts[id(host)] = paragraph_text(host)
        if key in index:
            old = out[index[key]]
            out[index[key]] = ReviewMark(old.kind, old.author, old.text + words, old.paragraph)
        else:
            index[key] = len(out)
            out.append(ReviewMark(kind, key[2], words, hosts.get(id(host), "")))  # type: ignore[arg-type]
    return out
