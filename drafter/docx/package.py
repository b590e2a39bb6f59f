"""Read and rewrite one part of a .docx package, byte for byte outside what changed.

The error messages speak of the body part (word/document.xml), the one part drafter rewrites.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from docx.oxml.parser import element_class_lookup
from lxml import etree
from lxml.etree import _Element

from drafter.docx.xml import W_SDT
from drafter.errors import InputError, quoted

_DECLARATION = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*\?>\s*)?")
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Comments, CDATA, declarations and processing instructions, or a tag: (end slash, name).
_MARKUP = re.compile(
    rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[?!][^>]*>|<(/?)([^\s/>]+)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S,
)
_START_TAG = re.compile(rb"<[^\s/>]+(?:[^>\"']|\"[^\"]*\"|'[^']*')*>")
_XMLNS = re.compile(rb"\s+xmlns(?::([^\s=]+))?=\"([^\"]*)\"")
_APPLICATION = re.compile(r"<(?:\w+:)?Application>([^<$]*)")
# Bounds on what a .docx may inflate to, checked on the sizes its directory declares (zipfile
# never inflates a member past its declared size). A report's body is a few MB of XML; these
# keep a zip bomb from costing gigabytes, even in a part drafter never reads.
MAX_MEMBER_BYTES = 64_000_000
MAX_TOTAL_BYTES = 256_000_000
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def check_package(zf: zipfile.ZipFile, path: str | None) -> None:
    """Raise InputError unless every member of ZF can be read safely and means one thing.

    Refused before anything is inflated: a member or a total beyond the bounds, a compression
    Word never writes (Deflate64, bzip2, LZMA), encryption, and a name given twice (a reader
    would see one member, an editor the other).
    """
    names: set[str] = set()
    total = 0
    for info in zf.infolist():
        if info.filename in names:
            raise InputError(
                f"文件已损坏：压缩包中“{quoted(info.filename)}”出现了两次。"
                "请用 Word/WPS 打开后重新另存为 .docx。",
                path=path,
            )
        names.add(info.filename)
        if info.compress_type not in _METHODS or info.flag_bits & 0x1:
            raise InputError(
                "文件用了 Word 不使用的压缩方式或加了密，无法读取。请用 Word/WPS 打开后重新另存为 .docx。",
                path=path,
            )
        total += info.file_size
        if info.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES:
            raise InputError(
                f"文件解压后超过 {MAX_TOTAL_BYTES // 1_000_000} MB（或其中一部分超过 "
                f"{MAX_MEMBER_BYTES // 1_000_000} MB），不像是一篇年度报告，未读取。"
                "如是带大量图片的文档，请删去图片后另存。",
                path=path,
            )


def open_package(docx: bytes, path: str | None) -> zipfile.ZipFile:
    """Return DOCX opened as a zip, checked by check_package; InputError when it is none."""
    if docx[:4] == b"\xd0\xcf\x11\xe0":
        raise InputError(
            "这是旧版 .doc、.wps 或加密的文档，不是 .docx：请在 Word/WPS 中另存为 .docx（不加密码）。",
            path=path,
        )
    try:
        zf = zipfile.ZipFile(io.BytesIO(docx))
    except (zipfile.BadZipFile, EOFError, ValueError, OSError) as e:
        raise InputError("不是 .docx 文件，或文件已损坏，无法打开。", path=path) from e
    try:
        check_package(zf, path)
    except InputError:
        zf.close()
        raise
    return zf


def read_part(docx: bytes, name: str, path: str | None) -> bytes:
    """Return the bytes of member NAME of DOCX; InputError when DOCX is no readable .docx.

    PATH only names the file in error messages.
    """
    try:
        with open_package(docx, path) as zf:
            if name not in zf.namelist():
                raise InputError("不是 Word 文档（.docx）：文件中没有正文部分。", path=path)
            return zf.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError) as e:
        raise InputError("不是 .docx 文件，或文件已损坏，无法打开。", path=path) from e


def parse_part(xml: bytes, path: str | None) -> etree._ElementTree:
    """Return XML parsed with python-docx's element classes, every character of text kept."""
    # python-docx's own parser drops whitespace-only text; this one keeps every character.
    parser = etree.XMLParser(resolve_entities=False, remove_blank_text=False, huge_tree=True)
    parser.set_element_class_lookup(element_class_lookup)
    try:
        return etree.ElementTree(etree.fromstring(xml, parser))
    except etree.XMLSyntaxError as e:
        raise InputError(f"文件已损坏：正文部分不是有效的 XML（{e}）。", path=path) from e


