"""drafter's marks inside a .docx: content-control tags and the hidden bookmarks around them."""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable

TAG_PREFIX = "drafter:"
TODO_PREFIX = "drafter-todo:"
# Text drafter could not confirm (a year past the years table): the writer checks and edits it;
# refresh never touches it.
VERIFY_PREFIX = "drafter-verify:"
# The keys of such controls (not indicators): the opening's citation of sessions.
VERIFY_KEYS = ("会议引文",)


def figure_tag(key: str, role: str = "value") -> str:
    """Return the content-control tag for a figure: `drafter:KEY` or `drafter:KEY:change`."""
    return f"{TAG_PREFIX}{key}" if role == "value" else f"{TAG_PREFIX}{key}:{role}"


def todo_tag(key: str) -> str:
    """Return the content-control tag of a placeholder for indicator KEY."""
    return f"{TODO_PREFIX}{key}"


def verify_tag(key: str) -> str:
    """Return the content-control tag of text to verify, such as the opening's citation KEY."""
    return f"{VERIFY_PREFIX}{key}"


def parse_tag(tag: str) -> tuple[str, str, str] | None:
    """Return (kind, key, role) for a drafter tag, kind "figure", "todo" or "verify"; else None."""
    if tag.startswith(TODO_PREFIX):
        return ("todo", tag[len(TODO_PREFIX) :], "value")
    if tag.startswith(VERIFY_PREFIX):
        return ("verify", tag[len(VERIFY_PREFIX) :], "value")
    if tag.startswith(TAG_PREFIX):
        rest = tag[len(TAG_PREFIX) :]
        key, _, role = rest.partition(":")
        return ("figure", key, role or "value")
    return None


# Hidden bookmarks (leading "_") around each control: LibreOffice 7.4 drops content-control tags
# on saving a .docx but keeps bookmarks, so refresh can tell the control's key and role from them.
_BOOKMARK_PREFIX = {
    ("figure", "value"): "_drv_",
    ("figure", "change"): "_drc_",
    ("todo", "value"): "_drt_",
    ("verify", "value"): "_drk_",
}
_BOOKMARK_KIND = {prefix: kind_role for kind_role, prefix in _BOOKMARK_PREFIX.items()}
_BOOKMARK = re.compile(r"(_dr[vctk]_)([0-9a-f]{12})_[0-9]+")


def bookmark_name(kind: str, key: str, role: str, n: int) -> str:
    """Return the hidden bookmark name around control N (per document) of KEY.

    `_drv_` (figure), `_drc_` (its 同比 phrase), `_drt_` (placeholder) or `_drk_` (text to
    verify), then the first 12 hex
    digits of SHA-1 of KEY in UTF-8, then `_N`: ASCII only, within Word's 40 characters.
    """
    return f"{_BOOKMARK_PREFIX[(kind, role)]}{_key_digest(key)}_{n}"


def parse_bookmark(name: str, keys: Iterable[str]) -> tuple[str, str, str] | None:
    """Return (kind, key, role) for a drafter bookmark NAME whose key is among KEYS; else None.

    The keys of text to verify (VERIFY_KEYS) are always known.
    """
    m = _BOOKMARK.fullmatch(name)
    if m is None:
        return None
    digest = m.group(2)
    key = next((k for k in (*keys, *VERIFY_KEYS) if _key_digest(k) == digest), None)
    if key is None:
        return None
    kind, role = _BOOKMARK_KIND[m.group(1)]
    return (kind, key, role)


def is_drafter_bookmark(name: str) -> bool:
    """Return True when NAME has the shape of a drafter bookmark, whatever its key."""
    return _BOOKMARK.fullmatch(name) is not None


@functools.lru_cache(maxsize=4096)
def _key_digest(key: str) -> str:
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
