"""Write output files safely: never over an existing file without force, never half-written."""

from __future__ import annotations

import os
import signal
import stat
import tempfile
from pathlib import Path
from types import FrameType

from drafter.errors import DrafterError, OutputExistsError


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write DATA to PATH through a temporary file in the same folder, then rename it into place.

    The file gets the mode of the file it replaces, or the usual mode for a new file (the
    temporary file alone would be owner-only). An OS error becomes one DrafterError naming PATH.
    """
    if path.is_dir():
        raise DrafterError("这是一个文件夹。请用 -o 给出要写入的文件名。", path=str(path))
    if path.exists() and not force:
        raise OutputExistsError(str(path))
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else _new_file_mode()
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as e:
        raise DrafterError(
            f"无法写入（{e.strerror}）。请检查文件夹是否存在、是否有写入权限，"
            "以及文件是否正在 Word、WPS 中打开；也可以用 -o 换一个位置。",
            path=str(path),
        ) from e
    finally:
        if tmp is not None and Path(tmp).exists():
            Path(tmp).unlink(missing_ok=True)


def create_exclusive(path: Path, data: bytes) -> None:
    """Write DATA to a new file PATH; OutputExistsError when PATH exists, even if made just now.

    For a backup: two runs at once cannot both believe they made it. A half-written file is
    removed again.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    except FileExistsError:
        raise OutputExistsError(str(path)) from None
    except OSError as e:
        raise DrafterError(f"无法写入备份文件（{e.strerror}）。", path=str(path)) from e
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException as e:
        path.unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise DrafterError(f"无法写入备份文件（{e.strerror}）。", path=str(path)) from e
        raise


def stop_on_termination() -> None:
    """Make SIGTERM and SIGHUP (a closed terminal, a killed job) interrupt like Ctrl+C.

    Then every write cleans up its temporary file and says what it left, as it does for Ctrl+C.
    """

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) == signal.SIG_DFL:
            signal.signal(number, interrupt)


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
