"""Worker processes for commands that check many files (`validate`, `gaps` over a corpus)."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from typing import Any


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def process_pool(jobs: int, initializer: Callable[..., None], initargs: tuple[Any, ...]) -> Any:
    """A process pool, or None where processes cannot be started (the run goes on in-process)."""
    # fork is the fastest start, but safe only in a process without other threads (the CLI has none;
    # a test runner or an embedding program may): otherwise the platform's default.
    methods = multiprocessing.get_all_start_methods()
    forkable = "fork" in methods and threading.active_count() == 1
    other = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context("fork" if forkable else other)
    try:
        return context.Pool(jobs, initializer=initializer, initargs=initargs)
    except (OSError, ImportError, NotImplementedError):
        return None
