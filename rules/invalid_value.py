"""A field has the wrong JSON type or a value outside its range.

## What it does
Reports a value of the wrong type (`"480"` where an integer is expected: types are strict), a
float where an integer is required (`480.0`), `null` for a required field, a value outside its
enum (`externalActivityType`) or range (`weekCount` < 1), an array item that is not an object,
and a bare string where a `{"value": ...}` wrapper is required (`workPlanId`). In a vendor's
entries, a mapped value of the wrong kind; an array the pattern's `*` reads that is a string
or a number (a Graph shift's `activities`); a list of resources (`assigned_user_ids[*]`) that
is no array or holds other than ids; and a `time-zone` member that names no IANA zone
(with the closest name, and the zone the entry's times are read in instead: the business
unit's, or none for zone-less date-times, which are then WFM202). Lengths at or below zero are
WFM203; `NaN` and `Infinity` are WFM004.

## Why is this bad?
The API answers `400` for the upload, or coerces the value into something you did not write.

## Example
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [{"userId": "agent-1", "workPlanId": "wp-7"}]
}
```

## Use instead
`payload.json`:
```json
{
  "metadata": {"version": 3},
  "agentSchedules": [{"userId": "agent-1", "workPlanId": {"value": "wp-7"}}]
}
```

## Fix
Safe: a bare string where the model wants a wrapper is put in it (`"wp-1"` becomes
`{"value": "wp-1"}`, a list wrapper `{"values": ["wp-1"]}`); an integer written as a string
(`"60"`) becomes the number. Other wrong values have no fix.

## Options
None.
"""
from __future__ import annotations

import json
from typing import Any, Iterator

from wfmlint.document import HugeInteger, NonStandardNumber, out_of_int64
from wfmlint.findings import Issue, ancestor_pointer
from wfmlint.locate import resolve
from wfmlint.payload import MISSING, dotted, dotted_pointer, is_int64
from wfmlint.rules._values import ABSENT, present, rows_where
from wfmlint.structure import did_you_mean, not_object_issue, structure_issues

CODE = "WFM102"
NAME = "invalid-value"
SEVERITY = "error"
OPTIONS: dict = {}
FIX = "safe"


def check(payload, options) -> Iterator[Issue]:
    yield from (i for i in structure_issues(payload) if i.code == CODE)
    for name, table in payload.tables.items():
        for row in table.non_objects():
            value = table.items[row]
            if name != "root" and not isinstance(value, (NonStandardNumber, HugeInteger)):  # WFM004
                yield not_object_issue(table.pointer(row), table.what, value)
    reported: set[str] = set()  # entry sets share their arrays (Graph's shared and draft shifts)
    for entries in payload.generic or ():
        yield from _generic_values(payload, entries)
        for issue in _not_containers(payload, entries.shape.pattern):
            if issue.pointer not in reported:
                reported.add(issue.pointer)
                yield issue


def _generic_values(payload, entries) -> Iterator[Issue]:
    """Values of the wrong kind in a generic entry table's mapped roles."""
    shape, table = entries.shape, payload.tables[entries.name]
    text = ABSENT | {str}
    checks = []
    if shape.time_format == "rfc3339":  # the others' parsers judge any value (WFM201)
        checks.append((shape.start, _not_text, text, "an RFC 3339 date-time string"))
        if shape.end is not None:
            checks.append((shape.end, _not_text, text, "an RFC 3339 date-time string"))
    if shape.resource_is_member:
        checks.insert(0, (shape.resource, _not_resource, frozenset({str, type(MISSING)}),
                          "a string or a number"))
    if shape.end is None and shape.length is not None and shape.length_unit == "minutes":
        checks.append((shape.length, _not_minutes, frozenset(), "an integer number of minutes"))
    elif shape.end is None and shape.length is not None:  # hours, or an ISO 8601 duration
        expected = "a positive number of hours" if shape.length_unit == "hours" else \
            "a positive ISO 8601 duration (PT8H30M)"
        checks.append((shape.length, lambda value: present(value) and not _positive_length(value, shape),
                       frozenset(), expected))
    for name, wrong, safe, expected in checks:
        values = table.column(name)
        for row in rows_where(values, wrong, safe):
            yield not_object_issue(dotted_pointer(table.pointer(row), name), expected, values[row])
    if shape.time_zone is not None:
        yield from _unknown_zones(payload, table, shape.time_zone, shape.time_format)
    if shape.many:
        yield from _listed_resources(table, shape.resource)


