"""Outlines → the learned skeleton (`learn_skeleton`), and the skeleton file's types."""

from drafter.learning.learn import learn_skeleton, templated
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

__all__ = [
    "Arrangement",
    "CategorySkeleton",
    "Exemplar",
    "Skeleton",
    "Variant",
    "dump_skeleton",
    "is_shipped",
    "learn_skeleton",
    "load_skeleton",
    "templated",
]
