"""Outlines → the learned skeleton (`learn_skeleton`), and the skeleton file's types."""

from drafter.learning.labels import LabelledHeading, LabelledReport, labelled_reports
from drafter.learning.learn import Doubt, doubtful_sections, learn_skeleton, templated
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
    "Variant",
    "doubtful_sections",
    "dump_skeleton",
    "is_shipped",
    "labelled_reports",
    "learn_skeleton",
    "load_skeleton",
    "model_json",
    "templated",
    "train_model",
    "write_model",
]
