"""Convert old Word, WPS, OpenDocument and RTF files to .docx with LibreOffice, headless."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

from drafter.errors import InputError, MissingToolError

CONVERTED_SUFFIXES = (".doc", ".wps", ".odt", ".rtf")
# Seconds one conversion may take; a first start of LibreOffice builds its profile (a few seconds).
TIMEOUT = 120
_INSTALL_HINT = (
    "请先安装 LibreOffice：Debian/Ubuntu 上运行 sudo apt-get install libreoffice-writer-nogui；"
    "Windows/macOS 上从 LibreOffice 官网下载安装。也可以用 Word/WPS 把它另存为 .docx 后再试。"
)
# Where the installers put soffice when it is not on PATH.
_KNOWN_PLACES = (
    Path(r"C:\Program Files\LibreOffice\program\soffice.exe"),
    Path(r"C:\Program Files (x86)\LibreOffice\program\soffice.exe"),
    Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"),
)


def find_soffice() -> str | None:
    """Return the LibreOffice program to run: $DRAFTER_SOFFICE, soffice on PATH, or a known place."""
    configured = os.environ.get("DRAFTER_SOFFICE")
    if configured is not None:
        return shutil.which(configured)  # set but empty or wrong: say LibreOffice is missing
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((str(p) for p in _KNOWN_PLACES if p.is_file()), None)


def convert_to_docx(path: Path) -> bytes:
    """Return the .docx bytes LibreOffice makes of the file at PATH (.doc, .wps, .odt, .rtf)."""
    cached = _CONVERTED.pop(_identity(path), None)
    if cached is not None:
        return cached
    soffice = _soffice_for(path)
    try:
        converted = _run(soffice, [path], TIMEOUT)
    except subprocess.TimeoutExpired as e:
        raise InputError(
            f"LibreOffice 转换超过 {TIMEOUT} 秒仍未完成，已停止。文件可能已损坏；"
            "请用 Word/WPS 打开后另存为 .docx 再试。",
            path=str(path),
        ) from e
    except OSError as e:
        raise MissingToolError(
            f"无法启动 LibreOffice（{e.strerror or e}）。{_INSTALL_HINT}", path=str(path)
        ) from e
    if path not in converted:
        raise InputError(
            "LibreOffice 无法打开这个文件（可能已损坏，或不是它的扩展名所说的格式）。"
            "请用 Word/WPS 打开后另存为 .docx 再试。",
            path=str(path),
        )
    return converted[path]


def convert_ahead(paths: list[Path]) -> None:
    """Convert PATHS in one LibreOffice run, so that `convert_to_docx` finds them done.

    Starting LibreOffice costs seconds, converting one more file a fraction of that. A file the
    batch could not convert is left to `convert_to_docx`, which then says why.
    """
    todo = [p for p in paths if p.suffix.lower() in CONVERTED_SUFFIXES and p.is_file()]
    soffice = find_soffice()
    if len(todo) < 2 or soffice is None:
        return
    try:
        converted = _run(soffice, todo, TIMEOUT + 10 * len(todo))
    except (subprocess.TimeoutExpired, OSError):
        return  # each file is tried on its own, and fails with its own message
    for path, data in converted.items():
        _CONVERTED[_identity(path)] = data


# Conversions done ahead, by file identity; each is taken out when read.
_CONVERTED: dict[tuple[str, int, int], bytes] = {}


def _identity(path: Path) -> tuple[str, int, int]:
    """Return what tells a file apart from its later edits: resolved path, size, modification time."""
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def _soffice_for(path: Path) -> str:
    soffice = find_soffice()
    if soffice is None:
        raise MissingToolError(
            f"读取 {path.suffix.lower()} 文件需要 LibreOffice，但没有找到它。{_INSTALL_HINT}",
            path=str(path),
        )
    return soffice


def _run(soffice: str, paths: list[Path], timeout: float) -> dict[Path, bytes]:
    """Return the .docx bytes of each of PATHS that LibreOffice converted in one run."""
    with tempfile.TemporaryDirectory(prefix="drafter-convert-") as tmp:
        work = Path(tmp)
        sources = []
        for n, path in enumerate(paths):
            # ASCII copies: no quoting or code-page trouble with Chinese names on any system.
            sources.append(work / f"source{n}{path.suffix.lower()}")
            shutil.copyfile(path, sources[-1])
        out = work / "out"
        command = [
            soffice,
            f"-env:UserInstallation={_profile().as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            *map(str, sources),
        ]
        subprocess.run(
            command,
            capture_output=True,
            timeout=timeout,
            stdin=subprocess.DEVNULL,
            env=_quiet_env(),
            check=False,
            creationflags=_no_window(),
        )
        done = {}
        for path, source in zip(paths, sources, strict=True):
            converted = out / f"{source.stem}.docx"
            if converted.is_file() and converted.stat().st_size > 0:
                done[path] = converted.read_bytes()
        return done


@cache
def _profile() -> Path:
    """Return this process's private LibreOffice profile folder, removed when the process ends.

    A private profile works while the user's own LibreOffice is open and leaves their settings
    (extensions, update checks) out; one per process because building it costs seconds.
    """
    folder = tempfile.TemporaryDirectory(prefix="drafter-libreoffice-")
    _PROFILES.append(folder)  # kept alive until exit, when its finalizer removes it
    return Path(folder.name)


_PROFILES: list[tempfile.TemporaryDirectory[str]] = []


def _quiet_env() -> dict[str, str]:
    """Return the environment for soffice: headless rendering, and no proxy settings passed on."""
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["SAL_USE_VCLPLUGIN"] = "svp"  # headless rendering, no display needed
    return env


def _no_window() -> int:
    """Return the Popen flag that keeps a console window from flashing up on Windows."""
    if sys.platform == "win32":
        return subprocess.CREATE_NO_WINDOW
    return 0
