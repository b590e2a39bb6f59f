"""The per-user cache folder: files drafter can rebuild, kept to start faster next time."""

from __future__ import annotations

import contextlib
import os
import sys
from functools import cache
from pathlib import Path


@cache
def cache_dir() -> Path | None:
    """Return the per-user cache folder (created if need be), or None when there is none to use.

    DRAFTER_CACHE_DIR if set, else %LOCALAPPDATA% on Windows, ~/Library/Caches on macOS,
    $XDG_CACHE_HOME or ~/.cache elsewhere; a `drafter` folder inside it.
    """
    chosen = os.environ.get("DRAFTER_CACHE_DIR")
    if chosen:
        folder = Path(chosen)
    elif sys.platform == "win32":
        folder = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        folder = folder / "drafter" / "cache"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Caches" / "drafter"
    else:
        folder = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "drafter"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, RuntimeError):  # unwritable, or no home folder at all
        return None
    return folder


def read_cache(name: str) -> bytes | None:
    """Return the cached bytes stored as NAME, or None when there are none (or no cache)."""
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return (folder / name).read_bytes()
    except OSError:
        return None


def write_cache(name: str, data: bytes) -> None:
    """Store DATA as NAME in the cache, atomically; say nothing when that is not possible."""
    folder = cache_dir()
    if folder is None:
        return
    tmp = folder / f".{name}.{os.getpid()}.tmp"
    try:
        tmp.write_bytes(data)
        os.replace(tmp, folder / name)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
