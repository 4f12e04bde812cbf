"""Overlapping half-open intervals, in O(n log n + what is reported).

Finding every overlap in one large set is a sweep's job (`sweep_overlaps`); querying a fixed
set (the existing schedule) is an index's (`IntervalIndex`). Neither lists every pair: n
intervals that all overlap make n(n-1)/2 pairs, which once took 5 GB for 4 000 entries (and an
interval tree's queries took 11 s for 500 entries colliding with 500).
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from heapq import heappop, heappush
from itertools import accumulate, islice
from operator import le
from typing import Callable, Hashable, Iterable, Iterator, Sequence

# Related locations named per finding; the rest are counted ("and 3 990 more").
NEAREST = 10


def each_ends_before_next(starts: Sequence[int], ends: Sequence[int]) -> bool:
    """Whether each interval ends no later than the next one starts (so they are in order and
    none overlaps another): the usual shift and the usual agent, checked at C speed."""
    return all(map(le, ends, islice(starts, 1, None)))


class Open:
    """The earlier items that overlap the sweep's current item (a view, valid for one step)."""

    def __init__(self) -> None:
        self.counts: dict[Hashable, int] = {}
        self.previous: dict[int, int] = {}  # index -> the open item before it in sweep order
        self.following: dict[int, int] = {}
        self.last = -1

    def __len__(self) -> int:
        return len(self.previous)

    def count(self, key: Hashable) -> int:
        return self.counts.get(key, 0)

    def nearest(self, accept: Callable[[int], bool] = lambda index: True,
                limit: int = NEAREST, look: int = 16 * NEAREST) -> list[int]:
        """Up to `limit` accepted items among the `look` latest-starting, in sweep order."""
        found, index = [], self.last
        while index != -1 and look and len(found) < limit:
            if accept(index):
                found.append(index)
            index = self.previous[index]
            look -= 1
        found.reverse()
        return found

    def _add(self, index: int, keys: Iterable[Hashable]) -> None:
        self.previous[index] = last = self.last
        self.following[index] = -1
        if last != -1:
            self.following[last] = index
        self.last = index
        counts = self.counts
        for key in keys:
            counts[key] = counts.get(key, 0) + 1

    def _remove(self, index: int, keys: Iterable[Hashable]) -> None:
        before, after = self.previous.pop(index), self.following.pop(index)
        if before != -1:
            self.following[before] = after
        if after != -1:
            self.previous[after] = before
        else:
            self.last = before
        counts = self.counts
        for key in keys:
            counts[key] -= 1

    def _clear(self) -> None:
        self.counts.clear()
        self.previous.clear()
        self.following.clear()
        self.last = -1


def _no_keys(index: int) -> tuple:
    return ()


def sweep_overlaps(starts: Sequence[int], ends: Sequence[int],
                   keys: Callable[[int], Iterable[Hashable]] = _no_keys) -> Iterator[tuple[int, Open]]:
    """For each item that overlaps an earlier one, (its index, the earlier items it overlaps).

    "Earlier" means starting earlier, ties broken by position (the run order), so each
    overlapping pair belongs to exactly one item: the one that starts later. Every item needs
    start < end. `keys(index)` names the kinds an item is counted under in `Open.count`.
    """
    if each_ends_before_next(starts, ends):
        return  # the usual agent
    order = sorted(range(len(starts)), key=starts.__getitem__)  # stable: ties keep run order
    open_items, closing = Open(), []  # closing: a heap of (end, index)
    open_until = starts[order[0]]  # the latest end among the open items (none yet)
    alone = -1  # the one open item while nothing overlaps (the usual case), not yet indexed
    for index in order:
        start, end = starts[index], ends[index]
        if start < open_until:
            if alone != -1:
                heappush(closing, (ends[alone], alone))
                open_items._add(alone, keys(alone))
                alone = -1
            while closing[0][0] <= start:
                gone = heappop(closing)[1]
                open_items._remove(gone, keys(gone))
            yield index, open_items
            open_until = max(open_until, end)
            heappush(closing, (end, index))
            open_items._add(index, keys(index))
        else:  # everything earlier has ended
            if closing:
                closing.clear()
                open_items._clear()
            alone, open_until = index, end


class IntervalIndex:
    """A fixed set of half-open intervals (start < end), to ask how many overlap a query and
    which are the nearest few: starts sorted, ends sorted, and the running maximum of the ends
    in start order (an implicit interval tree), so a count is two bisections and a listing
    stops where no earlier interval reaches the query."""

    def __init__(self, intervals: list[tuple[int, int]]) -> None:
        self.order = sorted(range(len(intervals)), key=lambda i: intervals[i][0])  # ties: as given
        self.starts = [intervals[i][0] for i in self.order]
        self.ends = [intervals[i][1] for i in self.order]  # in the same (start) order
        self.reach = list(accumulate(self.ends, max))
        self.sorted_ends = sorted(self.ends)

    def count(self, start: int, end: int) -> int:
        """How many intervals overlap [start, end): those starting before its end, less those
        ending by its start (they start before it too)."""
        return bisect_left(self.starts, end) - bisect_right(self.sorted_ends, start)

    def nearest(self, start: int, end: int, limit: int = NEAREST, look: int = 16 * NEAREST) -> list[int]:
        """The positions (as given) of up to `limit` overlapping intervals among those starting
        latest before `end`, at most `look` of them looked at."""
        found = []
        position = bisect_left(self.starts, end) - 1
        while position >= 0 and look and len(found) < limit and self.reach[position] > start:
            if self.ends[position] > start:
                found.append(self.order[position])
            position -= 1
            look -= 1
        return found

    def earliest(self, start: int, end: int, look: int = 16 * NEAREST) -> int | None:
        """The position (as given) of the earliest-starting interval that overlaps [start, end)
        (ties: the first given), None if none does; of those starting before `start`, at most
        `look` are looked at."""
        inside = bisect_left(self.starts, start)
        best = self.order[inside] if inside < len(self.starts) and self.starts[inside] < end else None
        position = inside - 1
        while position >= 0 and look and self.reach[position] > start:
            if self.ends[position] > start:
                best = self.order[position]
            position -= 1
            look -= 1
        return best
