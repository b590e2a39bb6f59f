"""drafter's exceptions: each carries where the problem is, so the CLI can say it in one line."""

from __future__ import annotations

from collections.abc import Iterable


class DrafterError(Exception):
    """Base of every expected failure; the CLI prints `str(err)` and exits with `exit_code`."""

    exit_code = 2

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}"
            if self.line:
                where += f" 第{self.line}行"
            where += "："
        return f"{where}{self.message}"


class InputError(DrafterError):
    """A file that cannot be read as a report (missing, empty, binary, wrong format, corrupt)."""


class UnsupportedFormatError(InputError):
    """A file whose kind drafter does not read (a picture, a spreadsheet, …)."""


class EmptyReportError(InputError):
    """A report file with no text in it."""


class MissingToolError(InputError):
    """A file that needs a program or optional package that is not installed (LibreOffice, pdfminer)."""


class DataError(DrafterError):
    """The year's data file is invalid: syntax, unknown key, wrong type or impossible value."""

    def __init__(
        self,
        message: str,
        *,
        key_path: str | None = None,
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        self.key_path = key_path
        full = f"{key_path}：{message}" if key_path else message
        super().__init__(full, path=path, line=line)


class TemplateDataError(DrafterError):
    """A file under templates/ (catalogue, year table, section template) is broken or incomplete."""


class OutputExistsError(DrafterError):
    """Refusing to overwrite an existing file without --force."""

    def __init__(self, path: str) -> None:
        super().__init__(
            "文件已存在，未覆盖。如确需覆盖，请加 --force；或用 -o 指定新文件名。", path=path
        )


class DraftFormatError(DrafterError):
    """A .docx that drafter cannot update (not made by drafter, controls removed, corrupt)."""


def did_you_mean(word: str, candidates: Iterable[object], *, cutoff: float = 0.3) -> str:
    """Return "您是否想写：A、B？" with the up to three CANDIDATES closest to WORD, or ""."""
    import difflib  # here: only a mistake needs it

    close = difflib.get_close_matches(word, [str(c) for c in candidates], n=3, cutoff=cutoff)
    return f"您是否想写：{'、'.join(close)}？" if close else ""


_QUOTE_LEN = 40


def quoted(value: object, limit: int = _QUOTE_LEN) -> str:
    """Return VALUE as a message may quote it: one line, control characters escaped, at most LIMIT.

    A value read from a user's file can be anything: a line break would split the one-line
    message, a megabyte-long string would bury it, an alias-built structure would take forever
    to print in full. Containers are never printed, only named by their size.
    """
    if isinstance(value, dict):
        return f"（{len(value)} 项的映射）"
    if isinstance(value, list | tuple | set):
        return f"（{len(value)} 项的列表）"
    text = value if isinstance(value, str) else str(value)
    if len(text) > limit * 4:
        text = text[: limit * 4]
        cut = True
    else:
        cut = False
    shown = "".join(_escape(c) for c in text)
    if len(shown) > limit or cut:
        return shown[:limit] + "…"
    return shown


def _escape(c: str) -> str:
    if c.isprintable():
        return c
    return repr(c)[1:-1] if ord(c) < 0x10000 else f"\\U{ord(c):08x}"
