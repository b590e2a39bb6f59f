"""Write output files safely: never over an existing file without force, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from drafter.errors import OutputExistsError


def write_atomic(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write DATA to PATH through a temporary file in the same folder, then rename it into place."""
    if path.exists() and not force:
        raise OutputExistsError(str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
