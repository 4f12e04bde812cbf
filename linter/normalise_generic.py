"""Reading a generic payload: the items that a JSON pointer pattern (configured or
auto-detected) finds become a table of entries, each with a resource, a start and an end or a
length. Nothing is judged here: the rules read the table's columns."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import compress
from typing import Any

from . import profiles as P
from .findings import join_pointer, split_pointer
from .locate import all_objects, flat_array
from .payload import (MISSING, NUMBER, Entry, Items, Payload, Role, TimeColumn, ancestor_member, dotted, is_int64)
from . import timestamps as T
from .timestamps import NS_PER_MINUTE, TimestampCache


@dataclass
class GenericTable:
    """One entry table of a generic payload, its shape and its parsed starts and ends."""

    name: str
    shape: P.GenericShape
    starts: list
    ends: list | None  # None when lengths give the ends
    entries: list = field(default_factory=list)  # the entries its valid items made
    open_rows: frozenset = frozenset()  # the items an `open` member marks: nobody's


def read_generic(p: Payload) -> None:
    """Entries found by the configured pattern, or by auto-detection."""
    root, settings, facts = p.root, p.settings, p.facts
    if isinstance(root, dict):
        schedule_id = root.get("scheduleId")
        if isinstance(schedule_id, (str, int)) and not isinstance(schedule_id, bool):
            facts.schedule_id, facts.schedule_id_pointer = schedule_id, "/scheduleId"
        metadata = root.get("metadata")
        if isinstance(metadata, dict) and is_int64(metadata.get("version")):
            facts.root_version, facts.root_version_pointer = metadata["version"], "/metadata/version"
    mapping = settings.config.generic
    vendors = P.vendor_definitions(settings.config.vendor_profiles)
    vendor = vendors.get(settings.claimed_profile(p.path) or "")
    why = "claimed in [profiles]"
    if vendor is None and mapping is not None and P.finds(root, mapping.entries):
        p.cache["read_by"] = "[generic] finds its entries"  # for `--verbose`
    elif vendor is None:
        vendor = P.detect_vendor(root, vendors)  # your mapping first, where it finds entries
        why = f"it has {', '.join(vendor.signature(root))}" if vendor is not None else why
    if vendor is not None:
        shapes, mapping = list(vendor.shapes), None
        p.cache["vendor"] = f"{vendor.name} ({why})"
    else:
        shapes = [P.configured_shape(mapping)] if mapping is not None else P.auto_generic_shapes(root, p.claimed)
    facts.needs = tuple(settings.config.required_permissions)
    times = TimestampCache.shared(utc_only=False)
    p.generic = []
    for number, shape in enumerate(shapes):
        name = f"entries{number}"
        p.tables[name] = table = _find_items(p, shape)
        p.generic.append(_read_table(p, name, table, shape, times))
    if len(p.generic) > 1:
        _drop_self_copies(p)
    if not any(len(table) for table in p.tables.values()):
        p.cache["shape_problem"] = ("no entries found: auto-detection knows none of its arrays; map its "
                                    "entries with [generic] or a vendor profile") if mapping is None else \
            f"no entries match the configured pattern {mapping.entries!r}"


def _drop_self_copies(p: Payload) -> None:
    """An item that two entry sets read as the same resource and times is one entry, not a
    duplicate of itself (a Deputy roster carrying both the Resource API's fields and the
    write API's)."""
    seen: set[tuple] = set()
    copies: set[int] = set()
    for entry in p.facts.entries:
        key = (entry.pointer, entry.resource, entry.start, entry.end)
        if key in seen:
            copies.add(id(entry))
        else:
            seen.add(key)
    if copies:
        p.facts.entries[:] = [entry for entry in p.facts.entries if id(entry) not in copies]
        for table in p.generic:
            table.entries = [entry for entry in table.entries if id(entry) not in copies]


def _find_items(p: Payload, shape: P.GenericShape) -> Items:
    """The items a pattern matches: one array's (`/shifts/*`, the usual case) in bulk. In an
    optional entry set, what is not an object holding the start, the end or the length (a
    null, an error object, a body that is not a single entry) is no entry."""
    table = _one_array(p, shape.pattern) if not shape.optional else None
    if table is None:
        table = Items("an entry object")
        roles = [name for name in (shape.start, shape.end, shape.length) if name]
        for pointer, item, member in P.match_pattern(p.root, shape.pattern):
            if not shape.optional or isinstance(item, dict) and any(
                    _member(item, name) is not None for name in roles):
                table.add_at(pointer, item, member)
    return table


def _one_array(p: Payload, pattern: str) -> Items | None:
    """The items of the one array a pattern ending in its only `*` names, or None."""
    tokens = split_pointer(pattern)
    if not tokens or tokens[-1] != "*" or "*" in tokens[:-1]:
        return None
    prefix = join_pointer("", *tokens[:-1])
    found = [value for _, value, _ in P.match_pattern(p.root, prefix)]
    if len(found) != 1 or not isinstance(found[0], list):
        return None
    items = found[0]
    table = Items("an entry object")
    table.add(prefix, -1, items)
    if all_objects(items):
        hint = flat_array(p.root, tokens[:-1], items)
        if hint is not None:
            p.flat_arrays[prefix] = hint
    return table


def _read_table(p: Payload, name: str, table: Items, shape: P.GenericShape,
                times: TimestampCache) -> GenericTable:
    """Declare the table's roles and make the entries of its valid items."""
    kind, parse, read, row_parse = _times(p, name, table, shape, times)
    starts = read(table.column(shape.start))
    if shape.within and shape.time_format in ("clock", "minutes") and shape.date.startswith("../"):
        starts = _inside_overnight_holder(p, table, shape, starts, read)
    p.times.append(TimeColumn(Role(name, shape.start), kind, starts, parse, row_parse))
    if shape.resource_is_member and "" not in shape.unassigned:  # a blank one may mean nobody
        p.identifiers.append(Role(name, shape.resource))
    if shape.end is not None:
        ends = read(table.column(shape.end), end=True)
        p.times.append(TimeColumn(Role(name, shape.end), kind, ends, parse, row_parse))
        if shape.time_format in ("clock", "minutes"):  # an end before the start is the next day's
            later = read(table.column(shape.end), end=True, next_day=True)
            ends = [after if start is not None and end is not None and end < start else end
                    for start, end, after in zip(starts, ends, later)]
        if shape.open_ended:  # no end yet (absent or null): still running
            ends = [T.OPEN_END if end is None and start is not None and not _present(value) else end
                    for start, end, value in zip(starts, ends, table.column(shape.end))]
        valid, stops = _valid_by_end(starts, ends), ends
    else:
        ends = None
        lengths = table.column(shape.length) if shape.length is not None else [MISSING] * len(table)
        if shape.length is not None and shape.length_unit == "minutes":
            p.lengths.append(Role(name, shape.length))
        elif shape.length is not None:
            lengths = [T.whole_minutes(value, shape.length_unit) for value in lengths]
        valid, stops = _by_length(starts, lengths)
    keys, labels = _resources(p, table, shape)
    open_rows = frozenset(_marked_rows(p, table, shape.open))
    nobodys = _marked_rows(p, table, shape.inactive) | open_rows
    if shape.open_ended and shape.within and ends is not None:
        nobodys |= _running_in_holder(p, table, shape, ends)
    if nobodys:
        keys = [([] if shape.many else None) if row in nobodys else key for row, key in enumerate(keys)]
    rows = list(compress(range(len(table)), valid))
    kind = shape.kind if shape.kind != "entry" else None  # a vendor's name for it
    made: list = []
    if rows:
        facts, pointers, first = p.facts, table.all_pointers(), len(p.facts.entries)
        ids = [value if type(value) in (str, int) else None  # (the values usable as an entry's id)
               for value in table.column(shape.id)] if shape.id else [None] * len(table)
        if shape.many:  # an entry per resource of each item
            owners = ((row, key, label) for row in rows for key, label in zip(keys[row], labels[row]))
            made = [Entry(key, label, starts[row], stops[row], pointers[row], facts.path, first + n, ids[row], kind)
                    for n, (row, key, label) in enumerate(owners)]
        else:
            made = [Entry(keys[row], labels[row], starts[row], stops[row], pointers[row], facts.path, first + n,
                          ids[row], kind) for n, row in enumerate(rows)]
        facts.entries.extend(made)
    return GenericTable(name, shape, starts, ends, made, open_rows)


def _running_in_holder(p: Payload, table: Items, shape: P.GenericShape, ends: list) -> set[int]:
    """The rows with no end yet inside a holder (a break being taken): compared with nothing,
    since each overlap would repeat one that is reported already: its open holder's (WFM301),
    or its own with a closed holder (WFM308: end it). The holding set is read first when the
    profile lists it first."""
    running = [row for row, end in enumerate(ends) if end == T.OPEN_END]
    if not running:
        return set()
    holders = _holders(p)
    pointers = table.all_pointers()
    return {row for row in running if P.container_pointer(pointers[row], shape.within) in holders}


def _holders(p: Payload) -> dict[str, Entry]:
    """The entries of the sets read so far, by pointer: those that may hold a `within` set's."""
    return {entry.pointer: entry for earlier in p.generic for entry in earlier.entries}


def _inside_overnight_holder(p: Payload, table: Items, shape: P.GenericShape, starts: list, read) -> list:
    """Clock times on the date of the entry that holds them (a break in a night shift): one
    before its holder starts is the next day's when that puts it inside the holder (its end
    follows it, as an end before its start does). The holding set is read first when the
    profile lists it first."""
    holders = _holders(p)
    if not holders:
        return starts
    pointers, moved = table.all_pointers(), list(starts)
    for row, after in enumerate(read(table.column(shape.start), next_day=True)):
        start = starts[row]
        holder = holders.get(P.container_pointer(pointers[row], shape.within)) if start is not None else None
        if holder is not None and after is not None and start < holder.start and holder.start <= after < holder.end:
            moved[row] = after
    return moved


def _times(p: Payload, name: str, table: Items, shape: P.GenericShape, times: TimestampCache):
    """(the kind of the time columns, the parser of one value, the reader of a column, the
    parser of one row's value or None) for the entry set's `time-format`: RFC 3339 through the
    shared cache, the others value by value (a local time in the zone of its `time-zone`
    member, else the business unit's)."""
    if shape.time_format == "rfc3339":
        return "date-time", times.get, lambda values, end=False: times.column(values), None
    if shape.time_format in ("clock", "minutes", "date"):
        return (*_local_days(p, name, table, shape), None)
    if shape.time_format == "rfc2822":
        parse = T.parse_rfc2822
    elif shape.time_format.startswith("epoch"):
        parse = T.epoch_parser(1 if shape.time_format == "epoch-seconds" else 1000)
    else:
        parse = T.local_parser(T.zone_named(p.settings.time_zone_for(p.path)))
        if shape.time_zone is not None:
            zones = [T.zone_named(found) for found in _members(p, table, shape.time_zone)]

            def parse_row(row: int, value: Any) -> Any:  # in the zone its entry names
                return (T.local_parser(zones[row]) if zones[row] is not None else parse)(value)

            def read_zoned(values: list, end: bool = False) -> list:
                return [_instant(parse_row(row, value)) if _present(value) else None
                        for row, value in enumerate(values)]
            return shape.time_format, parse, read_zoned, parse_row

    def read(values: list, end: bool = False) -> list:
        return [_instant(parse(value)) if _present(value) else None for value in values]
    return shape.time_format, parse, read, None


def _local_days(p: Payload, name: str, table: Items, shape: P.GenericShape):
    """Times on a local calendar: a clock time or minutes after midnight of the day in the
    `date` member, or a date alone (a whole day; an end date counts whole, to its last
    midnight); in the zone of the `time-zone` member, else the business unit's, else UTC.
    Members may be named from an ancestor (`../../day`)."""
    zone = T.zone_named(p.settings.time_zone_for(p.path))
    zones = [T.zone_named(found) or zone for found in _members(p, table, shape.time_zone)] \
        if shape.time_zone else [zone] * len(table)
    if shape.time_format == "date":
        def read(values: list, end: bool = False) -> list:
            return [_on_day(day, 1 if end else 0, 0, row_zone) if day is not None else None
                    for day, row_zone in zip(map(T.valid_date, values), zones)]
        return "date-only", _date_problem, read
    parse = T.clock_minutes if shape.time_format == "clock" else T.day_minutes
    dates = _members(p, table, shape.date)
    if not shape.date.startswith("../"):  # a member of the entry: its own value is checked
        p.times.append(TimeColumn(Role(name, shape.date), "date-member", list(map(T.valid_date, dates)),
                                  _date_problem))

    def read_clock(values: list, end: bool = False, next_day: bool = False) -> list:
        out = []
        for value, day, row_zone in zip(values, map(T.valid_date, dates), zones):
            minutes = parse(value) if _present(value) else None
            out.append(_on_day(day, 1 if next_day else 0, minutes, row_zone)
                       if type(minutes) is int and day is not None else None)
        return out
    return shape.time_format, parse, read_clock


def _on_day(day: date, days_after: int, minutes: int, zone) -> int | None:
    try:
        return T.local_instant(day + timedelta(days=days_after), minutes, zone)
    except (OverflowError, ValueError):
        return None


def _members(p: Payload, table: Items, path: str) -> list:
    """Each item's value at `path`: a dotted member path, or from an ancestor (`../day`: each
    `../` one level up from the item, an array a level); None where absent."""
    if not path.startswith("../"):
        return [_member(item, path) for item in table.items]
    values = []
    for pointer in table.all_pointers():
        found = ancestor_member(p.root, pointer, path)
        values.append(None if found is None or found[1] is MISSING else found[1])
    return values


def _member(item: Any, path: str) -> Any:
    """The value at a dotted member path of an object; None when absent."""
    value = dotted(item, path)
    return None if value is MISSING else value


def _date_problem(value: Any):
    if type(value) is not str:
        return T.TimeProblem("WFM201", f"{value!r} is not a date; write it as YYYY-MM-DD")
    return T.parse_date(value)


def _present(value: Any) -> bool:
    return value is not MISSING and value is not None


def _instant(parsed: Any) -> int | None:
    return parsed if type(parsed) is int else None


def _valid_by_end(starts: list, ends: list) -> list[bool]:
    """Which items have a start and a later end."""
    return [start is not None and end is not None and end > start for start, end in zip(starts, ends)]


def _by_length(starts: list, lengths: list) -> tuple[list[bool], list]:
    """Which items have a start and a positive length of minutes, and their ends."""
    valid = [start is not None and type(length) is int and 0 < length and is_int64(length)
             for start, length in zip(starts, lengths)]
    return valid, [start + length * NS_PER_MINUTE if ok else None
                   for ok, start, length in zip(valid, starts, lengths)]


def _resources(p: Payload, table: Items, shape: P.GenericShape) -> tuple[list, list[str]]:
    """Each item's resource key (None when unusable, or when the set has no resource) and its
    label. Resources compare as JSON values: the string "7" is not the number 7; and only
    within their group (the group is part of the key)."""
    if shape.many:  # per item, lists of keys and labels: one entry per resource
        found = [_many_values(item, shape.resource) for item in table.items]
        return ([[(shape.pool, key) if shape.pool else key for key in _keys(values) if key is not None]
                 for values in found],
                [[str(_resource(v)) for v in values if _resource(v) is not None] for values in found])
    keys, labels = _resource_keys(p, table, shape)
    if shape.pool is None:
        return keys, labels
    return [None if key is None else (shape.pool, key) for key in keys], labels


def _marked_rows(p: Payload, table: Items, marks: tuple[tuple[str, tuple], ...]) -> set[int]:
    """The rows that a member (or an ancestor's: `../../deleted`) marks with one of its values:
    `inactive` (a declined request: read and checked like the others, never compared) or
    `open` (an open shift)."""
    rows: set[int] = set()
    for member, values in marks:
        wanted = {(type(value), value) for value in values}  # true is not 1
        found = table.column(member) if not member.startswith("../") else _members(p, table, member)
        rows.update(row for row, value in enumerate(found)
                    if type(value) in (str, int, bool) and (type(value), value) in wanted)
    return rows


def _many_values(item: Any, path: str) -> list:
    """The resources `users[*].id` or `resource_ids[*]` names in an item (nobody: [])."""
    head, _, rest = path.partition("[*]")
    values = _member(item, head)
    if not isinstance(values, list):
        return []
    rest = rest.lstrip(".")
    found = [_member(value, rest) if rest else value for value in values]
    # a resource listed twice is one entry, not a copy of itself (in linear time: a hostile
    # list is long); values that cannot be keys (objects) are no resource anyway
    return list(dict.fromkeys(value for value in found if _resource(value) is not None))


def _keys(values: list) -> list:
    out = []
    for value in values:
        resource = _resource(value)
        out.append(resource if type(resource) is str or resource is None else (NUMBER, resource))
    return out


def _resource_keys(p: Payload, table: Items, shape: P.GenericShape) -> tuple[list, list[str]]:
    if shape.resource is None:
        return [None] * len(table), [""] * len(table)
    if shape.resource.startswith("../"):
        values = _members(p, table, shape.resource)
    else:
        values = table.members if shape.resource == "{key}" else table.column(shape.resource)
    if values is None:  # `{key}` on one array's items: no member names
        values = [None] * len(table)
    if shape.unassigned:  # nobody's entries (an open shift): never compared
        nobody = set(shape.unassigned)
        values = [None if type(value) in (str, int) and value in nobody else value for value in values]
    if set(map(type, values)) <= {str}:  # the usual case: a verdict per distinct string
        verdicts = {value: value if value.strip() else None for value in set(values)}
        keys = list(map(verdicts.__getitem__, values))
        return keys, keys if None not in keys else list(map(str, keys))
    return _keys(values), [str(_resource(value)) for value in values]


def _resource(value: Any) -> Any:
    if type(value) is str:
        return value if value.strip() else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and is_finite_int64(value):
        return value
    return None


def is_finite_int64(value: Any) -> bool:
    from .document import out_of_int64

    return not out_of_int64(value)
