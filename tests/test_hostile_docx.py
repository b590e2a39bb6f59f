"""Damaged and hostile .docx files: refused before inflating, skipped in a folder, never a traceback.

Each case is a finding of issue 15: a zip bomb cost gigabytes, a bit-rotted, Deflate64 or body-less
file aborted a whole `learn`, duplicate member names were copied by refresh.
"""

from __future__ import annotations

import io
import struct
import warnings
import zipfile
from pathlib import Path

import pytest

import drafter.cli  # noqa: F401  (registers the commands)

from helpers import EXAMPLE, OLD_RECEIVED, one_line_error, run
from helpers import SEED_000 as SEED

# --- damaged .docx -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def good_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    out = tmp_path_factory.mktemp("docx") / "初稿.docx"
    code, _, err = run("draft", str(EXAMPLE), "-o", str(out))
    assert code == 0, err
    return out.read_bytes()


def _rezip(data: bytes, extra: dict[str, bytes] | None = None, drop: str = "") -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            if info.filename != drop:
                dst.writestr(info, src.read(info))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Duplicate name" is the point of one case
            for name, member in (extra or {}).items():
                dst.writestr(name, member)
    return out.getvalue()


def _with_method(data: bytes, name: str, method: int) -> bytes:
    """Return DATA with member NAME's compression method field set to METHOD (both headers)."""
    out = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(name)
    struct.pack_into("<H", out, info.header_offset + 8, method)
    central = out.find(b"PK\x01\x02")
    while central >= 0:
        size = struct.unpack_from("<H", out, central + 28)[0]
        if out[central + 46 : central + 46 + size] == name.encode():
            struct.pack_into("<H", out, central + 10, method)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def _bit_rot(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    out = bytearray(data)
    out[start + info.compress_size // 2] ^= 0x55
    return bytes(out)


DAMAGED = {
    "bit rot": lambda d: _bit_rot(d),
    "Deflate64": lambda d: _with_method(d, "word/document.xml", 9),
    "no body": lambda d: _rezip(d, drop="word/document.xml"),
    "zip bomb": lambda d: _rezip(d, {"word/media/zero.bin": bytes(70_000_000)}),
    "duplicate name": lambda d: _rezip(d, {"word/document.xml": b"<w:document/>"}),
}


@pytest.mark.parametrize("case", list(DAMAGED))
def test_a_damaged_docx_is_skipped_in_a_folder_and_refused_alone(
    tmp_path: Path, good_docx: bytes, case: str
) -> None:
    folder = tmp_path / "往年"
    folder.mkdir()
    (folder / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    bad = folder / "坏.docx"
    bad.write_bytes(DAMAGED[case](good_docx))
    code, _, err = run("learn", str(folder), "-o", str(tmp_path / "s.yaml"))
    assert code == 0, err
    assert "Traceback" not in err and "已跳过（" in err and "坏.docx" in err
    code, _, err = run("outline", str(bad))
    assert code == 2 and "坏.docx" in one_line_error(err)
    code, _, err = run("check", str(bad))
    assert code == 2 and "坏.docx" in one_line_error(err)


@pytest.mark.parametrize("case", ["zip bomb", "duplicate name", "Deflate64"])
def test_refresh_refuses_a_damaged_draft(tmp_path: Path, good_docx: bytes, case: str) -> None:
    draft = tmp_path / "初稿.docx"
    draft.write_bytes(DAMAGED[case](good_docx))
    code, _, err = run("refresh", str(draft), str(EXAMPLE), "--dry-run")
    assert code == 2 and "初稿.docx" in one_line_error(err)


class _Unseekable(io.RawIOBase):
    """A write-only stream zipfile cannot seek in: it writes data descriptors after members."""

    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data.extend(b)
        return len(b)


def _fast_compressed(data: bytes, *, descriptors: bool) -> bytes:
    """Return DATA compressed at level 1 (as some editors do), with data descriptors or not.

    Inflated and compressed anew, each member would come out different.
    """
    sink = _Unseekable() if descriptors else io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as dst,  # type: ignore[arg-type]
    ):
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info))
    return bytes(sink.data) if isinstance(sink, _Unseekable) else sink.getvalue()


def _compressed(data: bytes) -> dict[str, bytes]:
    """Return each member's compressed bytes, as stored."""
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for info in zf.infolist():
            at = info.header_offset
            name_len, extra_len = struct.unpack_from("<HH", data, at + 26)
            start = at + 30 + name_len + extra_len
            out[info.filename] = data[start : start + info.compress_size]
    return out


@pytest.mark.parametrize("descriptors", [False, True])
def test_refresh_copies_untouched_members_compressed(
    tmp_path: Path, good_docx: bytes, descriptors: bool
) -> None:
    source = _fast_compressed(good_docx, descriptors=descriptors)
    with zipfile.ZipFile(io.BytesIO(source)) as zf:
        assert all(bool(i.flag_bits & 0x08) == descriptors for i in zf.infolist())
    draft, data = tmp_path / "初稿.docx", tmp_path / "数据.yaml"
    draft.write_bytes(source)
    text = EXAMPLE.read_text(encoding="utf-8")
    data.write_text(
        text.replace(OLD_RECEIVED, "行政复议受理件数: {本年: 1500, 上年: 1399}"), encoding="utf-8"
    )
    code, _, err = run("refresh", str(draft), str(data))
    assert code == 0, err
    refreshed = draft.with_suffix(".refreshed.docx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(refreshed)) as zf:
        assert zf.testzip() is None
        assert [i.filename for i in zf.infolist()] == list(_compressed(source))
    before, after = _compressed(source), _compressed(refreshed)
    changed = [name for name in before if before[name] != after[name]]
    assert changed == ["word/document.xml"]
