"""Normalisation of generic payloads: entries found by a JSON pointer pattern (configured or
auto-detected), each with a resource, a start and an end or a length."""
from __future__ import annotations

from itertools import compress, count, islice, repeat
from operator import gt, not_
from time import perf_counter
from typing import Any

from . import profiles as P
from .document import INT64_MAX, out_of_int64
from .findings import escape_token, join_pointer, split_pointer
from .locate import all_objects, flat_array
from .payload import Entry, Payload, is_int64
from .timestamps import NS_PER_MINUTE, TimeProblem, TimestampCache, mostly_distinct


def normalise_generic(p: Payload) -> None:
    """Entries found by the configured pattern, or by auto-detection."""
    root, settings = p.root, p.settings
    facts = p.facts
    if isinstance(root, dict):
        schedule_id = root.get("scheduleId")
        if isinstance(schedule_id, (str, int)) and not isinstance(schedule_id, bool):
            facts.schedule_id, facts.schedule_id_pointer = schedule_id, "/scheduleId"
        metadata = root.get("metadata")
        if isinstance(metadata, dict) and is_int64(metadata.get("version")):
            facts.root_version, facts.root_version_pointer = metadata["version"], "/metadata/version"
    mapping = settings.config.generic
    shapes = [P.configured_shape(mapping)] if mapping is not None else P.auto_generic_shapes(root)
    facts.needs = tuple(settings.config.required_permissions)
    times = TimestampCache.shared(utc_only=False)
    for shape in shapes:
        if _column_entries(p, shape, times):
            continue
        for pointer, item, member in P.match_pattern(root, shape.pattern):
            _entry(p, shape, pointer, item, member, times)
    if not facts.entries and not p.wrong_kind and not p.missing:
        p.shape_problem = "no entries found" if mapping is None else \
            f"no entries match the configured pattern {mapping.entries!r}"


def _column_entries(p: Payload, shape: P.GenericShape, times: TimestampCache) -> bool:
    """The usual case, one array of flat entry objects (`/shifts/*`), read a column at a time:
    the entries that are plainly well-formed become entries in bulk, the others go through
    `_entry`, in order. False when the pattern or the shape is not of that kind."""
    tokens = split_pointer(shape.pattern)
    names = [shape.resource, shape.start, shape.end, shape.length, shape.id, *shape.required]
    if not tokens or tokens[-1] != "*" or "*" in tokens[:-1] or shape.end is None and shape.length is None \
            or any(name is not None and ("." in name or name == "{key}") for name in names):
        return False
    prefix = join_pointer("", *tokens[:-1])
    found = [value for _, value, _ in P.match_pattern(p.root, prefix)]
    if len(found) != 1 or not isinstance(found[0], list):
        return not found  # nothing there: no entries either way
    items: list = found[0]
    if not all_objects(items):
        return False
    hint = flat_array(p.root, tokens[:-1], items)
    if hint is not None:
        p.flat_arrays[prefix] = hint

    def column(name: str) -> list:
        return list(map(dict.get, items, repeat(name, len(items)), repeat(_MISSING)))

    try:
        start_values = column(shape.start)
        helper = p.parsed.prefetch
        if helper is not None and shape.end is not None and mostly_distinct(start_values):
            # ends read there while the starts are read here (when they repeat little: else
            # the cache reads them faster than a helper's typed decode of the whole text)
            helper.ask_column(tokens[:-1], shape.end)
        resources = column(shape.resource)
        clean = _clean_resources(resources)
        began = perf_counter()
        starts = times.instants(start_values)
        spent = perf_counter() - began
        # (made before the ends, while the helper may still be reading them)
        ids = [value if type(value) is str or type(value) is int else None
               for value in column(shape.id)] if shape.id else [None] * len(items)
        pointers = [f"{prefix}/{index}" for index in range(len(items))]
        if shape.end is not None:
            ends = helper and helper.column(len(items), spent) or times.instants(column(shape.end))
            if all(clean) and None not in starts and None not in ends:  # the usual case, in C
                clean = list(map(gt, ends, starts))
            else:
                clean = [ok and start is not None and end is not None and end > start
                         for ok, start, end in zip(clean, starts, ends)]
        else:
            lengths = column(shape.length)
            clean = [ok and start is not None and type(length) is int and 0 < length <= INT64_MAX
                     for ok, start, length in zip(clean, starts, lengths)]
            ends = [start + length * NS_PER_MINUTE if ok else None
                    for ok, start, length in zip(clean, starts, lengths)]
    except TypeError:  # an unhashable value where a string belongs: read item by item
        return False
    for name in set(shape.required) - {shape.resource, shape.start, shape.end, shape.length}:
        clean = [ok and present for ok, present in zip(clean, map(dict.__contains__, items,
                                                                      repeat(name)))]
    facts = p.facts
    entries, path = facts.entries, facts.path
    # the clean runs between the items `_entry` must read, each made in one comprehension
    stops = [*compress(count(), map(not_, clean)), len(items)]
    rows = zip(count(), resources, starts, ends, pointers, ids)  # consumed run by run: no copies
    first = 0
    for stop in stops:
        order = len(entries) - first
        entries.extend([Entry(resource, resource, start, end, pointer, path, order + index, shift_id)
                        for index, resource, start, end, pointer, shift_id in islice(rows, stop - first)])
        if stop < len(items):
            next(rows)
            _entry(p, shape, pointers[stop], items[stop], None, times)
        first = stop + 1
    return True