def _listed_resources(table, path: str) -> Iterator[Issue]:
    """Several resources per entry (`assigned_user_ids[*]`, `users[*].id`): the member must be
    an array, and each resource a string or a number (else the entry would silently be
    nobody's)."""
    head, _, rest = path.partition("[*]")
    rest = rest.lstrip(".")
    for row, values in enumerate(table.column(head)):
        if not present(values):
            continue
        pointer = dotted_pointer(table.pointer(row), head)
        if type(values) is not list:
            yield not_object_issue(pointer, "an array", values)
            continue
        for index, value in enumerate(values):
            at = f"{pointer}/{index}"
            if rest:
                value, at = dotted(value, rest), dotted_pointer(at, rest)
            if value is not MISSING and _not_resource(value):
                yield not_object_issue(at, "a string or a number", value)


def _not_containers(payload, pattern: str) -> Iterator[Issue]:
    """Where an entry set's pattern has a `*`, the value there must be an array (or an
    object): a Graph shift's `activities` written as one object is no entry at all, silently."""
    from wfmlint.findings import join_pointer, split_pointer
    from wfmlint.profiles import match_pattern

    tokens = split_pointer(pattern)
    for stop in (index for index, token in enumerate(tokens) if token == "*"):
        for pointer, value, _ in match_pattern(payload.root, join_pointer("", *tokens[:stop])):
            if value is not None and type(value) not in (list, dict):
                yield not_object_issue(pointer, "an array", value)


def _unknown_zones(payload, table, member: str, time_format: str) -> Iterator[Issue]:
    """A `time-zone` member that names no IANA zone: the entry's local times are read in the
    business unit's zone instead (a guess the user must hear about), or have none. A member of
    an ancestor (`../tz`) is reported once, not for every entry below it."""
    from wfmlint.timestamps import zone_named

    fallback = payload.settings.time_zone_for(payload.path)
    if zone_named(fallback) is None:  # local date-times then have no zone (WFM202); dates and clocks are UTC
        fallback = None if time_format == "local" else "UTC"
    outcome = f"are read in {fallback} instead" if fallback else "have no zone"
    verdicts: dict[str, bool] = {}
    reported: set[str] = set()
    for pointer, value in _members_with_pointers(payload, table, member):
        if not present(value) or pointer in reported:
            continue
        if type(value) is not str:
            reported.add(pointer)
            yield not_object_issue(pointer, "an IANA time zone name", value)
            continue
        known = verdicts.get(value)
        if known is None:
            known = verdicts[value] = zone_named(value) is not None
        if not known:
            reported.add(pointer)
            yield Issue(CODE, f"{json.dumps(value)} is not an IANA time zone{_zone_hint(value)}, so this "
                        f"entry's local times {outcome}; write one such as \"Europe/Berlin\"", pointer)


def _members_with_pointers(payload, table, member: str) -> Iterator[tuple[str, Any]]:
    """(pointer, value) of each item's member `member`, which may be an ancestor's (`../tz`)."""
    if not member.startswith("../"):
        for row, value in enumerate(table.column(member)):
            if present(value):
                yield dotted_pointer(table.pointer(row), member), value
        return
    levels = member.count("../")
    rest = member[3 * levels:]
    for pointer in table.all_pointers():
        above = ancestor_pointer(pointer, levels)
        if above is not None:
            yield dotted_pointer(above, rest), dotted(resolve(payload.root, above), rest)


def _zone_hint(name: str) -> str:
    from zoneinfo import available_timezones

    close = did_you_mean(name, sorted(available_timezones()))
    return f" (did you mean {json.dumps(close)}?)" if close else ""


def _positive_length(value: Any, shape) -> bool:
    from wfmlint.timestamps import whole_minutes

    minutes = whole_minutes(value, shape.length_unit)
    return type(minutes) is int and minutes > 0


def _not_text(value: Any) -> bool:
    return present(value) and type(value) is not str


def _not_resource(value: Any) -> bool:
    if value is MISSING or type(value) is str:
        return False
    return not (isinstance(value, (int, float)) and not isinstance(value, bool)
                and not out_of_int64(value))


def _not_minutes(value: Any) -> bool:
    return present(value) and not is_int64(value) and not out_of_int64(value)
