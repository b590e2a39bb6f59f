"""The draft between rendering and writing: blocks of inline pieces, independent of .docx."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

BlockKind = Literal["title", "heading1", "heading2", "heading3", "body", "signature", "date"]


@dataclass(frozen=True)
class Text:
    """Plain prose."""

    text: str


@dataclass(frozen=True)
class Figure:
    """A filled figure (role "value") or its computed year-on-year phrase (role "change").

    Written inside a content control tagged `figure_tag(key, role)` so tools can update it later.
    """

    key: str
    text: str
    role: Literal["value", "change"] = "value"


@dataclass(frozen=True)
class Placeholder:
    """A figure the data did not give: shown as 【待填：label】, highlighted yellow."""

    key: str | None
    label: str

    @property
    def text(self) -> str:
        return f"【待填：{self.label}】"


@dataclass(frozen=True)
class Suggestion:
    """Suggested text learned from past reports that the writer must rewrite; marked apart."""

    text: str


Inline = Text | Figure | Placeholder | Suggestion


@dataclass(frozen=True)
class Block:
    """One paragraph of the draft: its kind (which named style) and its inline pieces."""

    kind: BlockKind
    inlines: tuple[Inline, ...]

    @property
    def text(self) -> str:
        return "".join(i.text for i in self.inlines)


@dataclass(frozen=True)
class Draft:
    """A whole draft: metadata for core properties, then the blocks in reading order."""

    title: str
    unit: str
    year: int
    signed: date
    blocks: tuple[Block, ...]


TAG_PREFIX = "drafter:"
TODO_PREFIX = "drafter-todo:"
SUGGESTION_MARK = "【建议改写】"


def figure_tag(key: str, role: str = "value") -> str:
    """Return the content-control tag for a figure: `drafter:KEY` or `drafter:KEY:change`."""
    return f"{TAG_PREFIX}{key}" if role == "value" else f"{TAG_PREFIX}{key}:{role}"


def todo_tag(key: str) -> str:
    """Return the content-control tag of a placeholder for indicator KEY."""
    return f"{TODO_PREFIX}{key}"


def parse_tag(tag: str) -> tuple[str, str, str] | None:
    """Return (kind, key, role) for a drafter tag, kind "figure" or "todo"; None otherwise."""
    if tag.startswith(TODO_PREFIX):
        return ("todo", tag[len(TODO_PREFIX) :], "value")
    if tag.startswith(TAG_PREFIX):
        rest = tag[len(TAG_PREFIX) :]
        key, _, role = rest.partition(":")
        return ("figure", key, role or "value")
    return None
