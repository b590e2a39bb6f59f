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

__all__ = [
    "Arrangement",
    "CategorySkeleton",
    "Exemplar",
    "Skeleton",
    "Variant",
    "dump_skeleton",
    "learn_skeleton",
    "load_skeleton",
    "templated",
]
