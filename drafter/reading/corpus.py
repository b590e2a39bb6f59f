"""Gather report files from paths and folders, and parse them, skipping (or stopping at) bad ones."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from drafter.errors import DrafterError, InputError
from drafter.reading.classify import classify_outline
from drafter.reading.files import SUPPORTED_SUFFIXES, read_report
from drafter.reading.model import Outline
from drafter.reading.outline import build_outline


@dataclass
class Parsed:
    """Outlines of the files that parsed, and the error of each that did not."""

    outlines: list[Outline] = field(default_factory=list)
    failures: list[DrafterError] = field(default_factory=list)


def find_report_files(paths: Iterable[Path]) -> list[Path]:
    """Return the report files named by PATHS (folders searched recursively, sorted by name)."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError("路径不存在，请检查拼写。", path=str(path))
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUPPORTED_SUFFIXES
                and not p.name.startswith((".", "~$"))
            )
            if not found:
                raise InputError(
                    "文件夹里没有 .txt 或 .docx 报告。请检查路径；.pdf/.doc 报告请先另存为 .docx 或 .txt。",
                    path=str(path),
                )
            files.extend(found)
        else:
            files.append(path)
    return files


def parse_report(path: Path) -> Outline:
    """Return the classified outline of one report file."""
    return classify_outline(build_outline(read_report(path)))


def parse_reports(
    files: list[Path], *, strict: bool = False, on_each: Callable[[Path], None] | None = None
) -> Parsed:
    """Return the outlines of FILES; a bad file is recorded and skipped, or raised when STRICT."""
    parsed = Parsed()
    for path in files:
        try:
            parsed.outlines.append(parse_report(path))
        except DrafterError as e:
            if strict:
                raise
            parsed.failures.append(e)
        if on_each is not None:
            on_each(path)
    return parsed
