"""Linting a run's files in several processes (`--jobs`), with the standard library's
process pool. Work is shared by file, never within one: on the 2-core shared machines this
project runs on, two CPU-bound processes give about the throughput of one on a single file,
and a second process for one file costs more than it saves.

A run takes at most one process per `PROCESS_WORTH` of work (`worker_count`): a pre-commit
hook's handful of files costs less to lint than a pool costs to start.
"""
from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from typing import Callable, Iterable

from .config import Settings
from .document import pin_integer_digits
from .engine import FileResult, analyse_released

# Linting a file costs about as much as linting 2 kB more of it (reading, detection, the
# rules' set-up, the result's way back), and a process is worth starting for about 256 kB
# of such work.
FILE_COST = 2048
PROCESS_WORTH = 256 * 1024
# Placing a file's findings costs about an eighth of linting it (reading it again, one walk):
# a process placing them is worth starting for 2 MB of texts.
PLACING_WORTH = 8 * PROCESS_WORTH


def default_jobs() -> int:
    """The CPUs this process may run on (its affinity, as a container or `taskset` sets it)."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not Linux
        return os.cpu_count() or 1


def analyse_in_parallel(paths: list[str], settings: Settings, jobs: int,
                        progress: Callable[[int], None] | None = None,
                        always: bool = False) -> list[FileResult] | None:
    """Each path's result, in the order of `paths`, from up to `jobs` processes; None when the
    files are too few to pay for a second one (the caller lints them itself), unless
    `always`. Files a worker could not report on (killed, out of memory) are linted here."""
    if not always:
        jobs = worker_count(file_costs(paths), jobs)
    if jobs == 1:
        return None
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    if sys.platform == "win32":
        jobs = min(jobs, 61)  # the most worker processes Windows can wait on
    results: list[FileResult] = []
    chunk = max(1, min(64, len(paths) // (jobs * 4)))
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_start_method(), initializer=_start_worker,
                                 initargs=(settings,)) as pool:
            for result in pool.map(_analyse_in_worker, paths, chunksize=chunk):
                results.append(result)
                if progress:
                    progress(1)
    except BrokenProcessPool:
        for path in paths[len(results):]:
            results.append(analyse_released(path, settings))
            if progress:
                progress(1)
    return results


def placing_map(jobs: int) -> Callable:
    """A `map` for placing findings a file at a time (`locating.place_in_file`): the files
    whose text was let go (those a worker linted) are read again and placed in up to `jobs`
    processes when they are work enough; the texts held here are placed here."""
    def map_files(function: Callable, sources: list[FileResult], asks: Iterable[list]) -> list:
        asks = list(asks)
        away = [index for index, source in enumerate(sources) if source.released]
        workers = worker_count([sources[index].stamp[1] + FILE_COST for index in away], jobs, PLACING_WORTH)
        if workers == 1:
            return list(map(function, sources, asks))
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        results: list = [None] * len(sources)
        # (the issues and facts are not needed to place, and would cost their way there)
        slim = [replace(sources[index], issues=[], facts=None) for index in away]
        chunk = max(1, min(64, len(away) // (workers * 4)))
        try:
            with ProcessPoolExecutor(max_workers=workers, mp_context=_start_method()) as pool:
                placed = pool.map(function, slim, [asks[index] for index in away], chunksize=chunk)
                for index in set(range(len(sources))).difference(away):  # meanwhile, those held here
                    results[index] = function(sources[index], asks[index])
                for index, result in zip(away, placed):
                    results[index] = result
        except BrokenProcessPool:  # a worker died: what it left is placed here
            pass
        return [result if result is not None else function(source, ask)
                for result, source, ask in zip(results, sources, asks)]
    return map_files


def _start_method():
    """Fork where it is safe (Linux, a process running no other thread: the command line),
    which starts workers fastest; otherwise a fork server (or spawn where there is none), since
    forking a process with threads can deadlock the child."""
    import multiprocessing

    if sys.platform.startswith("linux") and _single_threaded():
        return multiprocessing.get_context("fork")
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _single_threaded() -> bool:
    """Whether this process runs one thread, counted as Python 3.12 counts them before it warns
    about a fork: by the kernel's list, which also holds threads that C libraries started. The
    threads of a pool just shut down (a run's second pool comes after its first) stay listed
    for a moment, under a millisecond: a little wait lets them go."""
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    try:
        for _ in range(_THREAD_WAITS):
            if len(os.listdir("/proc/self/task")) == 1:
                return True
            time.sleep(0.001)
        return False
    except OSError:
        return True  # (not Linux: no fork is asked for)


_THREAD_WAITS = 50


def file_costs(paths: list[str]) -> list[int]:
    """Each file's share of the work, in bytes: its size and `FILE_COST`."""
    costs = []
    for path in paths:
        try:
            costs.append(os.stat(path).st_size + FILE_COST)
        except OSError:  # reported as unreadable, which costs next to nothing
            costs.append(FILE_COST)
    return costs


def worker_count(costs: list[int], jobs: int, worth: int = PROCESS_WORTH) -> int:
    """At most `jobs` processes, one per `worth` of work, never more than files."""
    return max(1, min(jobs, len(costs), sum(costs) // worth))


_worker_settings: Settings | None = None


def _start_worker(settings: Settings) -> None:
    """Each worker receives the settings once, not with every file."""
    global _worker_settings
    _worker_settings = settings
    pin_integer_digits()  # (a worker forked from the command line has it already; not a spawned one)


def _analyse_in_worker(path: str) -> FileResult:
    # (the text stays behind: sending it back costs more than reading it again)
    return analyse_released(path, _worker_settings)
