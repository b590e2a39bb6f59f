"""Gather report files from paths and folders, and parse them: skipped files and merged copies said."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

from drafter.errors import (
    DrafterError,
    EmptyReportError,
    InputError,
    MissingToolError,
    UnsupportedFormatError,
)
from drafter.reading.classify import classify_outline
from drafter.reading.convert import convert_ahead
from drafter.reading.files import FORMAT_RANK, SUPPORTED_LIST, SUPPORTED_SUFFIXES, read_report
from drafter.reading.model import Outline
from drafter.reading.outline import build_outline
from drafter.workers import map_in_workers, worker_count

SkipReason = Literal["format", "empty", "unreadable"]
SKIP_REASONS: dict[SkipReason, str] = {
    "format": "格式不支持",
    "empty": "没有文字",
    "unreadable": "无法读取",
}
# Files a folder holds that are nobody's report: the system's, and office programs' lock files.
_SYSTEM_FILES = frozenset(("thumbs.db", "desktop.ini", ".ds_store"))
_NOT_TEXT = re.compile(r"[^\w]|_")


@dataclass(frozen=True)
class Skipped:
    """A file that was not read: its path, why (format, empty, unreadable) and the full error."""

    path: str
    reason: SkipReason
    error: DrafterError


@dataclass(frozen=True)
class Merged:
    """Copies of one report in several files (the same text once normalised): read only KEPT."""

    kept: str
    copies: tuple[str, ...]


@dataclass
class Parsed:
    """Outlines of the files read, the files skipped with their reasons, and the copies merged.

    STUDIES holds what `parse_reports`' STUDY returned for each outline, in the same order
    (empty without one).
    """

    outlines: list[Outline] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    merged: list[Merged] = field(default_factory=list)
    studies: list[Any] = field(default_factory=list)

    @property
    def failures(self) -> list[DrafterError]:
        """Return the error of each skipped file, in order."""
        return [s.error for s in self.skipped]


def find_report_files(paths: Iterable[Path]) -> list[Path]:
    """Return the files named by PATHS, folders searched recursively and sorted by name.

    A folder's files of other formats are included, so that reading lists them as skipped.
    """
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError("路径不存在，请检查拼写。", path=str(path))
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and not p.name.startswith((".", "~$"))
            and p.name.lower() not in _SYSTEM_FILES
        )
        if not any(p.suffix.lower() in SUPPORTED_SUFFIXES for p in found):
            others = (
                f"（这里有 {len(found)} 个其他格式的文件，如 {found[0].name}）" if found else ""
            )
            raise InputError(
                f"文件夹里没有能读取的报告{others}。能读取的格式：{SUPPORTED_LIST}。",
                path=str(path),
            )
        files.extend(found)
    return files


def parse_report(path: Path) -> Outline:
    """Return the classified outline of one report file."""
    return classify_outline(build_outline(read_report(path)))


def parse_reports(
    files: list[Path],
    *,
    strict: bool = False,
    on_each: Callable[[Path], None] | None = None,
    workers: int | None = None,
    study: Callable[[Outline], Any] | None = None,
) -> Parsed:
    """Return the outlines of FILES, each report once; a bad file is skipped, or raised when STRICT.

    A missing program or optional package (LibreOffice, pdfminer) is always raised: every file of
    that format would fail alike, and the user has to install it. With many files, WORKERS
    processes (by default one per core) read them; the result is the same as with one.
    STUDY (a module-level function that does not raise) is run on each outline where it was
    read, a worker's while the main process takes the results in: `Parsed.studies`.
    """
    convert_ahead(files)
    parsed = Parsed()
    seen: dict[str, int] = {}  # fingerprint → index in parsed.outlines
    copies: dict[int, list[str]] = {}  # index → the files merged into it (kept first)
    for path, ready in _read_all(files, workers, study):
        try:
            outline, studied = ready if ready is not None else _parse_and_study(path, study)
        except MissingToolError:
            raise
        except DrafterError as e:
            if strict:
                raise
            parsed.skipped.append(Skipped(str(path), _reason(e), e))
            outline = None
        if outline is not None:
            key = fingerprint(outline)
            if key not in seen:
                seen[key] = len(parsed.outlines)
                parsed.outlines.append(outline)
                if study is not None:
                    parsed.studies.append(studied)
            else:
                index = seen[key]
                copies.setdefault(index, [parsed.outlines[index].file]).append(outline.file)
                if _rank(outline.file) < _rank(parsed.outlines[index].file):
                    parsed.outlines[index] = outline
                    if study is not None:
                        parsed.studies[index] = studied
        if on_each is not None:
            on_each(path)
    for index, group in copies.items():
        kept = parsed.outlines[index].file
        parsed.merged.append(Merged(kept, tuple(f for f in group if f != kept)))
    return parsed


_Read = tuple[Outline, Any]  # an outline and what the study made of it (None without one)


def _read_all(
    files: list[Path], workers: int | None, study: Callable[[Outline], Any] | None
) -> Iterator[tuple[Path, _Read | None]]:
    """Yield each file with its outline (and study) read by a worker process, or None to read it here.

    A file a worker could not read is read again here, so that its error is raised (or the
    file skipped) exactly as without workers.
    """
    if worker_count(len(files), workers) <= 1:
        yield from ((path, None) for path in files)
        return
    work = partial(_parse_or_none, study=study)
    yield from zip(files, map_in_workers(work, files, workers), strict=True)


def _parse_and_study(path: Path, study: Callable[[Outline], Any] | None) -> _Read:
    outline = parse_report(path)
    return outline, study(outline) if study is not None else None


def _parse_or_none(path: Path, study: Callable[[Outline], Any] | None = None) -> _Read | None:
    """Return the outline of PATH and its study, or None when reading it fails (the main process says why)."""
    try:
        return _parse_and_study(path, study)
    except Exception:  # read again in the main process, which raises the error or skips the file
        return None


def fingerprint(outline: Outline) -> str:
    """Return a digest of the report's text (title and date left out, letters and digits only).

    A web page adds the page title and a .txt often lacks it, so the title does not count.
    """
    parts = [outline.opening or ""]
    for section in outline.walk():
        parts.extend((section.number or "", section.title, *section.paragraphs))
    text = _NOT_TEXT.sub("", "".join(parts))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _reason(error: DrafterError) -> SkipReason:
    if isinstance(error, UnsupportedFormatError):
        return "format"
    if isinstance(error, EmptyReportError):
        return "empty"
    return "unreadable"


def _rank(file: str) -> int:
    return FORMAT_RANK.get(Path(file).suffix.lower(), len(FORMAT_RANK))
