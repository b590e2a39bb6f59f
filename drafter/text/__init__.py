"""Chinese text tools every stage uses: sentences, words, figures found, figures written, marks."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_face

if TYPE_CHECKING:  # names load with their module when first used: a command imports what it needs
    from drafter.text.figures import MAX_FIGURE, FoundFigure, find_figures, parse_number
    from drafter.text.hygiene import XML_ILLEGAL, drop_xml_illegal
    from drafter.text.marks import (
        CHANGE_TODO_LABEL,
        MARK_PATTERN,
        PLACEHOLDER_CLOSE,
        PLACEHOLDER_PATTERN,
        RESERVED_CHARS,
        SUGGESTION_MARK,
        TO_CONFIRM_OPEN,
        TO_CONFIRM_PATTERN,
        inline_mark,
        is_placeholder,
        placeholder,
        to_confirm,
        typed_figure,
    )
    from drafter.text.numbers import (
        chinese_numeral,
        format_figure,
        format_quantity,
        parse_chinese_numeral,
    )
    from drafter.text.sentences import sentence_at, sentence_spans, split_clauses, split_sentences
    from drafter.text.words import jieba_tokenizer, segmenter, sentence_words, tokenize

__all__ = [
    "CHANGE_TODO_LABEL",
    "MARK_PATTERN",
    "MAX_FIGURE",
    "PLACEHOLDER_CLOSE",
    "PLACEHOLDER_PATTERN",
    "RESERVED_CHARS",
    "SUGGESTION_MARK",
    "TO_CONFIRM_OPEN",
    "TO_CONFIRM_PATTERN",
    "XML_ILLEGAL",
    "FoundFigure",
    "chinese_numeral",
    "drop_xml_illegal",
    "find_figures",
    "format_figure",
    "format_quantity",
    "inline_mark",
    "is_placeholder",
    "jieba_tokenizer",
    "parse_chinese_numeral",
    "parse_number",
    "placeholder",
    "segmenter",
    "sentence_at",
    "sentence_spans",
    "sentence_words",
    "split_clauses",
    "split_sentences",
    "to_confirm",
    "tokenize",
    "typed_figure",
]

__getattr__, __dir__ = lazy_face(
    __name__,
    {
        "figures": ("MAX_FIGURE", "FoundFigure", "find_figures", "parse_number"),
        "hygiene": ("XML_ILLEGAL", "drop_xml_illegal"),
        "marks": (
            "CHANGE_TODO_LABEL",
            "MARK_PATTERN",
            "PLACEHOLDER_CLOSE",
            "PLACEHOLDER_PATTERN",
            "RESERVED_CHARS",
            "SUGGESTION_MARK",
            "TO_CONFIRM_OPEN",
            "TO_CONFIRM_PATTERN",
            "inline_mark",
            "is_placeholder",
            "placeholder",
            "to_confirm",
            "typed_figure",
        ),
        "numbers": ("chinese_numeral", "format_figure", "format_quantity", "parse_chinese_numeral"),
        "sentences": ("sentence_at", "sentence_spans", "split_clauses", "split_sentences"),
        "words": ("jieba_tokenizer", "segmenter", "sentence_words", "tokenize"),
    },
)
