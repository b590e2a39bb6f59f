"""Outlines → the learned skeleton (`learn_skeleton`), and the skeleton file's types."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafter import lazy_face

if TYPE_CHECKING:  # names load with their module when first used: a command imports what it needs
    from drafter.learning.labels import LabelledHeading, LabelledReport, labelled_reports
    from drafter.learning.learn import (
        Doubt,
        Study,
        doubtful_sections,
        learn_skeleton,
        study_report,
        templated,
    )
    from drafter.learning.model import (
        Arrangement,
        CategorySkeleton,
        Exemplar,
        Skeleton,
        Variant,
        dump_skeleton,
        load_skeleton,
    )
    from drafter.learning.shipped import is_shipped
    from drafter.learning.train import model_json, train_model, write_model

__all__ = [
    "Arrangement",
    "CategorySkeleton",
    "Doubt",
    "Exemplar",
    "LabelledHeading",
    "LabelledReport",
    "Skeleton",
    "Study",
    "Variant",
    "doubtful_sections",
    "dump_skeleton",
    "is_shipped",
    "labelled_reports",
    "learn_skeleton",
    "load_skeleton",
    "model_json",
    "study_report",
    "templated",
    "train_model",
    "write_model",
]

__getattr__, __dir__ = lazy_face(
    __name__,
    {
        "labels": ("LabelledHeading", "LabelledReport", "labelled_reports"),
        "learn": (
            "Doubt",
            "Study",
            "doubtful_sections",
            "learn_skeleton",
            "study_report",
            "templated",
        ),
        "model": (
            "Arrangement",
            "CategorySkeleton",
            "Exemplar",
            "Skeleton",
            "Variant",
            "dump_skeleton",
            "load_skeleton",
        ),
        "shipped": ("is_shipped",),
        "train": ("model_json", "train_model", "write_model"),
    },
)
