"""Shared by the overlap rules: the run's entries grouped by resource, swept once."""
from __future__ import annotations

from collections import defaultdict
from itertools import chain, compress, count, islice
from operator import attrgetter, ne

from wfmlint.overlaps import earlier_overlaps
from wfmlint.profiles import EXPORT, GENERIC
from wfmlint.timestamps import format_instant


_RESOURCE = attrgetter("resource")


def _in_runs(entries: list) -> bool:
    """Whether one resource's entries stand together (judged from the first thousand): the
    usual file, ordered by agent. Interleaved entries are grouped one by one, as fast."""
    resources = list(map(_RESOURCE, entries[:1024]))
    return sum(map(ne, resources, islice(resources, 1, None))) * 4 < len(resources)


def noun(profile: str) -> str:
    return "entry" if profile == GENERIC else "shift"


def describe(entry, profile: str) -> str:
    return f"{noun(profile)} of \"{entry.label}\" from {format_instant(entry.start)} to {format_instant(entry.end)}"


def run_overlaps(context) -> list[tuple[object, list[object], list[object]]]:
    """(entry, earlier overlapping entries that differ, earlier exact copies) for every entry
    that overlaps an earlier one of its resource, across every file of the run. Exports are a
    pool of their own: an update and the export it edits are WFM303's business."""
    cached = context.cache.get("overlaps")
    if cached is not None:
        return cached
    pools: dict[str, defaultdict] = {"export": defaultdict(list), "payload": defaultdict(list)}
    profiles = {}
    for facts in context.files:
        profiles[facts.path] = facts.profile  # (every entry's path is its file's)
        pool = pools["export" if facts.profile == EXPORT else "payload"]
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
    for entries in chain(pools["export"].values(), pools["payload"].values()):
        if len(entries) < 2:
            continue
        for index, earlier in earlier_overlaps(entries):
            entry = entries[index]
            partners, copies = [], []
            for other_index in earlier:
                other = entries[other_index]
                if (other.path != entry.path and entry.shift_id is not None
                        and entry.shift_id == other.shift_id):
                    continue  # the same shift written by two files: WFM405
                same = other.start == entry.start and other.end == entry.end
                (copies if same else partners).append(other)
            if partners or copies:
                found.append((entry, partners, copies))
    context.cache["overlaps"] = found
    context.cache["profiles"] = profiles
    return found
