"""A read-only field in an update or an import.

## What it does
Notes (severity `info`) a field that the official Genesys models mark read-only, such as
`metadata.dateModified`, `shortTermForecast.selfUri` or a shift's `schedule`: once per field and
kind of object in a file, at its first occurrence, with the number of others. Exports are not
checked: they are what a GET returns. A shift's `startDate` and `lengthMinutes` are read-only
too, but integrations write them routinely; WFM205 notes them when they disagree with the
activities, which is when they mislead.

## Why is this bad?
It is not an error: the API sets these fields itself and ignores them in a request. They are
usually copied from a GET response, and what they say may no longer be true (a shift's
`startDate` that disagrees with its activities, WFM205), which misleads whoever reads the
payload.

## Example
`payload.json`:
```json
{"metadata": {"version": 3, "dateModified": "2026-11-20T10:00:00Z"}, "agentSchedules": []}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": []}
```

## Fix
Safe: every occurrence of the field in the file is removed (the API ignores them).

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Edit, Fix, Issue
from wfmlint.payload import MISSING, dotted_pointer
from wfmlint.profiles import IMPORT, UPDATE
from wfmlint.shapes import read_only_paths

_WFM205 = ("startDate", "lengthMinutes")  # noted by shift-span-mismatch when they mislead

CODE = "WFM109"
NAME = "read-only-field"
SEVERITY = "info"
OPTIONS: dict = {}
FIX = "safe"


def check(payload, options) -> Iterator[Issue]:
    if payload.profile not in (UPDATE, IMPORT):
        return
    for table_name, shape in payload.shapes.items():
        table = payload.tables[table_name]
        for path in read_only_paths(shape):
            if table_name == "shifts" and path in _WFM205:
                continue
            # null counts as absent (SPEC §9): nothing to remove
            rows = [row for row, value in enumerate(table.column(path)) if value is not MISSING and value is not None]
            if rows:
                more = f"; {len(rows) - 1} more in this file" if len(rows) > 1 else ""
                pointers = [dotted_pointer(table.pointer(row), path) for row in rows]
                yield Issue(CODE, f"\"{path}\" is read-only: the API sets it and ignores it in a "
                            f"request, so it can be removed{more}", pointers[0], at_key=True,
                            fix=Fix(f"remove \"{path}\" ({len(rows)} in this file)" if len(rows) > 1
                                    else f"remove \"{path}\"",
                                    tuple(Edit("remove", pointer) for pointer in pointers)))
