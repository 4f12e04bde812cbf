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
unit's, or none for zone-less date-times, which are then WFM202). An export's
`businessUnitTimeZone` that names no IANA zone (its business-unit dates cannot be placed, and
`--existing` refuses the file). Lengths at or below zero are WFM203; `NaN` and `Infinity` are
WFM004.

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
`{"value": "wp-1"}`, a list wrapper `{"values": ["wp-1"]}`, an export's bare user id
`{"id": "u1"}`); an integer written as a string
(`"60"`) becomes the number. Other wrong values have no fix.

## Options
None.
"""
from __future__ import annotations

from typing import Any, Iterator

from wfmlint.document import HugeInteger, NonStandardNumber, out_of_int64
from wfmlint.findings import Issue
from wfmlint.payload import MISSING, dotted_pointer, is_int64
from wfmlint.profiles import EXPORT, PERMISSIONS, genesys_permissions
from wfmlint.rules._entry_values import (listed_resources, not_containers, not_resource, unknown_business_unit_zone,
                                         unknown_zones)
from wfmlint.rules._values import ABSENT, present, rows_where
from wfmlint.structure import not_object_issue, structure_issues

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
    for entries in payload.generic or ():
        yield from _generic_values(payload, entries)
    if payload.generic:
        yield from not_containers(payload, [entries.shape.pattern for entries in payload.generic])
    if payload.profile == EXPORT and isinstance(payload.root, dict):
        yield from unknown_business_unit_zone(payload)
    if payload.profile == PERMISSIONS:
        for index, value in enumerate(genesys_permissions(payload.root) or ()):
            if not isinstance(value, str):
                yield not_object_issue(f"/permissions/{index}", "a permission string", value)


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
        checks.insert(0, (shape.resource, not_resource, frozenset({str, type(MISSING)}),
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
            if name == shape.resource and row in entries.open_rows:
                continue  # an open shift's resource is nobody, whatever it holds
            yield not_object_issue(dotted_pointer(table.pointer(row), name), expected, values[row])
    if shape.time_zone is not None:
        yield from unknown_zones(payload, table, shape.time_zone, shape.time_format)
    if shape.many:
        yield from listed_resources(table, shape.resource)


def _positive_length(value: Any, shape) -> bool:
    from wfmlint.timestamps import whole_minutes

    minutes = whole_minutes(value, shape.length_unit)
    return type(minutes) is int and minutes > 0


def _not_text(value: Any) -> bool:
    return present(value) and type(value) is not str


def _not_minutes(value: Any) -> bool:
    return present(value) and not is_int64(value) and not out_of_int64(value)
