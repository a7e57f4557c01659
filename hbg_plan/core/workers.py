"""Worker processes for commands that check many files (`validate`, `gaps` over a corpus)."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def in_workers(
    jobs: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    work: Callable[[Task], Result],
    tasks: Sequence[Task],
    chunk: int,
) -> Iterator[Result]:
    """`work(task)` for the tasks in order, in `jobs` worker processes.

    Stops early, with the results so far, where processes cannot be started or one of them dies
    (killed for memory, say): the caller does the rest in its own process, so a run never hangs
    on a lost worker and never stops without a word.
    """
    # fork is the fastest start, but safe only in a process without other threads (the CLI has none;
    # a test runner or an embedding program may): otherwise the platform's default.
    methods = multiprocessing.get_all_start_methods()
    forkable = "fork" in methods and threading.active_count() == 1
    other = "forkserver" if "forkserver" in methods else "spawn"
    context = multiprocessing.get_context("fork" if forkable else other)
    try:
        executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer, initargs=initargs)
    except (OSError, ImportError, NotImplementedError, ValueError):
        return
    try:
        yield from executor.map(work, tasks, chunksize=chunk)
    except (BrokenProcessPool, OSError):
        return
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
