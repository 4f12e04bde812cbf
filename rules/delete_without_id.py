"""A shift to delete without the `id` that names it.

## What it does
In an update, reports (at the shift) a shift with `delete: true` and no `id`.

## Why is this bad?
The API deletes a shift of the current schedule by its id; the shift's `startDate` and
`lengthMinutes` are read-only and name nothing. Without an `id` there is nothing to delete: the
upload fails or the shift you meant stays. (An inference from the official models, where `id`
is the only writable member that names an existing shift.)

## Example
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "shifts": [{"delete": true, "activities": []}]}]}
```

## Use instead
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "metadata": {"version": 7},
  "shifts": [{"id": "shift-17", "delete": true}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.payload import MISSING
from wfmlint.profiles import UPDATE

CODE = "WFM111"
NAME = "delete-without-id"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    if payload.profile != UPDATE:
        return
    shifts = payload.tables["shifts"]
    ids = shifts.column("id")
    for row, value in enumerate(shifts.column("delete")):
        if value is True and (ids[row] is MISSING or ids[row] is None):
            yield Issue(CODE, "shift has delete: true but no id; add the id of the shift to delete "
                        "from the current schedule", shifts.pointer(row))
