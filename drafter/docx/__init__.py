"""WordprocessingML tools that know nothing of reports: text Word shows, marks, controls, parts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_face

if TYPE_CHECKING:  # names load with their module when first used: a command imports what it needs
    from drafter.docx.controls import (
        Control,
        bookmarked_controls,
        find_controls,
        find_controls_in,
        iter_body_paragraphs,
        retag,
        set_control_text,
        set_highlight,
    )
    from drafter.docx.markers import (
        bookmark_name,
        figure_tag,
        is_drafter_bookmark,
        parse_bookmark,
        parse_tag,
        todo_tag,
        verify_tag,
    )
    from drafter.docx.package import (
        CopyingZipWriter,
        check_package,
        last_saved_by,
        open_package,
        parse_part,
        read_part,
        replace_part,
        serialise_part,
    )
    from drafter.docx.xml import (
        HIDDEN,
        body_paragraphs,
        get_or_add,
        is_shown,
        paragraph_text,
        shown_text_nodes,
    )

__all__ = [
    "HIDDEN",
    "Control",
    "CopyingZipWriter",
    "body_paragraphs",
    "bookmark_name",
    "bookmarked_controls",
    "check_package",
    "figure_tag",
    "find_controls",
    "find_controls_in",
    "get_or_add",
    "is_drafter_bookmark",
    "is_shown",
    "iter_body_paragraphs",
    "last_saved_by",
    "open_package",
    "paragraph_text",
    "parse_bookmark",
    "parse_part",
    "parse_tag",
    "read_part",
    "replace_part",
    "retag",
    "serialise_part",
    "set_control_text",
    "set_highlight",
    "shown_text_nodes",
    "todo_tag",
    "verify_tag",
]

__getattr__, __dir__ = lazy_face(
    __name__,
    {
        "controls": (
            "Control",
            "bookmarked_controls",
            "find_controls",
            "find_controls_in",
            "iter_body_paragraphs",
            "retag",
            "set_control_text",
            "set_highlight",
        ),
        "markers": (
            "bookmark_name",
            "figure_tag",
            "is_drafter_bookmark",
            "parse_bookmark",
            "parse_tag",
            "todo_tag",
            "verify_tag",
        ),
        "package": (
            "CopyingZipWriter",
            "check_package",
            "last_saved_by",
            "open_package",
            "parse_part",
            "read_part",
            "replace_part",
            "serialise_part",
        ),
        "xml": (
            "HIDDEN",
            "body_paragraphs",
            "get_or_add",
            "is_shown",
            "paragraph_text",
            "shown_text_nodes",
        ),
    },
)