def _clean_resources(values: list) -> list[bool]:
    """Which values are usable string resources (numbers and the rest go through `_entry`)."""
    verdicts = {value: type(value) is str and bool(value.strip()) for value in set(values)}
    return list(map(verdicts.__getitem__, values))


def _entry(p: Payload, shape: P.GenericShape, pointer: str, item: Any, member: str | None,
           times: TimestampCache) -> None:
    if not isinstance(item, dict):
        p.wrong_kind.append((pointer, "an entry object", item))
        return
    for name in shape.required:
        if name != "{key}" and _dotted(item, name) is _MISSING:
            p.missing.append((pointer, name))
    resource = None
    if shape.resource == "{key}":
        resource = member
    else:
        value = _dotted(item, shape.resource)
        if isinstance(value, str):
            if value.strip():
                resource = value
            else:
                p.blank_ids.append((_dotted_pointer(pointer, shape.resource), shape.resource))
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and not out_of_int64(value):
            resource = value
        elif value is not _MISSING:
            p.wrong_kind.append((_dotted_pointer(pointer, shape.resource), "a string or a number", value))
    start = _time(p, item, shape.start, pointer, times)
    end = None
    if shape.end is not None:
        end = _time(p, item, shape.end, pointer, times)
        if start is not None and end is not None and end <= start:
            p.inverted.append((_dotted_pointer(pointer, shape.end), _dotted(item, shape.start),
                               _dotted(item, shape.end), end == start))
            end = None
    elif shape.length is not None:
        length = _dotted(item, shape.length)
        length_pointer = _dotted_pointer(pointer, shape.length)
        if is_int64(length):
            if length <= 0:
                p.non_positive.append((length_pointer, length))
            elif start is not None:
                end = start + length * NS_PER_MINUTE
        elif out_of_int64(length):
            p.out_of_range.append(length_pointer)
        elif length is not _MISSING and length is not None:
            p.wrong_kind.append((length_pointer, "an integer number of minutes", length))
    shift_id = _dotted(item, shape.id) if shape.id else None
    shift_id = shift_id if isinstance(shift_id, (str, int)) and not isinstance(shift_id, bool) else None
    if start is not None and end is not None:
        # resources compare as JSON values: the string "7" is not the number 7; an entry
        # without a usable resource still has a duration (WFM204) but no overlaps
        key = resource if type(resource) is str or resource is None else (_NUMBER, resource)
        facts = p.facts
        facts.entries.append(Entry(key, str(resource), start, end, pointer, facts.path,
                                   len(facts.entries), shift_id))

def _time(p: Payload, item: dict, name: str, pointer: str, times: TimestampCache) -> int | None:
    value = _dotted(item, name)
    if value is _MISSING or value is None:
        return None
    if not isinstance(value, str):
        p.wrong_kind.append((_dotted_pointer(pointer, name), "an RFC 3339 date-time string", value))
        return None
    result = times.get(value)
    if isinstance(result, TimeProblem):
        p.time_problems.append((_dotted_pointer(pointer, name), result))
        return None
    return result


_MISSING = object()
_NUMBER = "#number"  # tags numeric resources apart from strings


def _dotted(item: dict, path: str) -> Any:
    if "." not in path:
        return item.get(path, _MISSING)
    value: Any = item
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return _MISSING
        value = value[part]
    return value


def _dotted_pointer(pointer: str, path: str) -> str:
    return pointer + "".join(f"/{escape_token(part)}" for part in path.split("."))
