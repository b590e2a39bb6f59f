"""WordprocessingML tools that know nothing of reports: text Word shows, marks, controls, parts."""

from drafter.docx.controls import (
    Control,
    bookmarked_controls,
    find_controls,
    find_controls_in,
    iter_body_paragraphs,
    retag,
    set_control_text,
    set_highlight,
    visible_text_nodes,
)
from drafter.docx.markers import (
    bookmark_name,
    figure_tag,
    is_drafter_bookmark,
    parse_bookmark,
    parse_tag,
    todo_tag,
)
from drafter.docx.package import last_saved_by, parse_part, read_part, replace_part, serialise_part
from drafter.docx.xml import body_paragraphs, paragraph_text

__all__ = [
    "Control",
    "body_paragraphs",
    "bookmark_name",
    "bookmarked_controls",
    "figure_tag",
    "find_controls",
    "find_controls_in",
    "is_drafter_bookmark",
    "iter_body_paragraphs",
    "last_saved_by",
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
    "todo_tag",
    "visible_text_nodes",
]
