"""Shared fixtures; the shared paths and helpers live in helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import DATA, EXAMPLES, ROOT, SEED_NAMES, SEEDS

__all__ = ["DATA", "EXAMPLES", "ROOT", "SEEDS", "SEED_NAMES"]


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
