"""Linting a run's files in several processes (`--jobs`).

A run takes at most one process per `PROCESS_WORTH` of work (`worker_count`): a pre-commit
hook's handful of files costs less to lint than a process costs to start. On Linux the run
forks the extra processes and lints one share of the files itself. A fork costs about 1 ms,
where a `ProcessPoolExecutor` costs about 20 ms to import and start. Each child writes a byte
per finished file (for the progress bar), then its results, pickled, to a pipe that the
parent reads between its own files. A child that does not report (killed, out of memory) has
its share linted again by the parent, so a run never loses a file.

Where forking is absent or unsafe (Windows, macOS, a process running other threads) a process
pool does the same work.
"""
from __future__ import annotations

import os
import sys
from typing import Callable

from .config import Settings
from .engine import FileResult, analyse_path
from .forking import ForkedChild, can_fork

# Linting a file costs about as much as linting 2 kB more of it (reading, detection, the
# rules' set-up, the result's way back), and a process is worth starting for about 256 kB of
# such work: a second one pays for itself from about 100 files of 1.5 kB (8 ms of lint) here.
FILE_COST = 2048
PROCESS_WORTH = 256 * 1024

_DONE = b"."  # a child finished one file
_RESULTS = b"\0"  # what follows, to the end of the pipe, is the pickled list of results
_CHUNK = 1 << 20


def analyse_in_parallel(paths: list[str], settings: Settings, jobs: int,
                        progress: Callable[[int], None] | None = None) -> list[FileResult] | None:
    """Each path's result, in the order of `paths`, from up to `jobs` processes; None when the
    files are too few to pay for a second one (the caller lints them itself)."""
    costs = file_costs(paths)
    jobs = worker_count(costs, jobs)
    if jobs == 1:
        return None
    if can_fork():
        return analyse_forked(paths, settings, shares(costs, jobs), progress)
    return analyse_in_pool(paths, settings, jobs, progress)


def file_costs(paths: list[str]) -> list[int]:
    """Each file's share of the work, in bytes: its size and `FILE_COST`."""
    costs = []
    for path in paths:
        try:
            costs.append(os.stat(path).st_size + FILE_COST)
        except OSError:  # reported as unreadable, which costs next to nothing
            costs.append(FILE_COST)
    return costs


def worker_count(costs: list[int], jobs: int) -> int:
    """At most `jobs` processes, one per `PROCESS_WORTH` of work, never more than files."""
    return max(1, min(jobs, len(costs), sum(costs) // PROCESS_WORTH))


def shares(costs: list[int], jobs: int) -> list[list[int]]:
    """Indexes of the files in `jobs` shares of about equal cost, each in run order: the
    costliest file first, each to the lightest share so far (a few large files spread out
    too)."""
    loads = [0] * jobs
    parts: list[list[int]] = [[] for _ in range(jobs)]
    for index in sorted(range(len(costs)), key=costs.__getitem__, reverse=True):
        lightest = loads.index(min(loads))
        parts[lightest].append(index)
        loads[lightest] += costs[index]
    return [sorted(part) for part in parts if part]


class _Child(ForkedChild):
    """A forked child linting a share of the files, and what it has sent so far."""

    def __init__(self, share: list[int], paths: list[str], settings: Settings,
                 siblings: list["_Child"]) -> None:
        self.share = share
        # the pipes of the children forked before it are not its business
        super().__init__(lambda fd: _lint_and_report([paths[index] for index in share], settings, fd),
                         close_in_child=[sibling.fd for sibling in siblings])
        os.set_blocking(self.fd, False)
        self.results = bytearray()
        self.in_results = False
        self.ended = False

    def read(self, block: bool) -> int:
        """Read what the child has written (to the end of the pipe, with `block`); return how
        many more files it has finished."""
        if self.ended:
            return 0
        if block:  # the pipe is non-blocking from its creation until the last read
            os.set_blocking(self.fd, True)
        finished = 0
        while True:
            try:
                chunk = os.read(self.fd, _CHUNK)
            except BlockingIOError:
                return finished
            if not chunk:
                self.ended = True
                return finished
            if not self.in_results:
                marker = chunk.find(_RESULTS)
                if marker < 0:
                    finished += len(chunk)
                    continue
                finished += marker
                self.in_results = True
                chunk = chunk[marker + 1:]
            self.results += chunk

    def collect(self) -> list[FileResult] | None:
        """The child's results once it has exited, or None if it failed to send them all."""
        self.close()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if status != 0 or not self.in_results:
            return None
        import pickle

        try:
            results = pickle.loads(self.results)
        except Exception:  # a truncated or garbled report: the parent lints the share again
            return None
        return results if isinstance(results, list) and len(results) == len(self.share) else None


def _lint_and_report(paths: list[str], settings: Settings, fd: int) -> None:
    """The child's work (`ForkedChild` runs it and exits): a byte per finished file, then the
    results."""
    import pickle

    results = []
    for path in paths:
        results.append(analyse_path(path, settings))
        os.write(fd, _DONE)
    with open(fd, "wb", closefd=False) as out:
        out.write(_RESULTS)
        out.write(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))


def analyse_forked(paths: list[str], settings: Settings, parts: list[list[int]],
                   progress: Callable[[int], None] | None = None) -> list[FileResult]:
    """Each path's result: the first share linted here, each other one in a child."""
    results: list[FileResult | None] = [None] * len(paths)
    children: list[_Child] = []
    own = parts[0]
    try:
        for share in parts[1:]:
            try:
                children.append(_Child(share, paths, settings, children))
            except OSError:  # no process to spare (a limit): the parent lints the share
                own = own + share
        for index in own:
            results[index] = analyse_path(paths[index], settings)
            finished = 1 + sum(child.read(block=False) for child in children)
            if progress:
                progress(finished)
        for child in children:
            finished = child.read(block=True)
            if progress and finished:
                progress(finished)
            got = child.collect()
            if got is None:
                got = [analyse_path(paths[index], settings) for index in child.share]
            for index, result in zip(child.share, got):
                results[index] = result
    finally:
        for child in children:
            child.stop()
    return results  # type: ignore[return-value]  # every index is in one share


_worker_settings: Settings | None = None


def _start_worker(settings: Settings) -> None:
    """Each pool worker receives the settings once, not with every file."""
    global _worker_settings
    _worker_settings = settings


def _analyse_in_worker(path: str) -> FileResult:
    return analyse_path(path, _worker_settings)


def analyse_in_pool(paths: list[str], settings: Settings, jobs: int,
                    progress: Callable[[int], None] | None = None) -> list[FileResult]:
    from concurrent.futures import ProcessPoolExecutor

    if sys.platform == "win32":
        jobs = min(jobs, 61)  # the most worker processes Windows can wait on
    results = []
    chunk = max(1, min(64, len(paths) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                             initargs=(settings,)) as pool:
        for result in pool.map(_analyse_in_worker, paths, chunksize=chunk):
            results.append(result)
            if progress:
                progress(1)
    return results
