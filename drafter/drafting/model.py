"""The draft between rendering and writing: blocks of inline pieces, independent of .docx."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from drafter.text import TO_CONFIRM_OPEN, placeholder, to_confirm

BlockKind = Literal[
    "title", "addressee", "heading1", "heading2", "heading3", "body", "signature", "date"
]


@dataclass(frozen=True)
class Text:
    """Plain prose."""

    text: str


@dataclass(frozen=True)
class Figure:
    """A filled figure (role "value") or its computed year-on-year phrase (role "change").

    Written inside a content control tagged `figure_tag(key, role)` so tools can update it later.
    A PENDING one (the 同比 of a figure still to come) shows 【待填：同比】 highlighted yellow.
    """

    key: str
    text: str
    role: Literal["value", "change"] = "value"
    pending: bool = False


@dataclass(frozen=True)
class Placeholder:
    """A figure the data did not give: shown as 【待填：label】, highlighted yellow."""

    key: str | None
    label: str

    @property
    def text(self) -> str:
        return placeholder(self.label)


@dataclass(frozen=True)
class Suggestion:
    """Suggested text learned from past reports that the writer must rewrite; marked apart."""

    text: str


@dataclass(frozen=True)
class ToConfirm:
    """A figure carried over from last year's report: shown as 【待核：ORIGINAL】, yellow.

    With KEY (the indicator it reports) it stands in a placeholder control that `refresh`
    fills once the data file gives this year's value.
    """

    key: str | None
    original: str

    @property
    def text(self) -> str:
        return f"{TO_CONFIRM_OPEN}{self.original}】"


@dataclass(frozen=True)
class Flag:
    """Words carried over that the writer must look at (a date of last year): a Word comment NOTE."""

    text: str
    note: str


@dataclass(frozen=True)
class ToVerify:
    """Text drafter wrote without being able to confirm it: the writer checks it and edits it.

    Shown as 【待核：TEXT】 highlighted yellow, inside a content control tagged `verify_tag(KEY)`
    and titled TITLE, with a Word comment saying what to check (COMMENT). WARNING says it in
    one line for the command line.
    """

    key: str
    content: str
    title: str
    comment: str
    warning: str

    @property
    def text(self) -> str:
        return to_confirm(self.content)


Inline = Text | Figure | Placeholder | Suggestion | ToConfirm | Flag | ToVerify


@dataclass(frozen=True)
class Block:
    """One paragraph of the draft: its kind (which named style) and its inline pieces."""

    kind: BlockKind
    inlines: tuple[Inline, ...]
    # A Word comment on the whole paragraph ("沿用上年表述，请按本年情况改写").
    note: str | None = None

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

    def counts(self) -> DraftCounts:
        """Return how many figures are filled, placeholders left and suggestions offered."""
        inlines = [i for b in self.blocks for i in b.inlines]
        return DraftCounts(
            filled=sum(isinstance(i, Figure) and i.role == "value" for i in inlines),
            todo=sum(isinstance(i, Placeholder) for i in inlines),
            suggested=sum(isinstance(i, Suggestion) for i in inlines),
            to_confirm=sum(isinstance(i, ToConfirm) for i in inlines),
            flagged=sum(b.note is not None for b in self.blocks)
            + sum(isinstance(i, Flag) for i in inlines),
            to_verify=tuple(i for i in inlines if isinstance(i, ToVerify)),
        )


@dataclass(frozen=True)
class DraftCounts:
    """What a draft leaves to the writer: figures filled, placeholders, suggestions, text to verify."""

    filled: int
    todo: int
    suggested: int
    to_confirm: int = 0  # 【待核：…】 figures carried over from last year
    flagged: int = 0  # comments asking to rewrite text carried over
    to_verify: tuple[ToVerify, ...] = ()


@dataclass(frozen=True)
class DraftedDocx:
    """A draft written as .docx bytes, with its counts for the summary line."""

    docx: bytes
    counts: DraftCounts
