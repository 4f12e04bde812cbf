"""Shared by the overlap rules: the run's entries grouped by resource, swept once."""
from __future__ import annotations

from collections import defaultdict
from itertools import chain, compress, count, islice
from operator import attrgetter, ne
from typing import Callable, NamedTuple

from wfmlint.findings import named
from wfmlint.payload import NUMBER
from wfmlint.overlaps import sweep_overlaps
from wfmlint.profiles import EXPORT, GENERIC, IMPORT
from wfmlint.timestamps import span_words


_RESOURCE = attrgetter("resource")


def _in_runs(entries: list) -> bool:
    """Whether one resource's entries stand together (judged from the first thousand): the
    usual file, ordered by agent. Interleaved entries are grouped one by one, as fast."""
    resources = list(map(_RESOURCE, entries[:1024]))
    return sum(map(ne, resources, islice(resources, 1, None))) * 4 < len(resources)


def noun(profile: str) -> str:
    return "entry" if profile == GENERIC else "shift"


def describe(entry, profile: str) -> str:
    what = entry.kind or noun(profile)
    return f"{what} of {_resource_words(entry)} {span_words(entry.start, entry.end)}"


def _resource_words(entry) -> str:
    """The resource as JSON writes it: a number bare, a string quoted (7 and "7" are two)."""
    key = entry.resource
    if type(key) is tuple and len(key) == 2 and type(key[1]) is tuple:
        key = key[1]  # (group, key)
    return entry.label if type(key) is tuple and key[0] == NUMBER else named(entry.label)


class Overlap(NamedTuple):
    """One entry that overlaps earlier ones of its resource: the nearest few of each kind
    (to name as related locations) and how many there are in all."""
    entry: object
    partners: list  # earlier entries it overlaps with another interval
    partner_count: int
    copies: list  # earlier entries with the very same interval
    copy_count: int


def _shift_keys(entry) -> tuple[tuple, tuple]:
    """The count keys of an entry's shift id, in any file and in its own file (the sweep
    counts under them, `_overlap` reads them back: one spelling for both)."""
    return ("shift", entry.shift_id), ("shift", entry.shift_id, entry.path)


def _keys(entries: list) -> Callable[[int], tuple]:
    """What the sweep counts an entry under: its interval, and (when it has a shift id) the
    shift id with and without its file, so that the same shift written by two files (WFM405's
    business) is left out of both counts."""
    def keys(index: int) -> tuple:
        entry = entries[index]
        interval = (entry.start, entry.end)
        if entry.shift_id is None:
            return (interval,)
        shift, here = _shift_keys(entry)
        return (interval, shift, here, (shift, interval), (here, interval))
    return keys


def _overlap(entries: list, index: int, open_items) -> Overlap | None:
    entry = entries[index]
    interval = (entry.start, entry.end)
    same_interval = open_items.count(interval)
    other_files = same_interval_other_files = 0
    if entry.shift_id is not None:
        shift, here = _shift_keys(entry)
        other_files = open_items.count(shift) - open_items.count(here)
        same_interval_other_files = open_items.count((shift, interval)) - open_items.count((here, interval))
    copy_count = same_interval - same_interval_other_files
    partner_count = len(open_items) - same_interval - (other_files - same_interval_other_files)
    if not partner_count and not copy_count:
        return None

    def counted(other) -> bool:
        return other.path == entry.path or entry.shift_id is None or other.shift_id != entry.shift_id

    partners = [entries[i] for i in open_items.nearest(
        lambda i: (entries[i].start, entries[i].end) != interval and counted(entries[i]))] \
        if partner_count else []
    copies = [entries[i] for i in open_items.nearest(
        lambda i: (entries[i].start, entries[i].end) == interval and counted(entries[i]))] \
        if copy_count else []
    return Overlap(entry, partners, partner_count, copies, copy_count)


def run_overlaps(context) -> list[Overlap]:
    """Every entry that overlaps an earlier one of its resource, across every file of the
    run. Exports are a pool of their own: an update and the export it edits are WFM303's
    business. Each import is a pool of its own too: it creates a schedule of its own, so its
    shifts meet no other file's."""
    cached = context.cache.get("overlaps")
    if cached is not None:
        return cached
    pools: dict[str | tuple, defaultdict] = {}
    profiles = {}
    for facts in context.files:
        profiles[facts.path] = facts.profile  # (every entry's path is its file's)
        pool = pools.setdefault(_pool_of(facts), defaultdict(list))
        entries = facts.entries
        if _in_runs(entries):  # then a list operation per run of one resource's entries
            resources = list(map(_RESOURCE, entries))
            bounds = [0, *compress(count(1), map(ne, resources, islice(resources, 1, None))), len(entries)]
            for start, stop in zip(bounds, islice(bounds, 1, None)):
                pool[resources[start]] += entries[start:stop]
        else:
            for entry in entries:
                pool[entry.resource].append(entry)
    found = []
    for pool in pools.values():
        pool.pop(None, None)  # entries without a usable resource
    for entries in chain.from_iterable(pool.values() for pool in pools.values()):
        if len(entries) < 2:
            continue
        starts, ends = [e.start for e in entries], [e.end for e in entries]
        for index, open_items in sweep_overlaps(starts, ends, _keys(entries)):
            overlap = _overlap(entries, index, open_items)
            if overlap is not None:
                found.append(overlap)
    context.cache["overlaps"] = found
    context.cache["profiles"] = profiles
    return found


def _pool_of(facts) -> str | tuple:
    """Which entries a file's entries are compared with (see `run_overlaps`)."""
    if facts.profile == IMPORT:
        return ("import", facts.path)
    return "export" if facts.profile == EXPORT else "payload"


def more(shown: int, total: int) -> str:
    """The tail of a message whose related locations were capped."""
    return "" if total <= shown else f" (the nearest {shown} are noted, and {total - shown} more)"