def serialise_part(tree: etree._ElementTree, original: bytes, touched: set[int]) -> bytes:
    """Return ORIGINAL with the controls whose id() is in TOUCHED written anew from TREE.

    Every byte outside those controls is kept, even where lxml would write it differently
    (LibreOffice's `<w:rPr></w:rPr>`). When the controls cannot be located in the bytes with
    certainty, the whole tree is written instead, with the original XML declaration.
    """
    root = tree.getroot()
    sdts = list(root.iter(W_SDT))
    spans = _sdt_spans(original, root)
    encoding = (tree.docinfo.encoding or "UTF-8").upper().replace("UTF8", "UTF-8")
    if spans is None or len(spans) != len(sdts) or encoding != "UTF-8":
        return _serialise_whole(tree, original)
    out = original
    for (start, end), sdt in reversed(list(zip(spans, sdts, strict=True))):
        if id(sdt) in touched:
            out = out[:start] + _element_bytes(sdt) + out[end:]
    return out


def replace_part(docx: bytes, name: str, data: bytes, path: str | None) -> bytes:
    """Return DOCX with member NAME replaced by DATA; every other member copied unchanged."""
    out = io.BytesIO()
    try:
        with (
            open_package(docx, path) as src,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
        ):
            dst.comment = src.comment
            for info in src.infolist():
                if info.filename == name:
                    dst.writestr(info, data)
                else:
                    _copy_compressed(docx, info, dst)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, struct.error) as e:
        raise InputError("文件已损坏（压缩包中有无法读取的部分），无法更新。", path=path) from e
    return out.getvalue()


_LOCAL_HEADER = b"PK\x03\x04"
_DATA_DESCRIPTOR = 0x08


def _copy_compressed(docx: bytes, info: zipfile.ZipInfo, dst: zipfile.ZipFile) -> None:
    """Append member INFO of DOCX to DST as its compressed bytes, never inflating it.

    A part drafter does not change (images, styles, a zip bomb's filler) costs a copy of its
    compressed size, and its bytes, CRC and dates stay exactly as they were. The sizes and CRC go
    into the local header, so no data descriptor follows.
    """
    at = info.header_offset
    if docx[at : at + 4] != _LOCAL_HEADER:
        raise zipfile.BadZipFile(f"no local header for {info.filename}")
    name_len, extra_len = struct.unpack_from("<HH", docx, at + 26)
    start = at + 30 + name_len + extra_len
    raw = docx[start : start + info.compress_size]
    if len(raw) != info.compress_size:
        raise zipfile.BadZipFile(f"{info.filename} is cut short")
    copy = zipfile.ZipInfo(info.filename, info.date_time)
    for field in (
        "compress_type",
        "comment",
        "extra",
        "create_system",
        "create_version",
        "extract_version",
        "internal_attr",
        "external_attr",
        "CRC",
        "compress_size",
        "file_size",
    ):
        setattr(copy, field, getattr(info, field))
    copy.flag_bits = info.flag_bits & ~_DATA_DESCRIPTOR
    fp = dst.fp
    if fp is None:
        raise ValueError("the output zip is closed")
    fp.seek(dst.start_dir)
    copy.header_offset = fp.tell()
    fp.write(copy.FileHeader())
    fp.write(raw)
    dst.filelist.append(copy)
    dst.NameToInfo[copy.filename] = copy
    dst.start_dir = fp.tell()
    dst._didModify = True  # type: ignore[attr-defined]  # so close() writes the directory


