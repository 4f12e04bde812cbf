"""An activity code the business unit has deleted.

## What it does
With an activity-codes reference file, reports each activity and full-day time-off marker of
an update or an import whose `activityCodeId` is a code of the business unit with `"active":
false` ("whether this activity code is active or has been deleted"), at the id. A code whose
`active` is absent counts as active. Deleted shifts, markers and agent schedules are not
checked.

## Why is this bad?
A deleted code cannot be scheduled: the API refuses the entry, or fails the upload later.

## Example
`wfmlint.toml`:
```toml
[genesys]
activity-codes = "reference/activitycodes.json"
```
`reference/activitycodes.json`:
```json
{"entities": [{"id": "ac-old", "name": "Old break", "active": false, "category": "Break"},
              {"id": "ac-break", "name": "Break", "active": true, "category": "Break"}]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T10:00:00Z", "lengthMinutes": 15, "description": "", "activityCodeId": "ac-old"}]}]}]}
```

## Use instead
`wfmlint.toml`:
```toml
[genesys]
activity-codes = "reference/activitycodes.json"
```
`reference/activitycodes.json`:
```json
{"entities": [{"id": "ac-old", "name": "Old break", "active": false, "category": "Break"},
              {"id": "ac-break", "name": "Break", "active": true, "category": "Break"}]}
```
`payload.json`:
```json
{"metadata": {"version": 3}, "agentSchedules": [{"userId": "agent-1", "shifts": [{"activities": [
  {"startDate": "2026-11-24T10:00:00Z", "lengthMinutes": 15, "description": "", "activityCodeId": "ac-break"}]}]}]}
```

## Options
None.
"""
from __future__ import annotations

from typing import Iterator

from wfmlint.findings import Issue
from wfmlint.rules._codes import its_name, named_codes, source_of, what

CODE = "WFM605"
NAME = "inactive-activity-code"
SEVERITY = "error"
OPTIONS: dict = {}


def check(payload, options) -> Iterator[Issue]:
    for table, row, value, code in named_codes(payload, lambda code: code is not None and not code.active):
        name = its_name(code)
        yield Issue(CODE, f"{what(table)} names activity code \"{value}\"{name}, which the business unit "
                    f"has deleted (\"active\": false in {source_of(payload)}); use an active code",
                    f"{payload.tables[table].pointer(row)}/activityCodeId")
