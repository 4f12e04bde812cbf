"""All overlapping pairs of half-open intervals by sort-and-sweep: O(n log n + pairs).

intervaltree is the right tool for querying a fixed set (the existing schedule); finding every
pair in one large set is a sweep's job (SPEC §7 measured it some 30 to 300 times faster).
"""
from __future__ import annotations

from itertools import islice
from operator import le
from typing import Sequence, TypeVar

T = TypeVar("T")


def each_ends_before_next(starts: Sequence[int], ends: Sequence[int]) -> bool:
    """Whether each interval ends no later than the next one starts (so they are in order and
    none overlaps another): the usual shift and the usual agent, checked at C speed."""
    return all(map(le, ends, islice(starts, 1, None)))


def earlier_overlaps(items: Sequence[T]) -> list[tuple[int, list[int]]]:
    """For each item that overlaps an earlier one, (its index, the earlier indices).

    Items need `start` and `end` with start < end. "Earlier" means starting earlier, ties
    broken by position in `items` (the run order), so each overlapping pair is named exactly
    once, by the item that starts later.
    """
    starts = [item.start for item in items]
    ends = [item.end for item in items]
    if each_ends_before_next(starts, ends):
        return []  # the usual agent
    # a stable sort: ties keep their order in `items`
    order = sorted(range(len(items)), key=starts.__getitem__)
    active: list[int] = []  # earlier items still open at the sweep's position
    active_end = 0  # the latest end among them (that item is never the one that has ended)
    found = []
    for index in order:
        start, end = starts[index], ends[index]
        if active and start < active_end:
            active = [other for other in active if ends[other] > start]
            found.append((index, list(active)))
            active.append(index)
            active_end = max(active_end, end)
        else:  # the usual case: everything earlier has ended
            active = [index]
            active_end = end
    return found
