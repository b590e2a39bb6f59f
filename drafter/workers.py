"""Spread independent pieces of work over one process per core, results in input order."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# From this many items the work goes to worker processes: a report costs about 20 ms to read
# and a worker starts in a few, so fewer items are done faster in this process.
PARALLEL_FROM = 32


def worker_count(items: int, workers: int | None = None) -> int:
    """Return how many processes should share ITEMS pieces of work (1: do them here)."""
    if workers is not None:
        return max(1, min(workers, items))
    if items < PARALLEL_FROM:
        return 1
    return min(cores(), items)


def cores() -> int:
    """Return how many cores this process may run on (at least 1)."""
    count = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, count or 1)


def map_in_workers(
    function: Callable[[T], R], items: Sequence[T], workers: int | None = None
) -> Iterator[R]:
    """Yield FUNCTION of each of ITEMS in order, computed in worker processes when it pays.

    FUNCTION must be a module-level function (workers import it) and should not raise.
    """
    count = worker_count(len(items), workers)
    if count <= 1:
        yield from map(function, items)
        return
    # Forked workers share this process's memory until they write to it; the collector's visits
    # would write to every page, so what exists now is kept out of its sight meanwhile.
    with out_of_collectors_sight():
        pool = ProcessPoolExecutor(count, initializer=_ignore_interrupts)
        try:
            chunk = max(1, min(16, len(items) // (count * 8)))
            yield from pool.map(function, items, chunksize=chunk)
        finally:
            pool.shutdown(cancel_futures=True)  # the caller may stop early (strict mode)


@contextmanager
def out_of_collectors_sight() -> Iterator[None]:
    """Keep every object that exists now out of the cyclic collector's visits, until the end.

    For many long-lived objects (read reports, a forked worker's shared pages) that the
    collector would otherwise walk again and again. Nested uses leave the unfreezing to the
    outermost.
    """
    outermost = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        yield
    finally:
        if outermost:
            gc.unfreeze()


def _ignore_interrupts() -> None:
    """Leave Ctrl-C to the main process, which stops the workers (no traceback from each)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