def last_saved_by(docx: bytes) -> str:
    """Return the name of the program that last saved DOCX, from docProps/app.xml, or ""."""
    try:
        with zipfile.ZipFile(io.BytesIO(docx)) as zf:
            app = zf.read("docProps/app.xml").decode("utf-8", "replace")
    except (KeyError, zipfile.BadZipFile, zlib.error):
        return ""
    m = _APPLICATION.search(app)
    return m.group(1).strip() if m else ""


def _sdt_spans(xml: bytes, root: _Element) -> list[tuple[int, int]] | None:
    """Return the byte span of every `w:sdt` element of XML in document order, or None."""
    prefixes = [prefix for prefix, uri in root.nsmap.items() if uri == _W_NS]
    if len(prefixes) != 1:
        return None
    name = b"sdt" if prefixes[0] is None else prefixes[0].encode() + b":sdt"
    open_at: list[int] = []
    spans: list[tuple[int, int]] = []
    for m in _MARKUP.finditer(xml):
        if m.group(2) != name:
            continue
        if m.group(1):
            if not open_at:
                return None
            spans.append((open_at.pop(), m.end()))
        elif m.group(0).endswith(b"/>"):
            spans.append((m.start(), m.end()))
        else:
            open_at.append(m.start())
    return None if open_at else sorted(spans)


def _element_bytes(el: _Element) -> bytes:
    """Return EL serialised alone, without the namespace declarations its context already has."""
    data: bytes = etree.tostring(el, encoding="UTF-8", xml_declaration=False, with_tail=False)
    parent = el.getparent()
    in_scope = {} if parent is None else parent.nsmap
    head = _START_TAG.match(data)
    if head is None:
        return data

    def drop(m: re.Match[bytes]) -> bytes:
        prefix = m.group(1).decode() if m.group(1) else None
        return b"" if in_scope.get(prefix) == m.group(2).decode() else m.group(0)

    return _XMLNS.sub(drop, head.group(0)) + data[head.end() :]


def _serialise_whole(tree: etree._ElementTree, original: bytes) -> bytes:
    """Return TREE as bytes with the original's XML declaration and trailing whitespace."""
    head = _DECLARATION.match(original)
    body: bytes = etree.tostring(
        tree, encoding=tree.docinfo.encoding or "UTF-8", xml_declaration=False
    )
    tail = original[len(original.rstrip()) :]
    return (head.group(0) if head else b"") + body + tail


class CopyingZipWriter:
    """A zip writer for python-docx's package writer that copies what TEMPLATE already holds.

    A member whose bytes equal (same size and CRC) the template's member of that name is copied
    compressed, never deflated again: the styles of a draft are most of its bytes, and
    compressing them took longer than writing the text. Every other member is written as
    python-docx writes it, so each part's bytes are the same either way.
    """

    def __init__(self, template: bytes, out: io.BytesIO) -> None:
        self._template = template
        self._src = zipfile.ZipFile(io.BytesIO(template))
        self._dst = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)

    def write(self, pack_uri: object, blob: bytes) -> None:
        """Add BLOB as the member PACK_URI names (python-docx's PackURI)."""
        name: str = pack_uri.membername  # type: ignore[attr-defined]
        try:
            info = self._src.getinfo(name)
        except KeyError:
            info = None
        if info is not None and info.file_size == len(blob) and zlib.crc32(blob) == info.CRC:
            _copy_compressed(self._template, info, self._dst)
        else:
            self._dst.writestr(name, blob)

    def close(self) -> None:
        """Finish the zip (its central directory)."""
        self._dst.close()
        self._src.close()
